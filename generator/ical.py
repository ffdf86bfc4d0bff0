"""The timeline as a calendar: one iCalendar feed (RFC 5545) per language.

Every timeline event of every briefing, as an all-day event: a day-precision date is
that day, a month or a year the whole month or year, an ``end`` the span to its
last day. Expected events are tentative, cancelled ones cancelled. Each event's UID
is made from its language, briefing, date and place among that day's events, so a
calendar application recognises it again at the next update.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from urllib.parse import urlsplit

from generator.dates import PartialDate, Precision
from generator.encode import ical_line
from generator.layout import briefing_url
from generator.load import LoadedBriefing
from generator.settings import Language

STATUS = {"happened": "CONFIRMED", "expected": "TENTATIVE", "cancelled": "CANCELLED"}


def _after(date: PartialDate) -> dt.date:
    """The day after the last day a date covers (iCalendar's DTEND is exclusive)."""
    if date.precision is Precision.DAY:
        return date.first_day() + dt.timedelta(days=1)
    if date.precision is Precision.MONTH:
        year, month = divmod(date.year * 12 + date.month, 12)
        return dt.date(year, month + 1, 1)
    return dt.date(date.year + 1, 1, 1)


def _day(value: dt.date) -> str:
    return value.strftime("%Y%m%d")


# One event as the calendar lists it: its place in date order, and its lines.
CalendarEvent = tuple[tuple[tuple[int, int, int], str, int], bytes]


def briefing_events(loaded: LoadedBriefing, language: Language) -> list[CalendarEvent]:
    """The calendar events of one briefing's timeline (made once for each briefing
    while it is unchanged, by a caller that generates again and again)."""
    b = loaded.briefing
    host = urlsplit(language.url).hostname or "briefings.invalid"
    url = f"{language.url}{briefing_url(loaded.slug)}"
    stamp = f"{_day((b.updated or b.published).first_day())}T000000Z"
    same_day: dict[str, int] = {}
    events = []
    for index, entry in enumerate(b.timeline):
        nth = same_day[entry.date.iso()] = same_day.get(entry.date.iso(), 0) + 1
        lines = [
            ical_line("BEGIN", "VEVENT"),
            ical_line("UID", f"{language.code}-{loaded.slug}-{entry.date.iso()}-{nth}@{host}"),
            ical_line("DTSTAMP", stamp),
            ical_line("DTSTART;VALUE=DATE", _day(entry.date.first_day())),
            ical_line("DTEND;VALUE=DATE", _day(_after(entry.end or entry.date))),
            ical_line("SUMMARY", language.text(entry.event), text=True),
            ical_line("DESCRIPTION", f"{language.text(b.title)}\n{url}", text=True),
            ical_line("URL;VALUE=URI", url),
            ical_line("STATUS", STATUS[entry.status]),
            ical_line("END", "VEVENT"),
        ]
        events.append(((entry.date.sort_key, loaded.slug, index), b"".join(lines)))
    return events


def events_ics(events: Sequence[CalendarEvent], language: Language, site_name: str) -> bytes:
    """The calendar of a language: every briefing's events, in date order."""
    head = [
        ical_line("BEGIN", "VCALENDAR"),
        ical_line("VERSION", "2.0"),
        ical_line("PRODID", f"-//briefings//timeline//{language.code.upper()}"),
        ical_line("CALSCALE", "GREGORIAN"),
        ical_line("METHOD", "PUBLISH"),
        ical_line("X-WR-CALNAME", f"{site_name} ({language.name})", text=True),
    ]
    ordered = [lines for _, lines in sorted(events, key=lambda event: event[0])]
    return b"".join([*head, *ordered, ical_line("END", "VCALENDAR")])
