"""Every data file a language gets is declared once, in ``export.DATA_OUTPUTS``, and
SECURITY.md's table of what each output promises names each of them."""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

import pytest

from bench.project import ROOT, make_project
from generator.export import DATA_OUTPUTS, data_files
from generator.layout import card_file
from generator.load import load_corpus
from generator.settings import Settings

# Share cards are drawn on the process pool, apart from the table (generator/cards.py).
PATTERNS = [path for output in DATA_OUTPUTS for path in output.paths] + [card_file("<slug>")]


def matches(pattern: PurePosixPath, path: PurePosixPath) -> bool:
    parts = (re.escape(part) for part in re.split(r"<(?:slug|id)>", str(pattern)))
    return re.fullmatch("[a-z0-9-]+".join(parts), str(path)) is not None


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_data_file_made_is_declared_by_exactly_one_output(tmp_path: Path, lang: str) -> None:
    project = make_project(tmp_path, 12)
    with (project / "content/briefings/briefing-00003/briefing.yaml").open("a") as briefing:
        briefing.write(
            "corrections:\n  - date: 2026-01-02\n    text: {id: Dikoreksi., en: Fixed.}\n"
        )
    settings = Settings(root=project)
    corpus = load_corpus(settings)
    made = data_files(corpus, settings.language(lang), settings.site_name, settings.today)
    for path in made:
        declared = [pattern for pattern in PATTERNS if matches(pattern, path)]
        assert len(declared) == 1, (path, declared)
    for output in DATA_OUTPUTS:
        for pattern in output.paths:
            assert any(matches(pattern, path) for path in made), (output.name, pattern)


def test_security_md_names_every_declared_output_and_its_paths() -> None:
    table = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    rows = [line for line in table.splitlines() if line.startswith("| ")]
    for output in DATA_OUTPUTS:
        row = next((row for row in rows if row.startswith(f"| {output.name} (")), None)
        assert row is not None, f"SECURITY.md has no row for {output.name!r}"
        for pattern in output.paths:
            assert f"`{pattern}`" in row, (output.name, pattern)
    assert any(f"`{card_file('<slug>')}`" in row for row in rows)


def test_the_table_paths_are_the_ones_layout_gives() -> None:
    names = [output.name for output in DATA_OUTPUTS]
    assert len(names) == len(set(names))
    for pattern in PATTERNS:
        assert not pattern.is_absolute() and ".." not in pattern.parts


def test_an_outputs_unit_is_the_one_its_paths_are_made_per() -> None:
    # A file per briefing is made again with its briefing's unit, one per actor or topic
    # with theirs; one file of the site with any change (the lists).
    for output in DATA_OUTPUTS:
        paths = " ".join(map(str, output.paths))
        per = "briefing" if "<slug>" in paths else "actor and topic" if "<id>" in paths else "lists"
        assert output.unit == per, output.name
