"""The whole flow in one place: load → localize → render → write.

Gather everything first, then write (as MkDocs' own build does): a run with
an error in any file stops before the first byte is written, so the previous
output stays as it was.
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from generator.cards import card_files
from generator.corpus import Corpus
from generator.depends import Stale, Unit, changed, edited, stale
from generator.errors import ContentError, Problem, display_path
from generator.export import FEED_WORDS, Contribution, FeedCache, data_files, forget, root_files
from generator.language_config import language_config
from generator.layout import (
    TOP_PAGE,
    briefing_image,
    docs_tree,
    page_url,
    pages_at,
)
from generator.load import LoadCache, load_corpus, reload_briefing, reload_registries
from generator.localize import Localizer, Memo, placeholder
from generator.pages import Page
from generator.parallel import map_parts
from generator.reading import KIND_WORDS
from generator.related import related_briefings
from generator.render import RenderCache, Renderer, templates_fingerprint
from generator.review import editorial_warnings
from generator.settings import Settings
from generator.write import WriteReport, write_files, write_tree


@dataclass(frozen=True)
class GenerateResult:
    corpus: Corpus
    report: WriteReport
    pages: int  # Markdown pages generated, all languages
    rendered: int  # of those, rendered by this run rather than reused from the cache

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return self.corpus.warnings


def load_and_check(settings: Settings, *, skip_broken: bool = False) -> Corpus:
    """Stage 1 and the editorial review: what `briefings check` reports. Raises ContentError
    (``skip_broken``: see ``load_corpus``)."""
    corpus = load_corpus(settings, skip_broken=skip_broken)
    extra = editorial_warnings(corpus, settings.root)
    return replace(corpus, warnings=tuple(sorted((*corpus.warnings, *extra))))


@dataclass
class Caches:
    """What repeated runs (`mkdocs serve`, the benchmark) keep between runs, so that a
    rebuild after an edit does work in proportion to the edit, not to the archive: it
    reads only the folders that changed (load), localizes only the units of pages the
    changes touch (units, events), renders only pages whose context changed (render)
    and compares with the disk only files whose bytes changed (written)."""

    load: LoadCache = field(default_factory=LoadCache)
    render: RenderCache = field(default_factory=RenderCache)
    renderer: Renderer | None = None
    settings: Settings | None = None  # of the last run
    corpus: Corpus | None = None  # of the last run
    units: dict[str, dict[Unit, list[Page]]] = field(default_factory=dict)  # by language
    memos: dict[str, Memo] = field(default_factory=dict)  # by language
    data: dict[str, dict[str, Contribution]] = field(default_factory=dict)  # by language
    feeds: dict[str, FeedCache] = field(default_factory=dict)  # by language
    words: dict[str, tuple[str, ...]] = field(default_factory=dict)  # FEED_WORDS, translated
    cards: dict[str, dict[str, bytes]] = field(default_factory=dict)  # by language, by key
    written: dict[PurePosixPath, bytes] = field(default_factory=dict)
    written_to: Path | None = None  # the folder those were written to
    related: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # of the last run


def _stale(
    caches: Caches, settings: Settings, corpus: Corpus, related: Mapping[str, tuple[str, ...]]
) -> Stale:
    """What the changes since the last run make stale; what was made from it goes from
    the caches (every unit of a briefing is made again with its events and summaries)."""
    last = caches.corpus if caches.settings == settings else None
    found = stale(last, corpus, caches.related, related)
    if found.every:
        caches.units.clear()
        caches.memos.clear()
        caches.data.clear()
        caches.feeds.clear()
        return found
    for memo in caches.memos.values():
        memo.forget(found.briefings)
    for lang, known in caches.data.items():
        forget(found, known, caches.feeds.setdefault(lang, {}))
    return found


def generate(
    settings: Settings, out_dir: Path | None = None, cache: Caches | None = None
) -> GenerateResult:
    """Generate every language's docs tree and MkDocs config into ``out_dir``.

    With a ``cache`` from an earlier run, pages whose context and templates are
    unchanged are not rendered again, and the cache keeps this run's pages for
    the next. The languages' pages and data files are made on up to
    ``settings.jobs`` processes.
    """
    with _without_cycle_collection():
        return _generate(settings, out_dir, cache)


@contextlib.contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Generation makes millions of small objects and no garbage cycles worth
    collecting, so Python's cycle collector would only walk the whole heap (the
    corpus, a serve's caches) again and again, for much of a run's time.
    Reference counting still frees everything; the collector resumes
    after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            # All that generation left alive counts as young, so the first collection
            # after it would walk it all.
            # Freezing and unfreezing moves it to the oldest generation unwalked, as
            # if it had survived earlier collections; a full collection still sees it.
            gc.freeze()
            gc.unfreeze()
            gc.enable()


def _generate(settings: Settings, out_dir: Path | None, cache: Caches | None) -> GenerateResult:
    caches = cache if cache is not None else Caches()
    # Phase 0: the templates, compiled before any page so that a broken one stops the
    # run at once, and before the processes rendering pages are forked, which inherit them.
    fingerprint = templates_fingerprint(settings.templates_dir, settings.locales_dir)
    renderer = caches.renderer
    if renderer is None or renderer.cache.fingerprint != fingerprint:
        renderer = caches.renderer = Renderer.for_project(settings, caches.render, fingerprint)
        renderer.compile_templates()

    # Phase 1: read and validate all content; stop on any error. (The editorial
    # review of `briefings check` is not needed to build, and it reads every article.)
    corpus = load_corpus(settings, caches.load)
    related = related_briefings(corpus.briefings)
    touched = _stale(caches, settings, corpus, related)

    # Phase 2: hand-written pages, which generated pages must never replace, and the
    # briefings' images, the same in every language: read once, here.
    handwritten = {lang: _handwritten(settings, lang) for lang in settings.languages}
    images = {
        briefing_image(loaded.slug, loaded.image.name): loaded.image.data
        for loaded in corpus.briefings
        if loaded.image is not None
    }

    out = out_dir or settings.out_dir

    # Phase 3: localize and render every page of every language, and make the data
    # files, in memory: each language's pages and its data files are independent parts.
    def make_part(part: tuple[str, str]) -> TreePart:
        lang, kind = part
        if kind == PAGES:
            units = caches.units.setdefault(lang, {})
            memo = caches.memos.setdefault(lang, Memo())
            language = settings.language(lang)
            localizer = Localizer(
                corpus, language, settings.page_sizes, memo, related, settings.today
            )
            in_order = localizer.units()
            for unit in in_order:  # those a change can touch, and new ones
                if unit in touched or unit not in units:
                    units[unit] = localizer.build(unit)
            pages = [page for unit in in_order for page in units[unit]]
            return _pages(settings, pages, handwritten, lang, renderer)
        # The feeds' and the calendar's words, from the pages' catalogs: what was made
        # with other words (a catalog edited while serving) is made again.
        words = tuple(map(renderer.translators[lang].gettext, FEED_WORDS))
        if caches.words.get(lang) != words:
            caches.data.pop(lang, None)
            caches.feeds.pop(lang, None)
            caches.words[lang] = words
        known = caches.data.setdefault(lang, {})
        feeds = caches.feeds.setdefault(lang, {})
        kinds: dict[str, str] = {
            k: renderer.translators[lang].gettext(w) for k, w in KIND_WORDS.items()
        }
        cards = caches.cards.setdefault(lang, {})
        previous = out / lang / "docs"  # the last build's tree, whose cards may be reused
        return _data(
            settings,
            corpus,
            handwritten[lang],
            images,
            lang,
            (known, feeds, cards),
            words,
            previous,
            kinds,
        )

    # The pages first, the longest parts (the language with the articles takes longest).
    parts = [(lang, kind) for kind in (PAGES, DATA) for lang in settings.languages]
    # Pages rendered into a cache must be rendered where the cache lives, in this process.
    jobs = settings.jobs if cache is None else 1
    made = map_parts(make_part, parts, jobs)
    problems = [problem for part in made for problem in part.problems]
    if problems:
        raise ContentError(problems)

    # Phase 4: only now that nothing is wrong, write what changed and remove what is no
    # longer generated.
    files = {path: data for part in made for path, data in part.files.items()}
    files[TOP_PAGE] = renderer.render_root(settings).encode()
    languages = [settings.language(lang) for lang in settings.languages]
    files.update(root_files(languages, settings.site_url))
    report = write_tree(out, files, jobs, caches.written if caches.written_to == out else None)
    if cache is not None:
        cache.settings, cache.corpus, cache.related = settings, corpus, related
        cache.written, cache.written_to = files, out
    pages = sum(part.pages for part in made)
    return GenerateResult(corpus, report, pages, sum(part.rendered for part in made))


def generate_edited(
    settings: Settings, cache: Caches, slugs: Iterable[str] = (), *, registries: bool = False
) -> WriteReport | None:
    """Previewing: only the pages of what was edited, read again and written before the
    rest of the site, so that the page being edited shows at once: the briefings
    ``slugs``, and with ``registries`` the actors and topics whose entries changed.
    `generate`, run next with the same ``cache``, makes everything else (and finds these
    pages written). None when this alone cannot show the edit: nothing generated yet, a
    briefing, actor or topic new, gone or with a mistake (which `generate` reports)."""
    last, renderer, out = cache.corpus, cache.renderer, cache.written_to
    if last is None or renderer is None or out is None or cache.settings != settings:
        return None
    corpus: Corpus | None = last
    if registries:
        corpus = reload_registries(settings, last)
    if corpus is None:
        return None
    fresh = {}
    known = {loaded.slug for loaded in last.briefings}
    for slug in slugs:
        if slug not in known:
            return None  # a new page: the languages must be built again
        loaded = reload_briefing(settings, corpus, settings.briefings_dir / slug)
        if loaded is None:
            return None
        fresh[slug] = loaded
    corpus = replace(corpus, briefings=tuple(fresh.get(b.slug, b) for b in corpus.briefings))
    sources = changed(last, corpus, {}, {})
    if sources is None:
        return None
    units = sorted(edited(sources))
    related = related_briefings(corpus.briefings, of=fresh)
    files: dict[PurePosixPath, bytes] = {}
    for lang in settings.languages:
        language = settings.language(lang)
        localizer = Localizer(corpus, language, settings.page_sizes, None, related, settings.today)
        for unit in units:
            for page in localizer.build(unit):
                rendered = renderer.render(page, settings.languages)
                files[docs_tree(lang) / rendered.path] = rendered.text.encode()
    different = {rel: data for rel, data in files.items() if cache.written.get(rel) != data}
    done = write_files(out, different)
    cache.written.update(different)
    return WriteReport(done.written, len(files) - len(done.written), removed=())


PAGES, DATA = "pages", "data"  # the two parts of a language's tree


@dataclass(frozen=True)
class TreePart:
    """Part of one language's generated files (paths from the output folder): its
    pages, or its data files and images."""

    files: dict[PurePosixPath, bytes]
    problems: tuple[Problem, ...]
    pages: int  # Markdown pages generated
    rendered: int  # of those, not reused from the cache


def _pages(
    settings: Settings,
    generated: list[Page],
    handwritten: Mapping[str, Mapping[PurePosixPath, Path]],
    lang: str,
    renderer: Renderer,
) -> TreePart:
    """The language's generated pages (from their contexts) and hand-written pages, and
    its MkDocs config."""
    tree = docs_tree(lang)
    own = handwritten[lang]
    files: dict[PurePosixPath, bytes] = {}
    problems: list[Problem] = []
    pages = 0
    rendered_before = renderer.cache.rendered
    # MkDocs serves a/b.md and a/b/index.md at one URL and keeps one of them, saying
    # so only in an INFO line: a hand-written page must not hide a generated one that way.
    # (By the paths served at a hand-written page's URL: a few, not one URL a page.)
    same_url = {path: rel for rel in own if rel.suffix == ".md" for path in pages_at(page_url(rel))}
    for page in generated:
        if page.path in own:
            problems.append(_collision(settings, lang, page.path))
            continue
        hand = same_url.get(page.path)
        if hand is not None:
            problems.append(_collision(settings, lang, hand, page.path))
            continue
        rendered = renderer.render(page, settings.languages)
        files[tree / rendered.path] = rendered.text.encode()
        pages += 1
    for rel, source in own.items():
        files[tree / rel] = source.read_bytes()
    for rel, (other, source) in _missing_here(handwritten, lang).items():
        page = placeholder(rel, lang, other, _page_title(source))
        files[tree / rel] = renderer.render(page, settings.languages).text.encode()
    gettext = renderer.translators[lang].gettext
    not_found = renderer.render_not_found(settings, lang)
    files[PurePosixPath(lang, "mkdocs.yml")] = language_config(
        settings, lang, list(own), gettext, not_found
    )
    rendered_here = renderer.cache.rendered - rendered_before
    return TreePart(files, tuple(problems), pages, rendered_here)


def _data(
    settings: Settings,
    corpus: Corpus,
    own: Mapping[PurePosixPath, Path],
    images: Mapping[PurePosixPath, bytes],
    lang: str,
    known: tuple[dict[str, Contribution], FeedCache, dict[str, bytes]],
    words: tuple[str, ...],
    previous: Path,
    kinds: Mapping[str, str] | None = None,
) -> TreePart:
    """Images beside the briefings, share cards, feeds and data files: like pages, never
    in place of a hand-written file (``own``). ``previous``: the language's tree as the
    last build left it."""
    tree = docs_tree(lang)
    language = settings.language(lang)
    contributions, feeds, cards = known
    corrections, unrecorded = words
    data = data_files(
        corpus,
        language,
        settings.site_name,
        settings.today,
        contributions,
        corrections_label=corrections,
        unrecorded_label=unrecorded,
        feeds=feeds,
    )
    data.update(card_files(corpus.briefings, language, settings.site_name, previous, cards, kinds))
    files: dict[PurePosixPath, bytes] = {}
    problems: list[Problem] = []
    for rel, content in {**images, **data}.items():
        if rel in own:
            problems.append(_collision(settings, lang, rel))
        else:
            files[tree / rel] = content
    return TreePart(files, tuple(problems), 0, 0)


def _handwritten(settings: Settings, lang: str) -> Mapping[PurePosixPath, Path]:
    """Files under docs/<lang>/, by their path in the language tree."""
    folder = settings.docs_dir / lang
    found: dict[PurePosixPath, Path] = {}
    if not folder.is_dir():
        return found
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = Path(dirpath, name)
            if name.startswith(".") or path.is_symlink():
                continue
            found[PurePosixPath(path.relative_to(folder).as_posix())] = path
    return found


def _missing_here(
    handwritten: Mapping[str, Mapping[PurePosixPath, Path]], lang: str
) -> dict[PurePosixPath, tuple[str, Path]]:
    """Hand-written pages of other languages that this language lacks.

    Every page exists in every language so that the language switcher always
    lands; a missing one gets a page saying so and linking to the original.
    """
    missing: dict[PurePosixPath, tuple[str, Path]] = {}
    for other, pages in handwritten.items():
        for rel, source in pages.items():
            if rel.suffix == ".md" and rel not in handwritten[lang] and rel not in missing:
                missing[rel] = (other, source)
    return missing


def _page_title(source: Path) -> str:
    for line in source.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("# "):
            return line[2:].strip()
        if line.startswith("title:"):
            return line.removeprefix("title:").strip().strip("\"'")
    return source.stem


def _collision(
    settings: Settings, lang: str, rel: PurePosixPath, generated: PurePosixPath | None = None
) -> Problem:
    """A hand-written file at ``rel`` where a generated one goes: at its very path, or
    (a page) served at the URL of the ``generated`` page."""
    hand = display_path(settings.docs_dir / lang / rel, settings.root)
    kind = "page" if rel.suffix == ".md" else "file"
    clash = (
        f"has the path of a generated {kind} ({lang}/{rel})"
        if generated is None
        else f"would be served at the address of a generated page ({lang}/{generated}, "
        f"/{lang}/{page_url(generated)}) and hide it"
    )
    return Problem(hand, 0, 0, "", f"this hand-written {kind} {clash}; rename or move it")
