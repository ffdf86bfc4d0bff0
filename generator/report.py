"""Where loading collects what it finds wrong: every problem of a run, with its place."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from generator.errors import Problem, Severity, display_path, field_path
from generator.settings import Settings
from generator.strict_yaml import Loc, YamlDocument


class Report:
    """Collects problems for one run; every stage of loading adds to it."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.problems: list[Problem] = []
        # Registries with invalid entries: every id they list, valid or not; None for a
        # registry that could not be read at all, against which nothing is checked.
        self.known_ids: dict[str, Collection[str] | None] = {}
        self.registries: dict[str, YamlDocument] = {}

    def name(self, path: Path) -> str:
        return display_path(path, self.settings.root)

    def add(
        self,
        path: Path,
        message: str,
        *,
        line: int = 0,
        column: int = 0,
        field: str = "",
        severity: Severity = Severity.ERROR,
    ) -> None:
        self.problems.append(Problem(self.name(path), line, column, field, message, severity))

    def at(
        self,
        path: Path,
        doc: YamlDocument,
        loc: Loc,
        message: str,
        severity: Severity = Severity.ERROR,
    ) -> None:
        pos = doc.position(loc)
        self.add(
            path,
            message,
            line=pos.line,
            column=pos.column,
            field=field_path(loc),
            severity=severity,
        )
