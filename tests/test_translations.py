"""Stale translations, field by field: translations.txt records the original each
translation was made from; `check` warns when the original changed since, `status` and
the status page list it, the page tells readers, and the pre-commit mode keeps the record
of a translation changed together with its original."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import SEED_SLUG, build, git, run_cli

from generator.cli import main
from generator.translations import fingerprint, parse_record

FOLDER = Path("content/briefings") / SEED_SLUG
YAML = FOLDER / "briefing.yaml"
RECORD = FOLDER / "translations.txt"
ID_SUMMARY = "NATO dan Jepang membahas pembukaan"
EN_SUMMARY = "NATO and Japan are discussing"
STALE = "summary.en: may be out of date: the id text changed since it was translated"


def cli(project: Path, *args: str) -> int:
    """The command in this process: what a subprocess would add is tested once a command."""
    return main(["--config", str(project / "mkdocs.yml"), *args])


def edit(project: Path, old: str, new: str, path: Path = YAML) -> None:
    file = project / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(project: Path, field: str, lang: str, path: Path = YAML) -> int:
    """The line of a top-level text's ``lang:`` key, as the warning names it."""
    lines = (project / path).read_text(encoding="utf-8").splitlines()
    start = lines.index(f"{field}:")
    return next(
        n for n, line in enumerate(lines[start:], start + 1) if line.startswith(f"  {lang}:")
    )


def test_confirmed_translations_raise_no_warning(project: Path) -> None:
    confirmed = run_cli(project, "translations", "--confirm", str(FOLDER), real=True)
    assert confirmed.returncode == 0, confirmed.stderr
    assert f"{RECORD.as_posix()}: 26 translations confirmed, 26 recorded today" in confirmed.stdout
    record = (project / RECORD).read_text(encoding="utf-8")
    summary = fingerprint(
        "NATO dan Jepang membahas pembukaan kantor penghubung NATO di Tokyo, yang akan "
        "menjadi kantor pertama aliansi itu di Asia. Analisis ini menilai langkah tersebut "
        "memperkuat kerja sama keamanan kedua pihak, tetapi keanggotaan Jepang tetap jauh "
        "dan Tokyo perlu berhati-hati terhadap reaksi Rusia dan Tiongkok."
    )
    assert f"\nsummary.en {summary} 2024-01-01\n" in record
    fields = [line.split()[0] for line in record.splitlines() if not line.startswith("#")]
    assert fields == sorted(fields) and "timeline[4].event.en" in fields
    assert "article.title.id" not in record  # one language: nothing translated
    checked = run_cli(project, "check", "--strict")
    assert checked.returncode == 0 and "may be out of date" not in checked.stderr


def test_an_original_changed_since_its_translation_is_warned_at_the_translation(
    project: Path,
) -> None:
    assert cli(project, "translations", "--confirm", str(project / FOLDER)) == 0
    edit(project, ID_SUMMARY, "NATO dan Jepang kini membahas pembukaan")
    checked = run_cli(project, "check")
    line = line_of(project, "summary", "en")
    assert checked.returncode == 0, checked.stderr
    assert f"{YAML.as_posix()}:{line}:3: warning: {STALE}\n" in checked.stderr
    assert checked.stderr.count("may be out of date") == 1
    assert run_cli(project, "check", "--strict").returncode == 1


def test_status_lists_the_fields_that_may_be_out_of_date(project: Path) -> None:
    assert cli(project, "translations", "--confirm", str(project / FOLDER)) == 0
    edit(project, ID_SUMMARY, "NATO dan Jepang kini membahas pembukaan")
    edit(project, "Kantor penghubung di Tokyo akan", "Kantor penghubung Tokyo akan")
    status = run_cli(project, "status")
    assert status.returncode == 0, status.stderr
    assert f"{SEED_SLUG}  en: 26/26 texts; out of date: summary, key_points[0]\n" in status.stdout
    assert f"{SEED_SLUG}  id: 26/26 texts; complete\n" in status.stdout


