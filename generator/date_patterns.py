"""The patterns of dates in Indonesian and English news, for ``date_mentions``.

Full (``Selasa (11/7/2023)``, ``11 Juli 2023``, ``July 11, 2023``), partial
(``Januari 2023``, ``pada bulan Juli``) and relative (``Januari lalu``, ``musim panas
lalu``, ``last summer``, ``dua hari kemudian``), each with the kind it is read as, and
the words they count with: numbers, weekdays, seasons.
"""

from __future__ import annotations

import re

from generator.dates import MONTHS

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
_PART = r"(?:(?:awal|akhir|pertengahan|early|late|mid)[\s-]+)?"
_TO = r"\s*(?:-|\u2013|hingga|sampai(?:\s+dengan)?|s\.d\.?|to|until)\s*"
WEEKDAY = (
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

PATTERNS: list[tuple[str, re.Pattern[str]]] = [
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
    # akhir November hingga awal Desember 2025: the part of a month does not narrow it
    (
        "month-month-year",
        re.compile(
            _PART + _MONTH.replace("month", "month1") + _TO + _PART + _MONTH + r"\s+" + _YEAR, re.I
        ),
    ),
    (
        "month-month-this-year",
        re.compile(
            _PART
            + _MONTH.replace("month", "month1")
            + _TO
            + _PART
            + _MONTH
            + r"\s+(?:tahun\s+ini|this\s+year)\b",
            re.I,
        ),
    ),
    # pada akhir November hingga awal Desember, sejak Juni hingga Agustus: the nearest
    # such months, as "pada Mei" is
    (
        "month-month-in-year",
        re.compile(
            r"\b(?:pada|sejak|mulai|antara|awal|akhir|pertengahan)\s+"
            + _PART
            + _MONTH.replace("month", "month1")
            + _TO
            + _PART
            + _MONTH
            + r"(?![\s,]*\d)",
            re.I,
        ),
    ),
    # Januari 2023, January 2023
    ("month-year", re.compile(_MONTH + r"\s+(?:tahun\s+)?(?P<year>(?:19|20)\d\d)\b", re.I)),
    # Maret tahun depan, Maret tahun lalu, March next year: that month of the year named
    (
        "month-year-away",
        re.compile(
            _MONTH + r"\s+(?:tahun\s+(?P<away>depan|lalu|ini)|(?P<away2>next|last|this)\s+year)\b",
            re.I,
        ),
    ),
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
    # Senin (3/11) hingga Rabu (5/11)
    (
        "numeric-range-in-year",
        re.compile(
            r"\((?P<day1>[0-3]?\d)/(?P<mon1>[01]?\d)\)(?:\s+(?:pagi|siang|sore|malam))?"
            + _TO
            + r"(?:[^\W\d_]+\s*)?\((?P<day>[0-3]?\d)/(?P<mon>[01]?\d)\)"
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
    # Kamis pekan lalu, pada Senin minggu depan: that day of the week before or after
    (
        "weekday-week",
        re.compile(
            r"\b(?:pada\s+)?"
            + WEEKDAY
            + r"\s+(?:pekan|minggu)\s+(?P<away>lalu|kemarin|depan|ini)\b",
            re.I,
        ),
    ),
    # Senin lalu, last Monday
    (
        "last-weekday",
        re.compile(WEEKDAY + r"\s+lalu\b|\blast\s+" + WEEKDAY.replace("weekday", "weekday2"), re.I),
    ),
    # Jumat mendatang, next Friday
    (
        "next-weekday",
        re.compile(
            WEEKDAY
            + r"\s+(?:mendatang|depan)\b|\bnext\s+"
            + WEEKDAY.replace("weekday", "weekday2"),
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
            r"\b(?:pada|on)\s+" + WEEKDAY + r"\b(?![\s,]*\(?\d)",
            re.I,
        ),
    ),
    # "tiba di Jakarta, Rabu, untuk ...", "kata Wahyu di Manila, Selasa.": a wire story's
    # bare weekday after a place, as "pada Rabu" is
    (
        "weekday-bare",
        re.compile(r",\s*" + WEEKDAY + r"(?=\s*[,.;])", re.I),
    ),
    # Selasa malam, Rabu pagi: that day of the article's week, as "pada Rabu" is
    (
        "weekday-time",
        re.compile(WEEKDAY + r"\s+(?:pagi|siang|sore|malam)\b", re.I),
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

# What a sentence must hold for each pattern to match in it, so that text without dates
# is read once for its words instead of once per pattern: every group must be met, by a
# digit, a word ending in a month's or a weekday's name (the patterns do not all start
# at a word's start), or one of the words.
DIGIT, MONTH_WORD, WEEKDAY_WORD = "<digit>", "<month>", "<weekday>"  # never a word
_LAST = frozenset({"lalu", "kemarin", "last"})
_NEXT = frozenset({"mendatang", "depan", "next"})
_THIS = frozenset({"ini", "this"})
NEEDS: dict[str, tuple[str | frozenset[str], ...]] = {
    **dict.fromkeys(
        ("day-range", "month-range", "day-month-year", "month-day-year", "month-month-year"),
        (DIGIT, MONTH_WORD),
    ),
    **dict.fromkeys(
        ("month-year", "day-range-in-year", "month-range-in-year"), (DIGIT, MONTH_WORD)
    ),
    "day-month": (DIGIT, MONTH_WORD),
    **dict.fromkeys(("numeric", "numeric-in-year", "year"), (DIGIT,)),
    "month-month-this-year": (MONTH_WORD, _THIS),
    "month-month-in-year": (MONTH_WORD,),
    "numeric-range-in-year": (DIGIT,),
    "ago": (frozenset({"lalu"}),),
    "days-later": (
        frozenset({"harinya", "day", "kemudian", "setelahnya", "sesudahnya", "berikutnya"}),
    ),
    "days-before": (frozenset({"sebelumnya", "before"}),),
    "last-month": (MONTH_WORD, _LAST),
    "last-season": (_LAST,),
    "month": (MONTH_WORD, frozenset({"bulan", "in"})),
    "coming-month": (MONTH_WORD, _NEXT),
    "last-weekday": (WEEKDAY_WORD, frozenset({"lalu", "last"})),
    "next-weekday": (WEEKDAY_WORD, _NEXT),
    "last-week": (_LAST,),
    "this-month": (_THIS,),
    "today": (frozenset({"ini", "today", "tonight"}),),
    "this-year": (_THIS,),
    "last-year": (frozenset({"lalu", "last"}),),
    "next-year": (frozenset({"depan", "next"}),),
    "last-month-ago": (frozenset({"lalu", "last"}),),
    "next-month": (frozenset({"depan", "next"}),),
    "next-week": (frozenset({"depan", "next"}),),
    "named-month": (MONTH_WORD,),
    "weekday": (WEEKDAY_WORD, frozenset({"pada", "on"})),
    "weekday-time": (WEEKDAY_WORD,),
    "weekday-bare": (WEEKDAY_WORD,),
    "weekday-week": (WEEKDAY_WORD, frozenset({"pekan", "minggu"})),
    "month-year-away": (MONTH_WORD, frozenset({"depan", "lalu", "ini", "next", "last", "this"})),
}
