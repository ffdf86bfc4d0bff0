"""The ``briefings`` command: check content and render Markdown without MkDocs."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from generator.build import ENGINES, BuildError, build_site
from generator.commands.check import cmd_check
from generator.commands.new import cmd_new
from generator.commands.translations import cmd_translations
from generator.compare import KINDS, CompareError, compare, markdown, safe_link
from generator.console import (
    count,
    load_or_say,
    print_problems,
    say,
    settings_from,
    shown_slug,
)
from generator.coverage import coverage
from generator.errors import ContentError, display_path, errors_only
from generator.pipeline import generate
from generator.schema import write_schemas


def cmd_render(args: argparse.Namespace) -> int:
    settings = settings_from(args.config)
    if args.jobs is not None:
        settings = replace(settings, jobs=args.jobs)
    try:
        result = generate(settings, out_dir=args.out)
    except ContentError as exc:
        print_problems(exc.problems)
        return 1
    print_problems(result.warnings)
    report = result.report
    say(
        f"{result.pages} pages generated into {args.out}: {len(report.written)} written, "
        f"{report.unchanged} unchanged, {len(report.removed)} removed"
    )
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    settings = settings_from(args.config)
    site = args.site or settings.root / "site"
    try:
        result = build_site(settings, site, strict=True, engine=args.engine)
    except ContentError as exc:
        print_problems(exc.problems)
        return 1
    except BuildError as exc:
        say(f"briefings build: {exc}")
        return 1
    print_problems(result.warnings)
    say(f"{result.pages} pages built into {display_path(site, settings.root)}")
    return 0


def cmd_status(args: argparse.Namespace) -> int:
    settings = settings_from(args.config)
    corpus = load_or_say(settings, skip_broken=True)
    if corpus is None:
        return 1
    for row in coverage(corpus, settings.languages):
        missing = f"; missing: {', '.join(row.missing)}" if row.missing else ""
        outdated = f"; out of date: {', '.join(row.outdated)}" if row.outdated else ""
        state = missing + outdated or "; complete"
        say(f"{row.slug}  {row.lang}: {row.translated}/{row.total} texts{state}", err=False)
    for slug, problems in corpus.skipped.items():
        # Its first error says where to start; `briefings check` lists them all.
        first = errors_only(problems)[0]
        say(f"{shown_slug(slug)}  not readable yet: {first}", err=False)
    return 1 if corpus.skipped and args.strict else 0


def cmd_compare(args: argparse.Namespace) -> int:
    try:
        link = safe_link(args.link) if args.link else None
        changes = compare(args.base, args.head)
    except CompareError as exc:
        say(f"briefings compare: {exc}")
        return 2
    if args.markdown:
        print(markdown(changes, link))
        return 0
    for change in changes:
        say(f"{change.kind}: {change.path}: {change.title}", err=False)
    counts = {kind: sum(1 for c in changes if c.kind == kind) for kind in KINDS}
    say(", ".join(f"{count(n, 'page')} {kind}" for kind, n in counts.items()), err=False)
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    settings = settings_from(args.config)
    corpus = load_or_say(settings)
    if corpus is None:
        return 1
    out = args.out or settings.root / "schema"
    for path in write_schemas(out, corpus, settings.languages):
        say(f"wrote {display_path(path, settings.root)}")
    return 0


def _command(
    commands: Any,
    name: str,
    run: Callable[[argparse.Namespace], int],
    summary: str,
    description: str,
    example: str,
) -> argparse.ArgumentParser:
    """A subcommand whose --help explains it and shows an example."""
    command: argparse.ArgumentParser = commands.add_parser(
        name,
        help=summary,
        description=description,
        epilog=f"example:\n  {example}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    command.set_defaults(run=run)
    return command


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return int(text)


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
    check = _command(
        commands,
        "check",
        cmd_check,
        "validate all content and print every problem",
        "Validate every content file; print each problem as "
        "file:line:column: field: message. Exit 0 when clean, 1 on errors, 2 when a "
        "given path is no briefing's folder or file.",
        "briefings check --strict",
    )
    check.add_argument("--strict", action="store_true", help="treat warnings as errors")
    check.add_argument(
        "--markdown",
        action="store_true",
        help="also print the checked briefings and their problems as Markdown (for a pull "
        "request's job summary)",
    )
    check.add_argument(
        "paths",
        nargs="*",
        type=Path,
        help="check only these briefings' files or folders, against the registries "
        "(default: all content)",
    )
    render = _command(
        commands,
        "render",
        cmd_render,
        "write each language's Markdown and MkDocs config to a folder",
        "Generate plain Markdown (one tree and one mkdocs.yml per language) "
        "without building the site. Only files whose content changed are written.",
        "briefings render --out build",
    )
    render.add_argument("--out", type=Path, required=True, help="output folder")
    render.add_argument(
        "--jobs", type=_positive, help="processes that generate at once (default: one a core)"
    )
    build = _command(
        commands,
        "build",
        cmd_build,
        "generate and build the whole site, with search",
        "Generate every language, build each with MkDocs, index it with Pagefind, and "
        "put the finished site in place of the previous one (a failed build leaves it "
        "as it was). The same site as `mkdocs build --strict`.",
        "briefings build --site public",
    )
    build.add_argument("--site", type=Path, help="the site folder (default: site/)")
    build.add_argument(
        "--engine",
        choices=ENGINES,
        default="mkdocs",
        help="what builds each language's pages (default: mkdocs)",
    )
    new = _command(
        commands,
        "new",
        cmd_new,
        "scaffold a briefing folder from a pasted article",
        "Create content/briefings/<slug>/ with the article and a briefing.yaml "
        "pre-filled with what the article lets a machine find (title, author, photo caption, "
        "actors, dates), each marked '# REVIEW'. An existing folder is never touched, "
        "except with --update: it then gains the actors and dates found now (after the "
        "registries grew) that it lacks, inserted without changing anything else.",
        "briefings new japan-nato-office --from ~/pasted/article.id.txt\n"
        "  briefings new japan-nato-office --update --from "
        "content/briefings/japan-nato-office/article.id.txt",
    )
    new.add_argument("slug", help="the folder name: lowercase a-z, 0-9 and '-'")
    new.add_argument("--from", dest="source", type=Path, required=True, help="the article file")
    new.add_argument("--language", help="the article's language (default: from the file name)")
    new.add_argument("--date", help="the article's date (YYYY[-MM[-DD]]), for relative dates")
    new.add_argument(
        "--update",
        action="store_true",
        help="add to the existing folder's briefing.yaml the actors and dates it lacks, "
        "touching nothing else",
    )
    status = _command(
        commands,
        "status",
        cmd_status,
        "translation coverage per briefing and language",
        "For each briefing and language: how many texts are translated, which fields "
        "are missing and which may be out of date; then each briefing that cannot be "
        "read yet, with its first error. The site's status page lists what is left to "
        "translate.",
        "briefings status",
    )
    status.add_argument(
        "--strict", action="store_true", help="exit 1 when a briefing cannot be read"
    )
    translations = _command(
        commands,
        "translations",
        cmd_translations,
        "record that translations match their originals",
        "Keep each briefing's translations.txt: for every translated text, a hash of the "
        "original it was made from. `briefings check` warns about a translation whose "
        "original changed since. --confirm records the given briefings' translations as "
        "they are now; --staged (the pre-commit hook) records those whose original and "
        "translation both change in the commit being made, and stages the record.",
        "briefings translations --confirm content/briefings/japan-nato-liaison-office",
    )
    mode = translations.add_mutually_exclusive_group(required=True)
    mode.add_argument(
        "--confirm",
        action="store_true",
        help="the given briefings' translations match their originals as they are now",
    )
    mode.add_argument(
        "--staged",
        action="store_true",
        help="record the translations changed with their originals in git's index",
    )
    translations.add_argument(
        "paths", nargs="*", type=Path, help="with --confirm: briefings' folders or files"
    )
    compare_sites = _command(
        commands,
        "compare",
        cmd_compare,
        "list the pages one built site adds, changes and removes against another",
        "Compare two built sites (a pull request's base and head) page by page in each "
        "language: pages added, removed, and changed in what readers see (the page's "
        "main content; asset hashes and search-only fields left out). Build both the "
        "same day.",
        "briefings compare base-site site --markdown --link https://example.org/site.zip",
    )
    compare_sites.add_argument("base", type=Path, help="the site before the change")
    compare_sites.add_argument("head", type=Path, help="the site after the change")
    compare_sites.add_argument(
        "--markdown",
        action="store_true",
        help="print the lists as GitHub Markdown, a table a language (for a job summary)",
    )
    compare_sites.add_argument(
        "--link", help="with --markdown: an https:// address of the built site, to link to"
    )
    schema = _command(
        commands,
        "schema",
        cmd_schema,
        "write the JSON Schema of the content files (for editors)",
        "Write schema/briefing.schema.json, actors.schema.json and "
        "tags.schema.json from the models, with the registries' ids and the site's "
        "languages. Run it after adding an actor or a tag.",
        "briefings schema",
    )
    schema.add_argument("--out", type=Path, help="folder (default: schema/)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        code: int = args.run(args)
    except OSError as exc:  # content is reported as problems; this is the disk or the system
        where = f" {exc.filename}" if exc.filename else ""
        say(f"briefings: cannot read or write{where}: {exc.strerror or exc}")
        return 1
    return code


if __name__ == "__main__":
    sys.exit(main())
