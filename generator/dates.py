"""Dates as precise as the source: a year, a month or a day.

A timeline often knows only "January 2023" or "2022". ``PartialDate`` keeps
that precision from the YAML (``2023``, ``2023-01``, ``2023-01-15``) through
sorting to display, where Babel formats it in each language.
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
import functools
import re
from dataclasses import dataclass
from typing import Any

from babel import Locale
from babel.dates import format_date, format_skeleton, parse_pattern
from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import core_schema

PARTIAL_PATTERN = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
FULL_PATTERN = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
# Briefings record history and plans; a later year is a typo (2099 typed 9099), and
# outputs count days past a date (a calendar's end), which year 9999 has no room for.
MAX_YEAR = 2999
_PARTIAL = re.compile(PARTIAL_PATTERN)


@functools.cache
def _locale(code: str) -> Locale:
    # Babel parses a locale given by its code again on every call: a third of the
    # time of formatting the ~8,000 dates of 1,000 briefings.
    return Locale.parse(code)


# Month names as Indonesian and English texts write them, by number.
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("januari", "january", "jan"),
            ("februari", "february", "feb", "pebruari"),
            ("maret", "march", "mar"),
            ("april", "apr"),
            ("mei", "may"),
            ("juni", "june", "jun"),
            ("juli", "july", "jul"),
            ("agustus", "august", "agu", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "october", "okt", "oct"),
            ("november", "nov", "nopember"),
            ("desember", "december", "des", "dec"),
        ],
        start=1,
    )
    for name in names
}
_DAY_MONTH_YEAR = re.compile(r"([0-3]?\d)[/.]([01]?\d)[/.]((?:1[89]|2\d)\d\d)")
_WORDS = re.compile(r"(?:([0-3]?\d)\s+)?([^\W\d_]+)\s+((?:1[89]|2\d)\d\d)")


def _written_otherwise(text: str) -> str | None:
    """A date written as people write it (11/7/2023, 11 Juli 2023, July 2023) in the
    format the content files use, for the message that refuses it; None if unsure."""
    text = " ".join(text.split())
    numeric = _DAY_MONTH_YEAR.fullmatch(text)
    if numeric:  # day first, as Indonesian (and most) writing has it
        day, month, year = (int(part) for part in numeric.groups())
    else:
        words = _WORDS.fullmatch(text)
        if words is None or words.group(2).lower() not in MONTHS:
            return None
        day = int(words.group(1) or 0)
        month, year = MONTHS[words.group(2).lower()], int(words.group(3))
    try:
        dt.date(year, month, day or 1)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if day else f"{year:04d}-{month:02d}"


class Precision(enum.IntEnum):
    YEAR = 1
    MONTH = 2
    DAY = 3


_SPACED_DASH = "\u2009\u2013\u2009"  # CLDR's interval separator: thin spaces, en dash
# The ranges whose two sides are numbers: days within a month, years.
_NUMBERS_ONLY = {("d", Precision.DAY), ("y", Precision.YEAR)}


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to the year, the month or the day."""

    year: int
    month: int = 0  # 0: unknown
    day: int = 0  # 0: unknown

    @property
    def precision(self) -> Precision:
        if self.day:
            return Precision.DAY
        return Precision.MONTH if self.month else Precision.YEAR

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        if not _PARTIAL.match(text):
            meant = _written_otherwise(text)
            hint = f"; {text.strip()} is written {meant}" if meant else ""
            raise ValueError(f"{text!r} is not a date: write YYYY, YYYY-MM or YYYY-MM-DD{hint}")
        parts = [int(p) for p in text.split("-")]
        year, month, day = (*parts, 0, 0)[:3]
        if year < 1:
            raise ValueError(f"{text!r}: year 0000 does not exist")
        if year > MAX_YEAR:
            raise ValueError(f"{text!r}: the site accepts years from 0001 to {MAX_YEAR}")
        if month and not 1 <= month <= 12:
            raise ValueError(f"{text!r}: month {month} does not exist")
        if day:
            try:
                dt.date(year, month, day)
            except ValueError:
                raise ValueError(f"{text!r}: day {day} does not exist in that month") from None
        return cls(year, month, day)

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """The order of dates as plain numbers: compared by C code when sorting
        thousands of events, not by the dataclass's ``__lt__``."""
        return (self.year, self.month, self.day)

    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        """The last day the date can mean: 31 December for a year, a month's last day."""
        if self.day:
            return self.first_day()
        if self.month:
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return dt.date(self.year, 12, 31)

    def iso(self) -> str:
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
        if self.day:
            text += f"-{self.day:02d}"
        return text

    def __str__(self) -> str:
        return self.iso()

    def format(self, locale: str) -> str:
        """The date as a reader of ``locale`` writes it, at its own precision."""
        day = self.first_day()
        known = _locale(locale)
        if self.precision is Precision.DAY:
            return str(format_date(day, "long", locale=known))
        if self.precision is Precision.MONTH:
            return str(format_skeleton("yMMMM", day, locale=known))
        return str(format_skeleton("y", day, locale=known))

    def format_range(self, end: PartialDate, locale: str) -> str:
        """From this date to ``end`` as a reader of ``locale`` writes it, with the
        locale's interval patterns (CLDR, through Babel), joined by an en dash:
        "5-7 September 2023", "September 5-7, 2023", "September - October 2023" (en dashes)."""
        if end == self:
            return self.format(locale)
        known = _locale(locale)
        fallback = str(known.interval_formats[None]).format(self.format(locale), end.format(locale))
        if end.precision is not self.precision:
            return fallback
        skeleton = {Precision.DAY: "yMMMd", Precision.MONTH: "yMMMM", Precision.YEAR: "y"}
        formats = known.interval_formats[skeleton[self.precision]]
        start_day, end_day = self.first_day(), end.first_day()
        # The pattern for the largest field that differs, as Babel's format_interval
        # picks it; CLDR has day ranges with abbreviated months only, so the month is
        # spelt out here as the single dates spell it.
        for field, differs in (
            ("y", self.year != end.year),
            ("M", self.month != end.month),
            ("d", self.day != end.day),
        ):
            if differs and field in formats:
                parts = [
                    pattern.replace("MMM", "MMMM") if self.precision is Precision.DAY else pattern
                    for pattern in formats[field]
                ]
                # Between two numbers alone (days of one month, two years) the dash
                # stands closed, as news style has it; CLDR's English patterns set it
                # between thin spaces, which read as a spaced dash.
                if (field, self.precision) in _NUMBERS_ONLY:
                    parts[0] = parts[0].replace(_SPACED_DASH, "\u2013")
                return "".join(
                    parse_pattern(pattern).apply(day, known)
                    for pattern, day in zip(parts, (start_day, end_day), strict=True)
                )
        return fallback

    # pydantic integration: validated from YAML text, shown in JSON Schema as a
    # patterned string, serialised back to the same text.
    PATTERN = PARTIAL_PATTERN
    FORMS = "YYYY, YYYY-MM or YYYY-MM-DD"

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        def validate(value: Any) -> PartialDate:
            if isinstance(value, cls):
                return value
            if not isinstance(value, str):
                raise ValueError(f"write the date as text: {cls.FORMS}")
            return cls.parse(value)

        return core_schema.no_info_plain_validator_function(
            validate, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def __get_pydantic_json_schema__(
        cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        return {"type": "string", "pattern": cls.PATTERN, "description": cls.FORMS}


class FullDate(PartialDate):
    """A date known to the day, as the briefing's own ``published`` date must be."""

    PATTERN = FULL_PATTERN
    FORMS = "YYYY-MM-DD"

    @classmethod
    def parse(cls, text: str) -> FullDate:
        date = PartialDate.parse(text)
        if date.precision is not Precision.DAY:
            raise ValueError(f"{text!r}: give the full date, YYYY-MM-DD")
        return cls(date.year, date.month, date.day)
