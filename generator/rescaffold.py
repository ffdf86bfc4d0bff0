"""``briefings new SLUG --update --from ARTICLE``: add to an existing briefing what the
registries and the date rules now find in its article, and nothing else.

The editor's file is never written out again from its values: each new entry is
inserted as text at the end of ``actors:`` or ``timeline:``, where the strict YAML
reader's positions put it, so that every other byte (texts, order, comments, quoting,
blank lines) stays as it was. What is added is what ``briefings check`` would ask for
(``review``): an actor the article names that the briefing neither lists nor ignores,
a date no timeline entry covers. Each new entry ends in ``# REVIEW``, as in a scaffold.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.date_mentions import find_dates
from generator.dates import PartialDate
from generator.errors import Problem, display_path, errors_only
from generator.files import read_yaml
from generator.layout import RESERVED_IDS
from generator.load import BRIEFING_FILE
from generator.models import Actor, Briefing, id_problem
from generator.report import Report
from generator.review import covered, unlisted_actors
from generator.scaffold import (
    NO_ACTORS,
    ScaffoldError,
    actor_line,
    guess_language,
    read_article,
    timeline_lines,
    unique_dates,
)
from generator.settings import Settings
from generator.strict_yaml import YamlDocument, YamlError, parse
from generator.wording import validate
from generator.write import atomic_write


class UpdateError(Exception):
    """The briefing cannot be updated: each problem says where and why."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = tuple(problems)


@dataclass(frozen=True)
class Added:
    line: int  # where the new entry's item starts in the updated file
    what: str  # e.g. actor 'bakamla', named as 'Bakamla'


@dataclass
class _Edit:
    """New lines after line ``after`` (0-based; -1: the file's start), and what that
    line becomes (``None``: unchanged, ``""``: dropped)."""

    after: int
    replacement: str | None = None
    entries: list[tuple[str, list[str]]] = field(default_factory=list)  # (what, lines)


def update(
    settings: Settings,
    slug: str,
    source: Path,
    *,
    registry: Mapping[str, Actor],
    language: str | None = None,
    article_date: PartialDate | None = None,
) -> tuple[Path, list[Added]]:
    """Add to ``slug``'s briefing.yaml the actors and dates found in ``source`` that it
    lacks; return the file and what was added (nothing: the file is not written)."""
    problem = id_problem(slug)
    if problem:
        raise ScaffoldError(f"{slug!r} is not a valid slug: {problem}")
    if slug in RESERVED_IDS:
        raise ScaffoldError(f"{slug!r} is reserved (briefings/{slug}.md lists all briefings)")
    folder = settings.briefings_dir / slug
    path = folder / BRIEFING_FILE
    shown = display_path(path, settings.root)
    if folder.is_symlink() or not path.is_file():
        where = display_path(folder, settings.root)
        raise UpdateError(
            [
                Problem(
                    shown,
                    1,
                    1,
                    "slug",
                    f"no briefing {slug!r} to update: {where}/{BRIEFING_FILE} does not exist; "
                    "leave out --update to create it",
                )
            ]
        )
    _refuse_another_briefings_article(settings, slug, source)
    doc, problems = draft_problems(path, settings)
    if doc is None or problems:
        raise UpdateError(problems)
    data: dict[str, Any] = doc.data
    article = data.get("article") or {}
    language = article.get("language") or language
    own = article.get("file")
    if own and (folder / own).is_file() and (folder / own).read_bytes() != source.read_bytes():
        at = doc.position(("article", "file"))
        raise UpdateError(
            [
                Problem(
                    shown,
                    at.line,
                    at.column,
                    "article.file",
                    f"the briefing's article is {own!r}, and {source} holds another text: "
                    f"give --from {display_path(folder / own, settings.root)}",
                )
            ]
        )
    read = read_article(
        source, language or guess_language(source, settings.languages, settings.languages[0])
    )
    published = article.get("published")
    reference = article_date or (PartialDate.parse(published) if published else None)

    listed = {a["actor"] for a in data.get("actors") or [] if isinstance(a, dict) and "actor" in a}
    ignored = (data.get("mentions") or {}).get("ignore") or []
    actors = unlisted_actors(read.paragraphs, registry, listed, ignored)
    timeline = [
        PartialDate.parse(entry["date"])
        for entry in data.get("timeline") or []
        if isinstance(entry, dict) and isinstance(entry.get("date"), str)
    ]
    dates = [
        found
        for found in unique_dates(find_dates(read.paragraphs, reference))
        if not covered(found.date, timeline)
    ]
    if not actors and not dates:
        return path, []

    lines = doc.source.splitlines(keepends=True)
    eol = "\r\n" if "\r\n" in doc.source else "\n"
    edits = [
        _edit_for(
            doc,
            lines,
            shown,
            "actors",
            [(f"actor {m.actor_id!r}, named as {m.name!r}", [actor_line(m)]) for m in actors],
        ),
        _edit_for(
            doc,
            lines,
            shown,
            "timeline",
            [
                (
                    f"timeline entry {found.date.iso()}, from {found.text!r}",
                    timeline_lines(
                        found, read.language, settings.languages, reference, settings.today
                    ),
                )
                for found in dates
            ],
        ),
    ]
    text, added = _apply(lines, [edit for edit in edits if edit.entries], eol)
    _must_read_back(text, shown, data, len(actors), len(dates))
    raw = path.read_bytes()
    bom = codecs.BOM_UTF8 if raw.startswith(codecs.BOM_UTF8) else b""
    atomic_write(path, bom + text.encode("utf-8"))
    return path, added