def test_confirming_again_clears_the_warning_and_keeps_unchanged_lines(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(project, "translations", "--confirm", str(project / FOLDER)) == 0
    record = project / RECORD  # recorded a month earlier
    record.write_text(record.read_text("utf-8").replace(" 2024-01-01", " 2023-12-01"), "utf-8")
    edit(project, ID_SUMMARY, "NATO dan Jepang kini membahas pembukaan")
    assert cli(project, "check", "--strict") == 1
    capsys.readouterr()
    assert cli(project, "translations", "--confirm", str(project / YAML)) == 0
    assert "26 translations confirmed, 1 recorded today" in capsys.readouterr().out
    lines = [line for line in record.read_text("utf-8").splitlines() if " 2024-01-01" in line]
    assert [line.split()[0] for line in lines] == ["summary.en"]
    assert cli(project, "check", "--strict") == 0


def test_a_field_with_no_record_is_not_reported(project: Path) -> None:
    assert cli(project, "check", "--strict") == 0  # no record at all: nothing compared
    assert cli(project, "translations", "--confirm", str(project / FOLDER)) == 0
    record = project / RECORD
    lines = record.read_text(encoding="utf-8").splitlines(keepends=True)
    record.write_text("".join(x for x in lines if not x.startswith("summary.en ")), "utf-8")
    edit(project, ID_SUMMARY, "NATO dan Jepang kini membahas pembukaan")
    assert cli(project, "check", "--strict") == 0


def test_a_malformed_record_line_is_named_by_file_line_column_and_field(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(project, "translations", "--confirm", str(project / FOLDER)) == 0
    with (project / RECORD).open("a", encoding="utf-8") as record:
        record.write("<<<<<<< HEAD\nsummary.en 0123456789ab 2024-02-30\ntitle.en xyz\n")
    capsys.readouterr()
    checked = run_cli(project, "check")
    assert checked.returncode == 1 and "Traceback" not in checked.stderr
    name = RECORD.as_posix()
    assert f"{name}:29:1: a merge conflict's marker: delete the markers" in checked.stderr
    assert f"{name}:30:25: summary.en: '2024-02-30': day 30 does not exist" in checked.stderr
    assert f"{name}:31:1: title.en: expected three parts" in checked.stderr
    # Confirming writes the record again from its readable lines.
    assert cli(project, "translations", "--confirm", str(project / FOLDER)) == 0
    assert "left out 3 unreadable lines" in capsys.readouterr().err
    assert cli(project, "check", "--strict") == 0


def test_a_record_read_twice_is_an_error_not_a_guess() -> None:
    raw = b"# header\nsummary.en 0123456789ab 2024-01-01\nsummary.en 0123456789ab 2024-01-02\n"
    records, problems = parse_record(raw, "x/translations.txt")
    assert list(records) == ["summary.en"] and str(records["summary.en"].date) == "2024-01-01"
    assert [str(p) for p in problems] == [
        "x/translations.txt:3:1: summary.en: recorded twice (first at line 2); keep one line"
    ]
    assert [str(p) for p in parse_record(b"\xff", "t.txt")[1]] == [
        "t.txt:1: invalid UTF-8 at byte 0; save the file as UTF-8"
    ]


def test_the_job_summary_counts_the_translations_that_may_be_out_of_date(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli(project, "translations", "--confirm", str(project / FOLDER)) == 0
    capsys.readouterr()
    assert cli(project, "check", "--markdown") == 0
    assert "\n0 translations may be out of date.\n" in capsys.readouterr().out
    edit(project, ID_SUMMARY, "NATO dan Jepang kini membahas pembukaan")
    assert cli(project, "check", "--markdown") == 0
    assert "\n1 translation may be out of date.\n" in capsys.readouterr().out


def test_translations_needs_a_mode_and_briefings(project: Path) -> None:
    assert run_cli(project, "translations").returncode == 2  # neither --confirm nor --staged
    nothing = run_cli(project, "translations", "--confirm")
    assert nothing.returncode == 2 and "give the briefings' folders" in nothing.stderr
    typo = run_cli(project, "translations", "--confirm", "content/briefings/typo")
    assert typo.returncode == 2 and "'content/briefings/typo' is not a briefing" in typo.stderr
    assert not (project / RECORD).exists()


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_commit_hook_records_a_translation_changed_with_its_original(project: Path) -> None:
    git(project, "init", "-q")
    assert cli(project, "translations", "--confirm", str(project / FOLDER)) == 0
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "start")
    before = parse_record((project / RECORD).read_bytes(), "")[0]
    # The summary changes in both languages; a key point's original changes alone.
    edit(project, ID_SUMMARY, "NATO dan Jepang kini membahas pembukaan")
    edit(project, EN_SUMMARY, "NATO and Japan are now discussing")
    edit(project, "Kantor penghubung di Tokyo akan", "Kantor penghubung Tokyo akan")
    git(project, "add", str(YAML))
    on_1_february = {"SOURCE_DATE_EPOCH": "1706745600"}
    hook = run_cli(project, "translations", "--staged", env=on_1_february)
    assert hook.returncode == 0, hook.stderr
    assert f"{RECORD.as_posix()}: recorded 1 translation changed with the original" in hook.stderr
    after = parse_record((project / RECORD).read_bytes(), "")[0]
    assert after["summary.en"].fingerprint != before["summary.en"].fingerprint
    assert str(after["summary.en"].date) == "2024-02-01"
    assert after["key_points[0].en"] == before["key_points[0].en"]  # still out of date
    assert {k: v for k, v in after.items() if k != "summary.en"} == {
        k: v for k, v in before.items() if k != "summary.en"
    }
    assert RECORD.as_posix() in git(project, "diff", "--cached", "--name-only")
    checked = run_cli(project, "check")
    assert "key_points[0].en: may be out of date" in checked.stderr
    assert "summary.en: may be out of date" not in checked.stderr


def test_the_commit_hook_outside_a_repository_says_so(project: Path) -> None:
    result = run_cli(project, "translations", "--staged")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("briefings translations --staged: ")


@pytest.mark.slow
def test_a_page_tells_readers_in_their_language_when_its_original_changed(
    project: Path, read_page: Callable[[Path, str], str]
) -> None:
    # A second briefing whose article, so whose original, is English.
    english = project / "content" / "briefings" / "english-original"
    shutil.copytree(project / FOLDER, english)
    edit(project, "  language: id\n", "  language: en\n", english / "briefing.yaml")
    assert cli(project, "translations", "--confirm", str(project / "content")) == 0
    edit(project, ID_SUMMARY, "NATO dan Jepang kini membahas pembukaan")
    edit(project, EN_SUMMARY, "NATO and Japan now discuss", english / "briefing.yaml")
    updated = "published: 2023-06-02\nupdated: 2024-01-01\n"
    edit(project, "published: 2023-06-02\n", updated, english / "briefing.yaml")
    site = build(project)
    en = read_page(site, f"en/briefings/{SEED_SLUG}")
    assert '<p class="admonition-title">Translation may be out of date</p>' in en
    assert (
        "Parts of this briefing were translated on January 1, 2024 from an earlier version "
        "of the Indonesian original, which has changed since."
    ) in en
    assert "Terjemahan mungkin" not in read_page(site, f"id/briefings/{SEED_SLUG}")
    translated = read_page(site, "id/briefings/english-original")
    assert '<p class="admonition-title">Terjemahan mungkin sudah usang</p>' in translated
    assert (
        "Teks asli briefing ini dalam bahasa Inggris diperbarui pada 1 Januari 2024, setelah "
        "sebagian di antaranya diterjemahkan"
    ) in translated
    assert "Translation may be out of date" not in read_page(site, "en/briefings/english-original")
    status = read_page(site, "en/contribute/status")
    assert "<th>Out of date</th>" in status and "<td>summary</td>" in status
    assert "<th>Mungkin usang</th>" in read_page(site, "id/contribute/status")
