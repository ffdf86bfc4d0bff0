"""Data files per language: feeds (RSS 2.0, JSON Feed), the briefings as JSON, and a
TimelineJS timeline per briefing, so that readers can follow and other newsrooms reuse.

Written into each language's docs tree, so MkDocs (or any engine) copies them as they
are, at the paths ``generator.layout`` gives (``feeds/feed.xml``, ``feeds/feed.json``,
``data/briefings.json``, ``data/timelines/<slug>.json``).

The site's top folder gets a sitemap index of the languages' sitemaps and a robots.txt
naming it (``root_files``).
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any, Literal

from generator.corpus import (
    Corpus,
    LoadedBriefing,
    chronological,
    corrections_in_order,
    newest_first,
)
from generator.corrections import correction_feeds
from generator.dates import PartialDate
from generator.depends import Stale, Unit
from generator.encode import html_text, json_bytes, json_text, stripped_html_text
from generator.feeds import ITEMS, Feed, Item, json_feed, rss
from generator.ical import CalendarEvent, briefing_events, events_ics
from generator.layout import (
    BRIEFINGS_DATA,
    FEED_CORRECTIONS_JSON,
    FEED_CORRECTIONS_RSS,
    FEED_ICS,
    FEED_JSON,
    FEED_RSS,
    ROBOTS,
    SITEMAP_INDEX,
    actor_feeds,
    actor_url,
    briefing_image_url,
    briefing_url,
    page_url,
    tag_feeds,
    tag_page,
    timeline_data,
)
from generator.related import appearances
from generator.settings import Language

# The interface words feeds and the calendar say, as the pages' catalogs translate them.
FEED_WORDS = ("Corrections", "outcome not recorded")


@dataclass(frozen=True)
class Contribution:
    """What one briefing contributes to a language's data files: kept, by its slug, by a
    caller that generates again and again (serve) while its unit is not stale."""

    export: str  # its part of briefings.json, serialized
    timelinejs: bytes  # its TimelineJS file
    events: list[CalendarEvent]  # its part of the calendar


# A topic's or an actor's feeds (RSS, JSON Feed) as last made, by its unit.
FeedCache = dict[Unit, tuple[bytes, bytes]]


@dataclass(frozen=True)
class Made:
    """What one language's data files are made of in one run; ``known`` and ``feeds``:
    what earlier runs made (see ``data_files``)."""

    corpus: Corpus
    briefings: Sequence[LoadedBriefing]  # newest first
    language: Language
    site_name: str
    today: dt.date
    corrections_label: str
    known: Mapping[str, Contribution]
    feeds: FeedCache


@dataclass(frozen=True)
class DataOutput:
    """One kind of data file: what SECURITY.md's table calls it (``name``), where it
    goes (``paths``, from ``layout``, with ``<slug>`` or ``<id>`` for one file of
    many), the unit whose change makes it again (``unit``, see ``depends``; "lists":
    any change) and how it is made."""

    name: str
    paths: tuple[PurePosixPath, ...]
    unit: Literal["briefing", "actor and topic", "lists"]
    make: Callable[[Made], Mapping[PurePosixPath, bytes]]


def _site_feeds(made: Made) -> dict[PurePosixPath, bytes]:
    feed = briefings_feed(made.briefings, made.language, made.site_name, made.corrections_label)
    return {FEED_RSS: rss(feed), FEED_JSON: json_feed(feed)}


def _calendar(made: Made) -> dict[PurePosixPath, bytes]:
    events = [event for b in made.briefings for event in made.known[b.slug].events]
    return {FEED_ICS: events_ics(events, made.language, made.site_name)}


def _briefings_data(made: Made) -> dict[PurePosixPath, bytes]:
    # Each briefing's part as serialized when it was made: json_bytes of the whole, with
    # its keys sorted, without serializing every briefing again on each edit.
    parts = ",".join(made.known[b.slug].export for b in made.briefings)
    code = json_text(made.language.code)
    return {BRIEFINGS_DATA: f'{{"briefings":[{parts}],"language":{code}}}\n'.encode()}


def _timelines(made: Made) -> dict[PurePosixPath, bytes]:
    return {timeline_data(b.slug): made.known[b.slug].timelinejs for b in made.briefings}


def _followed_feeds(made: Made) -> dict[PurePosixPath, bytes]:
    return followed_feeds(
        made.corpus,
        made.briefings,
        made.language,
        made.site_name,
        made.corrections_label,
        made.feeds,
    )


def _correction_feeds(made: Made) -> dict[PurePosixPath, bytes]:
    return correction_feeds(made.briefings, made.language, made.site_name, made.corrections_label)


# Every data file of a language, in one table: a new output is a row here (and a path
# in ``layout``, a row in SECURITY.md, which a test holds to this table). Share cards
# are drawn apart, on the process pool (``cards``).
DATA_OUTPUTS = (
    DataOutput("RSS", (FEED_RSS,), "lists", _site_feeds),
    DataOutput("JSON Feed", (FEED_JSON,), "lists", _site_feeds),
    DataOutput(
        "topic and actor feeds",
        (*tag_feeds("<id>"), *actor_feeds("<id>")),
        "actor and topic",
        _followed_feeds,
    ),
    DataOutput(
        "corrections", (FEED_CORRECTIONS_RSS, FEED_CORRECTIONS_JSON), "lists", _correction_feeds
    ),
    DataOutput("calendar", (FEED_ICS,), "lists", _calendar),
    DataOutput("data", (BRIEFINGS_DATA,), "lists", _briefings_data),
    DataOutput("TimelineJS", (timeline_data("<slug>"),), "briefing", _timelines),
)


def data_files(
    corpus: Corpus,
    language: Language,
    site_name: str,
    today: dt.date,
    known: dict[str, Contribution] | None = None,
    corrections_label: str = "Corrections",
    unrecorded_label: str = "outcome not recorded",
    feeds: FeedCache | None = None,
) -> dict[PurePosixPath, bytes]:
    """Every data file of one language (``DATA_OUTPUTS``), by its path in the
    language's docs tree, as they are true on ``today``.

    ``known`` holds what earlier runs made of each briefing, and ``feeds`` the topics'
    and actors' feeds they made: the caller drops what is stale (``forget``).
    """
    briefings = newest_first(corpus.briefings)
    known = known if known is not None else {}
    for loaded in briefings:
        if loaded.slug not in known:
            known[loaded.slug] = Contribution(
                json_text(_briefing(loaded, corpus, language, today)),
                json_bytes(timelinejs(loaded, language, today)),
                briefing_events(loaded, language, today, unrecorded_label),
            )
    made = Made(
        corpus,
        briefings,
        language,
        site_name,
        today,
        corrections_label,
        known,
        feeds if feeds is not None else {},
    )
    files: dict[PurePosixPath, bytes] = {}
    # Each function once: one makes the site's RSS and JSON Feed from one Feed.
    for make in dict.fromkeys(output.make for output in DATA_OUTPUTS):
        files.update(make(made))
    return files


def followed_feeds(
    corpus: Corpus,
    briefings: Sequence[LoadedBriefing],
    language: Language,
    site_name: str,
    corrections_label: str,
    cache: FeedCache | None = None,
) -> dict[PurePosixPath, bytes]:
    """RSS and JSON Feed of each topic and each actor, for readers who follow one."""
    cache = cache if cache is not None else {}
    by_actor, by_topic = appearances(briefings)  # newest first
    listed = {Unit("actor", a): found for a, found in by_actor.items()}
    listed.update({Unit("topic", t): found for t, found in by_topic.items()})
    files: dict[PurePosixPath, bytes] = {}
    for unit, found in sorted(listed.items()):
        if unit.kind == "actor":
            name, (rss_path, json_path) = corpus.actors[unit.key].name, actor_feeds(unit.key)
            home = language.absolute(actor_url(unit.key))
        else:
            name, (rss_path, json_path) = corpus.tags[unit.key].name, tag_feeds(unit.key)
            home = language.absolute(page_url(tag_page(unit.key)))
        if unit not in cache:
            title = f"{site_name}: {language.text(name)}"
            feed = briefings_feed(
                found, language, site_name, corrections_label, title, home, json_path
            )
            cache[unit] = (rss(feed), json_feed(feed))
        files[rss_path], files[json_path] = cache[unit]
    return files


def forget(stale: Stale, known: dict[str, Contribution], feeds: FeedCache) -> None:
    """Drop what was made for stale units: briefings' contributions, topics' and
    actors' feeds."""
    for unit in stale.units:
        if unit.kind == "briefing":
            known.pop(unit.key, None)
        else:
            feeds.pop(unit, None)


