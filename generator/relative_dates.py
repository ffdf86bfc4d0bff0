"""Dates an article states by reference to another: a month without its year, a
weekday of the article's week, "dua hari kemudian", "bulan lalu". Each is resolved
from a reference date (the article's own, or the date the words follow)."""

from __future__ import annotations

import datetime as dt
import re

from generator.date_patterns import NUMBER_WORDS, SEASONS, WEEKDAY_NUMBERS
from generator.dates import MONTHS, PartialDate, Precision


def month_number(match: re.Match[str], group: str = "month") -> int:
    found = match.groupdict()
    return MONTHS[(found.get(group) or found.get(f"{group}2") or "").lower()]


MONTH_RANGES = ("month-month-year", "month-month-this-year", "month-month-in-year")
# Days by which a year-less date must be nearer in the next or last year to be put there:
# "(5/1)" in a story of 28 December is next January; "12 Mei" in November is last May.


def _count(match: re.Match[str]) -> int:
    """How many days, weeks, ...: "dua", "2", or 1 for "sehari", "keesokan harinya"."""
    count = (match.groupdict().get("count") or "").lower()
    return int(count) if count.isdigit() else NUMBER_WORDS.get(count, 1)


def days_from(kind: str, match: re.Match[str], anchor: PartialDate) -> PartialDate | None:
    if anchor.precision is not Precision.DAY:
        return None
    days = _count(match) * (1 if kind == "days-later" else -1)
    day = anchor.first_day() + dt.timedelta(days=days)
    return PartialDate(day.year, day.month, day.day)


def relative(
    kind: str, match: re.Match[str], ref: PartialDate, future: bool = False
) -> tuple[PartialDate | None, str | None]:
    """A date said relative to the article's (``ref``), and its season if it names one."""
    if kind == "last-season":
        name = (match.groupdict().get("season") or match.groupdict().get("season2") or "").lower()
        season, start = SEASONS[name]
        # The last season that had begun before the reference date.
        year = ref.year if start < (ref.month or 12) else ref.year - 1
        return PartialDate(year, start), season
    if kind in ("named-month", *MONTH_RANGES[1:]):
        return _month_without_year(kind, match, ref, future), None
    if kind == "month-year-away":
        away = (match.group("away") or match.group("away2")).lower()
        return PartialDate(ref.year + _AWAY[away], month_number(match)), None
    if kind == "weekday-week":
        return _weekday_of_week(match, ref), None
    if kind in ("today", "weekday", "weekday-time", "weekday-bare"):
        return _this_week(kind, match, ref, future), None
    return _relative_date(kind, match, ref), None


def _month_without_year(
    kind: str, match: re.Match[str], ref: PartialDate, future: bool
) -> PartialDate:
    """ "pada Mei": the nearest May, after the article's in a sentence about plans;
    "Juni-Agustus tahun ini": from June of the article's year."""
    if kind == "month-month-this-year":
        return PartialDate(ref.year, month_number(match, "month1"))
    month = month_number(match, "month1" if kind == "month-month-in-year" else "month")
    ref_month = ref.month or 12
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


def _weekday_of_week(match: re.Match[str], ref: PartialDate) -> PartialDate | None:
    """ "Kamis pekan lalu": the Thursday of the week before the article's."""
    if ref.precision is not Precision.DAY:
        return None
    day = ref.first_day()
    monday = day - dt.timedelta(days=day.weekday())
    weeks = _AWAY[match.group("away").lower()]
    day = monday + dt.timedelta(days=WEEKDAY_NUMBERS[match.group("weekday").lower()] + 7 * weeks)
    return PartialDate(day.year, day.month, day.day)


_AWAY = {"depan": 1, "next": 1, "lalu": -1, "kemarin": -1, "last": -1, "ini": 0, "this": 0}


_YEARS_AWAY = {"this-year": 0, "last-year": -1, "next-year": 1}


_MONTHS_AWAY = {"this-month": 0, "last-month-ago": -1, "next-month": 1}


def _relative_date(kind: str, match: re.Match[str], ref: PartialDate) -> PartialDate | None:
    ref_month = ref.month or 12
    if kind in ("last-month", "coming-month", "month"):
        month = month_number(match)
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
