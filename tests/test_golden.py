"""Every generated file of a 12-briefing corpus (10 actors, 4 topics), as recorded: a change
that changes its output shows here as a readable diff, file by file.

The corpus is the benchmark's, with small page sizes so that every listing continues
on numbered pages. Text files are recorded as they are (tests/golden/generated/, so a
pull request shows the change too); images and compressed files by their sha256
(tests/golden/binary.json). When a change of output is intended, record it again and
name it in the commit: ``UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py``.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

from bench.corpus import write_corpus
from bench.project import PROJECT_PARTS, ROOT, copy_parts
from generator.console import settings_from
from generator.pipeline import generate

GOLDEN = Path(__file__).parent / "golden"
TREE = GOLDEN / "generated"
BINARY = GOLDEN / "binary.json"
BRIEFINGS, ACTORS, TOPICS = 12, 10, 4
PER_PAGE = "per_page: {briefings: 5, actor_briefings: 2, timeline_events: 15}"
TEXT = {".md", ".json", ".xml", ".yml", ".ics", ".html", ".txt", ".js", ".css"}
SHOWN = 5  # changed files whose diff a failure shows


def generated(out: Path, handwritten: Path) -> dict[str, bytes]:
    """Every generated file by its path; hand-written pages copied as they are
    (docs/<lang>/...) are left out, so that editing one is not a change of the generator."""
    found = {}
    for path in sorted(out.rglob("*")):
        rel = path.relative_to(out)
        if not path.is_file() or rel.name == ".manifest.json":
            continue
        lang, *rest = rel.parts
        if rest[:1] == ["docs"] and (handwritten / lang / Path(*rest[1:])).is_file():
            continue
        found[rel.as_posix()] = path.read_bytes()
    return found


def as_recorded(files: dict[str, bytes]) -> tuple[dict[str, bytes], dict[str, str]]:
    """Text files as they are, the others by their sha256."""
    text = {p: data for p, data in files.items() if Path(p).suffix in TEXT}
    binary = {p: hashlib.sha256(d).hexdigest() for p, d in files.items() if p not in text}
    return text, binary


def record(text: dict[str, bytes], binary: dict[str, str]) -> None:
    shutil.rmtree(TREE, ignore_errors=True)
    for rel, data in text.items():
        (TREE / rel).parent.mkdir(parents=True, exist_ok=True)
        (TREE / rel).write_bytes(data)
    BINARY.write_text(json.dumps(binary, indent=0, sort_keys=True) + "\n", encoding="utf-8")


def diff(rel: str, before: bytes, after: bytes) -> str:
    lines = difflib.unified_diff(
        before.decode("utf-8", "replace").splitlines(),
        after.decode("utf-8", "replace").splitlines(),
        f"recorded/{rel}",
        f"generated/{rel}",
        lineterm="",
        n=1,
    )
    return "\n".join(list(lines)[:40])


@pytest.mark.slow
def test_every_generated_file_is_as_recorded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SITE_URL", "https://golden.example.org/")
    project = tmp_path / "project"
    copy_parts(ROOT, project, PROJECT_PARTS)
    write_corpus(project / "content", BRIEFINGS, actors=ACTORS, tags=TOPICS)
    config = project / "mkdocs.yml"
    source = config.read_text(encoding="utf-8")
    assert "      # per_page: {" in source
    config.write_text(source.replace("# per_page: {", f"{PER_PAGE}\n      # was: {{", 1))
    generate(settings_from(config), out_dir=project / "out")
    text, binary = as_recorded(generated(project / "out", project / "docs"))
    if os.environ.get("UPDATE_GOLDEN") == "1":
        record(text, binary)
    recorded_text = {
        p.relative_to(TREE).as_posix(): p.read_bytes() for p in TREE.rglob("*") if p.is_file()
    }
    recorded_binary = json.loads(BINARY.read_text(encoding="utf-8"))
    found = {**text, **binary}
    recorded = {**recorded_text, **recorded_binary}
    changed = sorted(p for p in found.keys() & recorded.keys() if found[p] != recorded[p])
    added = sorted(found.keys() - recorded.keys())
    removed = sorted(recorded.keys() - found.keys())
    shown = [diff(p, recorded_text[p], text[p]) for p in changed if p in text][:SHOWN]
    assert (changed, added, removed) == ([], [], []), (
        f"{len(changed)} changed, {len(added)} added, {len(removed)} removed "
        f"(UPDATE_GOLDEN=1 records them)\nadded: {added[:10]}\nremoved: {removed[:10]}\n"
        + "\n".join(shown)
    )
