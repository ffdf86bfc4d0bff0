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
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from babel import Locale
from markupsafe import Markup

from generator.corpus import (
    Corpus,
    LoadedBriefing,
    chronological,
    corrections_in_order,
    newest_first,
)
from generator.corrections import all_corrections
from generator.coverage import coverage, twins, untranslated
from generator.dates import PartialDate, Precision
from generator.depends import Unit
from generator.depends import units as all_units
from generator.layout import (
    ABOUT,
    ACTORS,
    BRIEFINGS,
    CONTRIBUTE,
    CORRECTIONS,
    FEED_CORRECTIONS_JSON,
    FEED_CORRECTIONS_RSS,
    FEED_ICS,
    FEED_JSON,
    FEED_RSS,
    HOME,
    SEARCH,
    STATUS,
    TAGS,
    TIMELINE,
    actor_feeds,
    actor_page,
    actor_url,
    briefing_image,
    briefing_image_url,
    briefing_page,
    briefing_url,
    card_file,
    from_root,
    in_language,
    later_page,
    link,
    tag_feeds,
    tag_page,
    timeline_data,
    timeline_page,
    url_depth,
)
from generator.markup import trusted
from generator.models import (
    Actor,
    ActorType,
    Briefing,
    TimelineEntry,
)
from generator.pages import (
    AboutPage,
    ActorLine,
    ActorPageContext,
    ArticleView,
    BriefingPage,
    CorrectionLine,
    CorrectionsPage,
    CoverageRow,
    Event,
    ImageView,
    Link,
    ListPage,
    LText,
    Outdated,
    Page,
    Pager,
    PlaceholderPage,
    Source,
    Summary,
    YearGroup,
)
from generator.paginate import paginate
from generator.reading import kinds_in, same_named_actor
from generator.related import actor_ids, appearances, related_briefings
from generator.settings import Language, PageSizes, build_date
from generator.structured import briefing_jsonld
from generator.translations import changed_on

ACTOR_TYPE_ORDER: tuple[ActorType, ...] = ("country", "organization", "person", "media", "other")


def placeholder(
    path: PurePosixPath, lang: str, original_lang: str, original_title: str
) -> PlaceholderPage:
    return PlaceholderPage(
        path=path,
        lang=lang,
        template="untranslated.md.j2",
        title=LText(original_title, original_lang, missing=True),
        description="",
        original_lang=original_lang,
        original_language_name=language_name(original_lang, lang),
        original_href=trusted(in_language(path, original_lang)),
    )


