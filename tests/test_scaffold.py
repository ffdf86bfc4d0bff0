"""`briefings new` on Indonesian news copy: datelines, editors' codes, names, dates.

The articles in fixtures/scaffold/ (tuned on) and fixtures/scaffold-untuned/ (never
tuned on) were written for the project, each with what an editor would pick
(expected.yaml); `make scaffold-eval` prints the scores of both. Only the tuned set's
scores are asserted here: the untuned one measures the reading, it does not steer it.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import FIXTURES, run_cli

from bench import scaffold_eval

ARTICLES = FIXTURES / "scaffold"
KEYS = {"file", "title", "names", "dates"}  # and `date` when the article has none


def scaffold(project: Path, name: str, *options: str) -> str:
    slug = name.split(".", maxsplit=1)[0].lower()
    result = run_cli(project, "new", slug, "--from", str(ARTICLES / name), *options)
    assert result.returncode == 0, result.stderr
    return (project / "content" / "briefings" / slug / "briefing.yaml").read_text("utf-8")


def suggested_names(text: str) -> set[str]:
    return {*re.findall(r'named as "([^"]+)"', text), *re.findall(r'^#   "([^"]+)":', text, re.M)}


def test_title_and_byline_leave_out_datelines_and_editors_codes(project: Path) -> None:
    article = project / "wire.id.txt"
    article.write_text(
        "Jakarta (ANTARA) - Para menteri luar negeri negara anggota ASEAN berkumpul di "
        "Jakarta untuk membuka rangkaian pertemuan tahunan yang membahas kode etik di "
        "Laut China Selatan dan krisis di Myanmar.\n\n(Ant/HO01)\n",
        encoding="utf-8",
    )
    result = run_cli(project, "new", "wire", "--from", str(article))
    assert result.returncode == 0, result.stderr
    text = (project / "content" / "briefings" / "wire" / "briefing.yaml").read_text("utf-8")
    title = re.search(r'^  id: "([^"]*)"  # REVIEW', text, re.M)
    assert title is not None
    assert title.group(1).startswith("Para menteri luar negeri")
    assert len(title.group(1)) <= 120
    # Cut after a whole word of the sentence, never inside one.
    assert f"{title.group(1)} " in article.read_text(encoding="utf-8")
    assert "author:" not in text and "HO01" not in text


def test_a_byline_line_gives_the_author(project: Path) -> None:
    text = scaffold(project, "04-analisis-aukus.id.txt")
    assert 'author: "Dewi Lestari"  # REVIEW: from the byline' in text
    assert "Dewi Lestari" not in suggested_names(text)


def test_weekdays_openers_and_places_are_not_names_but_short_names_are(project: Path) -> None:
    names = suggested_names(scaffold(project, "01-asean-menlu.id.txt"))
    assert {"Wang Yi", "Retno Marsudi", "Antony Blinken", "Amerika Serikat"} <= names
    assert not names & {"Selasa", "Para", "Kita", "Pertemuan", "Jakarta", "Juli"}
    assert not any("Laut" in name for name in names)
    assert "Ma Zhaoxu" in suggested_names(scaffold(project, "09-analisis-jepang-china.id.txt"))


def test_dates_ranges_and_relative_dates_become_timeline_entries(project: Path) -> None:
    text = scaffold(project, "01-asean-menlu.id.txt")
    assert '- date: "2023-07-11"  # REVIEW: from "11/7/2023"' in text
    assert (
        '- date: "2023-09-05"  # REVIEW: from "5-7 September 2023"\n    end: "2023-09-07"' in text
    )
    across = scaffold(project, "08-antara-pasifik.id.txt")
    assert '- date: "2023-08-30"  # REVIEW: from "30 Agustus-1 September 2023"' in across
    assert 'end: "2023-09-01"' in across
    # Counted from the dateline's day: Thursday 27 July 2023.
    relative = scaffold(project, "03-cnn-ukraina.id.txt")
    assert '- date: "2023-07-24"  # REVIEW: from "Senin lalu"' in relative
    assert '- date: "2023-08-03"  # REVIEW: from "pekan depan"\n    approximate: true' in relative


def test_relative_dates_count_from_the_date_given(project: Path) -> None:
    text = scaffold(project, "10-kompas-pemilu-as.id.txt", "--date", "2024-11-07")
    assert '- date: "2023"  # REVIEW: from "tahun lalu"' in text
    assert '- date: "2025-02"  # REVIEW: from "Februari mendatang"' in text


def test_a_scaffolded_range_is_accepted_once_written(project: Path) -> None:
    text = scaffold(project, "01-asean-menlu.id.txt")
    assert "end:" in text
    check = run_cli(project, "check", "content/briefings/01-asean-menlu")
    assert "timeline[2].event.id: is empty" in check.stderr  # left to write, as it should be
    assert not re.search(r"timeline\[\d+\]\.end:", check.stderr)  # the range itself is valid


def test_every_article_of_both_sets_has_an_editors_key() -> None:
    for folder in scaffold_eval.SETS.values():
        cases = scaffold_eval.cases(folder)
        assert len(cases) >= 10
        assert sorted(c["file"] for c in cases) == sorted(p.name for p in folder.glob("*.txt"))
        for case in cases:
            assert KEYS <= case.keys() <= {*KEYS, "date"}


def test_the_eval_reports_both_sets_and_hides_the_untuned_answers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    article = "03-cnn-ukraina.id.txt"
    (case,) = (c for c in scaffold_eval.cases(ARTICLES) if c["file"] == article)
    sets = {}
    for name, extra in (("tuned", "Nama Terlihat"), ("untuned", "Nama Tersembunyi")):
        folder = tmp_path / name
        folder.mkdir()
        shutil.copy(ARTICLES / article, folder / article)
        key = [{**case, "names": [*case["names"], extra]}]
        (folder / "expected.yaml").write_text(yaml.safe_dump(key), encoding="utf-8")
        sets[name] = folder
    monkeypatch.setattr(scaffold_eval, "SETS", sets)
    assert scaffold_eval.main(["--json", str(tmp_path / "scores.json")]) == 1
    printed = capsys.readouterr().out
    assert re.search(r"^ +tuned \(1 article\) +untuned \(1 article\)$", printed, re.M)
    expected = len(case["names"]) + 1
    assert re.search(
        rf"^names recall +[0-9.]+ \(\d+/{expected}\) +[0-9.]+ \(\d+/{expected}\)$", printed, re.M
    )
    assert f"tuned names: missed: {article}: Nama Terlihat" in printed
    assert "Nama Tersembunyi" not in printed
    assert "goal on the untuned set" in printed and "NOT met" in printed
    scores = json.loads((tmp_path / "scores.json").read_text(encoding="utf-8"))
    assert scores["untuned"]["names"]["expected"] == expected
    assert scores["tuned"]["articles"] == 1 and scores["goal"]["met"] is False
    scaffold_eval.main(["--show-untuned"])
    assert f"untuned names: missed: {article}: Nama Tersembunyi" in capsys.readouterr().out


@pytest.mark.slow
def test_scaffold_reads_the_tuned_articles_as_an_editor_would() -> None:
    assert len(scaffold_eval.cases(ARTICLES)) >= 15
    scores = scaffold_eval.evaluate(ARTICLES)
    for kind, goal in scaffold_eval.GOAL.items():
        assert scores[kind].recall >= goal["recall"], scores[kind].missed
        assert scores[kind].precision >= goal["precision"], scores[kind].wrong