def _refuse_another_briefings_article(settings: Settings, slug: str, source: Path) -> None:
    """An article inside another briefing's folder is that briefing's, not this one's."""
    try:
        inside = source.resolve().relative_to(settings.briefings_dir.resolve())
    except ValueError:
        return
    if len(inside.parts) > 1 and inside.parts[0] != slug:
        other = inside.parts[0]
        raise UpdateError(
            [
                Problem(
                    display_path(source, settings.root),
                    1,
                    1,
                    "slug",
                    f"this is the article of briefing {other!r}, not of {slug!r}: give the "
                    f"slug {other!r}, or the article of {slug!r}",
                )
            ]
        )


_EMPTY_FLOW = re.compile(r"\[\s*\]")


def _edit_for(
    doc: YamlDocument,
    lines: list[str],
    shown: str,
    key: str,
    entries: list[tuple[str, list[str]]],
) -> _Edit:
    """Where ``entries`` (items written at two spaces) go in ``key``'s list."""
    if not entries:
        return _Edit(len(lines) - 1)
    value = doc.data.get(key)
    if key not in doc.data:  # a new list at the end of the file
        return _Edit(len(lines) - 1, entries=[("", [f"{key}:"]), *entries])
    at = doc.position((key,))
    if not value:  # written `[]`, on the key's line or the next ones
        for index in range(at.line - 1, len(lines)):
            start = at.column - 1 + len(key) if index == at.line - 1 else 0
            found = _EMPTY_FLOW.search(lines[index], start)
            if found:
                row = lines[index]
                kept = row[: found.start()].rstrip(" ") + row[found.end() :]
                own_line = index != at.line - 1
                if own_line and (row.rstrip("\r\n") == NO_ACTORS or not kept.strip()):
                    kept = ""
                return _Edit(index, kept, entries)
        raise AssertionError(f"{key}: no [] found for an empty list")  # pragma: no cover
    first = doc.position((key, 0))
    row = lines[first.line - 1]
    before = row[: first.column - 1].rstrip(" ")
    if not before.endswith("-"):
        raise UpdateError(
            [
                Problem(
                    shown,
                    at.line,
                    at.column,
                    key,
                    "written in brackets [...]: write one '- ' entry a line, so that "
                    "`briefings new --update` can add entries to it",
                )
            ]
        )
    dash = len(before) - 1
    shift = dash - 2
    last = doc.position((key, len(value) - 1)).line - 1
    end = last
    for index in range(last + 1, len(lines)):
        row = lines[index]
        if not row.strip():
            continue
        if len(row) - len(row.lstrip(" ")) <= dash:
            break
        end = index
    return _Edit(end, None, [(what, [_indent(ln, shift) for ln in ls]) for what, ls in entries])


def _indent(line: str, shift: int) -> str:
    return " " * shift + line if shift >= 0 else line[-shift:]


def _apply(lines: list[str], edits: list[_Edit], eol: str) -> tuple[str, list[Added]]:
    """The file with ``edits`` made, and where each entry now starts."""
    out: list[str] = []
    added: list[Added] = []
    by_line = {edit.after: edit for edit in edits}
    if len(by_line) < len(edits):  # both at the end of the file: a new list goes last
        ordered = sorted(edits, key=lambda edit: edit.entries[0][0] == "")
        by_line[len(lines) - 1] = _Edit(
            len(lines) - 1, None, [e for edit in ordered for e in edit.entries]
        )

    def insert(edit: _Edit) -> None:
        if out and not out[-1].endswith(("\n", "\r")):
            out[-1] += eol
        for what, entry in edit.entries:
            item = next((i for i, ln in enumerate(entry) if ln.lstrip().startswith("-")), 0)
            if what:
                added.append(Added(len(out) + item + 1, what))
            out.extend(ln + eol for ln in entry)

    if -1 in by_line:
        insert(by_line[-1])
    for index, original in enumerate(lines):
        edit = by_line.get(index)
        row = original if edit is None or edit.replacement is None else edit.replacement
        if row:
            out.append(row)
        if edit is not None:
            insert(edit)
    return "".join(out), added


def _must_read_back(text: str, shown: str, before: dict[str, Any], actors: int, dates: int) -> None:
    """The updated file reads as the same values plus the new entries, or nothing is
    written: a layout this module does not foresee must not break an editor's file."""
    try:
        after = parse(text.encode("utf-8")).data
    except YamlError as exc:
        after = {"": exc.message}
    expected = dict(before)
    grown = {"actors": actors, "timeline": dates}
    same = isinstance(after, dict) and set(after) == set(before) | {
        key for key, count in grown.items() if count
    }
    for key, count in grown.items():
        if same and count:
            kept = after.get(key) or []
            same = kept[: len(expected.get(key) or [])] == (expected.get(key) or [])
            same = same and len(kept) == len(expected.get(key) or []) + count
    if not same or any(after.get(k) != v for k, v in before.items() if k not in grown):
        raise UpdateError(
            [
                Problem(
                    shown,
                    1,
                    1,
                    "actors" if actors else "timeline",
                    "its layout leaves no place to add entries without rewriting what you "
                    "wrote; add them by hand (`briefings check` lists them)",
                )
            ]
        )


# What a draft lacks as `briefings new` leaves it: texts and entries still to write.
DRAFT_GAPS = frozenset({"missing", "too_short", "string_too_short"})


def draft_problems(path: Path, settings: Settings) -> tuple[YamlDocument | None, list[Problem]]:
    """A briefing.yaml read and validated as `check` does, but for what a draft lacks:
    the document, and the errors that stop a tool from editing it."""
    report = Report(settings)
    doc = read_yaml(path, report)
    if doc is not None:
        validate(Briefing, path, doc, report, skip=DRAFT_GAPS)
    return doc, errors_only(report.problems)
