"""The timeline as a calendar: one iCalendar feed (RFC 5545) per language.

A calendar says on which day: only events known to the day are in it (a day, or a span
of days with ``end``), as all-day events; one known only to its month or year stays on
the timeline pages, since any single day would say more than is known. The feed is for
following what comes: it holds the events whose last day is at most a year ago.
Expected events are tentative, cancelled ones cancelled; an expected event whose day
has passed carries no status and says that its outcome was not recorded. Each event's
UID is made from its language, briefing, date and place among that day's events, so a
calendar application recognises it again at the next update.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from urllib.parse import urlsplit

from generator.corpus import LoadedBriefing
from generator.dates import Precision
from generator.encode import ical_line
from generator.events import event_keys
from generator.layout import briefing_url
from generator.settings import Language

STATUS = {"happened": "CONFIRMED", "expected": "TENTATIVE", "cancelled": "CANCELLED"}


RECENT_DAYS = 365  # how long a past event stays in the feed


def _day(value: dt.date) -> str:
    return value.strftime("%Y%m%d")


# One event as the calendar lists it: its place in date order, its lines, and what
# makes it the same event as another briefing's (events.event_keys).
CalendarEvent = tuple[tuple[tuple[int, int, int], str, int], bytes, tuple[tuple[str, ...], ...]]


def briefing_events(
    loaded: LoadedBriefing, language: Language, today: dt.date, unrecorded: str
) -> list[CalendarEvent]:
    """The calendar events of one briefing's timeline on ``today`` (made once for each
    briefing while it is unchanged, by a caller that generates again and again);
    ``unrecorded`` says in the language that an expected event's outcome is missing."""
    b = loaded.briefing
    host = urlsplit(language.url).hostname or "briefings.invalid"
    url = language.absolute(briefing_url(loaded.slug))
    stamp = f"{_day((b.updated or b.published).first_day())}T000000Z"
    since = today - dt.timedelta(days=RECENT_DAYS)
    same_day: dict[str, int] = {}
    events = []
    for index, entry in enumerate(b.timeline):
        nth = same_day[entry.date.iso()] = same_day.get(entry.date.iso(), 0) + 1
        last = (entry.end or entry.date).last_day()
        if entry.date.precision is not Precision.DAY or last < since:
            continue
        status = entry.status_on(today)
        about = f"{language.text(b.title)}\n{url}"
        if status not in STATUS:
            about = f"{unrecorded}\n{about}"
        lines = [
            ical_line("BEGIN", "VEVENT"),
            ical_line("UID", f"{language.code}-{loaded.slug}-{entry.date.iso()}-{nth}@{host}"),
            ical_line("DTSTAMP", stamp),
            ical_line("DTSTART;VALUE=DATE", _day(entry.date.first_day())),
            ical_line("DTEND;VALUE=DATE", _day(last + dt.timedelta(days=1))),  # exclusive
            ical_line("SUMMARY", language.text(entry.event), text=True),
            ical_line("DESCRIPTION", about, text=True),
            ical_line("URL;VALUE=URI", url),
            *([ical_line("STATUS", STATUS[status])] if status in STATUS else []),
            ical_line("END", "VEVENT"),
        ]
        same = event_keys(entry, language.text(entry.event))
        events.append(((entry.date.sort_key, loaded.slug, index), b"".join(lines), same))
    return events


def events_ics(events: Sequence[CalendarEvent], language: Language, site_name: str) -> bytes:
    """The calendar of a language: every briefing's events (``events`` newest briefing
    first), in date order."""
    head = [
        ical_line("BEGIN", "VCALENDAR"),
        ical_line("VERSION", "2.0"),
        ical_line("PRODID", f"-//briefings//timeline//{language.code.upper()}"),
        ical_line("CALSCALE", "GREGORIAN"),
        ical_line("METHOD", "PUBLISH"),
        ical_line("X-WR-CALNAME", f"{site_name} ({language.name})", text=True),
    ]
    # An event that several briefings record is listed once, as the first given has it.
    seen: set[tuple[str, ...]] = set()
    once = []
    for event in events:
        if seen.isdisjoint(event[2]):
            once.append(event)
        seen.update(event[2])
    ordered = [lines for _, lines, _ in sorted(once, key=lambda event: event[0])]
    return b"".join([*head, *ordered, ical_line("END", "VCALENDAR")])
