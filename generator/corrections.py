"""The corrections of every briefing as a newsroom keeps them: one list, newest first,
which the corrections page (``Localizer.corrections``) and its feeds (here) both show.

A correction is dated and never edited away; readers who follow the corrections feed
learn of each as it is published, apart from the briefings' own feeds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from generator.corpus import LoadedBriefing, corrections_in_order
from generator.feeds import ITEMS, Feed, Item, json_feed, rss
from generator.layout import (
    CORRECTIONS,
    FEED_CORRECTIONS_JSON,
    FEED_CORRECTIONS_RSS,
    briefing_url,
    page_url,
)
from generator.models import Correction
from generator.settings import Language


@dataclass(frozen=True)
class Listed:
    """A correction and its briefing; ``number``: its place among the briefing's
    corrections by date, from 1, which names it in the feeds' ids."""

    loaded: LoadedBriefing
    correction: Correction
    number: int


def all_corrections(briefings: Sequence[LoadedBriefing]) -> list[Listed]:
    """Every correction, newest first; on the same day, the newer briefing's first (by
    its date, then slug), and within a briefing the one written later in its list."""
    listed = [
        Listed(loaded, correction, number)
        for loaded in briefings
        for number, correction in enumerate(
            corrections_in_order(loaded.briefing.corrections), start=1
        )
    ]
    listed.sort(
        key=lambda item: (
            item.correction.date.sort_key,
            item.loaded.briefing.published.sort_key,
            item.loaded.slug,
            item.number,
        ),
        reverse=True,
    )
    return listed


def correction_feeds(
    briefings: Sequence[LoadedBriefing], language: Language, site_name: str, label: str
) -> dict[PurePosixPath, bytes]:
    """The corrections feeds of one language, RSS 2.0 and JSON Feed, by path; ``label``:
    the language's word for corrections (from its catalog), in the feeds' titles."""
    listed = all_corrections(briefings)[:ITEMS]
    title = f"{site_name}: {label}"
    feed = Feed(
        title=title,
        description=title,
        home=language.absolute(page_url(CORRECTIONS)),
        url=language.absolute(str(FEED_CORRECTIONS_JSON)),
        language=language.code,
        items=[_item(item, language) for item in listed],
        updated=listed[0].correction.date.first_day() if listed else None,
    )
    return {FEED_CORRECTIONS_RSS: rss(feed), FEED_CORRECTIONS_JSON: json_feed(feed)}


def _item(item: Listed, language: Language) -> Item:
    """A correction as a feed item: read at its briefing's corrections, named by the
    page's URL with the correction's number, the same in every build."""
    page = language.absolute(briefing_url(item.loaded.slug))
    return Item(
        id=f"{page}#correction-{item.number}",
        url=f"{page}#corrections",
        title=language.text(item.loaded.briefing.title),
        text=language.text(item.correction.text),
        published=item.correction.date.first_day(),
        permalink=False,
    )
