"""Translations that may be out of date: a record, kept by the tools beside each
``briefing.yaml`` as ``translations.txt``, of the original each translation was made from.

One line a translated field, sorted, so that pull requests confirming different fields
merge cleanly, and a briefing's record changes only with that briefing's folder::

    summary.en 3f2a9c0d1e4b 2024-01-01

The field as problems name it, the first characters of the sha256 of the original text
it was translated from, and the day the record was made. The original of a briefing's
texts is in its article's language (``article.language``): the models know no other
notion of a text's original. A field the record does not list is never compared, so
content written before the record existed raises no warning until it is confirmed.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.dates import FullDate
from generator.errors import Problem, field_path
from generator.models import shorten
from generator.strict_yaml import Loc, YamlError, decode

RECORD_FILE = "translations.txt"
MAX_RECORD_BYTES = 1_000_000
# 48 bits: enough to tell a changed text from its earlier version, short enough to read.
HASH_LENGTH = 12
HEADER = (
    "# Written by `briefings translations`; do not edit by hand.\n"
    "# FIELD  ORIGINAL'S SHA256 (START)  DATE RECORDED\n"
)
OUT_OF_DATE = "may be out of date"  # how `check` starts each warning, and counts them
_HASH = re.compile(f"[0-9a-f]{{{HASH_LENGTH}}}")
_TOKEN = re.compile(r"\S+")
_CONFLICT = ("<<<<<<<", "=======", ">>>>>>>", "|||||||")


@dataclass(frozen=True)
class Entry:
    """What one line records: the original's fingerprint, and when it was recorded."""

    fingerprint: str
    date: FullDate


@dataclass(frozen=True)
class Translated:
    """One translated text of a briefing, and the original it should follow."""

    loc: Loc  # of the translation: ("summary", "en")
    field: str  # summary.en
    lang: str
    original_lang: str
    original: str


@dataclass(frozen=True)
class Stale:
    """A translation whose original changed after it was recorded."""

    loc: Loc
    field: str
    lang: str
    original_lang: str
    recorded: FullDate

    @property
    def message(self) -> str:
        return f"{OUT_OF_DATE}: the {self.original_lang} text changed since it was translated"


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def translated(
    texts: Sequence[tuple[Loc, Mapping[str, str]]], original_lang: str
) -> Iterator[Translated]:
    """Every text of a briefing in a language other than its original, where the original
    exists (a text written in one language only is a missing translation, not a stale one)."""
    for loc, text in texts:
        original = text.get(original_lang)
        if original is None:
            continue
        for lang in sorted(text):
            if lang != original_lang:
                where = (*loc, lang)
                yield Translated(where, field_path(where), lang, original_lang, original)


def stale(
    texts: Sequence[tuple[Loc, Mapping[str, str]]],
    original_lang: str,
    records: Mapping[str, Entry],
) -> list[Stale]:
    found = []
    for text in translated(texts, original_lang):
        entry = records.get(text.field)
        if entry is not None and entry.fingerprint != fingerprint(text.original):
            found.append(Stale(text.loc, text.field, text.lang, text.original_lang, entry.date))
    return found


def confirmed(
    texts: Sequence[tuple[Loc, Mapping[str, str]]],
    original_lang: str,
    records: Mapping[str, Entry],
    today: FullDate,
) -> dict[str, Entry]:
    """The record after confirming every translation: a field whose original is as
    recorded keeps its line (and its date), any other is recorded today."""
    result = {}
    for text in translated(texts, original_lang):
        now = fingerprint(text.original)
        known = records.get(text.field)
        if known is None or known.fingerprint != now:
            known = Entry(now, today)
        result[text.field] = known
    return result


def changed_on(found: Sequence[Stale], updated: FullDate | None) -> tuple[FullDate, bool]:
    """The date to tell readers about stale translations, and whether it is the day the
    original was updated (True) or the day they were translated (False: "changed since").

    Deterministic for builds: the briefing's own ``updated`` date (the date of its last
    real change) when it is not before any of the records, else the earliest record's
    date; never git or a file's time, which differ between checkouts.
    """
    earliest = min((s.recorded for s in found), key=lambda d: d.sort_key)
    latest = max((s.recorded for s in found), key=lambda d: d.sort_key)
    if updated is not None and updated.sort_key >= latest.sort_key:
        return updated, True
    return earliest, False


def format_record(records: Mapping[str, Entry]) -> bytes:
    lines = [f"{name} {e.fingerprint} {e.date.iso()}\n" for name, e in sorted(records.items())]
    return (HEADER + "".join(lines)).encode("utf-8")


def read_record(path: Path) -> tuple[dict[str, Entry], list[Problem]]:
    """A record file's entries and problems; none when there is no such file (or it is
    too large, or no plain file, which loading reports)."""
    if not path.is_file() or path.is_symlink() or path.stat().st_size > MAX_RECORD_BYTES:
        return {}, []
    return parse_record(path.read_bytes(), path.name)


def parse_record(raw: bytes, name: str) -> tuple[dict[str, Entry], list[Problem]]:
    """The entries of a record file, and a problem for each line that is not one (the
    file is written by the tools: such a line comes from a hand edit or a merge)."""
    try:
        text = decode(raw)
    except YamlError as exc:
        return {}, [Problem(name, exc.line, 0, "", exc.message)]
    records: dict[str, Entry] = {}
    first_at: dict[str, int] = {}
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            field, entry = _parse_line(line)
        except _LineError as bad:
            problems.append(Problem(name, number, bad.column, bad.field, bad.message))
            continue
        if field in first_at:
            message = f"recorded twice (first at line {first_at[field]}); keep one line"
            problems.append(Problem(name, number, 1, field, message))
            continue
        first_at[field] = number
        records[field] = entry
    return records, problems


class _LineError(Exception):
    def __init__(self, column: int, field: str, message: str) -> None:
        super().__init__(message)
        self.column, self.field, self.message = column, field, message


def _parse_line(line: str) -> tuple[str, Entry]:
    """(field, entry), or _LineError saying what is wrong."""
    tokens = list(_TOKEN.finditer(line))
    if line.startswith(_CONFLICT):
        raise _LineError(
            1,
            "",
            "a merge conflict's marker: delete the markers, keeping one line a field "
            "(`briefings check` then says which translations may be out of date)",
        )
    field = shorten(tokens[0].group(), 80)
    if len(tokens) != 3:
        raise _LineError(
            tokens[0].start() + 1,
            field,
            "expected three parts, 'FIELD ORIGINAL-HASH DATE', as "
            "`briefings translations --confirm` writes them",
        )
    digest, date = tokens[1], tokens[2]
    if not _HASH.fullmatch(digest.group()):
        raise _LineError(
            digest.start() + 1,
            field,
            f"{digest.group()[:40]!r} is not the start of a sha256 "
            f"({HASH_LENGTH} characters 0-9 and a-f)",
        )
    try:
        recorded = FullDate.parse(date.group())
    except ValueError as exc:
        raise _LineError(date.start() + 1, field, str(exc)) from None
    return field, Entry(digest.group(), recorded)
