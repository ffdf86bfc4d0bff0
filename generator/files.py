"""Reading content files safely: within a size limit, never through a symbolic link,
never a device or a pipe; YAML strictly, with positions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from generator.errors import (
    Severity,
    field_path,
)
from generator.report import Report
from generator.strict_yaml import DEFAULT_LIMITS, YamlDocument, YamlError, parse
from generator.wording import kind_name

NO_SYMLINKS = "symbolic links are not allowed in content/; copy the file"

REVIEW_MARKER = "# REVIEW"  # written by `briefings new` after every guessed value


def refuse_symlinks(content_dir: Path, report: Report) -> None:
    if not content_dir.is_dir():
        report.add(content_dir, "the content folder is missing")
        return
    folders = [content_dir]
    while folders:  # the folder's own listing says what is a link: no call a file
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_symlink():
                    report.add(Path(entry.path), NO_SYMLINKS)
                elif entry.is_dir():
                    folders.append(Path(entry.path))


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_file(path: Path, limit: int, report: Report) -> bytes | None:
    """The bytes of a regular file of at most ``limit`` bytes, or None after reporting why not.

    Asked before opening: a folder cannot be read, a named pipe or a device would
    block or never end, and a file too large is not read at all.
    """
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            report.add(path, f"is {_kind_of(info.st_mode)}; it must be a plain file")
            return None
        if info.st_size > limit:
            report.add(path, f"file is {info.st_size:,} bytes; the limit is {limit:,}")
            return None
        return path.read_bytes()
    except FileNotFoundError:
        report.add(path, "file is missing")
    except OSError as exc:
        report.add(path, f"cannot be read: {exc.strerror or exc}")
    return None


def read_yaml(path: Path, report: Report) -> YamlDocument | None:
    raw = read_file(path, DEFAULT_LIMITS.max_bytes, report)
    if raw is None:
        return None
    try:
        doc = parse(raw)
    except YamlError as exc:
        report.add(path, exc.message, line=exc.line, column=exc.column)
        return None
    for number, line in enumerate(raw.decode("utf-8-sig").splitlines(), 1):
        if REVIEW_MARKER in line and not line.lstrip().startswith("#"):
            report.add(
                path,
                f"a value filled in by `briefings new` is not yet reviewed; check it, then "
                f"delete '{REVIEW_MARKER}'",
                line=number,
                column=line.index(REVIEW_MARKER) + 1,
                severity=Severity.WARNING,
            )
    for loc, first, second in doc.duplicate_keys:
        report.add(
            path,
            f"duplicate key {loc[-1]!r} (first at line {first.line}, again at line {second.line})",
            line=second.line,
            column=second.column,
            field=field_path(loc),
        )
    if not isinstance(doc.data, dict):
        found = "an empty file" if doc.data is None else f"a {kind_name(doc.data)}"
        report.add(path, f"expected a mapping of fields at the top level, found {found}", line=1)
        return None
    return doc
