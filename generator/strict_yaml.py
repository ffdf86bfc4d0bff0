"""A strict YAML reader for untrusted content files.

PyYAML's ``safe_load`` is not safe enough for files anyone can send in a pull
request: it turns ``no`` into ``False`` and ``2023-01-01`` into a date, keeps
the last of two duplicate keys, and expands alias bombs for whoever walks the
result. This module builds plain Python values straight from libyaml's event
stream instead, so that:

* every scalar is text, except ``true``/``false`` and null (YAML 1.2 core);
  dates, numbers and ``yes``/``no`` stay text for the models to validate;
* anchors, aliases and tags other than ``!!str`` are refused at the first one
  seen, before anything is built from them;
* duplicate keys are reported with both lines, keys must be text;
* size, depth, string and list limits hold, and deep nesting is walked with an
  explicit stack, so no input reaches a ``RecursionError``;
* every value's position can be asked for, so later stages can name file, line
  and field (found by reading the file again: only a message needs one).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import yaml

try:  # libyaml is much faster; the pure-Python parser gives the same events.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 1_000_000
    max_depth: int = 20
    max_string: int = 50_000
    max_items: int = 5_000


DEFAULT_LIMITS = Limits()

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_STR_TAGS = frozenset({"!", "tag:yaml.org,2002:str"})


class Position(NamedTuple):  # a tuple: made for every value read, so made cheaply
    line: int  # 1-based
    column: int  # 1-based


class YamlError(Exception):
    """A file that cannot be read as the content format at all."""

    def __init__(self, message: str, line: int = 0, column: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.line = line
        self.column = column


@dataclass(frozen=True)
class YamlDocument:
    """Plain values (dict, list, str, bool, None) and where each one stood.

    Positions are only needed for messages, so they are found when first asked
    for, by reading the source again: a file without mistakes is read once.
    """

    data: Any
    source: str = field(repr=False)
    limits: Limits = DEFAULT_LIMITS
    duplicate_keys: tuple[tuple[Loc, Position, Position], ...] = ()

    @functools.cached_property
    def _positions(self) -> dict[Loc, Position]:
        builder = _Builder(self.limits, track=True)
        builder.run(_events(self.source))
        return builder.positions

    def position(self, loc: Loc) -> Position:
        """The position of ``loc``, or of its nearest ancestor that has one."""
        for end in range(len(loc), -1, -1):
            found = self._positions.get(tuple(loc[:end]))
            if found is not None:
                return found
        return Position(1, 1)


def decode(raw: bytes) -> str:
    """UTF-8 text from bytes, with NUL bytes and bad sequences named by position."""
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise YamlError(f"NUL byte at byte {nul}; content files must be text", _line_of(raw, nul))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise YamlError(
            f"invalid UTF-8 at byte {exc.start}; save the file as UTF-8", _line_of(raw, exc.start)
        ) from None
    return text


def _line_of(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


# What libyaml refuses to read, or (NEL, U+0085) reads as a line break: C0 controls but
# tab and line ends, DEL, the C1 controls, and the two non-characters. Its own message
# gives only an offset into the whole text, so these are found and named here first.
_UNREADABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def _refuse_unreadable(text: str) -> None:
    found = _UNREADABLE.search(text)
    if found is None:
        return
    char = found.group()
    line = text.count("\n", 0, found.start()) + 1
    column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
    message = f"the control character U+{ord(char):04X} cannot be read"
    if "\x80" <= char <= "\x9f":
        try:  # a C1 control is almost always a Windows-1252 character decoded as Latin-1
            meant = bytes([ord(char)]).decode("cp1252")
            message += f"; it is probably {meant!r} garbled by a copy and paste: retype it"
        except UnicodeDecodeError:
            message += "; delete it"
    else:
        message += "; delete it"
    raise YamlError(message, line, column)


def _tab_indent(text: str, line: int) -> int:
    """The column of a tab in the indentation of ``line`` (1-based), or 0."""
    lines = text.splitlines()
    if not 1 <= line <= len(lines):
        return 0
    row = lines[line - 1]
    indent = row[: len(row) - len(row.lstrip(" \t"))]
    return indent.find("\t") + 1


@dataclass
class _Frame:
    """A mapping or sequence being filled while events arrive."""

    value: dict[str, Any] | list[Any]
    loc: Loc
    key: str | None = None
    key_position: Position | None = None
    key_lines: dict[str, Position] = field(default_factory=dict)


def parse(raw: bytes, limits: Limits = DEFAULT_LIMITS) -> YamlDocument:
    """Read one YAML document of plain values from ``raw``; raise YamlError."""
    if len(raw) > limits.max_bytes:
        raise YamlError(f"file is {len(raw):,} bytes; the limit is {limits.max_bytes:,}", 1)
    text = decode(raw)
    _refuse_unreadable(text)
    try:
        builder = _Builder(limits, track=False)
        data = builder.run(_events(text))
        if builder.has_duplicates:  # rare: read again, noting where every key stood
            builder = _Builder(limits, track=True)
            data = builder.run(_events(text))
        return YamlDocument(data, text, limits, tuple(builder.duplicates))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "not valid YAML"
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 0)
        for suspect in (line, line - 1):  # libyaml may stop on the line after the tab
            tab = _tab_indent(text, suspect)
            if tab:
                raise YamlError(
                    "a tab is used for indentation; YAML indents with spaces only", suspect, tab
                ) from None
        if problem.startswith("mapping values are not allowed"):
            raise YamlError(
                "a ': ' inside a text that is not in quotes starts a new key; put the whole "
                'text in quotes: "..."',
                line,
                column,
            ) from None
        raise YamlError(f"YAML syntax: {problem}", line, column) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"YAML syntax: {exc}", 1) from None


def _events(text: str) -> Iterator[yaml.Event]:
    """libyaml's events for ``text`` (``yaml.parse`` asks twice per event)."""
    loader = _Loader(text)
    try:
        event = loader.get_event()
        while event is not None and type(event) is not yaml.StreamEndEvent:
            yield event
            event = loader.get_event()
    finally:
        loader.dispose()


