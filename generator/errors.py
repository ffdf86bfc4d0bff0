"""Problems found in content, reported all at once with file, line and field."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from generator.terminal import visible


class Severity(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one place in one file.

    ``path`` is relative to the project root so that messages read the same on
    every machine and in CI annotations.
    """

    path: str
    line: int
    column: int
    field: str
    message: str
    severity: Severity = Severity.ERROR

    @property
    def where(self) -> str:
        """``file:line:column``, as far as they are known."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}:{self.column}" if self.column else where

    def __str__(self) -> str:
        # One line wherever it is printed or logged (the CLI, MkDocs' log, the preview's
        # error page): a path, key or value from content shows its control characters.
        field = f" {self.field}:" if self.field else ""
        label = "" if self.severity is Severity.ERROR else " warning:"
        return visible(f"{self.where}:{label}{field} {self.message}")


class ContentError(Exception):
    """Raised when content has errors; carries every problem of the run."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(sorted(problems))
        count = len(errors_only(self.problems))
        noun = "error" if count == 1 else "errors"
        super().__init__(f"{count} {noun} in content:\n" + "\n".join(map(str, self.problems)))

    def __reduce__(self) -> tuple[type[ContentError], tuple[tuple[Problem, ...]]]:
        # Rebuilt from its problems when it comes back from a worker process.
        return (ContentError, (self.problems,))


def field_path(loc: Sequence[str | int]) -> str:
    """A field as problems name it: ('key_points', 2, 'en') -> 'key_points[2].en'"""
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def errors_only(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.ERROR]


def display_path(path: Path, root: Path) -> str:
    """The path as contributors see it: relative to the project, with '/'."""
    if ".." not in path.parts:
        try:  # a path made from the project's own: no need to ask the disk (resolve)
            return path.relative_to(root).as_posix()
        except ValueError:
            pass
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
