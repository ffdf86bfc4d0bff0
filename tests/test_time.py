"""A site that stays true as time passes: built on a fixed day (SOURCE_DATE_EPOCH), an
expected event past its date is no longer "expected" anywhere, Coming up keeps what is
dated and near, the calendar holds only days, and a page that only falls back to its
original is not announced as a translation."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path

import icalendar
import pytest
import yaml
from conftest import ENV, SEED_SLUG, built_once, copy_project, run_cli, run_mkdocs
from content_edits import line_of
from playwright.sync_api import Browser, expect

from bench.search import chromium, serve_folder
from generator import Settings
from generator.dates import PartialDate
from generator.list_pages import home
from generator.load import load_corpus
from generator.localize import Localizer
from generator.models import TimelineEntry

DAY = "1796428800"  # 5 December 2026, 00:00 UTC
TODAY = dt.date(2026, 12, 5)
AGENDA = "content/briefings/agenda/briefing.yaml"


def both(en: str, id_: str | None = None) -> dict[str, str]:
    return {"id": id_ or f"{en} (id)", "en": en}


def event(date: str, en: str, status: str = "happened") -> dict[str, object]:
    return {"date": date, "status": status, "event": both(en)}


AGENDA_BRIEFING = {
    "title": both("What comes next", "Apa berikutnya"),
    "summary": both("Dates ahead and behind.", "Tanggal di depan dan di belakang."),
    "published": "2026-11-20",
    "article": {"language": "en"},
    "key_points": [both("A point.", "Satu poin.")],
    "actors": [{"actor": "nato"}],
    "timeline": [
        event("2025-03", "A meeting that has passed", "expected"),
        *(event("2026", f"Vague {n}", "expected") for n in range(1, 6)),
        event("2027-01-01", "Dated soon", "expected"),
        event("2027-01", "The month of the dated one", "expected"),
        event("2027-02-01", "Claimed ahead"),
        event("2026-01-15", "Recent day"),
        event("2024-06-01", "Old day"),
        event("2026-10-10", "Expected in October", "expected"),
    ],
}
# Only its Indonesian title and summary: the English page falls back to them.
ONLY_ID = {
    "title": {"id": "Hanya dalam bahasa Indonesia"},
    "summary": {"id": "Ringkasan yang belum diterjemahkan."},
    "published": "2026-11-21",
    "article": {"language": "id"},
    "key_points": [{"id": "Satu poin."}],
    "actors": [{"actor": "nato"}],
}


def make_project(where: Path) -> Path:
    project = copy_project(where)
    for slug, data in (("agenda", AGENDA_BRIEFING), ("only-id", ONLY_ID)):
        folder = project / "content" / "briefings" / slug
        folder.mkdir()
        (folder / "briefing.yaml").write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
    return project


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_project(tmp_path_factory.mktemp("time") / "project")


def build_on_the_day(dest: Path) -> Path:
    project = make_project(dest)
    built = run_mkdocs(project, "build", "--strict", timeout=600, env={"SOURCE_DATE_EPOCH": DAY})
    assert built.returncode == 0, built.stderr
    return project / "site"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_once(tmp_path_factory, "time", build_on_the_day)


def test_check_warns_at_an_expected_event_whose_date_has_passed(project: Path) -> None:
    result = run_cli(project, "check", env={"SOURCE_DATE_EPOCH": DAY})
    assert result.returncode == 0, result.stderr
    line = line_of(project, "date: 2025-03", AGENDA)
    assert (
        f"{AGENDA}:{line}:3: warning: timeline[0]: expected in March 2025, which has passed: "
        "record what happened (status: happened or cancelled) or move the date"
    ) in result.stderr
    line = line_of(project, "date: '2026-10-10'", AGENDA)
    assert f"{AGENDA}:{line}:3: warning: timeline[11]: expected on October 10, 2026," in (
        result.stderr
    )
    # Vague events of this year are still to come until the year has ended.
    assert "timeline[1]" not in result.stderr
    strict = run_cli(project, "check", "--strict", env={"SOURCE_DATE_EPOCH": DAY})
    assert strict.returncode == 1


def test_check_warns_when_an_event_that_happened_lies_ahead(project: Path) -> None:
    result = run_cli(project, "check", env={"SOURCE_DATE_EPOCH": DAY})
    line = line_of(project, "date: '2027-02-01'", AGENDA)
    assert (
        f"{AGENDA}:{line}:3: warning: timeline[8]: marked as happened on February 1, 2027, "
        "which is after today (2026-12-05): write status: expected, or correct the date"
    ) in result.stderr


@pytest.mark.parametrize(
    ("date", "day", "status"),
    [
        ("2026-11", dt.date(2026, 11, 30), "expected"),
        ("2026-11", dt.date(2026, 12, 1), "unrecorded"),
        ("2026", dt.date(2026, 12, 31), "expected"),
        ("2026", dt.date(2027, 1, 1), "unrecorded"),
        ("2026-11-30", dt.date(2026, 11, 30), "expected"),
        ("2026-11-30", dt.date(2026, 12, 1), "unrecorded"),
    ],
)
def test_a_month_or_a_year_has_passed_when_it_has_ended(
    date: str, day: dt.date, status: str
) -> None:
    entry = TimelineEntry(date=PartialDate.parse(date), status="expected", event={"en": "x"})
    assert entry.status_on(day) == status


def briefing_html(site: Path, lang: str, slug: str = "agenda") -> str:
    return (site / lang / "briefings" / slug / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("lang", "word"), [("en", "outcome not recorded"), ("id", "hasil belum dicatat")]
)
def test_pages_say_an_overdue_events_outcome_is_not_recorded(
    site: Path, lang: str, word: str
) -> None:
    for page in (briefing_html(site, lang), (site / lang / "timeline" / "index.html").read_text()):
        overdue = re.findall(
            r'<li class="briefing-event briefing-event--unrecorded".*?<span class="briefing-status '
            r'briefing-status--unrecorded">([^<]*)</span>',
            page,
        )
        assert overdue == [word, word]  # March 2025 and 10 October 2026
    expected = re.findall(
        r'<time datetime="([^"]+)">[^<]*</time> <span class="briefing-status '
        r'briefing-status--expected">',
        briefing_html(site, lang),
    )
    assert "2025-03" not in expected and "2026-10-10" not in expected
    assert "2027-01-01" in expected


def test_coming_up_keeps_a_dated_event_near_ahead_of_vague_ones(site: Path) -> None:
    home = (site / "en" / "index.html").read_text(encoding="utf-8")
    coming = home[
        home.index('id="coming-up"') : home.index("</section>", home.index('id="coming-up"'))
    ]
    said = re.findall(r'<time datetime="([^"]+)">', coming)
    # Five at most, soonest first by the first day an event can fall on; the dated event
    # 27 days ahead keeps its place among five events of the whole year.
    assert said == ["2026", "2026", "2026", "2026", "2027-01-01"]
    assert "2025-03" not in said and "2026-10-10" not in said


def test_on_a_tie_a_dated_event_comes_before_a_vaguer_one(project: Path) -> None:
    settings = Settings(root=project)
    corpus = load_corpus(settings)
    english = settings.language("en")
    coming = home(Localizer(corpus, english, today=dt.date(2027, 1, 1))).coming
    assert [e.iso for e in coming] == ["2027-01-01", "2027-01"]


def test_the_calendar_holds_days_of_the_last_twelve_months_and_ahead(site: Path) -> None:
    for lang in ("en", "id"):
        calendar = icalendar.Calendar.from_ical((site / lang / "feeds" / "events.ics").read_bytes())
        events = {str(e["SUMMARY"]).removesuffix(" (id)"): e for e in calendar.walk("VEVENT")}
        assert set(events) == {"Dated soon", "Claimed ahead", "Recent day", "Expected in October"}
        for vevent in events.values():  # one day each: no month or year spread over days
            start, end = vevent["DTSTART"].dt, vevent["DTEND"].dt
            assert (end - start).days == 1
        assert str(events["Dated soon"]["STATUS"]) == "TENTATIVE"
        overdue = events["Expected in October"]
        assert "STATUS" not in overdue
        word = {"en": "outcome not recorded", "id": "hasil belum dicatat"}[lang]
        assert str(overdue["DESCRIPTION"]).startswith(f"{word}\n")


def test_data_files_tell_an_overdue_events_status(site: Path) -> None:
    data = json.loads((site / "en" / "data" / "briefings.json").read_text(encoding="utf-8"))
    (agenda,) = [b for b in data["briefings"] if b["slug"] == "agenda"]
    statuses = {e["event"]: e["status"] for e in agenda["timeline"]}
    assert statuses["A meeting that has passed"] == "unrecorded"
    assert statuses["Dated soon"] == "expected"
    timeline = json.loads((site / "en" / "data" / "timelines" / "agenda.json").read_text())
    assert {e["group"] for e in timeline["events"]} == {"unrecorded", "expected", "happened"}


def links(html: str) -> tuple[str | None, dict[str, str]]:
    head = html.split("</head>", 1)[0]
    canonical = re.search(r'<link rel="canonical" href="([^"]+)">', head)
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', head))
    return (canonical.group(1) if canonical else None), alternates


def test_a_page_that_falls_back_to_its_original_is_not_announced_as_a_translation(
    site: Path,
) -> None:
    base = ENV["SITE_URL"]
    canonical, alternates = links(briefing_html(site, "en", "only-id"))
    assert canonical == f"{base}id/briefings/only-id/"
    assert alternates == {
        "id": f"{base}id/briefings/only-id/",
        "x-default": f"{base}id/briefings/only-id/",
    }
    assert "Hanya dalam bahasa Indonesia" in briefing_html(site, "en", "only-id")
    # The original names no English twin either; a translated briefing names both.
    assert set(links(briefing_html(site, "id", "only-id"))[1]) == {"id", "x-default"}
    assert links(briefing_html(site, "en"))[0] == f"{base}en/briefings/agenda/"
    assert set(links(briefing_html(site, "id"))[1]) == {"id", "en", "x-default"}
    english_sitemap = (site / "en" / "sitemap.xml").read_text(encoding="utf-8")
    assert "only-id" not in english_sitemap and "/en/briefings/agenda/" in english_sitemap
    indonesian_sitemap = (site / "id" / "sitemap.xml").read_text(encoding="utf-8")
    assert "/id/briefings/only-id/" in indonesian_sitemap
    assert 'hreflang="en" href="https://briefings.example.org/en/briefings/only-id/"' not in (
        indonesian_sitemap
    )


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    with serve_folder(site) as base:
        yield base


@pytest.mark.slow
@pytest.mark.skipif(
    chromium() is None, reason="Chromium is not installed (apt-get install chromium)"
)
def test_a_reader_sees_the_outcome_is_not_recorded(served: str, browser: Browser) -> None:
    page = browser.new_page()
    try:
        for lang, word in (("en", "outcome not recorded"), ("id", "hasil belum dicatat")):
            page.goto(f"{served}/{lang}/briefings/agenda/")
            status = page.locator(".briefing-event--unrecorded .briefing-status")
            expect(status).to_have_text([word, word])
            expect(page.locator(".briefing-event--expected .briefing-status").first).to_be_visible()
    finally:
        page.close()


def test_the_shipped_briefing_is_true_on_the_day_it_was_last_reviewed(project: Path) -> None:
    # Its July 2023 summit happened: a fork's CI (check --strict, on the day) stays green.
    result = run_cli(
        project,
        "check",
        "--strict",
        f"content/briefings/{SEED_SLUG}",
        env={"SOURCE_DATE_EPOCH": DAY},
    )
    assert result.returncode == 0, result.stderr
