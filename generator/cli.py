"""The ``briefings`` command: check content and render Markdown without MkDocs."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from generator.build import ENGINES, BuildError, build_site
from generator.compare import KINDS, CompareError, compare, markdown, safe_link
from generator.corpus import Corpus
from generator.coverage import coverage
from generator.dates import FullDate, PartialDate
from generator.errors import ContentError, Problem, Severity, display_path, errors_only
from generator.load import load_corpus
from generator.models import Actor, id_problem
from generator.pipeline import generate, load_and_check
from generator.rescaffold import UpdateError, update
from generator.scaffold import ScaffoldError, scaffold
from generator.schema import write_schemas
from generator.settings import Settings, build_date
from generator.staged import GitError, record_staged
from generator.terminal import annotation, log_line, summary_text
from generator.translations import (
    OUT_OF_DATE,
    RECORD_FILE,
    confirmed,
    format_record,
    read_record,
)
from generator.write import atomic_write


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


def _print_problems(problems: Sequence[Problem], *, markdown: bool = False) -> None:
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


def _shown_slug(name: str) -> str:
    """A briefing's folder name for the terminal: quoted with escapes when it is no slug."""
    return repr(name) if id_problem(name) else name


def _within(path: str, paths: Sequence[Path], root: Path) -> bool:
    """Whether a project-relative path is one of the given files or folders, or in one."""
    wanted = [display_path(p, root).rstrip("/") for p in paths]
    return "." in wanted or any(path == w or path.startswith(w + "/") for w in wanted)


def _only(problems: Sequence[Problem], paths: Sequence[Path], settings: Settings) -> list[Problem]:
    """Problems in the given files or folders, and errors outside every briefing (in a
    registry), which concern them all; every problem when no path is given."""
    if not paths:
        return list(problems)
    briefings = display_path(settings.briefings_dir, settings.root) + "/"
    return [
        p
        for p in problems
        if _within(p.path, paths, settings.root)
        or (p.severity is Severity.ERROR and not p.path.startswith(briefings))
    ]


def _names_briefings(path: Path, settings: Settings) -> bool:
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


def cmd_check(args: argparse.Namespace) -> int:
    settings = settings_from(args.config)
    # A mistyped path would check nothing, and nothing checked must not read as a pass.
    strays = [path for path in args.paths if not _names_briefings(path, settings)]
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
        _print_problems(_only(exc.problems, args.paths, settings), markdown=args.markdown)
        if args.markdown:
            print("### Content that stops every briefing\n")
            print("\n".join(f"- {summary_text(str(p))}" for p in errors_only(exc.problems)))
        return 1
    broken = [problem for found in corpus.skipped.values() for problem in found]
    shown = sorted(_only([*broken, *corpus.warnings], args.paths, settings))
    _print_problems(shown, markdown=args.markdown)
    failing = bool(errors_only(shown)) or (bool(shown) and args.strict)
    checked = _checked(corpus, args.paths, settings)
    if errors_only(shown):
        status = "with errors"
    else:
        status = "with warnings treated as errors" if failing else "OK"
    say(f"{_count(len(checked), 'briefing')} checked: {status}")
    if args.markdown:
        print(_markdown_report(checked, shown))
    return 1 if failing else 0


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _checked(
    corpus: Corpus, paths: Sequence[Path], settings: Settings
) -> list[tuple[str, str, Mapping[str, str]]]:
    """(slug, briefing.yaml's path, title) of each briefing checked, read or set aside:
    those in the given paths, or all."""
    rows = [(loaded.slug, loaded.source, loaded.briefing.title) for loaded in corpus.briefings]
    rows += [(slug, found[0].path, {}) for slug, found in corpus.skipped.items()]
    return sorted(row for row in rows if not paths or _within(row[1], paths, settings.root))


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
        verdict = f"{_count(errors, 'error')}, {_count(len(own) - errors, 'warning')}"
        verdict = verdict if own else "OK"
        shown = " / ".join(summary_text(text) for text in title.values()) or "(not readable)"
        # A slug is a-z, 0-9 and '-': safe in a code span. Any other name is text.
        name = summary_text(repr(slug)) if id_problem(slug) else f"`{slug}`"
        lines.append(f"| {name} | {shown} | {verdict} |")
    if not checked:
        lines.append("| (none) | | |")
    stale = sum(1 for p in problems if p.message.startswith(OUT_OF_DATE))
    lines += ["", f"{_count(stale, 'translation')} may be out of date."]
    if problems:
        lines += ["", "<details><summary>Problems</summary>", ""]
        lines += [f"- {summary_text(str(problem))}" for problem in problems]
        lines += ["", "</details>"]
    return "\n".join(lines)


