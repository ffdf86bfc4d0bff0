"""`briefings check`: every problem at once, for a contributor, a hook or a pull request."""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from pathlib import Path

from generator.console import (
    count,
    names_briefings,
    print_problems,
    say,
    settings_from,
    within,
)
from generator.corpus import Corpus
from generator.errors import ContentError, Problem, Severity, display_path, errors_only
from generator.models import id_problem
from generator.pipeline import load_and_check
from generator.settings import Settings
from generator.terminal import summary_text
from generator.translations import (
    OUT_OF_DATE,
)


def cmd_check(args: argparse.Namespace) -> int:
    settings = settings_from(args.config)
    # A mistyped path would check nothing, and nothing checked must not read as a pass.
    strays = [path for path in args.paths if not names_briefings(path, settings)]
    folder = display_path(settings.briefings_dir, settings.root)
    for path in strays:
        why = "is not a briefing's folder or file" if path.exists() else "does not exist"
        say(f"briefings check: {str(path)!r} {why} (briefings are folders in {folder}/)")
    if strays:
        return 2
    try:
        # Given paths are checked against the registries alone: the other briefings
        # may be unfinished drafts, which must not stand in the way.
        corpus = load_and_check(settings, skip_broken=bool(args.paths))
    except ContentError as exc:
        print_problems(_only(exc.problems, args.paths, settings), markdown=args.markdown)
        if args.markdown:
            print("### Content that stops every briefing\n")
            print("\n".join(f"- {summary_text(str(p))}" for p in errors_only(exc.problems)))
        return 1
    broken = [problem for found in corpus.skipped.values() for problem in found]
    shown = sorted(_only([*broken, *corpus.warnings], args.paths, settings))
    print_problems(shown, markdown=args.markdown)
    failing = bool(errors_only(shown)) or (bool(shown) and args.strict)
    checked = _checked(corpus, args.paths, settings)
    if errors_only(shown):
        status = "with errors"
    else:
        status = "with warnings treated as errors" if failing else "OK"
    say(f"{count(len(checked), 'briefing')} checked: {status}")
    if args.markdown:
        print(_markdown_report(checked, shown))
    return 1 if failing else 0


def _only(problems: Sequence[Problem], paths: Sequence[Path], settings: Settings) -> list[Problem]:
    """Problems in the given files or folders, and errors outside every briefing (in a
    registry), which concern them all; every problem when no path is given."""
    if not paths:
        return list(problems)
    briefings = display_path(settings.briefings_dir, settings.root) + "/"
    return [
        p
        for p in problems
        if within(p.path, paths, settings.root)
        or (p.severity is Severity.ERROR and not p.path.startswith(briefings))
    ]


def _checked(
    corpus: Corpus, paths: Sequence[Path], settings: Settings
) -> list[tuple[str, str, Mapping[str, str]]]:
    """(slug, briefing.yaml's path, title) of each briefing checked, read or set aside:
    those in the given paths, or all."""
    rows = [(loaded.slug, loaded.source, loaded.briefing.title) for loaded in corpus.briefings]
    rows += [(slug, found[0].path, {}) for slug, found in corpus.skipped.items()]
    return sorted(row for row in rows if not paths or within(row[1], paths, settings.root))


def _markdown_report(
    checked: Sequence[tuple[str, str, Mapping[str, str]]], problems: Sequence[Problem]
) -> str:
    """The checked briefings and their problems as Markdown, for a pull request's job
    summary. Titles and messages quote content: escaped, so that none is markup."""
    lines = ["### Briefings checked", "", "| Briefing | Title | Check |", "| --- | --- | --- |"]
    for slug, source, title in checked:
        folder = source.rsplit("/", 1)[0]
        own = [p for p in problems if p.path == folder or p.path.startswith(folder + "/")]
        errors = len(errors_only(own))
        verdict = f"{count(errors, 'error')}, {count(len(own) - errors, 'warning')}"
        verdict = verdict if own else "OK"
        shown = " / ".join(summary_text(text) for text in title.values()) or "(not readable)"
        # A slug is a-z, 0-9 and '-': safe in a code span. Any other name is text.
        name = summary_text(repr(slug)) if id_problem(slug) else f"`{slug}`"
        lines.append(f"| {name} | {shown} | {verdict} |")
    if not checked:
        lines.append("| (none) | | |")
    stale = sum(1 for p in problems if p.message.startswith(OUT_OF_DATE))
    lines += ["", f"{count(stale, 'translation')} may be out of date."]
    if problems:
        lines += ["", "<details><summary>Problems</summary>", ""]
        lines += [f"- {summary_text(str(problem))}" for problem in problems]
        lines += ["", "</details>"]
    return "\n".join(lines)
