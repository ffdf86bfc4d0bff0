"""What a machine can find in an article: dates, registry actors and capitalised names.

Used by ``briefings new`` to pre-fill a briefing (every finding marked for review)
and by ``briefings check`` to warn about actors and dates an article mentions
that its briefing leaves out. Dates are found in Indonesian and English, full
(``Selasa (11/7/2023)``, ``11 Juli 2023``, ``July 11, 2023``), partial
(``Januari 2023``, ``pada bulan Juli``) and relative (``Januari lalu``,
``musim panas lalu``, ``last summer``), resolved against the article's date
or, where it gives none, the latest date it states.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from generator.dates import MONTHS, PartialDate
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

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
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
    # tahun ini, this year; tahun lalu, last year
    ("this-year", re.compile(r"\btahun\s+ini\b|\bthis\s+year\b", re.I)),
    ("last-year", re.compile(r"\btahun\s+lalu\b|\blast\s+year\b", re.I)),
]


@dataclass(frozen=True)
class DateMention:
    date: PartialDate
    text: str  # as the article writes it
    sentence: str
    line: int
    approximate: bool = False
    season: str | None = None  # summer, winter, ...: shown with a date_label


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
        taken: list[tuple[int, int]] = []
        for kind, pattern in _PATTERNS:
            for match in pattern.finditer(sentence):
                span = match.span()
                if any(s < span[1] and span[0] < e for s, e in taken):
                    continue  # already part of a more precise date
                taken.append(span)
                yield index, sentence, kind, match


def _month(match: re.Match[str]) -> int:
    name = (match.groupdict().get("month") or match.groupdict().get("month2") or "").lower()
    return MONTHS[name]


def reference_date(paragraphs: Sequence[str]) -> PartialDate | None:
    """The latest date an article states outright: what 'last January' counts from."""
    found = [
        _absolute(kind, match)
        for _, _, kind, match in _raw(paragraphs)
        if kind in ("numeric", "day-month-year", "month-day-year", "month-year")
    ]
    return max((d for d in found if d is not None), default=None)


def _absolute(kind: str, match: re.Match[str]) -> PartialDate | None:
    g = match.groupdict()
    try:
        if kind == "numeric":
            return PartialDate.parse(f"{g['year']}-{int(g['mon']):02d}-{int(g['day']):02d}")
        if kind in ("day-month-year", "month-day-year"):
            return PartialDate.parse(f"{g['year']}-{_month(match):02d}-{int(g['day']):02d}")
        if kind == "month-year":
            return PartialDate.parse(f"{g['year']}-{_month(match):02d}")
    except ValueError:
        return None
    return None


def find_dates(
    paragraphs: Sequence[str], reference: PartialDate | None = None
) -> list[DateMention]:
    """Every date the article mentions, resolved where it can be, in article order."""
    reference = reference or reference_date(paragraphs)
    found: list[DateMention] = []
    for index, sentence, kind, match in _raw(paragraphs):
        date: PartialDate | None = _absolute(kind, match)
        season = None
        if date is None and reference is not None:
            date, season = _relative(kind, match, reference)
        if date is not None:
            found.append(
                DateMention(date, match.group(0), sentence, index + 1, season is not None, season)
            )
    return found


def _relative(
    kind: str, match: re.Match[str], ref: PartialDate
) -> tuple[PartialDate | None, str | None]:
    ref_month = ref.month or 12
    if kind == "last-month":
        month = _month(match)
        year = ref.year if month <= ref_month else ref.year - 1
        return PartialDate(year, month), None
    if kind == "last-season":
        name = (match.groupdict().get("season") or match.groupdict().get("season2") or "").lower()
        season, start = SEASONS[name]
        # The last season that had begun before the reference date.
        year = ref.year if start < ref_month else ref.year - 1
        return PartialDate(year, start), season
    if kind == "month":
        return PartialDate(ref.year, _month(match)), None
    if kind == "this-year":
        return PartialDate(ref.year), None
    if kind == "last-year":
        return PartialDate(ref.year - 1), None
    return None, None


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


# Words that start sentences or titles rather than names.
_NOT_NAMES = {
    "A", "An", "And", "Bagi", "Belum", "But", "Dalam", "Dan", "Di", "Foto", "For",
    "However", "Ia", "If", "In", "Jika", "Kerja", "Meskipun", "Menurut", "Mengizinkan", "Namun",
    "On", "Pada", "Photo", "Sebuah", "Sekretaris", "Jenderal", "Perdana", "Menteri", "Luar",
    "Negeri", "Presiden", "Sumber", "The", "This", "Untuk", "Yang", "Ini", "Itu", "Kehadiran",
    "Hubungan", "Konflik", "Bergabung", "Musim", "Strategi", "Program", "Peningkatan",
    "Kapasitas", "Pertahanan", "Keamanan", "Nasional", "Parlemen", "Prime", "Minister",
    "Secretary", "General", "Foreign", "KTT",
}  # fmt: skip
_CAPITALISED = re.compile(r"\b(?:[A-Z][a-z]+|[A-Z]{2,})(?:\s+(?:[A-Z][a-z]+|[A-Z]{2,}))*\b")


def _runs(sentence: str) -> Iterator[tuple[int, list[str]]]:
    """Runs of capitalised words, split where an acronym meets a name ("NATO Jens")."""
    for match in _CAPITALISED.finditer(sentence):
        start = match.start()
        run: list[str] = []
        for word in match.group(0).split():
            if run and run[-1].isupper() != word.isupper():
                yield start, run
                start, run = sentence.index(word, start), []
            run.append(word)
        yield start, run


def find_names(paragraphs: Sequence[str], known: Iterable[NameMention] = ()) -> list[NameMention]:
    """Capitalised names not matched by the registry: candidates for a new actor."""
    covered = {m.name for m in known}
    seen: set[str] = set()
    found = []
    for index, sentence in sentences(paragraphs):
        for start, run in _runs(sentence):
            words = [w for w in run if w not in _NOT_NAMES and w.lower() not in MONTHS]
            name = " ".join(words)
            if not words or name in seen or any(name in c or c in name for c in covered):
                continue
            opens_sentence = sentence.index(words[0], start) == 0
            if len(words) == 1 and (opens_sentence or len(name) < 4):
                continue  # one capitalised word opening a sentence is usually not a name
            seen.add(name)
            found.append(NameMention(None, name, sentence, index + 1))
    return found
