"""Where loading collects what it finds wrong: every problem of a run, with its place."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from pathlib import Path

from generator.errors import Problem, Severity, display_path, errors_only, field_path
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


def set_aside(
    problems: Sequence[Problem], briefings_dir: str
) -> tuple[list[Problem], dict[str, tuple[Problem, ...]]]:
    """The problems of briefings with errors, by slug, apart from all the others."""

    def slug_of(problem: Problem) -> str | None:
        inside = problem.path.removeprefix(f"{briefings_dir}/")
        return inside.split("/", 1)[0] if inside != problem.path else None

    broken = {slug_of(p) for p in errors_only(problems)} - {None}
    kept = [p for p in problems if slug_of(p) not in broken]
    skipped: dict[str, list[Problem]] = {}
    for problem in sorted(problems):
        slug = slug_of(problem)
        if slug in broken:
            skipped.setdefault(str(slug), []).append(problem)
    return kept, {slug: tuple(found) for slug, found in sorted(skipped.items())}
