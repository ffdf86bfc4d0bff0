"""Stage 1: find content, read it strictly, validate it, and say everything wrong at once.

The result is a :class:`Corpus` of validated, frozen models plus the articles
they point to. Nothing is written by this stage; a run with any error stops
here with a :class:`~generator.errors.ContentError` listing every problem.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from generator import images
from generator.article import ArticleBody, ArticleError, parse_article
from generator.checks import (
    check_event_ids,
    check_references,
    check_text_languages,
    check_timeline_against_today,
    texts_of,
)
from generator.corpus import Corpus, LoadedBriefing
from generator.errors import (
    ContentError,
    Problem,
    Severity,
    errors_only,
)
from generator.files import read_file, read_yaml, refuse_symlinks
from generator.images import CleanImage
from generator.layout import ACTORS, RESERVED_IDS, TAGS
from generator.models import (
    Actor,
    Briefing,
    Tag,
    id_problem,
    named_only,
    shorten,
    tag_entry,
)
from generator.parallel import map_parts, split
from generator.report import Report, set_aside
from generator.settings import Settings
from generator.strict_yaml import Loc, YamlDocument, YamlError, decode
from generator.translations import MAX_RECORD_BYTES, RECORD_FILE, Stale, parse_record, stale
from generator.wording import message, validate

M = TypeVar("M", bound=BaseModel)
E = TypeVar("E")

MAX_BRIEFINGS = 20_000
MAX_ARTICLE_BYTES = 2_000_000
BRIEFING_FILE = "briefing.yaml"


def load_corpus(
    settings: Settings, cache: LoadCache | None = None, *, skip_broken: bool = False
) -> Corpus:
    """Read and validate every content file; raise ContentError listing all errors.

    ``skip_broken``: a briefing with errors is left out (``Corpus.skipped`` has its
    problems) rather than failing the whole load, for the commands that can do
    without it; errors anywhere else (a registry) still raise.
    """
    cache = cache if cache is not None else LoadCache()
    report = Report(settings)
    refuse_symlinks(settings.content_dir, report)
    actor_map, tag_map = _load_registries(settings, report)
    folders = _briefing_folders(settings, report)
    read = _read_changed(folders, settings, cache)
    briefings = [
        loaded
        for folder in folders
        if (loaded := _load_briefing(folder, read, actor_map, tag_map, report, cache)) is not None
    ]
    check_event_ids(_loaded_documents(folders, read, cache), report)
    problems: Sequence[Problem] = report.problems
    skipped: dict[str, tuple[Problem, ...]] = {}
    if skip_broken:
        problems, skipped = set_aside(problems, report.name(settings.briefings_dir))
        briefings = [loaded for loaded in briefings if loaded.slug not in skipped]
    if errors_only(problems):
        raise ContentError(problems)
    return Corpus(
        actors=MappingProxyType(dict(actor_map)),
        tags=MappingProxyType(dict(tag_map)),
        briefings=tuple(briefings),
        warnings=tuple(sorted(problems)),
        registries=MappingProxyType(report.registries),
        skipped=MappingProxyType(skipped),
    )


REGISTRIES = ("actors.yaml", "tags.yaml")  # in the content folder


def _load_registries(settings: Settings, report: Report) -> tuple[dict[str, Actor], dict[str, Tag]]:
    actors = settings.content_dir / REGISTRIES[0]
    tags = settings.content_dir / REGISTRIES[1]
    return (
        _load_registry(actors, TypeAdapter(Actor).validate_python, f"{ACTORS}/index.md", report),
        _load_registry(tags, tag_entry, f"{TAGS}/index.md", report),
    )


def reload_registries(settings: Settings, corpus: Corpus) -> Corpus | None:
    """``corpus`` with its registries read again, as `load_corpus` reads them; None if
    either has an error, or if an id came or went (which briefings' references and the
    pages of the site depend on: the caller then loads everything)."""
    report = Report(settings)
    actors, tags = _load_registries(settings, report)
    same_ids = actors.keys() == corpus.actors.keys() and tags.keys() == corpus.tags.keys()
    if errors_only(report.problems) or not same_ids:
        return None
    return replace(
        corpus,
        actors=MappingProxyType(actors),
        tags=MappingProxyType(tags),
        registries=MappingProxyType(report.registries),
    )


def reload_briefing(settings: Settings, corpus: Corpus, folder: Path) -> LoadedBriefing | None:
    """One briefing of ``corpus`` read again from ``folder`` and checked against its
    registries, as `load_corpus` would; None if the folder is gone or has any error (the
    caller then loads everything, which reports it)."""
    report = Report(settings)
    if not folder.is_dir() or folder.is_symlink() or not (folder / BRIEFING_FILE).is_file():
        return None
    found = _read_briefing(folder, report)
    if found is None:
        return None
    loaded, doc = found
    path = folder / BRIEFING_FILE
    check_references(loaded.briefing, corpus.actors, corpus.tags, path, doc, report)
    return None if errors_only(report.problems) else loaded


def _load_registry(
    path: Path, entry: Callable[[object], E], list_page: str, report: Report
) -> dict[str, E]:
    """A registry (id -> entry), validated entry by entry; ``list_page`` lists them all.

    An invalid entry is reported and left out, but its id still counts as
    known, so one typo in actors.yaml does not also flag every briefing that
    names that actor.
    """
    doc = read_yaml(path, report)
    if doc is None:  # reported once here, not again at every reference to it
        report.known_ids[path.name] = None
        return {}
    report.registries[path.name] = doc
    entries: dict[str, E] = {}
    failed = False
    for key, value in doc.data.items():
        problem = id_problem(key)
        if problem:
            report.at(path, doc, (key,), f"{shorten(key)!r} is not a valid id: {problem}")
            failed = True
            continue
        if key in RESERVED_IDS:
            reserved = f"{key!r} is reserved: {list_page} lists them all; choose another id"
            report.at(path, doc, (key,), reserved)
            failed = True
            continue
        try:
            entries[key] = entry(value)
        except ValidationError as exc:
            failed = True
            for error in exc.errors(include_url=False):
                report.at(path, doc, (key, *error["loc"]), message(error))
    for key, value in entries.items():
        # A tag written as its name alone has no "name" key: its languages are the entry's.
        alone = isinstance(value, Tag) and named_only(doc.data.get(key))
        for loc, text in texts_of(value, (key,)):
            check_text_languages((key, *loc[2:]) if alone else loc, text, path, doc, report)
    if failed:
        report.known_ids[path.name] = set(doc.data)
    return entries


def _briefing_folders(settings: Settings, report: Report) -> list[Path]:
    root = settings.briefings_dir
    if not root.is_dir():
        return []
    folders = sorted(
        p
        for p in root.iterdir()
        if p.is_dir() and not p.is_symlink() and not p.name.startswith(".")
    )
    if len(folders) > MAX_BRIEFINGS:
        report.add(root, f"{len(folders):,} briefings; this build handles up to {MAX_BRIEFINGS:,}")
        return []
    found = []
    for folder in folders:
        problem = id_problem(folder.name)
        if problem:
            report.add(
                folder, f"folder name {shorten(folder.name)!r} is not a valid slug: {problem}"
            )
        elif folder.name in RESERVED_IDS:
            report.add(
                folder,
                f"folder name {folder.name!r} is reserved: briefings/{folder.name}.md is the "
                "list of all briefings; rename the folder",
            )
        elif not (folder / BRIEFING_FILE).exists():
            report.add(folder / BRIEFING_FILE, "file is missing: every briefing folder needs one")
        else:
            found.append(folder)
    return found


@dataclass
class LoadCache:
    """Briefings loaded by an earlier run, reused while none of their files changed.

    Owned by whoever loads repeatedly (the MkDocs plugin across `mkdocs serve`
    rebuilds). Only briefings that loaded without errors are kept, with their
    warnings; references to the registries are checked again on every run.
    """

    briefings: dict[Path, tuple[object, LoadedBriefing, YamlDocument, tuple[Problem, ...]]] = field(
        default_factory=dict
    )


def _loaded_documents(
    folders: Sequence[Path], read: Mapping[Path, _Read], cache: LoadCache
) -> Iterator[tuple[Path, YamlDocument, LoadedBriefing]]:
    """Each briefing that loaded without errors, with its document, in folder order."""
    for folder in folders:
        fresh = read.get(folder)
        known = cache.briefings.get(folder)
        if known is None or (fresh is not None and errors_only(fresh.problems)):
            continue  # unreadable or broken: reported already
        _, loaded, doc, _ = known
        yield folder / BRIEFING_FILE, doc, loaded


def _stamp(folder: Path) -> object:
    """What changes when any file of the folder changes (a new object when unreadable)."""
    try:
        stats = [(entry.name, entry.stat()) for entry in folder.iterdir()]
    except OSError:  # reading the folder will say what is wrong
        return object()
    return tuple(sorted((name, info.st_mtime_ns, info.st_size) for name, info in stats))


@dataclass(frozen=True)
class _Read:
    """One briefing folder read afresh, and what was wrong in it."""

    folder: Path
    stamp: object  # of the folder before it was read (see _stamp)
    found: tuple[LoadedBriefing, YamlDocument] | None  # None: it could not be read
    problems: tuple[Problem, ...]


# Reading is split over the cores from this many changed folders on: below it, starting
# a process costs more than it saves. (A `mkdocs serve` rebuild reads one or two.)
READ_IN_PARALLEL_FROM = 64


def _read_changed(
    folders: Sequence[Path], settings: Settings, cache: LoadCache
) -> dict[Path, _Read]:
    """Every folder the cache does not hold as it is now, read and checked on its own.

    Each briefing reads and validates without the others (references between them
    are checked after), so the folders are shared out over the cores in order, and
    what each part found comes back in that order: the same problems, in the same
    order, as reading them one by one.
    """
    # A folder the cache does not hold is read whatever its stamp, so its reader takes
    # the stamp (one listing and a stat a file), shared out with the reading.
    changed = [
        folder
        for folder in folders
        if (hit := cache.briefings.get(folder)) is None or hit[0] != _stamp(folder)
    ]
    jobs = settings.jobs if len(changed) >= READ_IN_PARALLEL_FROM else 1
    read = map_parts(functools.partial(_read_folders, settings), split(changed, jobs), jobs)
    return {r.folder: r for part in read for r in part}


def _read_folders(settings: Settings, folders: Sequence[Path]) -> list[_Read]:
    report = Report(settings)
    read = []
    for folder in folders:
        stamp = _stamp(folder)  # before reading: an edit made meanwhile is seen next time
        before = len(report.problems)
        found = _read_briefing(folder, report)
        read.append(_Read(folder, stamp, found, tuple(report.problems[before:])))
    return read


def _load_briefing(
    folder: Path,
    read: Mapping[Path, _Read],
    actors: Mapping[str, Actor],
    tags: Mapping[str, Tag],
    report: Report,
    cache: LoadCache,
) -> LoadedBriefing | None:
    fresh = read.get(folder)
    if fresh is None:  # unchanged since the cache took it
        _, loaded, doc, problems = cache.briefings[folder]
        report.problems.extend(problems)
    else:
        report.problems.extend(fresh.problems)
        if fresh.found is None:
            return None
        loaded, doc = fresh.found
        if not errors_only(fresh.problems):
            cache.briefings[folder] = (fresh.stamp, loaded, doc, fresh.problems)
    path = folder / BRIEFING_FILE
    check_references(loaded.briefing, actors, tags, path, doc, report)
    check_timeline_against_today(loaded.briefing, path, doc, report)
    return loaded


def _read_briefing(folder: Path, report: Report) -> tuple[LoadedBriefing, YamlDocument] | None:
    path = folder / BRIEFING_FILE
    doc = read_yaml(path, report)
    if doc is None:
        return None
    briefing = validate(Briefing, path, doc, report)
    if briefing is None:
        return None
    texts = texts_of(briefing)
    for loc, text in texts:
        check_text_languages(loc, text, path, doc, report)
    articles = _load_articles(folder, briefing, path, doc, report)
    outdated = _stale_translations(folder, briefing, texts, path, doc, report)
    image = None
    if briefing.image and briefing.image.file:
        image = _load_image(folder / briefing.image.file, path, doc, report)
    loaded = LoadedBriefing(
        slug=folder.name,
        folder=folder,
        source=report.name(path),
        briefing=briefing,
        articles=articles,
        image=image,
        texts=tuple(texts),
        stale=outdated,
    )
    # The document is kept for the positions of later messages, which it finds in its
    # source; its plain values were only for validating, and would add much to what
    # goes back from a reading process.
    return loaded, replace(doc, data=None)


def _stale_translations(
    folder: Path,
    briefing: Briefing,
    texts: Sequence[tuple[Loc, Mapping[str, str]]],
    path: Path,
    doc: YamlDocument,
    report: Report,
) -> tuple[Stale, ...]:
    """The translations of a briefing whose original changed since its record, each
    warned about at the translation's own line; a malformed record is an error."""
    record = folder / RECORD_FILE
    if not record.exists():
        return ()
    raw = read_file(record, MAX_RECORD_BYTES, report)
    if raw is None:
        return ()
    records, problems = parse_record(raw, report.name(record))
    report.problems.extend(problems)
    found = stale(texts, briefing.article.language, records)
    for translation in found:
        report.at(path, doc, translation.loc, translation.message, severity=Severity.WARNING)
    return tuple(found)


