"""What a template gets: one frozen context a page, and the values inside them.

Everything language-dependent except interface strings is decided before a context
is made (``generator.localize`` builds them); templates only lay them out. Contexts are
compared whole to tell whether a page must be rendered again, so every field is a
value, never a reference to the corpus.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import ClassVar

from markupsafe import Markup

from generator.dates import PartialDate
from generator.layout import way_up
from generator.models import ActorType, Kind, ShownStatus


@dataclass(frozen=True)
class LText:
    """A text in the page's language, or in another one when no translation exists."""

    text: str
    lang: str
    missing: bool  # True: shown in ``lang`` because the page's language has none


@dataclass(frozen=True)
class Link:
    label: LText
    href: Markup


@dataclass(frozen=True)
class ActorLine:
    id: str
    type: ActorType
    name: LText
    role: LText | None
    href: Markup


@dataclass(frozen=True)
class Event:
    """One event of a timeline, the same value on every page that lists it.

    Its links are URLs relative to the language's root (``actors/nato/``), not to
    a page: the renderer puts the listing page's way up in front (see url_depth).
    """

    date: PartialDate
    date_text: str  # Babel-formatted at the date's precision, or the date_label
    approximate: bool
    labelled: bool  # date_text is the contributor's date_label, said as it is
    status: ShownStatus
    text: LText
    actors: tuple[Link, ...]
    briefing: Link  # the briefing it is from, shown where briefings' events are merged
    also: tuple[Link, ...] = ()  # other briefings that record the same event (events.py)
    actor_ids: tuple[str, ...] = ()  # for the timeline's filters
    tags: tuple[str, ...] = ()  # its briefing's topics, for the filters too
    iso: str = ""  # the date as <time datetime> wants it
    precision: str = "day"  # "day", "month" or "year"

    # For the data-* attributes that the timeline's filters read (a property costs a
    # tenth of Jinja's join filter, called twice for each of ~10,000 entries a language).
    @property
    def actor_words(self) -> str:
        return " ".join(self.actor_ids)

    @property
    def tag_words(self) -> str:
        return " ".join(self.tags)


@dataclass(frozen=True)
class YearGroup:
    year: int
    events: tuple[Event, ...]


@dataclass(frozen=True)
class ArticleView:
    lang: str  # the language of the text shown
    html: Markup | None  # None: not available in the page's language
    republished: bool  # False: the briefing gives no text of the article at all
    original_lang: str
    original_language_name: str  # in the page's language, from Babel's locale data
    original_href: Markup  # the page that shows the original text
    author: str | None
    publisher: str | None
    url: str | None
    published: str | None
    title: LText | None


@dataclass(frozen=True)
class ImageView:
    src: str
    alt: LText | None
    caption: LText | None
    credit: str | None


@dataclass(frozen=True)
class Summary:
    """A briefing as index pages list it."""

    slug: str
    title: LText
    summary: LText
    published: PartialDate
    date_text: str
    href: Markup
    topics: tuple[Link, ...] = ()
    image: str | None = None  # its own image's URL from the language's root
    kind: Kind | None = None  # its label comes from the catalogs (_macros.md.j2)


@dataclass(frozen=True)
class Pager:
    """Where a page stands in a listing split over several pages (newest first)."""

    number: int  # 1-based
    count: int
    first: Markup  # links, relative to this page
    newer: Markup | None
    older: Markup | None


@dataclass(frozen=True)
class Page:
    """What every page has; ``template`` names its file under templates/."""

    template: ClassVar[str]  # its file under templates/: one per kind of page
    path: PurePosixPath
    lang: str
    # Index pages have no title of their own: their template names them through
    # gettext, because interface text lives in the catalogs, not in Python.
    title: LText | None
    description: str
    pager: Pager | None = None  # set on the pages of a listing split over several

    @property
    def way_up(self) -> Markup:
        """From where this page is served up to the language's root: ``../../``."""
        return way_up(self.path)


