"""What every `briefings` command prints and reads: its settings, its lines (never a
terminal escape or a workflow command), its problems, the content."""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path

from generator.corpus import Corpus
from generator.errors import ContentError, Problem, Severity, display_path
from generator.load import load_corpus
from generator.models import id_problem
from generator.settings import Settings
from generator.terminal import annotation, log_line


def settings_from(config_file: Path) -> Settings:
    """The settings the MkDocs plugin would use, read through MkDocs' own config loader."""
    # Imported here: checking content must not pay for MkDocs unless it runs.
    from mkdocs.config import load_config  # noqa: PLC0415
    from mkdocs.exceptions import PluginError  # noqa: PLC0415

    from generator.plugin import BriefingsPlugin, settings_for  # noqa: PLC0415

    config = load_config(config_file=str(config_file))
    plugin = config.plugins.get("briefings")
    if not isinstance(plugin, BriefingsPlugin):
        raise SystemExit(f"{config_file}: the briefings plugin is not configured")
    try:
        return settings_for(config, plugin)
    except PluginError as exc:  # its options or the environment (SOURCE_DATE_EPOCH)
        say(str(exc))
        raise SystemExit(2) from None


def say(text: object, *, err: bool = True) -> None:
    """Print one line that may quote content: every line this command prints but its
    annotations goes through here, so that none is a terminal escape or workflow command."""
    print(log_line(str(text)), file=sys.stderr if err else sys.stdout)


def print_problems(problems: Sequence[Problem], *, markdown: bool = False) -> None:
    # With --markdown, standard output is the job summary, not the log: an annotation
    # there would be Markdown, and `check --strict` annotates the same problems anyway.
    annotate = os.environ.get("GITHUB_ACTIONS") == "true" and not markdown
    for problem in problems:
        say(problem)
        if annotate:
            kind = "error" if problem.severity is Severity.ERROR else "warning"
            place: dict[str, str | int] = {"file": problem.path}
            if problem.line:
                place["line"] = problem.line
            if problem.column:
                place["col"] = problem.column
            message = f"{problem.field}: {problem.message}" if problem.field else problem.message
            print(annotation(kind, message, **place))


def shown_slug(name: str) -> str:
    """A briefing's folder name for the terminal: quoted with escapes when it is no slug."""
    return repr(name) if id_problem(name) else name


def load_or_say(settings: Settings, *, skip_broken: bool = False) -> Corpus | None:
    """The validated content, or None after printing every problem."""
    try:
        return load_corpus(settings, skip_broken=skip_broken)
    except ContentError as exc:
        print_problems(exc.problems)
        return None


def count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def within(path: str, paths: Sequence[Path], root: Path) -> bool:
    """Whether a project-relative path is one of the given files or folders, or in one."""
    wanted = [display_path(p, root).rstrip("/") for p in paths]
    return "." in wanted or any(path == w or path.startswith(w + "/") for w in wanted)


def names_briefings(path: Path, settings: Settings) -> bool:
    """Whether a path given to `check` is a briefing's folder, a file in one, or a folder
    that holds them all."""
    if not path.exists():
        return False
    where = display_path(path, settings.root)
    briefings = display_path(settings.briefings_dir, settings.root)
    if where in (".", briefings) or briefings.startswith(where + "/"):
        return True
    if not where.startswith(briefings + "/"):
        return False
    folder = where.removeprefix(briefings + "/").split("/", 1)[0]
    return not folder.startswith(".") and (settings.briefings_dir / folder).is_dir()