def root_files(languages: Sequence[Language], site_url: str) -> dict[PurePosixPath, bytes]:
    """The top folder's sitemap index (of each language's sitemap.xml, which the engine
    writes) and robots.txt. Crawlers read robots.txt only at a host's root: a project
    site in a folder of its host has it there for its own host's robots.txt to copy."""
    index = "".join(
        f"<sitemap><loc>{html.escape(language.absolute('sitemap.xml'))}</loc></sitemap>"
        for language in languages
    )
    sitemap = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{index}</sitemapindex>\n'
    )
    top = f"{site_url.rstrip('/')}/" if site_url else "/"
    robots = f"User-agent: *\nAllow: /\n\nSitemap: {top}{SITEMAP_INDEX}\n"
    return {SITEMAP_INDEX: sitemap.encode(), ROBOTS: robots.encode()}


def _content(loaded: LoadedBriefing, language: Language, corrections_label: str) -> str:
    """What a feed item says: the summary, then each correction with its date."""
    b = loaded.briefing
    paragraphs = [language.text(b.summary)]
    for correction in corrections_in_order(b.corrections):
        when = language.date(correction.date)
        paragraphs.append(f"{corrections_label} ({when}): {language.text(correction.text)}")
    return "\n\n".join(paragraphs)


def briefings_feed(
    briefings: Sequence[LoadedBriefing],
    language: Language,
    site_name: str,
    corrections_label: str = "Corrections",
    title: str | None = None,
    home: str | None = None,
    path: PurePosixPath = FEED_JSON,
) -> Feed:
    """A feed of ``briefings`` (newest first): the site's, or with ``title`` and ``home``,
    one topic's or one actor's; ``path``: where its JSON Feed is served."""
    updated = max((b.briefing.updated or b.briefing.published for b in briefings), default=None)
    return Feed(
        title=title or f"{site_name} ({language.name})",
        description=site_name,
        home=home or language.absolute(""),
        url=language.absolute(str(path)),
        language=language.code,
        items=[_item(b, language, corrections_label) for b in briefings[:ITEMS]],
        updated=updated.first_day() if updated is not None else None,
    )