@dataclass(frozen=True)
class BriefingPage(Page):
    template: ClassVar[str] = "briefing.md.j2"
    slug: str = ""
    summary: LText | None = None
    published: str = ""
    updated: str | None = None
    authors: str | None = None  # the byline: the names as a list in the page's language
    corrections: tuple[tuple[str, LText], ...] = ()  # (date, what was corrected), oldest first
    key_points: tuple[LText, ...] = ()
    actor_groups: tuple[tuple[ActorType, tuple[ActorLine, ...]], ...] = ()
    events: tuple[Event, ...] = ()
    article: ArticleView | None = None
    image: ImageView | None = None
    sources: tuple[Source, ...] = ()
    tags: tuple[Link, ...] = ()
    related: tuple[tuple[Link, str], ...] = ()  # other briefings and their dates
    timeline_view: Markup | None = None  # its timeline's page (TimelineJS), if it has events
    missing_translations: bool = False
    # The languages whose page of this briefing is a translation, ",id,en," (so that the
    # theme can test `",en," in twins`), and where readers of another language are sent.
    twins: str = ""
    x_default: str = ""
    canonical: str | None = None  # a fallback page's: the original's address
    outdated: Outdated | None = None  # some translations were made from an earlier original
    lastmod: str = ""
    image_url: str | None = None  # absolute, its own image's
    card_url: str = ""  # absolute, its share card's, for link previews
    jsonld: Markup = field(default_factory=Markup)
    kind: Kind | None = None


@dataclass(frozen=True)
class TimelineView(Page):
    """A briefing's timeline in TimelineJS, which the page loads from the site's top
    folder, over the same events as a list (what shows without JavaScript or library)."""

    template: ClassVar[str] = "timeline_view.md.j2"
    events: tuple[Event, ...] = ()
    briefing_href: Markup = field(default_factory=Markup)
    timeline_data: Markup = field(default_factory=Markup)  # its TimelineJS file
    library: Markup = field(default_factory=Markup)  # TimelineJS's folder
    twins: str = ""  # as BriefingPage's
    x_default: str = ""
    canonical: str | None = None


@dataclass(frozen=True)
class Outdated:
    """The notice of translations made from an earlier version of the original."""

    original_language_name: str  # in the page's language
    date: str
    updated: bool  # True: the day the original was updated; False: the day of translation


@dataclass(frozen=True)
class Source:
    title: str
    publisher: str | None
    url: str
    date_text: str | None
    lang: str | None


@dataclass(frozen=True)
class ActorPage(Page):
    template: ClassVar[str] = "actor.md.j2"
    actor_id: str = ""
    type: ActorType = "other"
    about: LText | None = None
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()
    briefings: tuple[tuple[Summary, LText | None], ...] = ()  # with the actor's role in each
    events: tuple[Event, ...] = ()
    appears_with: tuple[tuple[Link, int], ...] = ()  # other actors, by shared briefings
    feeds: tuple[Markup, Markup] | None = None  # their own RSS and JSON Feed


@dataclass(frozen=True)
class CoverageRow:
    briefing: Link
    translated: int
    total: int
    missing: tuple[str, ...]
    outdated: tuple[str, ...] = ()


# The listing pages, one context each: a template can read only what its page fills, so
# StrictUndefined catches a field it reads that its page never has.


@dataclass(frozen=True)
class HomePage(Page):
    template: ClassVar[str] = "home.md.j2"
    lead: Summary | None = None  # the newest briefing, shown large
    briefings: tuple[Summary, ...] = ()  # the next newest
    coming: tuple[Event, ...] = ()  # expected events, soonest first
    more_href: Markup | None = None  # the way to the briefings it leaves out
    timeline_href: Markup | None = None
    calendar: Markup | None = None  # the calendar feed


@dataclass(frozen=True)
class BriefingsIndex(Page):
    template: ClassVar[str] = "briefings.md.j2"
    briefings: tuple[Summary, ...] = ()
    kinds: tuple[Kind, ...] = ()  # the kinds the list can be filtered by


