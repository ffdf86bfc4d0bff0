"""Stage 2: a validated corpus and a language in, one frozen context per page out
(the contexts are declared in ``generator.pages``).

Everything language-dependent except interface strings is decided here: which
text to show when a translation is missing (and that it is missing), how dates
read, where links point, what is sorted how. Templates only lay it out.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any, TypeVar

from generator import briefing_pages, list_pages, subject_pages, timeline_pages
from generator.corpus import (
    Corpus,
    LoadedBriefing,
    newest_first,
)
from generator.dates import PartialDate
from generator.depends import Unit
from generator.depends import units as all_units
from generator.events import merged, one_per_event
from generator.layout import (
    actor_url,
    briefing_image,
    briefing_page,
    briefing_url,
    from_root,
    in_language,
    link,
    tag_page,
)
from generator.markup import trusted
from generator.models import (
    Briefing,
    TimelineEntry,
)
from generator.page_parts import (
    language_name,
)
from generator.pages import (
    ArticleView,
    Event,
    ImageView,
    Link,
    LText,
    Page,
    PlaceholderPage,
    Summary,
    TimelinePage,
)
from generator.related import actor_ids, appearances, related_briefings
from generator.settings import Language, PageSizes, build_date

# A kind of page that its template titles (an index, the front page, search).
P = TypeVar("P", bound=Page)


def placeholder(
    path: PurePosixPath, lang: str, original_lang: str, original_title: str
) -> PlaceholderPage:
    return PlaceholderPage(
        path=path,
        lang=lang,
        title=LText(original_title, original_lang, missing=True),
        description="",
        original_lang=original_lang,
        original_language_name=language_name(original_lang, lang),
        original_href=trusted(in_language(path, original_lang)),
    )


@dataclass
class Memo:
    """What a Localizer made that the next one may take again while a preview runs, each
    kept beside the objects it was made from (so that their ids stay theirs): events by
    timeline entry, briefing summaries by briefing and page depth, and timeline pages by
    the entries they list. Names of actors and topics are in them: when a registry entry
    changes, the caller has the briefings that show it forgotten."""

    events: dict[tuple[str, int], tuple[TimelineEntry, Event]] = field(default_factory=dict)
    summaries: dict[tuple[str, int], tuple[LoadedBriefing, Summary]] = field(default_factory=dict)
    # A timeline page by what it lists (its entries, by id), with their briefings' slugs.
    timeline_pages: dict[
        tuple[object, ...], tuple[tuple[TimelineEntry, ...], frozenset[str], TimelinePage]
    ] = field(default_factory=dict)

    def forget(self, slugs: Iterable[str]) -> None:
        """Drop what was made from these briefings: their events and summaries, and the
        timeline pages that list one of their events."""
        slugs = set(slugs)
        self.events = {k: v for k, v in self.events.items() if k[0] not in slugs}
        self.summaries = {k: v for k, v in self.summaries.items() if k[0] not in slugs}
        self.timeline_pages = {
            key: value for key, value in self.timeline_pages.items() if slugs.isdisjoint(value[1])
        }


class Localizer:
    """Builds every page context of one language from one corpus."""

    def __init__(
        self,
        corpus: Corpus,
        language: Language,
        page_sizes: PageSizes | None = None,
        memo: Memo | None = None,
        related: Mapping[str, tuple[str, ...]] | None = None,
        today: dt.date | None = None,
    ) -> None:
        self.page_sizes = page_sizes or PageSizes()
        self.today = today or build_date(os.environ)
        # Made once a corpus by the caller, for every language; else here.
        self._related = related if related is not None else related_briefings(corpus.briefings)
        self.corpus = corpus
        self.language = language
        self.lang = language.code
        self.order = language.order
        self._newest_first = newest_first(corpus.briefings)
        self._by_slug = {b.slug: b for b in corpus.briefings}
        self._actor_names: dict[str, LText] = {}
        self._memo = memo if memo is not None else Memo()
        self._briefing_links: dict[str, Link] = {}

    # Corpus-wide indexes, made once, when a page first needs them (a preview that shows
    # an edited briefing first needs none of them).

    @functools.cached_property
    def _appearances(
        self,
    ) -> tuple[dict[str, list[LoadedBriefing]], dict[str, list[LoadedBriefing]]]:
        """Who appears where, by actor and by tag, newest first."""
        return appearances(self._newest_first)

    @property
    def _by_actor(self) -> dict[str, list[LoadedBriefing]]:
        return self._appearances[0]

    @property
    def _by_tag(self) -> dict[str, list[LoadedBriefing]]:
        return self._appearances[1]

    @functools.cached_property
    def _actors_of(self) -> dict[str, set[str]]:
        """Every actor a briefing names, in its actors or its events, by its slug."""
        return {b.slug: actor_ids(b.briefing) for b in self._newest_first}

    def text(self, texts: Mapping[str, str]) -> LText:
        shown = self.language.shown(texts)
        return LText(texts[shown], shown, missing=shown != self.lang)

    def date(self, date: PartialDate, end: PartialDate | None = None) -> str:
        return self.language.date(date, end)

    # -- pages ---------------------------------------------------------------

    def pages(self) -> list[Page]:
        return [page for unit in self.units() for page in self.build(unit)]

    def units(self) -> list[Unit]:
        """Every unit of this corpus, in the order of their pages."""
        return all_units(self.corpus, self._newest_first)

    def build(self, unit: Unit) -> list[Page]:
        """The pages of one unit (``generator.depends`` says which units are stale)."""
        if unit.kind == "briefing":
            loaded = self._by_slug[unit.key]
            page = briefing_pages.briefing(self, loaded)
            if not loaded.briefing.timeline:
                return [page]
            return [page, briefing_pages.timeline(self, loaded)]
        if unit.kind == "actor":
            return list(subject_pages.actor(self, unit.key))
        if unit.kind == "topic":
            return list(subject_pages.tag(self, unit.key))
        lists: list[Page] = [
            list_pages.home(self),
            *list_pages.briefings_index(self),
            list_pages.actors_index(self),
            list_pages.tags_index(self),
        ]
        return [
            *lists,
            *timeline_pages.timelines(self),
            list_pages.search(self),
            *list_pages.status(self),
            *list_pages.newsroom(self),
        ]

    def _index(self, kind: type[P], path: PurePosixPath, **parts: Any) -> P:
        """An index page: its title comes from its template (interface text)."""
        return kind(path=path, lang=self.lang, title=None, description="", **parts)

    # -- parts ---------------------------------------------------------------

    def _summary(self, loaded: LoadedBriefing, from_page: PurePosixPath) -> Summary:
        # Every listing of a briefing at the same depth gets the same value: made once.
        key = (loaded.slug, len(from_page.parts))
        known = self._memo.summaries.get(key)
        if known is None or known[0] is not loaded:
            known = self._memo.summaries[key] = (loaded, self._make_summary(loaded, from_page))
        return known[1]

    def _make_summary(self, loaded: LoadedBriefing, from_page: PurePosixPath) -> Summary:
        b = loaded.briefing
        own_image = b.image.file if b.image is not None else None
        return Summary(
            slug=loaded.slug,
            title=self.text(b.title),
            summary=self.text(b.summary),
            published=b.published,
            date_text=self.date(b.published),
            href=link(from_page, briefing_page(loaded.slug)),
            topics=tuple(
                Link(self.text(self.corpus.tags[t].name), link(from_page, tag_page(t)))
                for t in b.tags
            ),
            image=str(briefing_image(loaded.slug, own_image)) if own_image else None,
            kind=b.kind,
        )

    def _one_per_event(self, items: Sequence[tuple[TimelineEntry, LoadedBriefing]]) -> list[Event]:
        """The events of ``items``, an event several briefings record once (events.py)."""
        made = [(entry, self._event(entry, loaded)) for entry, loaded in items]
        texts = [event.text.text for _, event in made]
        return [merged(group) for group in one_per_event(made, texts)]

    def _event(self, entry: TimelineEntry, loaded: LoadedBriefing) -> Event:
        # Called for every event on every page that lists it (its briefing, the
        # timeline, each of its actors): made once, since it is the same on all of
        # them (its links start at the language's root).
        key = (loaded.slug, id(entry))
        known = self._memo.events.get(key)
        if known is None or known[0] is not entry:
            known = self._memo.events[key] = (entry, self._make_event(entry, loaded))
        return known[1]

    def _make_event(self, entry: TimelineEntry, loaded: LoadedBriefing) -> Event:
        actors = tuple(Link(self._actor_name(a), from_root(actor_url(a))) for a in entry.actors)
        if entry.date_label:
            label = self.text(entry.date_label).text
        else:
            label = self.date(entry.date, entry.end)
        return Event(
            date=entry.date,
            date_text=label,
            approximate=entry.approximate,
            labelled=entry.date_label is not None,
            status=entry.status_on(self.today),
            text=self.text(entry.event),
            actors=actors,
            briefing=self._briefing_link(loaded),
            actor_ids=tuple(entry.actors),
            tags=tuple(loaded.briefing.tags),
            iso=entry.date.iso(),
            precision=entry.date.precision.name.lower(),
        )

    def _briefing_link(self, loaded: LoadedBriefing) -> Link:
        made = self._briefing_links.get(loaded.slug)
        if made is None:
            title = self.text(loaded.briefing.title)
            made = self._briefing_links[loaded.slug] = Link(
                title, from_root(briefing_url(loaded.slug))
            )
        return made

    def _actor_name(self, actor_id: str) -> LText:
        name = self._actor_names.get(actor_id)
        if name is None:
            name = self._actor_names[actor_id] = self.text(self.corpus.actors[actor_id].name)
        return name

    def _article(self, loaded: LoadedBriefing) -> ArticleView:
        ref = loaded.briefing.article
        original = loaded.articles.get(ref.language)
        shown = loaded.articles.get(self.lang)
        author = ref.author or (original.byline if original else None)
        # Raw HTML, which MkDocs leaves as it is: from this page's URL to its twin's.
        twin = in_language(briefing_page(loaded.slug), ref.language)
        original_href = trusted(f"{twin}#source-article")
        return ArticleView(
            lang=shown.language if shown else ref.language,
            html=trusted(shown.html) if shown else None,  # sanitised in article.py
            republished=original is not None,
            original_lang=ref.language,
            original_language_name=language_name(ref.language, self.lang),
            original_href=original_href,
            author=author,
            publisher=ref.publisher,
            url=ref.url,
            published=self.date(ref.published) if ref.published else None,
            title=self.text(ref.title) if ref.title else None,
        )

    def _image(self, b: Briefing) -> ImageView | None:
        if b.image is None:
            return None
        src = b.image.file or b.image.url or ""
        return ImageView(
            src=src,
            alt=self.text(b.image.alt) if b.image.alt else None,
            caption=self.text(b.image.caption) if b.image.caption else None,
            credit=b.image.credit,
        )