def _load_image(file: Path, path: Path, doc: YamlDocument, report: Report) -> CleanImage | None:
    if not file.exists():
        report.at(path, doc, ("image", "file"), f"{file.name!r} is not beside {path.name}")
        return None
    raw = read_file(file, images.MAX_BYTES, report)
    if raw is None:
        return None
    try:
        return images.clean_image(file.name, raw)
    except images.ImageError as exc:
        report.at(path, doc, ("image", "file"), str(exc))
        return None


def _load_articles(
    folder: Path, briefing: Briefing, path: Path, doc: YamlDocument, report: Report
) -> dict[str, ArticleBody]:
    ref = briefing.article
    articles: dict[str, ArticleBody] = {}
    if ref.file is None:  # the text is not republished; the page links to it
        return articles
    original = folder / ref.file
    if not original.exists():
        report.at(path, doc, ("article", "file"), f"{ref.file!r} is not beside {path.name}")
        return articles
    candidates = {ref.language: original}
    # Translations sit beside the original as article.<lang>.md (or .txt).
    stem = ref.file.split(".", 1)[0]
    for lang in report.settings.languages:
        for suffix in (".md", ".txt"):
            translated = folder / f"{stem}.{lang}{suffix}"
            if lang != ref.language and translated.exists():
                candidates[lang] = translated
    for lang, file in candidates.items():
        body = _read_article(file, lang, report)
        if body is not None:
            articles[lang] = body
    return articles


def _read_article(file: Path, lang: str, report: Report) -> ArticleBody | None:
    raw = read_file(file, MAX_ARTICLE_BYTES, report)
    if raw is None:
        return None
    try:
        return parse_article(decode(raw), lang, markdown_source=file.suffix == ".md")
    except YamlError as exc:  # decoding problems: NUL bytes, invalid UTF-8
        report.add(file, exc.message, line=exc.line)
    except ArticleError as exc:
        report.add(file, str(exc), line=exc.line)
    return None
