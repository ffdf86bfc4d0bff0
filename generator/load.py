"""Stage 1: find content, read it strictly, validate it, and say everything wrong at once.

The result is a :class:`Corpus` of validated, frozen models plus the articles
they point to. Nothing is written by this stage; a run with any error stops
here with a :class:`~generator.errors.ContentError` listing every problem.
"""

from __future__ import annotations

import difflib
import functools
import os
import stat
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from generator import images
from generator.article import ArticleBody, ArticleError, parse_article
from generator.dates import PartialDate, Precision
from generator.errors import (
    ContentError,
    Problem,
    Severity,
    display_path,
    errors_only,
    field_path,
)
from generator.images import CleanImage
from generator.layout import ACTORS, RESERVED_IDS, TAGS
from generator.models import (
    FIELD_NAMES,
    ID_PATTERN,
    LANG_PATTERN,
    MAX_ID_LENGTH,
    Actor,
    Briefing,
    LineText,
    Text,
    id_problem,
    shorten,
)
from generator.parallel import map_parts, split
from generator.settings import Settings
from generator.strict_yaml import DEFAULT_LIMITS, Loc, YamlDocument, YamlError, decode, parse
from generator.translations import MAX_RECORD_BYTES, RECORD_FILE, Stale, parse_record, stale

M = TypeVar("M", bound=BaseModel)
E = TypeVar("E")
TagName = LineText  # a registry entry of tags.yaml

MAX_BRIEFINGS = 20_000
MAX_ARTICLE_BYTES = 2_000_000
BRIEFING_FILE = "briefing.yaml"
REVIEW_MARKER = "# REVIEW"  # written by `briefings new` after every guessed value
# Texts that are by nature in one language: the original headline of the article.
ONE_LANGUAGE_FIELDS = {("article", "title")}


@dataclass(frozen=True)
class LoadedBriefing:
    slug: str
    folder: Path
    source: str  # the YAML file as contributors name it, e.g. content/briefings/x/briefing.yaml
    briefing: Briefing
    # The original and any translations, by language. A dict rather than a read-only
    # proxy, which could not be pickled back from a process that loaded it.
    articles: Mapping[str, ArticleBody]
    image: CleanImage | None  # the briefing's own image file, re-encoded
    # Every text of the briefing (a language map) with its location, in order: walked
    # once here, read by every language's translation coverage.
    texts: tuple[tuple[Loc, Mapping[str, str]], ...]
    # Translations whose original changed since translations.txt recorded them.
    stale: tuple[Stale, ...] = ()


@dataclass(frozen=True)
class Corpus:
    actors: Mapping[str, Actor]
    tags: Mapping[str, Text]
    briefings: tuple[LoadedBriefing, ...]  # by slug
    warnings: tuple[Problem, ...]
    # The registries as read ("actors.yaml" -> document), for messages about their entries.
    registries: Mapping[str, YamlDocument] = field(default_factory=dict)
    # Briefings left out for their errors (slug -> its problems), when loading skips them.
    skipped: Mapping[str, tuple[Problem, ...]] = field(default_factory=dict)

    def registry_line(self, registry: str, entry_id: str) -> int:
        """Where an entry of a registry starts (1 if unknown): found only when asked."""
        doc = self.registries.get(registry)
        return doc.position((entry_id,)).line if doc is not None else 1


class _Report:
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


def load_corpus(
    settings: Settings, cache: LoadCache | None = None, *, skip_broken: bool = False
) -> Corpus:
    """Read and validate every content file; raise ContentError listing all errors.

    ``skip_broken``: a briefing with errors is left out (``Corpus.skipped`` has its
    problems) rather than failing the whole load, for the commands that can do
    without it; errors anywhere else (a registry) still raise.
    """
    cache = cache if cache is not None else LoadCache()
    report = _Report(settings)
    _refuse_symlinks(settings.content_dir, report)
    actor_map, tag_map = _load_registries(settings, report)
    folders = _briefing_folders(settings, report)
    read = _read_changed(folders, settings, cache)
    briefings = [
        loaded
        for folder in folders
        if (loaded := _load_briefing(folder, read, actor_map, tag_map, report, cache)) is not None
    ]
    problems: Sequence[Problem] = report.problems
    skipped: dict[str, tuple[Problem, ...]] = {}
    if skip_broken:
        problems, skipped = _set_aside(problems, report.name(settings.briefings_dir))
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