COMING_UP = 5  # expected events on the front page
SOON = dt.timedelta(days=90)  # an event known to the day this near keeps its place


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
        tuple[object, ...], tuple[tuple[TimelineEntry, ...], frozenset[str], ListPage]
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
            return [self.briefing(self._by_slug[unit.key])]
        if unit.kind == "actor":
            return list(self.actor(unit.key))
        if unit.kind == "topic":
            return list(self.tag(unit.key))
        lists: list[Page] = [
            self.home(),
            *self.briefings_index(),
            self.actors_index(),
            self.tags_index(),
        ]
        return [*lists, *self.timelines(), self.search(), *self.status(), *self.newsroom()]

    def briefing(self, loaded: LoadedBriefing) -> BriefingPage:
        b = loaded.briefing
        path = briefing_page(loaded.slug)
        title = self.text(b.title)
        summary = self.text(b.summary)
        key_points = tuple(self.text(k) for k in b.key_points)
        roles = {role.actor: role for role in b.actors}
        lines = [
            ActorLine(
                id=actor_id,
                type=self.corpus.actors[actor_id].type,
                name=self.text(self.corpus.actors[actor_id].name),
                role=self.text(roles[actor_id].role) if roles[actor_id].role else None,  # type: ignore[arg-type]
                href=link(path, actor_page(actor_id)),
            )
            for actor_id in roles
        ]
        events = tuple(self._event(e, loaded) for e in chronological(b.timeline))
        image_url = self._image_url(loaded)
        card_url = f"{self.language.url}{card_file(loaded.slug)}"
        real, default, canonical = self._twins(loaded)
        return BriefingPage(
            path=path,
            lang=self.lang,
            template="briefing.md.j2",
            title=title,
            description=summary.text,
            slug=loaded.slug,
            summary=summary,
            published=self.date(b.published),
            updated=self.date(b.updated) if b.updated else None,
            # Unsigned, a briefing is the desk's (the masthead's ``desk``).
            authors=self.language.names(b.authors) if b.authors else self.language.masthead.desk,
            corrections=tuple(
                (self.date(c.date), self.text(c.text)) for c in corrections_in_order(b.corrections)
            ),
            key_points=key_points,
            actor_groups=_group_by_type(lines),
            events=events,
            article=self._article(loaded),
            image=self._image(b),
            sources=tuple(
                Source(
                    s.title,
                    s.publisher,
                    s.url,
                    self.date(s.date) if s.date else None,
                    s.language,
                )
                for s in b.sources
            ),
            tags=tuple(
                Link(self.text(self.corpus.tags[t]), link(path, tag_page(t))) for t in b.tags
            ),
            related=tuple(self._related_line(path, other) for other in self._related[loaded.slug]),
            timeline_data=trusted(f"{'../' * url_depth(path)}{timeline_data(loaded.slug)}"),
            missing_translations=bool(untranslated(loaded, self.lang)),
            twins=real,
            x_default=default,
            canonical=canonical,
            outdated=self._outdated(loaded),
            lastmod=(b.updated or b.published).iso(),
            image_url=image_url,
            card_url=card_url,
            jsonld=briefing_jsonld(
                loaded,
                self.corpus.actors,
                self.corpus.tags,
                self.language,
                image_url or card_url,
                self.today,
            ),
            kind=b.kind,
        )

    def _outdated(self, loaded: LoadedBriefing) -> Outdated | None:
        found = [s for s in loaded.stale if s.lang == self.lang]
        if not found:
            return None
        date, updated = changed_on(found, loaded.briefing.updated)
        original = language_name(found[0].original_lang, self.lang)
        return Outdated(original, self.date(date), updated)

    def _related_line(self, path: PurePosixPath, slug: str) -> tuple[Link, str]:
        """A related briefing as its page lists it: its title, linked, and its date."""
        other = self._by_slug[slug].briefing
        return Link(self.text(other.title), link(path, briefing_page(slug))), self.date(
            other.published
        )

    def _twins(self, loaded: LoadedBriefing) -> tuple[str, str, str | None]:
        """Which languages' pages of a briefing are its versions (see BriefingPage.twins),
        where readers of another language go, and, on a page that only falls back to the
        original, the original's address as canonical."""
        real = twins(loaded, self.language.order)
        default = self.language.order[0] if self.language.order[0] in real else real[0]
        original = self.language.shown(loaded.briefing.title)
        canonical = f"{self.language.url_of(original)}{briefing_url(loaded.slug)}"
        return f",{','.join(real)},", default, None if self.lang in real else canonical

    def _image_url(self, loaded: LoadedBriefing) -> str | None:
        image = loaded.briefing.image
        if image is None:
            return None
        return briefing_image_url(self.language.url, loaded.slug, image.file, image.url)

    def actor(self, actor_id: str) -> list[ActorPageContext]:
        """An actor's pages: who they are and, newest first, the briefings they are in."""
        actor: Actor = self.corpus.actors[actor_id]
        involved = self._by_actor.get(actor_id, [])
        name = self.text(actor.name)
        about = self.text(actor.description) if actor.description else None
        shared: Counter[str] = Counter(
            other
            for loaded in involved
            for other in self._actors_of[loaded.slug]
            if other != actor_id
        )
        ranked = sorted(shared.items(), key=lambda item: (-item[1], item[0]))[:12]
        pages = []
        for path, chunk, pager in paginate(
            actor_page(actor_id), involved, self.page_sizes.actor_briefings
        ):
            briefings = []
            events = []
            for loaded in chunk:
                role = next((r.role for r in loaded.briefing.actors if r.actor == actor_id), None)
                briefings.append((self._summary(loaded, path), self.text(role) if role else None))
                events += [
                    self._event(e, loaded) for e in loaded.briefing.timeline if actor_id in e.actors
                ]
            pages.append(
                ActorPageContext(
                    path=path,
                    lang=self.lang,
                    template="actor.md.j2",
                    title=name,
                    description=about.text if about else name.text,
                    pager=pager,
                    actor_id=actor_id,
                    type=actor.type,
                    about=about,
                    wikidata=(
                        f"https://www.wikidata.org/wiki/{actor.wikidata}"
                        if actor.wikidata
                        else None
                    ),
                    aliases=tuple(actor.aliases),
                    briefings=tuple(briefings),
                    events=tuple(sorted(events, key=_event_key, reverse=True)),
                    appears_with=tuple(
                        (Link(self._actor_name(other), link(path, actor_page(other))), count)
                        for other, count in ranked
                    ),
                    feeds=_feed_links(path, actor_feeds(actor_id)) if involved else None,
                )
            )
        return pages

    def tag(self, tag_id: str) -> list[ListPage]:
        name = self.text(self.corpus.tags[tag_id])
        return [
            ListPage(
                path=path,
                lang=self.lang,
                template="tag.md.j2",
                title=name,
                description=name.text,
                pager=pager,
                briefings=tuple(self._summary(b, path) for b in chunk),
                index_href=link(path, TAGS / "index.md"),
                feeds=_feed_links(path, tag_feeds(tag_id)) if chunk else None,
                **self._topic_actor(path, tag_id),
            )
            for path, chunk, pager in paginate(
                tag_page(tag_id), self._by_tag.get(tag_id, []), self.page_sizes.briefings
            )
        ]

    def _topic_actor(self, path: PurePosixPath, tag_id: str) -> dict[str, Any]:
        """A topic's description and its same-named actor's link, when it has one."""
        found = same_named_actor(tag_id, self.corpus.tags[tag_id], self.corpus.actors)
        if found is None:
            return {}
        actor = self.corpus.actors[found]
        return {
            "about": self.text(actor.description) if actor.description else None,
            "actor_href": link(path, actor_page(found)),
        }

    def briefings_index(self) -> list[ListPage]:
        return [
            self._index(
                path,
                "briefings.md.j2",
                pager=pager,
                briefings=tuple(self._summary(b, path) for b in chunk),
                kinds=kinds_in(b.briefing for b in chunk),
            )
            for path, chunk, pager in paginate(
                BRIEFINGS / "index.md", self._newest_first, self.page_sizes.briefings
            )
        ]

    def home(self) -> ListPage:
        """The front page: what is coming up, then the latest briefings, as many as the
        first page of the briefings' list, which continues on its numbered pages."""
        size = self.page_sizes.briefings
        coming = [
            (entry.date, self._event(entry, loaded))
            for loaded in self._newest_first
            for entry in loaded.briefing.timeline
            if entry.status_on(self.today) == "expected"
        ]
        more = len(self._newest_first) > size
        latest = [self._summary(b, HOME) for b in self._newest_first[:size]]
        return self._index(
            HOME,
            "home.md.j2",
            lead=latest[0] if latest else None,
            briefings=tuple(latest[1:]),
            coming=coming_up(coming, self.today),
            calendar=link(HOME, FEED_ICS),
            timeline_href=link(HOME, TIMELINE),
            more_href=link(HOME, later_page(BRIEFINGS / "index.md", 2)) if more else None,
        )

    def actors_index(self) -> ListPage:
        path = ACTORS / "index.md"
        links = [
            (
                self.corpus.actors[a].type,
                Link(self.text(self.corpus.actors[a].name), link(path, actor_page(a))),
            )
            for a in self.corpus.actors
        ]
        groups = []
        for kind in ACTOR_TYPE_ORDER:
            members = sorted((lk for t, lk in links if t == kind), key=lambda lk: lk.label.text)
            if members:
                groups.append((kind, tuple(members)))
        counts = {
            link(path, actor_page(a)): len(self._by_actor.get(a, [])) for a in self.corpus.actors
        }
        return self._index(
            path,
            "actors.md.j2",
            actor_groups=tuple(groups),
            actor_counts=tuple(
                (kind, tuple((lk, counts[lk.href]) for lk in members)) for kind, members in groups
            ),
        )

    def tags_index(self) -> ListPage:
        path = TAGS / "index.md"
        tag_links = tuple(
            sorted(
                (
                    (
                        Link(self.text(self.corpus.tags[t]), link(path, tag_page(t))),
                        len(self._by_tag.get(t, [])),
                    )
                    for t in self.corpus.tags
                ),
                key=lambda item: (item[0].label.text.casefold(), item[0].href),
            )
        )
        return self._index(path, "tags.md.j2", tag_links=tag_links)

    def timelines(self) -> list[ListPage]:
        """The merged timeline: one page while it is short, else pages per year.

        Every event of every briefing on one page grows with the archive (10,000
        events at 1,000 briefings). Past ``page_sizes.timeline_events`` events the
        timeline page lists the years, and each year's events, newest first, fill
        as many pages of at most that many events as they need.
        """
        entries = [(e, loaded) for loaded in self._newest_first for e in loaded.briefing.timeline]
        by_year: dict[int, list[tuple[TimelineEntry, LoadedBriefing]]] = defaultdict(list)
        for entry, loaded in entries:
            by_year[entry.date.year].append((entry, loaded))
        limit = self.page_sizes.timeline_events
        if len(entries) <= limit:
            return [self._timeline_page(TIMELINE, sorted(by_year.items(), reverse=True))]
        used: set[tuple[object, ...]] = set()
        pages: list[ListPage] = []
        year_links = []
        for year in sorted(by_year, reverse=True):
            newest_first = sorted(
                by_year[year], key=lambda item: (item[0].date.sort_key, item[1].slug), reverse=True
            )
            parts = paginate(timeline_page(year), newest_first, limit)
            pages += [
                self._year_page(path, year, chunk, pager, used) for path, chunk, pager in parts
            ]
            hrefs = tuple(link(TIMELINE, path) for path, _, _ in parts)
            year_links.append((year, len(newest_first), hrefs))
        for stale in self._memo.timeline_pages.keys() - used:
            del self._memo.timeline_pages[stale]
        index = self._index(
            TIMELINE,
            "timeline.md.j2",
            year_links=tuple(year_links),
            calendar=link(TIMELINE, FEED_ICS),
        )
        return [index, *pages]

    def _year_page(
        self,
        path: PurePosixPath,
        year: int,
        chunk: Sequence[tuple[TimelineEntry, LoadedBriefing]],
        pager: Pager | None,
        used: set[tuple[object, ...]],
    ) -> ListPage:
        """A page of a year's events, made again only when the entries it lists change
        (an edit changes a year or two of a long timeline)."""
        entries = tuple(entry for entry, _ in chunk)
        key = (path, pager, *map(id, entries))
        used.add(key)
        known = self._memo.timeline_pages.get(key)
        if known is None:
            page = self._timeline_page(path, [(year, chunk)], year, pager)
            slugs = frozenset(loaded.slug for _, loaded in chunk)
            known = self._memo.timeline_pages[key] = (entries, slugs, page)
        return known[2]

    def _timeline_page(
        self,
        path: PurePosixPath,
        groups: Sequence[tuple[int, Sequence[tuple[TimelineEntry, LoadedBriefing]]]],
        year: int | None = None,
        pager: Pager | None = None,
    ) -> ListPage:
        years = tuple(
            YearGroup(
                group_year,
                tuple(
                    sorted(
                        (self._event(e, loaded) for e, loaded in items),
                        key=_event_key,
                        reverse=True,
                    )
                ),
            )
            for group_year, items in groups
        )
        events = [e for group in years for e in group.events]
        return self._index(
            path,
            "timeline.md.j2",
            years=years,
            year=year,
            pager=pager,
            index_href=link(path, TIMELINE) if year is not None else None,
            calendar=link(path, FEED_ICS) if year is None else None,
            filters=_by_label(
                (a, self._actor_name(a)) for a in {a for e in events for a in e.actor_ids}
            ),
            tag_filters=_by_label(
                (t, self.text(self.corpus.tags[t])) for t in {t for e in events for t in e.tags}
            ),
        )

    def search(self) -> ListPage:
        return self._index(SEARCH, "search.md.j2")

    def status(self) -> list[ListPage]:
        """What is left to translate into this language, for editors: the briefings with
        a text missing or out of date, newest first, and how many are complete."""
        by_slug = {b.slug: b for b in self.corpus.briefings}
        rows = [row for row in coverage(self.corpus, [self.lang]) if row.missing or row.outdated]
        order = {loaded.slug: place for place, loaded in enumerate(self._newest_first)}
        rows.sort(key=lambda row: order[row.slug])
        complete = len(self.corpus.briefings) - len(rows)
        return [
            self._index(
                path,
                "status.md.j2",
                pager=pager,
                complete=(complete, len(self.corpus.briefings)),
                coverage=tuple(
                    CoverageRow(
                        Link(
                            self.text(by_slug[row.slug].briefing.title),
                            link(path, briefing_page(row.slug)),
                        ),
                        row.translated,
                        row.total,
                        row.missing,
                        row.outdated,
                    )
                    for row in chunk
                ),
            )
            for path, chunk, pager in paginate(STATUS, rows, self.page_sizes.briefings)
        ]

    # The pages a newsroom owes its readers: the About page and the corrections. Both are
    # in the lists' unit: the corrections change with any briefing, and About with nothing
    # but the settings, whose change makes every page again.

    def newsroom(self) -> list[Page]:
        return [self.about(), *self.corrections()]

    def corrections(self) -> list[CorrectionsPage]:
        """Every correction of every briefing, newest first, each with its briefing's
        title linked and its date in this language."""
        return [
            CorrectionsPage(
                path=path,
                lang=self.lang,
                template="corrections.md.j2",
                title=None,  # interface text: the template's
                description="",
                pager=pager,
                corrections=tuple(
                    CorrectionLine(
                        briefing=Link(
                            self.text(item.loaded.briefing.title),
                            link(path, briefing_page(item.loaded.slug)),
                        ),
                        date_text=self.date(item.correction.date),
                        iso=item.correction.date.iso(),
                        text=self.text(item.correction.text),
                    )
                    for item in chunk
                ),
                feeds=_feed_links(path, (FEED_CORRECTIONS_RSS, FEED_CORRECTIONS_JSON)),
                policy_href=trusted(f"{link(path, ABOUT)}#corrections"),
            )
            for path, chunk, pager in paginate(
                CORRECTIONS, all_corrections(self.corpus.briefings), self.page_sizes.briefings
            )
        ]

    def about(self) -> AboutPage:
        masthead = self.language.masthead
        return AboutPage(
            path=ABOUT,
            lang=self.lang,
            template="about.md.j2",
            title=None,
            description="",
            publisher=masthead.publisher,
            desk=masthead.desk,
            contact=masthead.contact,
            contact_href=masthead.contact_href,
            corrections_href=link(ABOUT, CORRECTIONS),
            feeds=_feed_links(ABOUT, (FEED_RSS, FEED_JSON)),
            contribute_href=link(ABOUT, CONTRIBUTE / "index.md"),
        )

    def _index(self, path: PurePosixPath, template: str, **parts: Any) -> ListPage:
        """An index page: its title comes from its template (interface text)."""
        return ListPage(
            path=path, lang=self.lang, template=template, title=None, description="", **parts
        )

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
                Link(self.text(self.corpus.tags[t]), link(from_page, tag_page(t))) for t in b.tags
            ),
            image=str(briefing_image(loaded.slug, own_image)) if own_image else None,
            kind=b.kind,
        )

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