def _position(event: yaml.Event) -> Position:
    mark = event.start_mark
    return Position(mark.line + 1, mark.column + 1) if mark else Position(0, 0)


def _scalar(event: yaml.ScalarEvent) -> str | bool | None:
    if event.tag is not None and event.tag not in _STR_TAGS:
        pos = _position(event)
        raise YamlError(f"tag {event.tag!r} is not allowed; write plain text", pos.line, pos.column)
    plain = event.implicit[0] and event.tag is None
    if plain and event.value in _NULLS:
        return None
    if plain and event.value in _BOOLS:
        return _BOOLS[event.value]
    return str(event.value)


def _refuse_extras(event: yaml.NodeEvent) -> None:
    pos = _position(event)
    if isinstance(event, yaml.AliasEvent):
        raise YamlError(
            f"alias *{event.anchor} is not allowed; repeat the value instead", pos.line, pos.column
        )
    if event.anchor is not None:
        raise YamlError(
            f"anchor &{event.anchor} is not allowed; repeat the value instead", pos.line, pos.column
        )
    tag = getattr(event, "tag", None)
    if isinstance(event, yaml.CollectionStartEvent) and tag is not None:
        raise YamlError(f"tag {tag!r} is not allowed", pos.line, pos.column)


class _Builder:
    """Plain values from parser events, one event at a time, with an explicit stack.

    This loop runs for every value of every file, so the common events are told
    apart by exact type and positions are worked out only when needed: for an
    error, or for every value when ``track`` is set.
    """

    def __init__(self, limits: Limits, *, track: bool) -> None:
        self.limits = limits
        self.track = track
        self.positions: dict[Loc, Position] = {}
        self.duplicates: list[tuple[Loc, Position, Position]] = []
        self.has_duplicates = False
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.documents = 0

    def run(self, events: Iterator[yaml.Event]) -> Any:
        for event in events:
            kind = type(event)
            if kind is yaml.ScalarEvent:
                self.scalar(event)  # type: ignore[arg-type]
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                self.start_collection(event)  # type: ignore[arg-type]
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                self.stack.pop()
            elif kind is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    raise YamlError(
                        "a second YAML document ('---') found; one file holds one document",
                        _position(event).line,
                    )
            elif isinstance(event, yaml.NodeEvent):  # an alias
                _refuse_extras(event)
                raise YamlError(f"unexpected YAML event {kind.__name__}", _position(event).line)
        return self.root

    def scalar(self, event: yaml.ScalarEvent) -> None:
        if event.anchor is not None:
            _refuse_extras(event)  # raises
        value = _scalar(event)
        if isinstance(value, str) and len(value) > self.limits.max_string:
            raise YamlError(
                f"text of {len(value):,} characters; the limit is {self.limits.max_string:,}",
                _position(event).line,
            )
        self.place(value, event)

    def start_collection(self, event: yaml.CollectionStartEvent) -> None:
        if event.anchor is not None or event.tag is not None:
            _refuse_extras(event)  # raises
        if self.stack and isinstance(self.stack[-1].value, dict) and self.stack[-1].key is None:
            pos = _position(event)
            raise YamlError("keys must be text, not a list or mapping", pos.line, pos.column)
        if len(self.stack) >= self.limits.max_depth:
            raise YamlError(
                f"nested deeper than {self.limits.max_depth} levels", _position(event).line
            )
        container: dict[str, Any] | list[Any] = {} if type(event) is yaml.MappingStartEvent else []
        loc = self.place(container, event)
        self.stack.append(_Frame(container, loc if loc is not None else ()))

    def place(self, value: Any, event: yaml.NodeEvent) -> Loc | None:
        """Attach a finished value to its parent; return its location (None for a key).

        Locations are only kept while tracking positions (else the empty tuple).
        """
        if not self.stack:
            self.root = value
            if self.track:
                self.positions[()] = _position(event)
            return ()
        parent = self.stack[-1]
        if type(parent.value) is list:
            return self._append(parent, parent.value, value, event)
        return self._set(parent, parent.value, value, event)  # type: ignore[arg-type]

    def _append(self, parent: _Frame, items: list[Any], value: Any, event: yaml.NodeEvent) -> Loc:
        if len(items) >= self.limits.max_items:
            raise YamlError(
                f"more than {self.limits.max_items:,} items in one list", _position(event).line
            )
        items.append(value)
        if not self.track:
            return ()
        loc = (*parent.loc, len(items) - 1)
        self.positions[loc] = _position(event)
        return loc

    def _set(
        self, parent: _Frame, mapping: dict[str, Any], value: Any, event: yaml.NodeEvent
    ) -> Loc | None:
        key = parent.key
        if key is None:  # this value is a key; its value comes next
            if not isinstance(value, str):
                pos = _position(event)
                raise YamlError("keys must be text", pos.line, pos.column)
            parent.key = value
            if self.track:
                parent.key_position = _position(event)
            return None
        parent.key = None
        if not self.track:
            if key in mapping:
                self.has_duplicates = True
            else:
                mapping[key] = value
            return ()
        key_pos = parent.key_position or _position(event)
        parent.key_position = None
        loc = (*parent.loc, key)
        if key in mapping:
            self.duplicates.append((loc, parent.key_lines[key], key_pos))
        else:
            parent.key_lines[key] = key_pos
            mapping[key] = value
            self.positions[loc] = key_pos
        return loc
