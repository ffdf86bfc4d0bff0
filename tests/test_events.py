"""One entry per event, event ids, each language's order of names, and date ranges."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import newsroom_project, run_cli

from generator.dates import PartialDate
from generator.events import collation_key, event_groups
from generator.load import load_corpus
from generator.localize import Localizer
from generator.models import TimelineEntry
from generator.settings import PageSizes, Settings
from generator.timeline_pages import timelines


def entry(date: str, text: str, **more: object) -> tuple[TimelineEntry, str]:
    return TimelineEntry.model_validate({"date": date, "event": {"en": text}, **more}), text


def test_entries_alike_word_for_word_are_one_event() -> None:
    groups = event_groups(
        [
            entry("2025-10-26", "The 47th ASEAN Summit opens.", end="2025-10-28"),
            entry("2025-10-27", "Something else happens."),
            entry("2025-10-26", "The 47th ASEAN Summit opens.", end="2025-10-28"),
        ]
    )
    assert groups == [[0, 2], [1]]


def test_the_same_words_on_another_date_or_with_another_end_are_another_event() -> None:
    groups = event_groups(
        [
            entry("2025-10-26", "The summit opens."),
            entry("2025-10-27", "The summit opens."),
            entry("2025-10-26", "The summit opens.", end="2025-10-28"),
        ]
    )
    assert groups == [[0], [1], [2]]


def test_entries_sharing_an_id_are_one_event_whatever_their_words() -> None:
    groups = event_groups(
        [
            entry("2016-07-12", "The tribunal rules.", id="award"),
            entry("2016-07-12", "An award rejects the line.", id="award"),
            entry("2016-07-12", "The tribunal rules."),  # the first's words: the same event
            entry("2016-07-12", "Another event the same day."),
        ]
    )
    assert groups == [[0, 1, 2], [3]]


def test_an_event_id_is_a_slug() -> None:
    with pytest.raises(ValueError, match="id"):
        TimelineEntry.model_validate(
            {"date": "2016-07-12", "event": {"en": "x"}, "id": "The award"}
        )


def test_two_entries_with_one_id_and_different_dates_are_refused_naming_both(
    tmp_path: Path,
) -> None:
    project = newsroom_project(tmp_path / "project")
    folder = project / "content" / "briefings"
    first = folder / "arbitral-award-ten-years" / "briefing.yaml"
    second = folder / "bakamla-natuna-patrols" / "briefing.yaml"
    text = second.read_text(encoding="utf-8")
    second.write_text(text.replace("  - date: 2016-07-12\n", "  - date: 2016-07-13\n"), "utf-8")
    lines = second.read_text(encoding="utf-8").splitlines()
    id_line = next(i for i, line in enumerate(lines, 1) if "id: south-china-sea-award" in line)
    date_line = next(
        i
        for i, line in enumerate(first.read_text(encoding="utf-8").splitlines(), 1)
        if "- date: 2016-07-12" in line
    )
    result = run_cli(project, "check")
    assert result.returncode == 1, result.stderr
    assert (
        f"content/briefings/bakamla-natuna-patrols/briefing.yaml:{id_line}:5: timeline[0].id: "
        "event 'south-china-sea-award' is here on July 13, 2016 but on July 12, 2016 in "
        f"content/briefings/arbitral-award-ten-years/briefing.yaml:{date_line}:5 (timeline[1]); "
        "entries with one id are one event: give them the same date, or different ids"
    ) in result.stderr, result.stderr
    assert "Traceback" not in result.stderr


def test_menus_sort_names_as_cldr_root_collation_does() -> None:
    names = ["BRICS", "Bakamla", "ASEAN", "Airlangga Hartarto", "Élysée", "Eropa", "australia"]
    assert sorted(names, key=collation_key) == [
        "Airlangga Hartarto",
        "ASEAN",
        "australia",
        "Bakamla",
        "BRICS",
        "Élysée",
        "Eropa",
    ]


def test_a_name_in_lowercase_sorts_before_the_same_in_capitals() -> None:
    assert sorted(["Asean", "asean", "ASEAN"], key=collation_key) == ["asean", "Asean", "ASEAN"]


@pytest.mark.parametrize(
    ("start", "end", "lang", "expected"),
    [
        ("2025-10-26", "2025-10-28", "en", "October 26\u201328, 2025"),
        ("2025-10-26", "2025-10-28", "id", "26\u201328 Oktober 2025"),
        ("2024", "2025", "en", "2024\u20132025"),
        # Where either side has words, CLDR's thin spaces stay around the dash.
        ("2025-10-26", "2025-11-02", "en", "October 26\u2009\u2013\u2009November 2, 2025"),
        ("2025-10-26", "2025-11-02", "id", "26 Oktober\u2009\u2013\u20092 November 2025"),
        ("2025-09", "2025-10", "en", "September\u2009\u2013\u2009October 2025"),
    ],
)
def test_date_ranges_follow_cldr_with_a_closed_dash_between_numbers(
    start: str, end: str, lang: str, expected: str
) -> None:
    assert PartialDate.parse(start).format_range(PartialDate.parse(end), lang) == expected


def test_a_page_break_of_a_long_timeline_never_cuts_an_event_in_two(tmp_path: Path) -> None:
    settings = Settings(root=newsroom_project(tmp_path / "project"))
    corpus = load_corpus(settings)
    localizer = Localizer(corpus, settings.language("en"), page_sizes=PageSizes(timeline_events=1))
    index, *pages = timelines(localizer)
    shown = [e for page in pages for group in page.years for e in group.events]  # type: ignore[attr-defined]
    keys = [(e.date.iso(), e.text.text) for e in shown]
    assert len(keys) == len(set(keys)), "an event on two pages"
    award = [e for e in shown if e.date.iso() == "2016-07-12"]
    assert len(award) == 1 and award[0].also, "the shared event, once, with its other briefing"
    counted = sum(count for _, count, _ in index.year_links)  # type: ignore[attr-defined]
    assert counted == len(shown)
