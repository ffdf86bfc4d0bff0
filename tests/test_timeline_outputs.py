"""Time as readers get it: the timeline's dates at their precision, its pages per year,
the calendar, and what the front page says is coming up."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import icalendar
import pytest
from conftest import (
    OUTSIDER,
    SEED_SLUG,
    SITE_URL,
    Read,
    add_outsider_briefing,
    copy_project,
)
from content_edits import replace
from html_parts import Elements, content_of

from generator import Settings
from generator.list_pages import home
from generator.load import load_corpus
from generator.localize import Localizer
from generator.settings import PageSizes
from generator.timeline_pages import timelines


def test_timeline_says_each_date_once_at_its_precision(full_site: Path, read_page: Read) -> None:
    html = content_of(read_page(full_site, "en/timeline"))
    said = dict(re.findall(r'<time datetime="([^"]+)">([^<]+)</time>', html))
    assert said["2023-01"] == "January 2023"  # a month, no "some time in the month"
    assert said["2025"] == "2025"
    assert said["2023-05"] == "around May 2023"  # approximate: "around", once
    assert said["2022-06"] == "Summer 2022"  # the date_label instead of the date
    assert "some time" not in html and "approximate date" not in html
    indonesian = content_of(read_page(full_site, "id/timeline"))
    said = dict(re.findall(r'<time datetime="([^"]+)">([^<]+)</time>', indonesian))
    assert said["2023-05"] == "sekitar Mei 2023" and said["2022-06"] == "Musim panas 2022"
    # Status in a word (its marker's shape is CSS), beside the date.
    assert re.search(
        r'<time datetime="2025">2025</time> <span class="briefing-status '
        r'briefing-status--expected">expected</span>',
        html,
    )
    page = Elements(html)
    items = page.find("li")
    # Filters: a form (shown by script), every event tagged with its actors and topics.
    assert page.find("select", name="actor") and page.find("select", name="topic")
    assert any("jens-stoltenberg" in li.get("data-actors", "") for li in items)
    assert any("nato" in li.get("data-tags", "").split() for li in items)


def test_long_timeline_gets_pages_per_year(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    add_outsider_briefing(project)
    corpus = load_corpus(Settings(root=project))
    english = Settings(root=project).language("en")
    localizer = Localizer(corpus, english, page_sizes=PageSizes(timeline_events=2))
    pages = {str(p.path): p for p in timelines(localizer)}
    assert set(pages) == {
        "timeline.md",
        "timeline/2025.md",
        "timeline/2023.md",
        "timeline/2023/2.md",
        "timeline/2022.md",
    }
    index = pages["timeline.md"]
    assert [(y, n, len(links)) for y, n, links in index.year_links] == [  # type: ignore[attr-defined]
        (2025, 2, 1),
        (2023, 3, 2),
        (2022, 2, 1),
    ]
    first, second = pages["timeline/2023.md"], pages["timeline/2023/2.md"]
    assert [e.date.iso() for e in first.years[0].events] == ["2023-07-11", "2023-05"]  # type: ignore[attr-defined]
    assert [e.date.iso() for e in second.years[0].events] == ["2023-01"]  # type: ignore[attr-defined]
    assert first.pager and (first.pager.number, first.pager.count) == (1, 2)
    assert first.pager.older == "../timeline/2023/2.md" and first.pager.newer is None
    assert second.pager and second.pager.newer == "../../timeline/2023.md"
    # An event's links start at the language's root, the same on every page: the
    # renderer puts each page's way up in front (followed in the next test's build).
    assert first.years[0].events[0].briefing.href == "briefings/japan-nato-liaison-office/"  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_timeline_is_a_calendar_to_subscribe_to(
    full_site: Path, read_page: Read, lang: str
) -> None:
    raw = (full_site / lang / "feeds" / "events.ics").read_bytes()
    calendar = icalendar.Calendar.from_ical(raw)
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert len(events) == raw.split(b"\r\n").count(b"BEGIN:VEVENT")
    # Events known to the day (of both briefings), from a year before the build's day on;
    # those known only to their month or year stay on the timeline pages.
    starts = sorted(e["DTSTART"].dt for e in events.values())
    assert starts == [dt.date(2023, 7, 11), dt.date(2025, 1, 6)]
    summit = next(e for e in events.values() if e["DTSTART"].dt == dt.date(2023, 7, 11))
    assert summit["DTEND"].dt == dt.date(2023, 7, 13)  # the day after its end
    assert str(summit["STATUS"]) == "CONFIRMED"
    assert str(summit["URL"]) == f"{SITE_URL}{lang}/briefings/{SEED_SLUG}/"
    summary = str(summit["SUMMARY"])
    assert summary.startswith("KTT NATO" if lang == "id" else "NATO summit")
    assert all(uid.startswith(f"{lang}-") for uid in events)
    # The timeline page offers it.
    assert 'href="../feeds/events.ics"' in read_page(full_site, f"{lang}/timeline/")


def test_the_front_page_lists_the_latest_briefings_and_what_is_coming_up(
    full_site: Path, read_page: Read
) -> None:
    html = content_of(read_page(full_site, "en"))
    page = Elements(html)
    titles = [a["href"] for a in page.find("a") if a.get("href", "").startswith("briefings/")]
    assert titles.index(f"briefings/{OUTSIDER}/") < titles.index(f"briefings/{SEED_SLUG}/")
    text = page.text
    assert "January 10, 2025" in text and "June 2, 2023" in text  # dates in the language
    assert "Indonesia becomes a full member of BRICS" in text  # summaries
    assert page.find("a", href="tags/economy/")  # topics
    assert page.find("img", src=f"briefings/{OUTSIDER}/photo.png")  # its own image
    # Coming up, on 1 January 2024 (SOURCE_DATE_EPOCH): expected events from that day on,
    # soonest first; the July 2023 one is past.
    coming = html[html.index('id="coming-up"') : html.index("</section>")]
    said = re.findall(r'<time datetime="([^"]+)">', coming)
    assert said == ["2025"]
    assert 'href="feeds/events.ics"' in coming
    indonesian = Elements(content_of(read_page(full_site, "id"))).text
    assert "Agenda mendatang" in indonesian and "10 Januari 2025" in indonesian


def test_coming_up_follows_the_build_date(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    replace(
        project,
        "  - date: 2023-07-11\n    end: 2023-07-12\n",
        "  - date: 2023-07\n    status: expected\n",
    )
    corpus = load_corpus(Settings(root=project))
    english = Settings(root=project).language("en")

    def coming(day: dt.date) -> list[str]:
        return [e.iso for e in home(Localizer(corpus, english, today=day)).coming]

    assert coming(dt.date(2023, 7, 31)) == ["2023-07"]  # a month is coming up to its last day
    assert coming(dt.date(2023, 8, 1)) == []