def _load_registries(
    settings: Settings, report: _Report
) -> tuple[dict[str, Actor], dict[str, TagName]]:
    actors = settings.content_dir / REGISTRIES[0]
    tags = settings.content_dir / REGISTRIES[1]
    return (
        _load_registry(actors, TypeAdapter(Actor), f"{ACTORS}/index.md", report),
        _load_registry(tags, TypeAdapter(TagName), f"{TAGS}/index.md", report),
    )


def reload_registries(settings: Settings, corpus: Corpus) -> Corpus | None:
    """``corpus`` with its registries read again, as `load_corpus` reads them; None if
    either has an error, or if an id came or went (which briefings' references and the
    pages of the site depend on: the caller then loads everything)."""
    report = _Report(settings)
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


def changed_entries(before: Corpus, after: Corpus) -> tuple[set[str], set[str]]:
    """The ids of the actors and of the topics whose entries differ between the two
    corpora's registries (ids in both; ones that came or went are the caller's)."""
    actors = {key for key, actor in after.actors.items() if before.actors.get(key) != actor}
    tags = {key for key, name in after.tags.items() if before.tags.get(key) != name}
    return actors, tags


def reload_briefing(settings: Settings, corpus: Corpus, folder: Path) -> LoadedBriefing | None:
    """One briefing of ``corpus`` read again from ``folder`` and checked against its
    registries, as `load_corpus` would; None if the folder is gone or has any error (the
    caller then loads everything, which reports it)."""
    report = _Report(settings)
    if not folder.is_dir() or folder.is_symlink() or not (folder / BRIEFING_FILE).is_file():
        return None
    found = _read_briefing(folder, report)
    if found is None:
        return None
    loaded, doc = found
    path = folder / BRIEFING_FILE
    _check_references(loaded.briefing, corpus.actors, corpus.tags, path, doc, report)
    return None if errors_only(report.problems) else loaded


