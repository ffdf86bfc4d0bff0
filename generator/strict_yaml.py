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
* every value's position is kept, so later stages can name file, line and field.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

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


@dataclass(frozen=True)
class Position:
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
    """Plain values (dict, list, str, bool, None) and where each one stood."""

    data: Any
    positions: Mapping[Loc, Position]
    duplicate_keys: tuple[tuple[Loc, Position, Position], ...] = ()

    def position(self, loc: Loc) -> Position:
        """The position of ``loc``, or of its nearest ancestor that has one."""
        for end in range(len(loc), -1, -1):
            found = self.positions.get(tuple(loc[:end]))
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
    try:
        return _Builder(limits).run(yaml.parse(text, Loader=_Loader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "not valid YAML"
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 0)
        raise YamlError(f"YAML syntax: {problem}", line, column) from None
    except yaml.YAMLError as exc:
        raise YamlError(f"YAML syntax: {exc}", 1) from None


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
    """Plain values from parser events, one event at a time, with an explicit stack."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.positions: dict[Loc, Position] = {}
        self.duplicates: list[tuple[Loc, Position, Position]] = []
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.documents = 0

    def run(self, events: Iterator[yaml.Event]) -> YamlDocument:
        for event in events:
            if isinstance(event, yaml.DocumentStartEvent):
                self.documents += 1
                if self.documents > 1:
                    raise YamlError(
                        "a second YAML document ('---') found; one file holds one document",
                        _position(event).line,
                    )
            elif isinstance(event, yaml.ScalarEvent):
                _refuse_extras(event)
                self.scalar(event)
            elif isinstance(event, yaml.CollectionStartEvent):
                _refuse_extras(event)
                self.start_collection(event)
            elif isinstance(event, yaml.AliasEvent):
                _refuse_extras(event)  # always raises: aliases are not allowed
            elif isinstance(event, yaml.CollectionEndEvent):
                self.stack.pop()
        return YamlDocument(self.root, self.positions, tuple(self.duplicates))

    def scalar(self, event: yaml.ScalarEvent) -> None:
        value = _scalar(event)
        pos = _position(event)
        if isinstance(value, str) and len(value) > self.limits.max_string:
            raise YamlError(
                f"text of {len(value):,} characters; the limit is {self.limits.max_string:,}",
                pos.line,
            )
        self.place(value, pos)

    def start_collection(self, event: yaml.CollectionStartEvent) -> None:
        pos = _position(event)
        if self.stack and isinstance(self.stack[-1].value, dict) and self.stack[-1].key is None:
            raise YamlError("keys must be text, not a list or mapping", pos.line, pos.column)
        if len(self.stack) >= self.limits.max_depth:
            raise YamlError(f"nested deeper than {self.limits.max_depth} levels", pos.line)
        container: dict[str, Any] | list[Any] = (
            {} if isinstance(event, yaml.MappingStartEvent) else []
        )
        loc = self.place(container, pos)
        self.stack.append(_Frame(container, loc if loc is not None else ()))

    def place(self, value: Any, pos: Position) -> Loc | None:
        """Attach a finished value to its parent; return its location (None for a key)."""
        if not self.stack:
            self.root = value
            self.positions[()] = pos
            return ()
        parent = self.stack[-1]
        if isinstance(parent.value, list):
            if len(parent.value) >= self.limits.max_items:
                raise YamlError(f"more than {self.limits.max_items:,} items in one list", pos.line)
            loc = (*parent.loc, len(parent.value))
            parent.value.append(value)
            self.positions[loc] = pos
            return loc
        if parent.key is None:
            if not isinstance(value, str):
                raise YamlError("keys must be text", pos.line, pos.column)
            parent.key, parent.key_position = value, pos
            return None
        key, key_pos = parent.key, parent.key_position or pos
        loc = (*parent.loc, key)
        if key in parent.value:
            self.duplicates.append((loc, parent.key_lines[key], key_pos))
        else:
            parent.key_lines[key] = key_pos
            parent.value[key] = value
            self.positions[loc] = key_pos
        parent.key = parent.key_position = None
        return loc
