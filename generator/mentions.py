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

# Every name and abbreviation, "Mei" and "Agu" too; never the start of a longer word.
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")(?![^\W\d_])"
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
NUMBER_WORDS = {
    "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9, "sepuluh": 10, "one": 1, "two": 2, "three": 3,
}  # fmt: skip
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
    # 28.07.2025, as some outlets stamp a story
    (
        "numeric",
        re.compile(r"\b(?P<day>[0-3]?\d)([/.])(?P<mon>[01]?\d)\2(?P<year>(?:19|20)\d\d)\b"),
    ),
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
    # Januari hingga Maret 2025: months of one year; Juni-Agustus tahun ini.
    (
        "month-month-year",
        re.compile(_MONTH.replace("month", "month1") + _TO + _MONTH + r"\s+" + _YEAR, re.I),
    ),
    (
        "month-month-this-year",
        re.compile(
            _MONTH.replace("month", "month1") + _TO + _MONTH + r"\s+(?:tahun\s+ini|this\s+year)\b",
            re.I,
        ),
    ),
    # Januari 2023, January 2023
    ("month-year", re.compile(_MONTH + r"\s+(?:tahun\s+)?(?P<year>(?:19|20)\d\d)\b", re.I)),
    # Without a year, which is the article's: 12 hingga 14 Mei, 30 Mei-2 Juni,
    # Jumat (28/3), 31 Maret.
    (
        "day-range-in-year",
        re.compile(r"\b(?P<day1>[0-3]?\d)" + _TO + r"(?P<day>[0-3]?\d)\s+" + _MONTH, re.I),
    ),
    (
        "month-range-in-year",
        re.compile(
            r"\b(?P<day1>[0-3]?\d)\s+"
            + _MONTH.replace("month", "month1")
            + _TO
            + r"(?P<day>[0-3]?\d)\s+"
            + _MONTH,
            re.I,
        ),
    ),
    ("numeric-in-year", re.compile(r"\((?P<day>[0-3]?\d)/(?P<mon>[01]?\d)\)")),
    ("day-month", re.compile(r"\b(?P<day>[0-3]?\d)\s+" + _MONTH, re.I)),
    # Dua pekan lalu, tiga hari lalu, sebulan lalu: counted back from the article's day.
    (
        "ago",
        re.compile(
            r"\b(?:(?P<count>\d{1,2}|" + "|".join(NUMBER_WORDS) + r")\s+(?P<unit>hari|pekan|minggu|"
            r"bulan|tahun)|se(?P<unit1>hari|pekan|minggu|bulan|tahun))\s+(?:yang\s+)?lalu\b",
            re.I,
        ),
    ),
    # Keesokan harinya, dua hari kemudian, sehari sebelumnya: counted from the day the
    # article named last.
    (
        "days-later",
        re.compile(
            r"\b(?:keesokan|esok)\s+harinya\b|\bthe\s+(?:next|following)\s+day\b|"
            r"\b(?:(?P<count>\d{1,2}|" + "|".join(NUMBER_WORDS) + r")\s+hari|sehari)\s+"
            r"(?:kemudian|setelahnya|sesudahnya|berikutnya)\b",
            re.I,
        ),
    ),
    (
        "days-before",
        re.compile(
            r"\b(?:(?P<count>\d{1,2}|" + "|".join(NUMBER_WORDS) + r")\s+hari|sehari)\s+"
            r"sebelumnya\b|\bthe\s+day\s+before\b",
            re.I,
        ),
    ),
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
    # Jumat mendatang, next Friday
    (
        "next-weekday",
        re.compile(
            _WEEKDAY
            + r"\s+(?:mendatang|depan)\b|\bnext\s+"
            + _WEEKDAY.replace("weekday", "weekday2"),
            re.I,
        ),
    ),
    # pekan lalu, last week; (akhir) bulan ini, this month
    ("last-week", re.compile(r"\b(?:pekan|minggu)\s+(?:lalu|kemarin)\b|\blast\s+week\b", re.I)),
    ("this-month", re.compile(r"\bbulan\s+ini\b|\bthis\s+month\b", re.I)),
    # hari ini, malam ini, today, tonight: the article's own day, as a live blog has it
    ("today", re.compile(r"\b(?:hari|pagi|siang|sore|malam)\s+ini\b|\btoday\b|\btonight\b", re.I)),
    # tahun ini, this year; tahun lalu, last year; tahun depan, next year
    ("this-year", re.compile(r"\btahun\s+ini\b|\bthis\s+year\b", re.I)),
    ("last-year", re.compile(r"\btahun\s+lalu\b|\blast\s+year\b", re.I)),
    ("next-year", re.compile(r"\btahun\s+depan\b|\bnext\s+year\b", re.I)),
    # bulan lalu, bulan depan; pekan depan, next week
    ("last-month-ago", re.compile(r"\bbulan\s+lalu\b|\blast\s+month\b", re.I)),
    ("next-month", re.compile(r"\bbulan\s+depan\b|\bnext\s+month\b", re.I)),
    ("next-week", re.compile(r"\b(?:pekan|minggu)\s+depan\b|\bnext\s+week\b", re.I)),
    # pada Mei, sejak Oktober, mulai Juni: a month without a year, the nearest one the
    # sentence's tense allows.
    (
        "named-month",
        re.compile(
            r"\b(?:pada|sejak|mulai|hingga|sampai|akhir|awal|pertengahan)\s+"
            + _MONTH
            + r"(?![\s,]*\d)",
            re.I,
        ),
    ),
    # pada Rabu, on Wednesday: the last such day up to the article's, or the next one in
    # a sentence about plans; not "pada Selasa (11/7/2023)", whose date says which.
    (
        "weekday",
        re.compile(
            r"\b(?:pada|on)\s+" + _WEEKDAY + r"\b(?![\s,]*\(?\d)",
            re.I,
        ),
    ),
    # Selasa malam, Rabu pagi: that day of the article's week, as "pada Rabu" is
    (
        "weekday-time",
        re.compile(_WEEKDAY + r"\s+(?:pagi|siang|sore|malam)\b", re.I),
    ),
    # sejak 2005, pada 2021, in 2019, sepanjang 2024, pada akhir 2026: a year on its own
    (
        "year",
        re.compile(
            r"\b(?:(?:sejak|pada|hingga|sampai|tahun|since|in|sepanjang|selama)"
            r"(?:\s+(?:akhir|awal|pertengahan))?|akhir|awal|pertengahan)\s+(?:tahun\s+)?"
            + _YEAR
            + r"\b(?![-/.]\d)",
            re.I,
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
    """Each date-like match, sentence by sentence and in reading order within each."""
    for index, sentence in sentences(paragraphs):
        # Spans of the dates found so far, in order and disjoint: each pattern's matches
        # come in order too, so one pass over both finds the overlaps.
        taken: list[tuple[int, int]] = []
        kept: list[tuple[str, re.Match[str]]] = []
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
                kept.append((kind, match))
            if added:
                taken = list(heapq.merge(taken, added))
        kept.sort(key=lambda found: found[1].start())
        for kind, match in kept:
            yield index, sentence, kind, match


def _month(match: re.Match[str], group: str = "month") -> int:
    found = match.groupdict()
    return MONTHS[(found.get(group) or found.get(f"{group}2") or "").lower()]


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
_IN_YEAR = ("day-range-in-year", "month-range-in-year", "numeric-in-year", "day-month")
# A sentence about plans: its dates are after the article's own.
_FUTURE = re.compile(
    r"\b(?:akan|dijadwalkan|direncanakan|rencananya|mendatang|will|scheduled)\b", re.I
)
# A line without a sentence's closing punctuation: a headline, a subhead, a byline,
# a timestamp, a press release's letterhead.
_CLOSING = ".!?:)"
_QUOTES = "\"'\u201d\u2019"
HEADING_WORDS = 20
# The article's own date comes with its weekday: "Senin (3/11/2025)", "Kamis, 14 Agustus".
_AFTER_WEEKDAY = re.compile(_WEEKDAY + r"[\s,(]*$", re.I)


def is_heading(paragraph: str) -> bool:
    return not paragraph.rstrip().rstrip(_QUOTES).endswith(tuple(_CLOSING)) and (
        len(paragraph.split(maxsplit=HEADING_WORDS)) <= HEADING_WORDS
    )


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
    dateline = [
        date
        for index, sentence, date, match in absolute
        if index < opening
        and date.precision is Precision.DAY
        and _AFTER_WEEKDAY.search(sentence, max(0, match.start() - 12), match.start())
    ]
    for index, _, date in found:
        if index < opening and date.precision is Precision.DAY:
            return dateline[0] if dateline else date
    # Else the first day written after its weekday, as news copy dates what happens on
    # the article's day ("bertemu ... di Astana, Rabu (18/2/2026)"), below a standfirst.
    for _, sentence, date, match in absolute:
        if date.precision is Precision.DAY and _AFTER_WEEKDAY.search(
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
        month, day = _month(match), 0
    elif kind == "month-month-year":
        month, day = _month(match, "month1"), 0
    elif kind == "month-range":
        month, day = _month(match, "month1"), int(g["day1"])
    else:
        month, day = _month(match), int(g["day1"] if kind == "day-range" else g["day"])
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
    else:
        month = _month(match, "month1" if kind == "month-range-in-year" else "month")
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


_MONTH_RANGES = ("month-month-year", "month-month-this-year")
# Days by which a year-less date must be nearer in the next or last year to be put there:
# "(5/1)" in a story of 28 December is next January; "12 Mei" in November is last May.
_NEAR_YEAR_END = 180


def _range_end(kind: str, match: re.Match[str], start: PartialDate) -> PartialDate | None:
    """The last day (or month) of a range, if it is one and ends after it starts."""
    if kind not in (*_MONTH_RANGES, "day-range", "month-range", *_IN_YEAR[:2]):
        return None
    g = match.groupdict()
    year = int(g["year"]) if g.get("year") else start.year
    month = _month(match)
    if kind in _MONTH_RANGES:
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
    stamps = {index for index, paragraph in enumerate(paragraphs) if _is_stamp(paragraph)}
    for index, sentence, kind, match in raw:
        if kind in ("days-later", "days-before") and (index, sentence) in stated:
            continue
        if index in stamps or _STAMP_END.match(
            sentence, match.end(), match.end() + STAMP_END_CHARACTERS
        ):
            # A timestamp or a dateline dates the article, not an event; the article's
            # date says so again where something happens on it.
            continue
        if (index, sentence) not in future:
            future[index, sentence] = _FUTURE.search(sentence) is not None
        date: PartialDate | None = _absolute(kind, match)
        season, end, approximate = None, None, False
        if date is None and reference is not None:
            if kind in _IN_YEAR:
                date = _in_year(kind, match, reference)
            elif kind in ("days-later", "days-before"):
                anchor = last_day.date if last_day else reference
                date = _days_from(kind, match, anchor)
                approximate = last_day is not None and last_day.approximate
            else:
                date, season = _relative(kind, match, reference, future[index, sentence])
                approximate = season is not None or kind in _APPROXIMATE
        if date is not None:
            end = _range_end(kind, match, date)
            mention = DateMention(
                date, match.group(0), sentence, index + 1, approximate, season, end
            )
            found.append(mention)
            if date.precision is Precision.DAY:
                last_day = mention
    return found


_APPROXIMATE = ("next-week", "last-week")


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
_STATED_DAY = ("day-range", "month-range", "numeric", "day-month-year", "month-day-year", *_IN_YEAR)


def _count(match: re.Match[str]) -> int:
    """How many days, weeks, ...: "dua", "2", or 1 for "sehari", "keesokan harinya"."""
    count = (match.groupdict().get("count") or "").lower()
    return int(count) if count.isdigit() else NUMBER_WORDS.get(count, 1)


def _days_from(kind: str, match: re.Match[str], anchor: PartialDate) -> PartialDate | None:
    if anchor.precision is not Precision.DAY:
        return None
    days = _count(match) * (1 if kind == "days-later" else -1)
    day = anchor.first_day() + dt.timedelta(days=days)
    return PartialDate(day.year, day.month, day.day)


def _relative(
    kind: str, match: re.Match[str], ref: PartialDate, future: bool = False
) -> tuple[PartialDate | None, str | None]:
    """A date said relative to the article's (``ref``), and its season if it names one."""
    if kind == "last-season":
        name = (match.groupdict().get("season") or match.groupdict().get("season2") or "").lower()
        season, start = SEASONS[name]
        # The last season that had begun before the reference date.
        year = ref.year if start < (ref.month or 12) else ref.year - 1
        return PartialDate(year, start), season
    if kind in ("named-month", "month-month-this-year"):
        return _month_without_year(kind, match, ref, future), None
    if kind in ("today", "weekday", "weekday-time"):
        return _this_week(kind, match, ref, future), None
    return _relative_date(kind, match, ref), None


def _month_without_year(
    kind: str, match: re.Match[str], ref: PartialDate, future: bool
) -> PartialDate:
    """ "pada Mei": the nearest May, after the article's in a sentence about plans;
    "Juni-Agustus tahun ini": from June of the article's year."""
    if kind == "month-month-this-year":
        return PartialDate(ref.year, _month(match, "month1"))
    month, ref_month = _month(match), ref.month or 12
    if future:
        return PartialDate(ref.year + (month < ref_month), month)
    return PartialDate(ref.year - (month > ref_month), month)


def _this_week(
    kind: str, match: re.Match[str], ref: PartialDate, future: bool
) -> PartialDate | None:
    """ "hari ini": the article's day; "pada Rabu": that day of the article's week up
    to its day, or the next one in a sentence about plans."""
    if ref.precision is not Precision.DAY:
        return None
    day = ref.first_day()
    if kind != "today":
        weekday = WEEKDAY_NUMBERS[match.group("weekday").lower()]
        if future:
            day += dt.timedelta(days=(weekday - day.weekday()) % 7)
        else:
            day -= dt.timedelta(days=(day.weekday() - weekday) % 7)
    return PartialDate(day.year, day.month, day.day)


_YEARS_AWAY = {"this-year": 0, "last-year": -1, "next-year": 1}
_MONTHS_AWAY = {"this-month": 0, "last-month-ago": -1, "next-month": 1}


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
    if kind in _MONTHS_AWAY:
        return _months_away(ref, _MONTHS_AWAY[kind])
    if kind == "ago" and (match.group("unit") or match.group("unit1")).lower() == "tahun":
        return PartialDate(ref.year - _count(match))
    return _relative_day(kind, match, ref)


def _months_away(ref: PartialDate, months: int) -> PartialDate | None:
    if not ref.month:
        return None
    year, month = divmod(ref.year * 12 + ref.month - 1 + months, 12)
    return PartialDate(year, month + 1)


def _relative_day(kind: str, match: re.Match[str], ref: PartialDate) -> PartialDate | None:
    """Pekan depan, Senin lalu, dua hari lalu: counted in days from the article's day."""
    if ref.precision is not Precision.DAY:
        return None
    day = ref.first_day()
    found = match.groupdict()
    if kind == "next-week":
        day += dt.timedelta(days=7)
    elif kind == "last-week":
        day -= dt.timedelta(days=7)
    elif kind == "ago" and (found.get("unit") or found.get("unit1") or "").lower() == "bulan":
        return _months_away(ref, -_count(match))
    elif kind == "ago":
        per = 1 if (found.get("unit") or found.get("unit1") or "").lower() == "hari" else 7
        day -= dt.timedelta(days=per * _count(match))
    elif kind in ("last-weekday", "next-weekday"):
        weekday = WEEKDAY_NUMBERS[(found.get("weekday") or found.get("weekday2") or "").lower()]
        if kind == "last-weekday":
            day -= dt.timedelta(days=(day.weekday() - weekday) % 7 or 7)
        else:
            day += dt.timedelta(days=(weekday - day.weekday()) % 7 or 7)
    else:
        return None
    return PartialDate(day.year, day.month, day.day)


def _pattern_for(names: Iterable[str]) -> re.Pattern[str] | None:
    words = sorted({n for n in names if n.strip()}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


SHOUTED_LETTERS = 4  # a shorter name in capitals may be another's acronym


def find_actors(paragraphs: Sequence[str], actors: Mapping[str, Actor]) -> list[NameMention]:
    """Registry actors the article names, by name in any language or by alias."""
    lookup: dict[str, str] = {}
    for actor_id, actor in actors.items():
        for name in (*actor.name.values(), *actor.aliases):
            lookup.setdefault(name, actor_id)
    written = {name: name for name in lookup}
    for name, actor_id in list(lookup.items()):
        # In capitals as a subhead or a dateline shouts it: BAKAMLA, RUSIA; named as
        # the registry writes it.
        if len(name) >= SHOUTED_LETTERS and not name.isupper():
            lookup.setdefault(name.upper(), actor_id)
            written.setdefault(name.upper(), name)
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
                found.append(NameMention(actor_id, written[match.group(1)], sentence, index + 1))
    return found
