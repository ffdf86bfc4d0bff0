"""The ``briefings`` command: check content and render Markdown without MkDocs."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from generator.errors import ContentError, Problem, Severity
from generator.pipeline import generate, load_and_check
from generator.settings import Settings


def settings_from(config_file: Path) -> Settings:
    """The settings the MkDocs plugin would use, read through MkDocs' own config loader."""
    # Imported here: checking content must not pay for MkDocs unless it runs.
    from mkdocs.config import load_config  # noqa: PLC0415

    from generator.plugin import BriefingsPlugin, settings_for  # noqa: PLC0415

    config = load_config(config_file=str(config_file))
    plugin = config.plugins.get("briefings")
    if not isinstance(plugin, BriefingsPlugin):
        raise SystemExit(f"{config_file}: the briefings plugin is not configured")
    return settings_for(config, plugin)


def _print_problems(problems: Sequence[Problem]) -> None:
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in problems:
        print(problem, file=sys.stderr)
        if annotate:
            kind = "error" if problem.severity is Severity.ERROR else "warning"
            place = f"file={problem.path}"
            if problem.line:
                place += f",line={problem.line}"
            if problem.column:
                place += f",col={problem.column}"
            message = f"{problem.field}: {problem.message}" if problem.field else problem.message
            print(f"::{kind} {place}::{message}")


def cmd_check(args: argparse.Namespace) -> int:
    settings = settings_from(args.config)
    try:
        corpus = load_and_check(settings)
    except ContentError as exc:
        _print_problems(exc.problems)
        return 1
    _print_problems(corpus.warnings)
    errors = bool(corpus.warnings) and args.strict
    count = len(corpus.briefings)
    status = "with warnings treated as errors" if errors else "OK"
    print(f"{count} briefing{'s' if count != 1 else ''} checked: {status}", file=sys.stderr)
    return 1 if errors else 0


def cmd_render(args: argparse.Namespace) -> int:
    settings = settings_from(args.config)
    try:
        result = generate(settings, out_dir=args.out)
    except ContentError as exc:
        _print_problems(exc.problems)
        return 1
    _print_problems(result.warnings)
    report = result.report
    print(
        f"{result.pages} pages generated into {args.out}: {len(report.written)} written, "
        f"{report.unchanged} unchanged, {len(report.removed)} removed",
        file=sys.stderr,
    )
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefings",
        description="Bilingual briefing pages from YAML and articles.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="example:\n  briefings check\n  briefings render --out /tmp/briefings-md",
    )
    parser.add_argument(
        "--config",
        type=Path,
        default=Path("mkdocs.yml"),
        help="the site's mkdocs.yml, whose briefings plugin options set the languages "
        "(default: ./mkdocs.yml)",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser(
        "check",
        help="validate all content and print every problem",
        description="Validate every content file; print each problem as "
        "file:line:column: field: message. Exit 0 when clean, 1 on errors.",
        epilog="example:\n  briefings check --strict",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.set_defaults(run=cmd_check)
    render = commands.add_parser(
        "render",
        help="write each language's Markdown and MkDocs config to a folder",
        description="Generate plain Markdown (one tree and one mkdocs.yml per language) "
        "without building the site. Only files whose content changed are written.",
        epilog="example:\n  briefings render --out build",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    render.add_argument("--out", type=Path, required=True, help="output folder")
    render.set_defaults(run=cmd_render)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    code: int = args.run(args)
    return code


if __name__ == "__main__":
    sys.exit(main())