def _by_label(options: Iterable[tuple[str, LText]]) -> tuple[tuple[str, LText], ...]:
    return tuple(sorted(options, key=lambda option: option[1].text))


@functools.lru_cache(maxsize=256)
def language_name(code: str, in_lang: str) -> str:
    """The name of language ``code`` in language ``in_lang``, from Babel's locale data."""
    return Locale.parse(code).get_display_name(in_lang) or code


def _event_key(event: Event) -> tuple[tuple[int, int, int], str]:
    return (event.date.sort_key, event.briefing.href)


def _group_by_type(
    lines: Sequence[ActorLine],
) -> tuple[tuple[ActorType, tuple[ActorLine, ...]], ...]:
    return tuple(
        (kind, tuple(line for line in lines if line.type == kind))
        for kind in ACTOR_TYPE_ORDER
        if any(line.type == kind for line in lines)
    )


def _feed_links(
    path: PurePosixPath, feeds: tuple[PurePosixPath, PurePosixPath]
) -> tuple[Markup, Markup]:
    """Links from a page to a topic's or an actor's RSS and JSON Feed."""
    return link(path, feeds[0]), link(path, feeds[1])


def coming_up(
    expected: Sequence[tuple[PartialDate, Event]], today: dt.date, limit: int = COMING_UP
) -> tuple[Event, ...]:
    """What the front page says is coming up: soonest first by the first day an event can
    fall on, a dated event before a vaguer one on the same day. Events known to the day
    within ``SOON`` take their places first, so that a whole year's vague events never
    push out one a few weeks ahead."""
    ordered = sorted(expected, key=lambda e: (e[0].first_day(), -e[0].precision, e[1].text.text))
    soon = [
        e for e in ordered if e[0].precision is Precision.DAY and e[0].first_day() <= today + SOON
    ]
    chosen = {id(e) for e in soon[:limit]}
    for e in ordered:
        if len(chosen) >= limit:
            break
        chosen.add(id(e))
    return tuple(e[1] for e in ordered if id(e) in chosen)
