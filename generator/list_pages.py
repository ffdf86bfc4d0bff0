"""The archive's lists in one language: the front page, the indexes of briefings,
actors and topics, search, status, corrections and About.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from generator.corrections import all_corrections
from generator.coverage import coverage
from generator.dates import PartialDate, Precision
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
    actor_page,
    briefing_page,
    in_language,
    later_page,
    link,
    tag_page,
)
from generator.markup import trusted
from generator.page_parts import ACTOR_TYPE_ORDER, feed_links, language_name
from generator.pages import (
    AboutPage,
    ActorsIndex,
    BriefingsIndex,
    CorrectionLine,
    CorrectionsPage,
    CoverageRow,
    Event,
    HomePage,
    Link,
    Page,
    SearchPage,
    StatusPage,
    TopicsIndex,
)
from generator.paginate import paginate
from generator.reading import kinds_in

if TYPE_CHECKING:
    from generator.localize import Localizer


def briefings_index(lx: Localizer) -> list[BriefingsIndex]:
    return [
        lx._index(
            BriefingsIndex,
            path,
            pager=pager,
            briefings=tuple(lx._summary(b, path) for b in chunk),
            kinds=kinds_in(b.briefing for b in chunk),
        )
        for path, chunk, pager in paginate(
            BRIEFINGS / "index.md", lx._newest_first, lx.page_sizes.briefings
        )
    ]


def home(lx: Localizer) -> HomePage:
    """The front page: what is coming up, then the latest briefings, as many as the
    first page of the briefings' list, which continues on its numbered pages."""
    size = lx.page_sizes.briefings
    coming = [
        (entry.date, lx._event(entry, loaded))
        for loaded in lx._newest_first
        for entry in loaded.briefing.timeline
        if entry.status_on(lx.today) == "expected"
    ]
    more = len(lx._newest_first) > size
    latest = [lx._summary(b, HOME) for b in lx._newest_first[:size]]
    return lx._index(
        HomePage,
        HOME,
        lead=latest[0] if latest else None,
        briefings=tuple(latest[1:]),
        coming=coming_up(coming, lx.today),
        calendar=link(HOME, FEED_ICS),
        timeline_href=link(HOME, TIMELINE),
        more_href=link(HOME, later_page(BRIEFINGS / "index.md", 2)) if more else None,
    )


def actors_index(lx: Localizer) -> ActorsIndex:
    path = ACTORS / "index.md"
    links = [
        (
            lx.corpus.actors[a].type,
            Link(lx.text(lx.corpus.actors[a].name), link(path, actor_page(a))),
        )
        for a in lx.corpus.actors
    ]
    groups = []
    for kind in ACTOR_TYPE_ORDER:
        members = sorted((lk for t, lk in links if t == kind), key=lambda lk: lk.label.text)
        if members:
            groups.append((kind, tuple(members)))
    counts = {link(path, actor_page(a)): len(lx._by_actor.get(a, [])) for a in lx.corpus.actors}
    return lx._index(
        ActorsIndex,
        path,
        actor_counts=tuple(
            (kind, tuple((lk, counts[lk.href]) for lk in members)) for kind, members in groups
        ),
    )


def tags_index(lx: Localizer) -> TopicsIndex:
    path = TAGS / "index.md"
    tag_links = tuple(
        sorted(
            (
                (
                    Link(lx.text(lx.corpus.tags[t].name), link(path, tag_page(t))),
                    len(lx._by_tag.get(t, [])),
                )
                for t in lx.corpus.tags
            ),
            key=lambda item: (item[0].label.text.casefold(), item[0].href),
        )
    )
    return lx._index(TopicsIndex, path, tag_links=tag_links)


def search(lx: Localizer) -> SearchPage:
    """The search page, with the same search in each other language a click away."""
    others = tuple(
        (code, trusted(in_language(SEARCH, code)), language_name(code, lx.lang))
        for code in lx.order
        if code != lx.lang
    )
    return lx._index(SearchPage, SEARCH, other_searches=others)


def status(lx: Localizer) -> list[StatusPage]:
    """What is left to translate into this language, for editors: the briefings with
    a text missing or out of date, newest first, and how many are complete."""
    by_slug = {b.slug: b for b in lx.corpus.briefings}
    rows = [row for row in coverage(lx.corpus, [lx.lang]) if row.missing or row.outdated]
    order = {loaded.slug: place for place, loaded in enumerate(lx._newest_first)}
    rows.sort(key=lambda row: order[row.slug])
    complete = len(lx.corpus.briefings) - len(rows)
    return [
        lx._index(
            StatusPage,
            path,
            pager=pager,
            complete=(complete, len(lx.corpus.briefings)),
            coverage=tuple(
                CoverageRow(
                    Link(
                        lx.text(by_slug[row.slug].briefing.title),
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
        for path, chunk, pager in paginate(STATUS, rows, lx.page_sizes.briefings)
    ]


# The pages a newsroom owes its readers: the About page and the corrections. Both are in
# the lists' unit: the corrections change with any briefing, and About with nothing but
# the settings, whose change makes every page again.
def newsroom(lx: Localizer) -> list[Page]:
    return [about(lx), *corrections(lx)]


def corrections(lx: Localizer) -> list[CorrectionsPage]:
    """Every correction of every briefing, newest first, each with its briefing's
    title linked and its date in this language."""
    return [
        CorrectionsPage(
            path=path,
            lang=lx.lang,
            title=None,  # interface text: the template's
            description="",
            pager=pager,
            corrections=tuple(
                CorrectionLine(
                    briefing=Link(
                        lx.text(item.loaded.briefing.title),
                        link(path, briefing_page(item.loaded.slug)),
                    ),
                    date_text=lx.date(item.correction.date),
                    iso=item.correction.date.iso(),
                    text=lx.text(item.correction.text),
                )
                for item in chunk
            ),
            feeds=feed_links(path, (FEED_CORRECTIONS_RSS, FEED_CORRECTIONS_JSON)),
            policy_href=trusted(f"{link(path, ABOUT)}#corrections"),
        )
        for path, chunk, pager in paginate(
            CORRECTIONS, all_corrections(lx.corpus.briefings), lx.page_sizes.briefings
        )
    ]


def about(lx: Localizer) -> AboutPage:
    masthead = lx.language.masthead
    return AboutPage(
        path=ABOUT,
        lang=lx.lang,
        title=None,
        description="",
        publisher=masthead.publisher,
        desk=masthead.desk,
        contact=masthead.contact,
        contact_href=masthead.contact_href,
        corrections_href=link(ABOUT, CORRECTIONS),
        feeds=feed_links(ABOUT, (FEED_RSS, FEED_JSON)),
        contribute_href=link(ABOUT, CONTRIBUTE / "index.md"),
    )


COMING_UP = 5  # expected events on the front page


SOON = dt.timedelta(days=90)  # an event known to the day this near keeps its place


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