@dataclass(frozen=True)
class ActorsIndex(Page):
    template: ClassVar[str] = "actors.md.j2"
    # Each kind's actors with the number of briefings each is in.
    actor_counts: tuple[tuple[ActorType, tuple[tuple[Link, int], ...]], ...] = ()


@dataclass(frozen=True)
class TopicsIndex(Page):
    template: ClassVar[str] = "tags.md.j2"
    tag_links: tuple[tuple[Link, int], ...] = ()  # (topic, briefings on it)


@dataclass(frozen=True)
class TopicPage(Page):
    template: ClassVar[str] = "tag.md.j2"
    briefings: tuple[Summary, ...] = ()
    index_href: Markup | None = None  # the way back to every topic
    feeds: tuple[Markup, Markup] | None = None  # its own RSS and JSON Feed
    about: LText | None = None  # its description (its own, else its same-named actor's)
    actor_href: Markup | None = None  # its same-named actor


@dataclass(frozen=True)
class TimelinePage(Page):
    template: ClassVar[str] = "timeline.md.j2"
    years: tuple[YearGroup, ...] = ()
    year: int | None = None  # a year's page of a long timeline
    index_href: Markup | None = None  # a year's way back to all of them
    calendar: Markup | None = None  # the calendar feed
    # (year, events, links to its pages) of a long timeline
    year_links: tuple[tuple[int, int, tuple[Markup, ...]], ...] = ()
    filters: tuple[tuple[str, LText], ...] = ()  # actors the timeline can be filtered by
    tag_filters: tuple[tuple[str, LText], ...] = ()  # and topics


@dataclass(frozen=True)
class SearchPage(Page):
    template: ClassVar[str] = "search.md.j2"
    # The same search in each other language: (code, href, its name in this language).
    other_searches: tuple[tuple[str, Markup, str], ...] = ()


@dataclass(frozen=True)
class StatusPage(Page):
    template: ClassVar[str] = "status.md.j2"
    coverage: tuple[CoverageRow, ...] = ()  # briefings with a text missing
    complete: tuple[int, int] = (0, 0)  # (briefings fully translated, all briefings)


@dataclass(frozen=True)
class PlaceholderPage(Page):
    """A hand-written page that exists in another language but not in this one."""

    template: ClassVar[str] = "untranslated.md.j2"
    original_lang: str = ""
    original_language_name: str = ""
    original_href: Markup = field(default_factory=Markup)


@dataclass(frozen=True)
class CorrectionLine:
    """A correction as the corrections page lists it."""

    briefing: Link  # its briefing's title, linked from the listing page
    date_text: str  # in the page's language
    iso: str  # for <time datetime>
    text: LText


@dataclass(frozen=True)
class CorrectionsPage(Page):
    """Every correction of every briefing, newest first (a page of them)."""

    template: ClassVar[str] = "corrections.md.j2"
    corrections: tuple[CorrectionLine, ...] = ()
    feeds: tuple[Markup, Markup] | None = None  # the corrections' RSS and JSON Feed
    policy_href: Markup = field(default_factory=Markup)  # the About page's policy


@dataclass(frozen=True)
class AboutPage(Page):
    """The readers' page: who publishes, the standards, corrections policy, contact."""

    template: ClassVar[str] = "about.md.j2"
    publisher: str = ""
    desk: str = ""  # who signs a briefing without authors
    contact: str = ""  # as shown; "" when none is configured
    contact_href: str = ""
    corrections_href: Markup = field(default_factory=Markup)
    feeds: tuple[Markup, Markup] | None = None  # the site's RSS and JSON Feed
    contribute_href: Markup = field(default_factory=Markup)


# Every kind of page, each with its own context and template: what the generator makes
# (tests/test_units.py checks that every template has exactly one).
PAGE_KINDS: tuple[type[Page], ...] = (
    BriefingPage,
    TimelineView,
    ActorPage,
    HomePage,
    BriefingsIndex,
    ActorsIndex,
    TopicsIndex,
    TopicPage,
    TimelinePage,
    SearchPage,
    StatusPage,
    CorrectionsPage,
    AboutPage,
    PlaceholderPage,
)
