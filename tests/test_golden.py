"""Every generated file at 200 briefings of the benchmark's corpus, as recorded: a change
to the generator that changes its output shows here, file by file.

When a change of output is intended, record it again and name it in the commit:
``UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py``.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from bench.run import make_project
from generator.cli import settings_from
from generator.pipeline import generate

GOLDEN = Path(__file__).parent / "golden" / "generated-200.json"
BRIEFINGS = 200


def digests(out: Path, handwritten: Path) -> dict[str, str]:
    """sha256 of every generated file, by its path; hand-written pages copied as they are
    (docs/<lang>/...) are left out, so that editing one is not a change of the generator."""
    found = {}
    for path in sorted(out.rglob("*")):
        rel = path.relative_to(out)
        if not path.is_file() or rel.name == ".manifest.json":
            continue
        lang, *rest = rel.parts
        if rest[:1] == ["docs"] and (handwritten / lang / Path(*rest[1:])).is_file():
            continue
        found[rel.as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


@pytest.mark.slow
def test_every_generated_file_at_200_briefings_is_as_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SITE_URL", "https://golden.example.org/")
    project = make_project(tmp_path, BRIEFINGS)
    settings = settings_from(project / "mkdocs.yml")
    generate(settings, out_dir=project / "out")
    found = digests(project / "out", project / "docs")
    if os.environ.get("UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(json.dumps(found, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    recorded = json.loads(GOLDEN.read_text(encoding="utf-8"))
    changed = sorted(p for p in found.keys() & recorded.keys() if found[p] != recorded[p])
    added = sorted(found.keys() - recorded.keys())
    removed = sorted(recorded.keys() - found.keys())
    assert (changed, added, removed) == ([], [], []), (
        f"{len(changed)} changed, {len(added)} added, {len(removed)} removed; first ones: "
        f"{changed[:5]} {added[:5]} {removed[:5]}"
    )