def _set_aside(
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


NO_SYMLINKS = "symbolic links are not allowed in content/; copy the file"


def _refuse_symlinks(content_dir: Path, report: _Report) -> None:
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


def read_file(path: Path, limit: int, report: _Report) -> bytes | None:
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


def _read_yaml(path: Path, report: _Report) -> YamlDocument | None:
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
        found = "an empty file" if doc.data is None else f"a {_kind(doc.data)}"
        report.add(path, f"expected a mapping of fields at the top level, found {found}", line=1)
        return None
    return doc


def _kind(value: object) -> str:
    return {list: "list", str: "text", bool: "true/false", dict: "mapping"}.get(
        type(value), type(value).__name__
    )


def _validate(model: type[M], path: Path, doc: YamlDocument, report: _Report) -> M | None:
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        # A key that is wrong says what happened; its value's own error would only repeat it.
        wrong_keys = {tuple(e["loc"][:-1]) for e in errors if e["loc"][-1:] == ("[key]",)}
        for error in errors:
            if error["loc"][-1:] != ("[key]",) and tuple(error["loc"]) in wrong_keys:
                continue
            loc = tuple(p for p in error["loc"] if p != "[key]")
            report.at(path, doc, loc, _message(error))
        return None


_MESSAGES = {
    "missing": "required field is missing",
    "extra_forbidden": "unknown field; check its spelling against the format guide",
    "bool_type": "write true or false",
    "string_type": "expected text",
    "dict_type": "expected a mapping of fields",
    "list_type": "expected a list",
    "model_type": "expected a mapping of fields",
    "too_short": "needs at least one entry",
    "string_too_short": "is empty; write the text or remove the field",
}


def _message(error: Any) -> str:
    kind = error["type"]
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    special = _form_message(error)
    if special:
        return special
    if kind == "extra_forbidden" and error["loc"]:
        close = difflib.get_close_matches(str(error["loc"][-1]), FIELD_NAMES, n=1, cutoff=0.7)
        if close:
            return f"unknown field; did you mean {close[0]!r}?"
    if kind == "literal_error":
        return f"{error.get('input')!r} is not allowed; expected {error['ctx']['expected']}"
    if kind == "too_long":
        return str(error["msg"])
    return _MESSAGES.get(kind, str(error["msg"]))


def _form_message(error: Any) -> str | None:
    """What is wrong with an id or a language code, in the contributor's terms."""
    ctx = error.get("ctx", {})
    value = str(error.get("input"))
    if ctx.get("pattern") == ID_PATTERN or ctx.get("max_length") == MAX_ID_LENGTH:
        return f"{shorten(value)!r} is not a valid id: {id_problem(value)}"
    if error["type"] != "string_pattern_mismatch":
        return None
    if ctx["pattern"] != LANG_PATTERN:
        return f"{value!r} does not have the expected form ({ctx['pattern']})"
    if " " in value.strip():  # {id: Menteri, tuan rumah, en: ...}: the comma split the text
        return (
            f"{shorten(value)!r} is not a language code: a comma inside {{...}} ended the "
            "text before it, and the words after it became a key; put the whole text in "
            'quotes: id: "..., ..."'
        )
    return f"{value!r} is not a language code (two or three lowercase letters: id, en)"


def _load_registry(
    path: Path, entry: TypeAdapter[E], list_page: str, report: _Report
) -> dict[str, E]:
    """A registry (id -> entry), validated entry by entry; ``list_page`` lists them all.

    An invalid entry is reported and left out, but its id still counts as
    known, so one typo in actors.yaml does not also flag every briefing that
    names that actor.
    """
    doc = _read_yaml(path, report)
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
            message = f"{key!r} is reserved: {list_page} lists them all; choose another id"
            report.at(path, doc, (key,), message)
            failed = True
            continue
        try:
            entries[key] = entry.validate_python(value)
        except ValidationError as exc:
            failed = True
            for error in exc.errors(include_url=False):
                report.at(path, doc, (key, *error["loc"]), _message(error))
    for loc, text in texts_of(entries):
        _check_text_languages(loc, text, path, doc, report)
    if failed:
        report.known_ids[path.name] = set(doc.data)
    return entries


def _briefing_folders(settings: Settings, report: _Report) -> list[Path]:
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
    report = _Report(settings)
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
    tags: Mapping[str, Text],
    report: _Report,
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
    _check_references(loaded.briefing, actors, tags, path, doc, report)
    _check_timeline_against_today(loaded.briefing, path, doc, report)
    return loaded


def _check_timeline_against_today(
    briefing: Briefing, path: Path, doc: YamlDocument, report: _Report
) -> None:
    """Warn where the timeline says what the build's day contradicts: an event still
    expected after its last possible day, or one that happened but lies ahead."""
    today = report.settings.today
    for i, entry in enumerate(briefing.timeline):
        if entry.status_on(today) == "unrecorded":
            report.at(
                path,
                doc,
                ("timeline", i),
                f"expected {_when(entry.date, entry.end)}, which has passed: record what happened "
                "(status: happened or cancelled) or move the date",
                severity=Severity.WARNING,
            )
        elif entry.status == "happened" and entry.date.first_day() > today:
            report.at(
                path,
                doc,
                ("timeline", i),
                f"marked as happened {_when(entry.date, entry.end)}, which is after today "
                f"({today.isoformat()}): "
                "write status: expected, or correct the date",
                severity=Severity.WARNING,
            )


def _when(date: PartialDate, end: PartialDate | None) -> str:
    """'in July 2023', 'on July 11, 2023', 'from ... to ...': a date in a sentence."""
    if end is not None and end != date:
        return f"from {date.format('en')} to {end.format('en')}"
    return f"{'on' if date.precision is Precision.DAY else 'in'} {date.format('en')}"


def _read_briefing(folder: Path, report: _Report) -> tuple[LoadedBriefing, YamlDocument] | None:
    path = folder / BRIEFING_FILE
    doc = _read_yaml(path, report)
    if doc is None:
        return None
    briefing = _validate(Briefing, path, doc, report)
    if briefing is None:
        return None
    texts = texts_of(briefing)
    for loc, text in texts:
        _check_text_languages(loc, text, path, doc, report)
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
    report: _Report,
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


def _load_image(file: Path, path: Path, doc: YamlDocument, report: _Report) -> CleanImage | None:
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


def texts_of(value: object, loc: Loc = ()) -> list[tuple[Loc, dict[str, str]]]:
    """Every Text (a language map) inside a validated model, with its location, in order."""
    found: list[tuple[Loc, dict[str, str]]] = []
    _collect_texts(value, loc, found)
    return found


def _collect_texts(value: object, loc: Loc, found: list[tuple[Loc, dict[str, str]]]) -> None:
    if type(value) is str or value is None:  # most values: nothing inside
        return
    if isinstance(value, BaseModel):
        fields = type(value).model_fields
        root = getattr(value, "root", None)
        if root is not None and not fields.keys() - {"root"}:
            _collect_texts(root, loc, found)
            return
        for name in fields:
            _collect_texts(getattr(value, name), (*loc, name), found)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _collect_texts(item, (*loc, index), found)
    elif isinstance(value, dict):
        if value and all(isinstance(v, str) for v in value.values()):
            found.append((loc, value))
        else:
            for key, item in value.items():
                _collect_texts(item, (*loc, key), found)


def _check_text_languages(
    loc: Loc, text: Mapping[str, str], path: Path, doc: YamlDocument, report: _Report
) -> None:
    languages = report.settings.languages
    for lang in text:
        if lang not in languages:
            report.at(
                path,
                doc,
                (*loc, lang),
                f"{lang!r} is not a language of this site ({', '.join(languages)})",
            )
    if loc in ONE_LANGUAGE_FIELDS:
        return
    for lang in languages:
        if lang not in text:
            report.at(
                path,
                doc,
                loc,
                f"missing translation: no {lang!r} text (the page shows another language)",
                severity=Severity.WARNING,
            )


def _suggest(value: str, choices: Mapping[str, object]) -> str:
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def _check_references(
    briefing: Briefing,
    actors: Mapping[str, Actor],
    tags: Mapping[str, Text],
    path: Path,
    doc: YamlDocument,
    report: _Report,
) -> None:
    known_actors = report.known_ids.get("actors.yaml", actors)
    known_tags = report.known_ids.get("tags.yaml", tags)

    def actor(actor_id: str, loc: Loc) -> None:
        if known_actors is not None and actor_id not in known_actors:
            message = f"unknown actor {actor_id!r}: not in content/actors.yaml"
            report.at(path, doc, loc, message + _suggest(actor_id, actors))

    listed = set()
    for i, role in enumerate(briefing.actors):
        actor(role.actor, ("actors", i, "actor"))
        if role.actor in listed:
            report.at(path, doc, ("actors", i, "actor"), f"actor {role.actor!r} is listed twice")
        listed.add(role.actor)
    for i, entry in enumerate(briefing.timeline):
        for j, actor_id in enumerate(entry.actors):
            actor(actor_id, ("timeline", i, "actors", j))
    for i, tag in enumerate(briefing.tags):
        if known_tags is not None and tag not in known_tags:
            report.at(
                path,
                doc,
                ("tags", i),
                f"unknown tag {tag!r}: not in content/tags.yaml" + _suggest(tag, tags),
            )


def _load_articles(
    folder: Path, briefing: Briefing, path: Path, doc: YamlDocument, report: _Report
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


def _read_article(file: Path, lang: str, report: _Report) -> ArticleBody | None:
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