def cmd_render(args: argparse.Namespace) -> int:
    settings = settings_from(args.config)
    if args.jobs is not None:
        settings = replace(settings, jobs=args.jobs)
    try:
        result = generate(settings, out_dir=args.out)
    except ContentError as exc:
        _print_problems(exc.problems)
        return 1
    _print_problems(result.warnings)
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
        _print_problems(exc.problems)
        return 1
    except BuildError as exc:
        say(f"briefings build: {exc}")
        return 1
    _print_problems(result.warnings)
    say(f"{result.pages} pages built into {display_path(site, settings.root)}")
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    settings = settings_from(args.config)
    # Only the registries are needed (to find actors): other drafts may be unfinished.
    corpus = _load(settings, skip_broken=True)
    if corpus is None:
        say("fix the registries first: they are needed to find actors")
        return 1
    registry = corpus.actors
    if args.update:
        return _update(settings, args, registry)
    try:
        created = scaffold(
            settings.briefings_dir,
            args.slug,
            args.source,
            languages=settings.languages,
            registry=registry,
            language=args.language,
            article_date=PartialDate.parse(args.date) if args.date else None,
        )
    except (ScaffoldError, ValueError, OSError) as exc:
        say(f"briefings new: {exc}")
        return 1
    say(
        f"created {display_path(created, settings.root)}; review the lines marked '# REVIEW',",
        err=False,
    )
    say("write the empty texts, then run: briefings check --strict", err=False)
    return 0


def _update(settings: Settings, args: argparse.Namespace, registry: Mapping[str, Actor]) -> int:
    """`briefings new --update`: what the article now gives that the briefing lacks."""
    try:
        path, added = update(
            settings,
            args.slug,
            args.source,
            registry=registry,
            language=args.language,
            article_date=PartialDate.parse(args.date) if args.date else None,
        )
    except UpdateError as exc:
        _print_problems(exc.problems)
        say("briefings new --update: nothing was changed")
        return 1
    except (ScaffoldError, ValueError, OSError) as exc:
        say(f"briefings new: {exc}")
        return 1
    shown = display_path(path, settings.root)
    for entry in added:
        say(f"{shown}:{entry.line}: added {entry.what}", err=False)
    if added:
        entries = "1 entry" if len(added) == 1 else f"{len(added)} entries"
        say(f"{entries} added, marked '# REVIEW'; then run: briefings check --strict", err=False)
    else:
        say(f"{shown}: nothing to add: it has every actor and date the article gives", err=False)
    return 0


def _load(settings: Settings, *, skip_broken: bool = False) -> Corpus | None:
    """The validated content, or None after printing every problem."""
    try:
        return load_corpus(settings, skip_broken=skip_broken)
    except ContentError as exc:
        _print_problems(exc.problems)
        return None


def cmd_status(args: argparse.Namespace) -> int:
    settings = settings_from(args.config)
    corpus = _load(settings, skip_broken=True)
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
        say(f"{_shown_slug(slug)}  not readable yet: {first}", err=False)
    return 1 if corpus.skipped and args.strict else 0


def cmd_translations(args: argparse.Namespace) -> int:
    settings = settings_from(args.config)
    day = build_date(os.environ)
    today = FullDate(day.year, day.month, day.day)
    if args.staged:
        try:
            written = record_staged(settings.root, settings.briefings_dir, today)
        except GitError as exc:
            say(f"briefings translations --staged: {exc}")
            return 1
        for record, count in written:
            name = display_path(record, settings.root)
            say(f"{name}: recorded {_count(count, 'translation')} changed with the original")
        return 0
    if not args.paths:
        say("briefings translations --confirm: give the briefings' folders to confirm")
        return 2
    strays = [path for path in args.paths if not _names_briefings(path, settings)]
    for path in strays:
        say(f"briefings translations: {str(path)!r} is not a briefing's folder or file")
    if strays:
        return 2
    return _confirm(settings, args.paths, today)


def _confirm(settings: Settings, paths: Sequence[Path], today: FullDate) -> int:
    """Record that every translation of the given briefings matches its original."""

    def chosen(folder: Path) -> bool:  # given itself, or a file in it, or a folder above it
        name = display_path(folder, settings.root)
        inside = (display_path(path, settings.root).startswith(name + "/") for path in paths)
        return _within(name, paths, settings.root) or any(inside)

    folders = [f for f in sorted(settings.briefings_dir.iterdir()) if f.is_dir() and chosen(f)]
    for folder in folders:
        # A record with unreadable lines (a hand edit, a merge) would keep its briefing
        # from loading: confirming writes it again from its readable lines.
        records, problems = read_record(folder / RECORD_FILE)
        if problems:
            atomic_write(folder / RECORD_FILE, format_record(records))
            say(
                f"{display_path(folder / RECORD_FILE, settings.root)}: "
                f"left out {_count(len(problems), 'unreadable line')}"
            )
    corpus = _load(settings, skip_broken=True)
    if corpus is None:
        return 1
    broken = {
        slug: found
        for slug, found in corpus.skipped.items()
        if chosen(settings.briefings_dir / slug)
    }
    _print_problems([problem for found in broken.values() for problem in found])
    for loaded in corpus.briefings:
        if not chosen(loaded.folder):
            continue
        record = loaded.folder / RECORD_FILE
        before = read_record(record)[0]
        after = confirmed(loaded.texts, loaded.briefing.article.language, before, today)
        fresh = sum(1 for field, entry in after.items() if before.get(field) != entry)
        data = format_record(after)
        if (after or record.exists()) and (not record.is_file() or record.read_bytes() != data):
            atomic_write(record, data)
        say(
            f"{display_path(record, settings.root)}: {_count(len(after), 'translation')} "
            f"confirmed, {fresh} recorded today",
            err=False,
        )
    if broken:
        say(f"{_count(len(broken), 'briefing')} not confirmed: fix the errors above first")
        return 1
    return 0


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
    say(", ".join(f"{_count(n, 'page')} {kind}" for kind, n in counts.items()), err=False)
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    settings = settings_from(args.config)
    corpus = _load(settings)
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
