"""What a machine can find in an article: dates and registry actors (names: ``names``).

Used by ``briefings new`` to pre-fill a briefing (every finding marked for review)
and by ``briefings check`` to warn about actors and dates an article mentions
that its briefing leaves out. Dates are found in Indonesian and English, full
(``Selasa (11/7/2023)``, ``11 Juli 2023``, ``July 11, 2023``), partial
(``Januari 2023``, ``pada bulan Juli``) and relative (``Januari lalu``,
``musim panas lalu``, ``last summer``), resolved against the article's date
or, where it gives none, the latest date it states.
"""

from __future__ import annotations

import datetime as dt
import heapq
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from generator.dates import MONTHS, PartialDate, Precision
from generator.models import Actor

_MONTH = (
    r"(?P<month>"
    + "|".join(sorted((m for m in MONTHS if len(m) > 3), key=len, reverse=True))
    + r")"
)
# Northern-hemisphere seasons as the articles use them, as a month range.
SEASONS = {
    "musim panas": ("summer", 6),
    "summer": ("summer", 6),
    "musim dingin": ("winter", 12),
    "winter": ("winter", 12),
    "musim semi": ("spring", 3),
    "spring": ("spring", 3),
    "musim gugur": ("autumn", 9),
    "autumn": ("autumn", 9),
    "fall": ("autumn", 9),
}
SEASON_LABELS = {
    "summer": ("Musim panas", "Summer"),
    "winter": ("Musim dingin", "Winter"),
    "spring": ("Musim semi", "Spring"),
    "autumn": ("Musim gugur", "Autumn"),
}
_SEASON = (
    r"(?P<season>musim panas|musim dingin|musim semi|musim gugur|summer|winter|spring|autumn|fall)"
)

