"""The dates an article mentions, resolved: for ``briefings new`` and ``briefings check``.

Each sentence is read against the patterns of ``date_patterns``; a date stated in full
is taken as it is, a relative one (``Januari lalu``, ``keesokan harinya``) is counted
from the article's date or, where it gives none, the latest date it states.
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from generator.date_patterns import (
    DIGIT,
    MONTH_WORD,
    NEEDS,
    PATTERNS,
    WEEKDAY,
    WEEKDAY_NUMBERS,
    WEEKDAY_WORD,
)
from generator.dates import MONTHS, PartialDate, Precision
from generator.mentions import is_heading, sentences
from generator.relative_dates import MONTH_RANGES, days_from, month_number, relative


@dataclass(frozen=True)
class DateMention:
    date: PartialDate
    text: str  # as the article writes it
    sentence: str
    line: int
    approximate: bool = False
    season: str | None = None  # summer, winter, ...: shown with a date_label
    end: PartialDate | None = None  # the last day of a range: 5-7 September 2023


def _raw(paragraphs: Sequence[str]) -> Iterator[tuple[int, str, str, re.Match[str]]]:
    """Each date-like match, sentence by sentence and in reading order within each."""
    for index, sentence in sentences(paragraphs):
        # Spans of the dates found so far, in order and disjoint: each pattern's matches
        # come in order too, so one pass over both finds the overlaps.
        taken: list[tuple[int, int]] = []
        kept: list[tuple[str, re.Match[str]]] = []
        holds = _holds(sentence)
        for kind, pattern in PATTERNS:
            if not all(
                need in holds if isinstance(need, str) else need & holds for need in NEEDS[kind]
            ):
                continue
            added: list[tuple[int, int]] = []
            i = 0
            for match in pattern.finditer(sentence):
                start, end = match.span()
                while i < len(taken) and taken[i][1] <= start:
                    i += 1
                if i < len(taken) and taken[i][0] < end:
                    continue  # already part of a more precise date
                added.append((start, end))
                kept.append((kind, match))
            if added:
                taken = list(heapq.merge(taken, added))
        kept.sort(key=lambda found: found[1].start())
        for kind, match in kept:
            yield index, sentence, kind, match


_WORD = re.compile(r"[^\W\d_]+")
_DIGIT = re.compile(r"\d")
_MONTH_NAMES = tuple(MONTHS)
_WEEKDAY_NAMES = tuple(WEEKDAY_NUMBERS)


def _holds(sentence: str) -> set[str]:
    """The sentence's words in lower case, and which of ``NEEDS``'s kinds of word it has."""
    words = {word.lower() for word in _WORD.findall(sentence)}
    kinds = set()
    if _DIGIT.search(sentence):
        kinds.add(DIGIT)
    if any(word.endswith(_MONTH_NAMES) for word in words):
        kinds.add(MONTH_WORD)
    if any(word.endswith(_WEEKDAY_NAMES) for word in words):
        kinds.add(WEEKDAY_WORD)
    return words | kinds


_ABSOLUTE = (
    "day-range",
    "month-range",
    "numeric",
    "day-month-year",
    "month-day-year",
    "month-month-year",
    "month-year",
)
# Stated without a year: the article's, or the next or last one if that is nearer.
_IN_YEAR = (
    "day-range-in-year",
    "month-range-in-year",
    "numeric-range-in-year",
    "numeric-in-year",
    "day-month",
)
# A sentence about plans: its dates are after the article's own.
_FUTURE = re.compile(
    r"\b(?:akan|dijadwalkan|direncanakan|rencananya|mendatang|will|scheduled)\b", re.I
)
# The article's own date comes with its weekday: "Senin (3/11/2025)", "Kamis, 14 Agustus".
_AFTERWEEKDAY = re.compile(WEEKDAY + r"[\s,(]*$", re.I)


def reference_date(paragraphs: Sequence[str]) -> PartialDate | None:
    """What 'Januari lalu' counts from: the article's own date, which a news story
    gives in its opening lines ("Jakarta, Selasa (11/7/2023)") or a timestamp above
    them, else the latest date the article states outright of a past event."""
    return _reference(paragraphs, list(_raw(paragraphs)))


def _reference(
    paragraphs: Sequence[str], raw: Sequence[tuple[int, str, str, re.Match[str]]]
) -> PartialDate | None:
    # The opening lines: everything up to the second paragraph that is not a heading.
    opening, body = len(paragraphs), 0
    for index, paragraph in enumerate(paragraphs):
        body += not is_heading(paragraph)
        if body == 2:
            opening = index + 1
            break
    absolute = [
        (index, sentence, date, match)
        for index, sentence, kind, match in raw
        if kind in _ABSOLUTE and (date := _absolute(kind, match)) is not None
    ]
    found = [(index, sentence, date) for index, sentence, date, _ in absolute]
    # The article's own date: the first in the opening lines written after its weekday
    # ("Selasa, 9 Desember 2025 10:15 WIB") or before a dateline's dash ("Jakarta,
    # 3 Maret 2026 - "), else the first day stated there.
    dateline = [
        date
        for index, sentence, date, match in absolute
        if index < opening
        and date.precision is Precision.DAY
        and (
            _AFTERWEEKDAY.search(sentence, max(0, match.start() - 12), match.start())
            or _STAMP_END.match(sentence, match.end(), match.end() + STAMP_END_CHARACTERS)
        )
    ]
    for index, _, date in found:
        if index < opening and date.precision is Precision.DAY:
            return dateline[0] if dateline else date
    # Else the first day written after its weekday, as news copy dates what happens on
    # the article's day ("bertemu ... di Astana, Rabu (18/2/2026)"), below a standfirst.
    for _, sentence, date, match in absolute:
        if date.precision is Precision.DAY and _AFTERWEEKDAY.search(
            sentence, max(0, match.start() - 12), match.start()
        ):
            return date
    past = [date for _, sentence, date in found if not _FUTURE.search(sentence)]
    return max(past or [date for _, _, date in found], default=None)


def _absolute(kind: str, match: re.Match[str]) -> PartialDate | None:
    """The date (a range's first day) a match states outright; None if it is relative."""
    if kind not in _ABSOLUTE:
        return None
    g = match.groupdict()
    if kind == "numeric":
        month, day = int(g["mon"]), int(g["day"])
    elif kind == "month-year":
        month, day = month_number(match), 0
    elif kind == "month-month-year":
        month, day = month_number(match, "month1"), 0
    elif kind == "month-range":
        month, day = month_number(match, "month1"), int(g["day1"])
    else:
        month, day = month_number(match), int(g["day1"] if kind == "day-range" else g["day"])
    try:
        return PartialDate.parse(f"{g['year']}-{month:02d}" + (f"-{day:02d}" if day else ""))
    except ValueError:
        return None


def _in_year(kind: str, match: re.Match[str], ref: PartialDate) -> PartialDate | None:
    """A day stated without a year: in the article's year, unless it is far nearer in
    the one before or after."""
    g = match.groupdict()
    if kind == "numeric-in-year":
        month = int(g["mon"])
    elif kind == "numeric-range-in-year":
        month = int(g["mon1"])
    else:
        month = month_number(match, "month1" if kind == "month-range-in-year" else "month")
    day = int(g["day1"] if kind.endswith("range-in-year") else g["day"])
    around = ref.first_day() if ref.month else dt.date(ref.year, 7, 1)
    best: PartialDate | None = None
    for year in (ref.year, ref.year - 1, ref.year + 1):
        try:
            away = abs((dt.date(year, month, day) - around).days)
        except ValueError:
            continue
        if best is None or away < abs((best.first_day() - around).days) - _NEAR_YEAR_END:
            best = PartialDate(year, month, day)
    return best


_NEAR_YEAR_END = 180


def _range_end(kind: str, match: re.Match[str], start: PartialDate) -> PartialDate | None:
    """The last day (or month) of a range, if it is one and ends after it starts."""
    if kind not in (*MONTH_RANGES, "day-range", "month-range", *_IN_YEAR[:3]):
        return None
    g = match.groupdict()
    year = int(g["year"]) if g.get("year") else start.year
    month = int(g["mon"]) if kind == "numeric-range-in-year" else month_number(match)
    if kind in MONTH_RANGES:
        if kind == "month-month-in-year" and month < start.month:  # November hingga Januari
            year += 1
        end = PartialDate(year, month)
        return end if end.sort_key > start.sort_key else None
    if month < start.month:  # 30 Desember-2 Januari
        year += 1
    try:
        end = PartialDate.parse(f"{year}-{month:02d}-{int(g['day']):02d}")
    except ValueError:
        return None
    return end if end.sort_key > start.sort_key else None


def find_dates(
    paragraphs: Sequence[str], reference: PartialDate | None = None
) -> list[DateMention]:
    """Every date the article mentions, resolved where it can be, in article order."""
    raw = list(_raw(paragraphs))  # read once: the reference date needs them too
    reference = reference or _reference(paragraphs, raw)
    found: list[DateMention] = []
    last_day: DateMention | None = None  # what "keesokan harinya" counts from
    # "Sehari kemudian, ... Senin (13/11/2023)": the sentence's own day says which.
    stated = {(index, sentence) for index, sentence, kind, _ in raw if kind in _STATED_DAY}
    future: dict[tuple[int, str], bool] = {}  # a sentence about plans, asked once
    no_events: set[tuple[int, str]] = set()
    stamps = _stamps(paragraphs)
    labels = {i for i, paragraph in enumerate(paragraphs) if _is_stamp(paragraph)} - stamps
    for index, sentence, kind, match in raw:
        if kind in ("days-later", "days-before") and (index, sentence) in stated:
            continue
        if (index, sentence) not in future:  # asked once a sentence: it may be long
            future[index, sentence] = _FUTURE.search(sentence) is not None
            if _NOT_EVENT.search(sentence):
                no_events.add((index, sentence))
        if (index, sentence) in no_events or _no_event(
            kind, match, sentence, stamp=index in stamps, label=index in labels
        ):
            continue
        date: PartialDate | None = _absolute(kind, match)
        season, end, approximate = None, None, False
        if date is None and reference is not None:
            if kind in _IN_YEAR:
                date = _in_year(kind, match, reference)
            elif kind in ("days-later", "days-before"):
                anchor = last_day.date if last_day else reference
                date = days_from(kind, match, anchor)
                approximate = last_day is not None and last_day.approximate
            else:
                date, season = relative(kind, match, reference, future[index, sentence])
                approximate = season is not None or kind in _APPROXIMATE
        if date is not None:
            end = _range_end(kind, match, date)
            mention = DateMention(
                date, match.group(0), sentence, index + 1, approximate, season, end
            )
            found.append(mention)
            if date.precision is Precision.DAY:
                last_day = mention
    return _with_live_entries(paragraphs, found, reference)


def _no_event(kind: str, match: re.Match[str], sentence: str, *, stamp: bool, label: bool) -> bool:
    """A date that is no event's: a timestamp's or a dateline's, which date the article
    (its date says so again where something happens on it); a relative one in a subhead
    ("Pekan depan" names a section); a law's year ("Nomor 4 Tahun 2009")."""
    return (
        stamp
        or bool(_STAMP_END.match(sentence, match.end(), match.end() + STAMP_END_CHARACTERS))
        or (label and kind not in _STATED)
        or (
            kind == "year"
            and bool(_LAW_NUMBER.search(sentence, max(0, match.start() - 20), match.start()))
        )
    )


def _with_live_entries(
    paragraphs: Sequence[str], found: list[DateMention], reference: PartialDate | None
) -> list[DateMention]:
    """A live blog's entries, each headed by a clock time, happen on its stamp's day."""
    entries = [index for index, paragraph in enumerate(paragraphs) if _ENTRY.match(paragraph)]
    if len(entries) < LIVE_ENTRIES or reference is None or reference.precision is not Precision.DAY:
        return found
    first = entries[0]
    entry = DateMention(reference, paragraphs[first].strip(), paragraphs[first].strip(), first + 1)
    return sorted([*found, entry], key=lambda mention: mention.line)


# "22.10 WIB" alone on a line: an entry of a live blog
_ENTRY = re.compile(r"\s*[0-2]?\d[.:][0-5]\d(?:\s*(?:WIB|WITA|WIT|GMT|UTC))?\s*$")
LIVE_ENTRIES = 2
# Sentences whose dates are no events: when a live blog is next updated, a link to
# another story.
_NOT_EVENT = re.compile(
    r"\b(?:pembaruan|update)\s+(?:berikutnya|selanjutnya)\b|\bnext\s+update\b|"
    r"^(?:baca\s+juga|read\s+more)\b",
    re.I,
)
# "Undang-Undang Nomor 4 Tahun 2009": the law's year, not an event's
_LAW_NUMBER = re.compile(r"\b(?:nomor|no\.)\s*\d+[a-z]?\s+$", re.I)


_APPROXIMATE = ("next-week", "last-week")


def _stamps(paragraphs: Sequence[str]) -> set[int]:
    """The lines that date the article: timestamps anywhere, and short date lines above
    its first paragraph; below it, a short date line heads an entry of a timeline."""
    stamps, opening = set(), True
    for index, paragraph in enumerate(paragraphs):
        if _is_stamp(paragraph) and (opening or _CLOCK.search(paragraph)):
            stamps.add(index)
        opening = opening and is_heading(paragraph)
    return stamps


def _is_stamp(paragraph: str) -> bool:
    """A line that dates the article: a heading with a clock time or a few words
    ("Selasa, 9 Desember 2025 10:15 WIB")."""
    if not is_heading(paragraph):
        return False
    return (
        bool(_CLOCK.search(paragraph)) or len(paragraph.split(maxsplit=STAMP_WORDS)) <= STAMP_WORDS
    )


_CLOCK = re.compile(r"\b[0-2]?\d[.:][0-5]\d\b")
STAMP_WORDS = 6
# What ends a dateline after its date: "Jakarta, 22 Januari 2026 - ", "12 Maret (Reuters) -".
STAMP_END_CHARACTERS = 16  # read no further than this past a date
_STAMP_END = re.compile(r"\s*(?:\([A-Za-z]+\)\s*)?(?:-|\u2013|\u2014)")
_STATED = (*_ABSOLUTE, *_IN_YEAR, "year")
_STATED_DAY = ("day-range", "month-range", "numeric", "day-month-year", "month-day-year", *_IN_YEAR)
