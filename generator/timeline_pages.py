"""The merged timeline in one language: every briefing's events, newest first,
on one page or by year and part.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from generator.corpus import (
    LoadedBriefing,
)
from generator.events import one_per_event
from generator.layout import (
    FEED_ICS,
    TIMELINE,
    link,
    timeline_page,
)
from generator.models import (
    TimelineEntry,
)
from generator.page_parts import by_label, event_key
from generator.pages import (
    Pager,
    TimelinePage,
    YearGroup,
)
from generator.paginate import paginate

if TYPE_CHECKING:
    from generator.localize import Localizer


def timelines(lx: Localizer) -> list[TimelinePage]:
    """The merged timeline: one page while it is short, else pages per year.

    Every event of every briefing on one page grows with the archive (10,000
    events at 1,000 briefings). Past ``page_sizes.timeline_events`` events the
    timeline page lists the years, and each year's events, newest first, fill
    as many pages of at most that many events as they need.
    """
    entries = [(e, loaded) for loaded in lx._newest_first for e in loaded.briefing.timeline]
    by_year: dict[int, list[tuple[TimelineEntry, LoadedBriefing]]] = defaultdict(list)
    for entry, loaded in entries:
        by_year[entry.date.year].append((entry, loaded))
    limit = lx.page_sizes.timeline_events
    if len(entries) <= limit:
        return [_timeline_page(lx, TIMELINE, sorted(by_year.items(), reverse=True))]
    used: set[tuple[object, ...]] = set()
    pages: list[TimelinePage] = []
    year_links = []
    for year in sorted(by_year, reverse=True):
        newest_first = sorted(
            by_year[year], key=lambda item: (item[0].date.sort_key, item[1].slug), reverse=True
        )
        # Pages of events, not of entries: an event several briefings record is never
        # cut in two by a page break (each page shows it once, events.py).
        texts = [lx._event(entry, loaded).text.text for entry, loaded in newest_first]
        events = one_per_event([(item[0], item) for item in newest_first], texts)
        parts = paginate(timeline_page(year), events, limit)
        pages += [
            _year_page(lx, path, year, [item for event in chunk for item in event], pager, used)
            for path, chunk, pager in parts
        ]
        hrefs = tuple(link(TIMELINE, path) for path, _, _ in parts)
        year_links.append((year, len(events), hrefs))
    for stale in lx._memo.timeline_pages.keys() - used:
        del lx._memo.timeline_pages[stale]
    index = lx._index(
        TimelinePage,
        TIMELINE,
        year_links=tuple(year_links),
        calendar=link(TIMELINE, FEED_ICS),
    )
    return [index, *pages]


def _year_page(
    lx: Localizer,
    path: PurePosixPath,
    year: int,
    chunk: Sequence[tuple[TimelineEntry, LoadedBriefing]],
    pager: Pager | None,
    used: set[tuple[object, ...]],
) -> TimelinePage:
    """A page of a year's events, made again only when the entries it lists change
    (an edit changes a year or two of a long timeline)."""
    entries = tuple(entry for entry, _ in chunk)
    key = (path, pager, *map(id, entries))
    used.add(key)
    known = lx._memo.timeline_pages.get(key)
    if known is None:
        page = _timeline_page(lx, path, [(year, chunk)], year, pager)
        slugs = frozenset(loaded.slug for _, loaded in chunk)
        known = lx._memo.timeline_pages[key] = (entries, slugs, page)
    return known[2]


def _timeline_page(
    lx: Localizer,
    path: PurePosixPath,
    groups: Sequence[tuple[int, Sequence[tuple[TimelineEntry, LoadedBriefing]]]],
    year: int | None = None,
    pager: Pager | None = None,
) -> TimelinePage:
    years = tuple(
        YearGroup(
            group_year,
            tuple(sorted(lx._one_per_event(items), key=event_key, reverse=True)),
        )
        for group_year, items in groups
    )
    events = [e for group in years for e in group.events]
    return lx._index(
        TimelinePage,
        path,
        years=years,
        year=year,
        pager=pager,
        index_href=link(path, TIMELINE) if year is not None else None,
        calendar=link(path, FEED_ICS) if year is None else None,
        filters=by_label((a, lx._actor_name(a)) for a in {a for e in events for a in e.actor_ids}),
        tag_filters=by_label(
            (t, lx.text(lx.corpus.tags[t].name)) for t in {t for e in events for t in e.tags}
        ),
    )