def _item(loaded: LoadedBriefing, language: Language, corrections_label: str) -> Item:
    b = loaded.briefing
    link = language.absolute(briefing_url(loaded.slug))
    modified = [d for d in (b.updated, *(c.date for c in b.corrections)) if d is not None]
    # Unsigned briefings are the desk's, as on their page and in JSON-LD.
    authors = tuple(b.authors) or tuple(name for name in (language.masthead.desk,) if name)
    return Item(
        id=link,
        url=link,
        title=language.text(b.title),
        text=_content(loaded, language, corrections_label),
        published=b.published.first_day(),
        summary=language.text(b.summary),
        modified=max(modified).first_day() if modified else None,
        authors=authors,
        image=(
            briefing_image_url(language.url, loaded.slug, b.image.file, b.image.url)
            if b.image is not None
            else None
        ),
        tags=tuple(b.tags),
    )


def _briefing(
    loaded: LoadedBriefing, corpus: Corpus, language: Language, today: dt.date
) -> dict[str, Any]:
    b = loaded.briefing

    def text(texts: Mapping[str, str] | None) -> str | None:
        return language.text(texts) if texts else None

    return {
        "slug": loaded.slug,
        "url": language.absolute(briefing_url(loaded.slug)),
        "title": text(b.title),
        "summary": text(b.summary),
        "published": b.published.iso(),
        "updated": b.updated.iso() if b.updated else None,
        "authors": list(b.authors),
        "corrections": [{"date": c.date.iso(), "text": text(c.text)} for c in b.corrections],
        "tags": [{"id": t, "name": text(corpus.tags[t].name)} for t in b.tags],
        "key_points": [text(k) for k in b.key_points],
        "actors": [
            {
                "id": role.actor,
                "name": text(corpus.actors[role.actor].name),
                "type": corpus.actors[role.actor].type,
                "role": text(role.role),
                "wikidata": corpus.actors[role.actor].wikidata,
            }
            for role in b.actors
        ],
        "timeline": [
            {
                "date": e.date.iso(),
                **({"end": e.end.iso()} if e.end else {}),
                "approximate": e.approximate,
                "label": text(e.date_label),
                "status": e.status_on(today),
                "event": text(e.event),
                "actors": list(e.actors),
            }
            for e in chronological(b.timeline)
        ],
        "sources": [
            {
                "title": s.title,
                "publisher": s.publisher,
                "url": s.url,
                "date": s.date.iso() if s.date else None,
            }
            for s in b.sources
        ],
        "article": {
            "language": b.article.language,
            "author": b.article.author,
            "publisher": b.article.publisher,
            "url": b.article.url,
            "published": b.article.published.iso() if b.article.published else None,
        },
    }


def timelinejs(loaded: LoadedBriefing, language: Language, today: dt.date) -> dict[str, Any]:
    """A timeline in TimelineJS's JSON format (its texts are HTML: escaped here, a display
    date twice, since TimelineJS strips it of markup before showing it as HTML)."""
    b = loaded.briefing

    def date(value: PartialDate) -> dict[str, str]:
        parts = {"year": str(value.year)}
        if value.month:
            parts["month"] = str(value.month)
        if value.day:
            parts["day"] = str(value.day)
        return parts

    def escaped(texts: Mapping[str, str]) -> str:
        return html_text(language.text(texts))

    events = []
    for entry in chronological(b.timeline):
        event: dict[str, Any] = {
            "start_date": date(entry.date),
            "text": {"text": escaped(entry.event)},
            "group": entry.status_on(today),
        }
        if entry.end:
            event["end_date"] = date(entry.end)
        if entry.date_label:
            event["display_date"] = stripped_html_text(language.text(entry.date_label))
        events.append(event)
    return {
        "title": {"text": {"headline": escaped(b.title), "text": escaped(b.summary)}},
        "events": events,
    }