_YEAR = r"(?P<year>(?:19|20)\d\d)"
_TO = r"\s*(?:-|\u2013|hingga|sampai(?:\s+dengan)?|s\.d\.?|to|until)\s*"
_WEEKDAY = (
    r"(?P<weekday>senin|selasa|rabu|kamis|jumat|sabtu|minggu|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
)
WEEKDAY_NUMBERS = {
    name: number % 7
    for number, names in enumerate(
        [("senin", "monday"), ("selasa", "tuesday"), ("rabu", "wednesday"),
         ("kamis", "thursday"), ("jumat", "friday"), ("sabtu", "saturday"),
         ("minggu", "sunday")]
    )
    for name in names
}  # fmt: skip

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # 5-7 September 2023, 5 hingga 7 September 2023: days of one month.
    (
        "day-range",
        re.compile(
            r"\b(?P<day1>[0-3]?\d)" + _TO + r"(?P<day>[0-3]?\d)\s+" + _MONTH + r"\s+" + _YEAR,
            re.I,
        ),
    ),
    # 30 Agustus-1 September 2023: across two months.
    (
        "month-range",
        re.compile(
            r"\b(?P<day1>[0-3]?\d)\s+"
            + _MONTH.replace("month", "month1")
            + _TO
            + r"(?P<day>[0-3]?\d)\s+"
            + _MONTH
            + r"\s+"
            + _YEAR,
            re.I,
        ),
    ),
    # Selasa (11/7/2023), (11/07/2023): day/month/year, Indonesian order.
    ("numeric", re.compile(r"\b(?P<day>[0-3]?\d)/(?P<mon>[01]?\d)/(?P<year>(?:19|20)\d\d)\b")),
    # 11 Juli 2023, 11 July 2023
    (
        "day-month-year",
        re.compile(r"\b(?P<day>[0-3]?\d)\s+" + _MONTH + r"\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    ),
    # July 11, 2023
    (
        "month-day-year",
        re.compile(_MONTH + r"\s+(?P<day>[0-3]?\d),\s*(?P<year>(?:19|20)\d\d)\b", re.I),
    ),
    # Januari 2023, January 2023
    ("month-year", re.compile(_MONTH + r"\s+(?:tahun\s+)?(?P<year>(?:19|20)\d\d)\b", re.I)),
    # Januari lalu, last January
    (
        "last-month",
        re.compile(
            _MONTH + r"\s+(?:lalu|kemarin)\b|\blast\s+" + _MONTH.replace("month", "month2"), re.I
        ),
    ),
    # musim panas lalu, last summer
    (
        "last-season",
        re.compile(
            _SEASON + r"\s+(?:lalu|kemarin)\b|\blast\s+" + _SEASON.replace("season", "season2"),
            re.I,
        ),
    ),
    # pada bulan Juli, bulan Juli, in July
    (
        "month",
        re.compile(
            r"\b(?:pada\s+)?bulan\s+"
            + _MONTH
            + r"\b|\bin\s+"
            + _MONTH.replace("month", "month2")
            + r"\b(?!\s+\d)",
            re.I,
        ),
    ),
    # Februari mendatang, next February
    (
        "coming-month",
        re.compile(
            _MONTH + r"\s+(?:mendatang|depan)\b|\bnext\s+" + _MONTH.replace("month", "month2"),
            re.I,
        ),
    ),
    # Senin lalu, last Monday
    (
        "last-weekday",
        re.compile(
            _WEEKDAY + r"\s+lalu\b|\blast\s+" + _WEEKDAY.replace("weekday", "weekday2"), re.I
        ),
    ),
    # tahun ini, this year; tahun lalu, last year; tahun depan, next year
    ("this-year", re.compile(r"\btahun\s+ini\b|\bthis\s+year\b", re.I)),
    ("last-year", re.compile(r"\btahun\s+lalu\b|\blast\s+year\b", re.I)),
    ("next-year", re.compile(r"\btahun\s+depan\b|\bnext\s+year\b", re.I)),
    # bulan lalu, bulan depan; pekan depan, next week
    ("last-month-ago", re.compile(r"\bbulan\s+lalu\b|\blast\s+month\b", re.I)),
    ("next-month", re.compile(r"\bbulan\s+depan\b|\bnext\s+month\b", re.I)),
    ("next-week", re.compile(r"\b(?:pekan|minggu)\s+depan\b|\bnext\s+week\b", re.I)),
    # sejak 2005, pada 2021, in 2019: a year on its own
    (
        "year",
        re.compile(
            r"\b(?:sejak|pada|hingga|sampai|tahun|since|in)\s+" + _YEAR + r"\b(?![-/.]\d)", re.I
        ),
    ),
]


@dataclass(frozen=True)
class DateMention:
    date: PartialDate
    text: str  # as the article writes it
    sentence: str
    line: int
    approximate: bool = False
    season: str | None = None  # summer, winter, ...: shown with a date_label
    end: PartialDate | None = None  # the last day of a range: 5-7 September 2023


@dataclass(frozen=True)
class NameMention:
    actor_id: str | None  # None: a capitalised name not in the registry
    name: str
    sentence: str
    line: int


def sentences(paragraphs: Sequence[str]) -> Iterator[tuple[int, str]]:
    """(paragraph index, sentence) for each sentence of each paragraph."""
    for index, paragraph in enumerate(paragraphs):
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", paragraph):
            if sentence.strip():
                yield index, sentence.strip()


def _raw(paragraphs: Sequence[str]) -> Iterator[tuple[int, str, str, re.Match[str]]]:
    for index, sentence in sentences(paragraphs):
        # Spans of the dates found so far, in order and disjoint: each pattern's matches
        # come in order too, so one pass over both finds the overlaps.
        taken: list[tuple[int, int]] = []
        for kind, pattern in _PATTERNS:
            added: list[tuple[int, int]] = []
            i = 0
            for match in pattern.finditer(sentence):
                start, end = match.span()
                while i < len(taken) and taken[i][1] <= start:
                    i += 1
                if i < len(taken) and taken[i][0] < end:
                    continue  # already part of a more precise date
                added.append((start, end))
                yield index, sentence, kind, match
            if added:
                taken = list(heapq.merge(taken, added))


def _month(match: re.Match[str], group: str = "month") -> int:
    found = match.groupdict()
    return MONTHS[(found.get(group) or found.get(f"{group}2") or "").lower()]


_ABSOLUTE = (
    "day-range",
    "month-range",
    "numeric",
    "day-month-year",
    "month-day-year",
    "month-year",
)


def reference_date(paragraphs: Sequence[str]) -> PartialDate | None:
    """What 'Januari lalu' counts from: the article's own date, which a news story
    gives in its opening lines ("Jakarta, Selasa (11/7/2023)"), else the latest
    date the article states outright."""
    return _reference(_raw(paragraphs))


def _reference(raw: Iterable[tuple[int, str, str, re.Match[str]]]) -> PartialDate | None:
    found = [
        (index, date)
        for index, _, kind, match in raw
        if kind in _ABSOLUTE and (date := _absolute(kind, match)) is not None
    ]
    for index, date in found:
        if index < 3 and date.precision is Precision.DAY:
            return date
    return max((date for _, date in found), default=None)


def _absolute(kind: str, match: re.Match[str]) -> PartialDate | None:
    """The date (a range's first day) a match states outright; None if it is relative."""
    if kind not in _ABSOLUTE:
        return None
    g = match.groupdict()
    if kind == "numeric":
        month, day = int(g["mon"]), int(g["day"])
    elif kind == "month-year":
        month, day = _month(match), 0
    elif kind == "month-range":
        month, day = _month(match, "month1"), int(g["day1"])
    else:
        month, day = _month(match), int(g["day1"] if kind == "day-range" else g["day"])
    try:
        return PartialDate.parse(f"{g['year']}-{month:02d}" + (f"-{day:02d}" if day else ""))
    except ValueError:
        return None


def _range_end(kind: str, match: re.Match[str], start: PartialDate) -> PartialDate | None:
    """The last day of a range, if it is one and ends after it starts."""
    if kind not in ("day-range", "month-range"):
        return None
    g = match.groupdict()
    try:
        end = PartialDate.parse(f"{g['year']}-{_month(match):02d}-{int(g['day']):02d}")
    except ValueError:
        return None
    return end if end.sort_key > start.sort_key else None


def find_dates(
    paragraphs: Sequence[str], reference: PartialDate | None = None
) -> list[DateMention]:
    """Every date the article mentions, resolved where it can be, in article order."""
    raw = list(_raw(paragraphs))  # read once: the reference date needs them too
    reference = reference or _reference(raw)
    found: list[DateMention] = []
    for index, sentence, kind, match in raw:
        date: PartialDate | None = _absolute(kind, match)
        season, end, approximate = None, None, False
        if date is not None:
            end = _range_end(kind, match, date)
        elif reference is not None:
            date, season = _relative(kind, match, reference)
            approximate = season is not None or kind == "next-week"
        if date is not None:
            found.append(
                DateMention(date, match.group(0), sentence, index + 1, approximate, season, end)
            )
    return found


def _relative(
    kind: str, match: re.Match[str], ref: PartialDate
) -> tuple[PartialDate | None, str | None]:
    """A date said relative to the article's (``ref``), and its season if it names one."""
    if kind == "last-season":
        name = (match.groupdict().get("season") or match.groupdict().get("season2") or "").lower()
        season, start = SEASONS[name]
        # The last season that had begun before the reference date.
        year = ref.year if start < (ref.month or 12) else ref.year - 1
        return PartialDate(year, start), season
    return _relative_date(kind, match, ref), None


_YEARS_AWAY = {"this-year": 0, "last-year": -1, "next-year": 1}


def _relative_date(kind: str, match: re.Match[str], ref: PartialDate) -> PartialDate | None:
    ref_month = ref.month or 12
    if kind in ("last-month", "coming-month", "month"):
        month = _month(match)
        year = ref.year
        if kind == "last-month" and month > ref_month:
            year -= 1
        elif kind == "coming-month" and month <= ref_month:
            year += 1
        return PartialDate(year, month)
    if kind in _YEARS_AWAY:
        return PartialDate(ref.year + _YEARS_AWAY[kind])
    if kind == "year":
        return PartialDate(int(match.group("year")))
    if kind in ("last-month-ago", "next-month"):
        if not ref.month:
            return None
        year, month = divmod(
            ref.year * 12 + ref.month - 1 + (1 if kind == "next-month" else -1), 12
        )
        return PartialDate(year, month + 1)
    return _relative_day(kind, match, ref)


def _relative_day(kind: str, match: re.Match[str], ref: PartialDate) -> PartialDate | None:
    """Pekan depan, Senin lalu: counted in days from the article's day."""
    if ref.precision is not Precision.DAY:
        return None
    day = ref.first_day()
    if kind == "next-week":
        day += dt.timedelta(days=7)
    elif kind == "last-weekday":
        found = match.groupdict()
        weekday = WEEKDAY_NUMBERS[(found.get("weekday") or found.get("weekday2") or "").lower()]
        day -= dt.timedelta(days=(day.weekday() - weekday) % 7 or 7)
    else:
        return None
    return PartialDate(day.year, day.month, day.day)


def _pattern_for(names: Iterable[str]) -> re.Pattern[str] | None:
    words = sorted({n for n in names if n.strip()}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


def find_actors(paragraphs: Sequence[str], actors: Mapping[str, Actor]) -> list[NameMention]:
    """Registry actors the article names, by name in any language or by alias."""
    lookup: dict[str, str] = {}
    for actor_id, actor in actors.items():
        for name in (*actor.name.values(), *actor.aliases):
            lookup.setdefault(name, actor_id)
    pattern = _pattern_for(lookup)
    if pattern is None:
        return []
    seen: set[str] = set()
    found = []
    for index, sentence in sentences(paragraphs):
        for match in pattern.finditer(sentence):
            actor_id = lookup[match.group(1)]
            if actor_id not in seen:
                seen.add(actor_id)
                found.append(NameMention(actor_id, match.group(1), sentence, index + 1))
    return found
