"""The corrections of every briefing as a newsroom keeps them: one list, newest first,
which the corrections page (``Localizer.corrections``) and its feeds (here) both show.

A correction is dated and never edited away; readers who follow the corrections feed
learn of each as it is published, apart from the briefings' own feeds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from email.utils import format_datetime
from pathlib import PurePosixPath
from xml.etree import ElementTree as ET

from generator.corpus import LoadedBriefing, corrections_in_order
from generator.encode import html_paragraphs, html_text, json_bytes
from generator.layout import (
    CORRECTIONS,
    FEED_CORRECTIONS_JSON,
    FEED_CORRECTIONS_RSS,
    briefing_url,
    page_url,
)
from generator.models import Correction
from generator.settings import Language

FEED_ITEMS = 50  # as the other feeds: the latest, not the archive


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
    listed = all_corrections(briefings)[:FEED_ITEMS]
    title = f"{site_name}: {label}"
    return {
        FEED_CORRECTIONS_RSS: _rss(listed, language, title),
        FEED_CORRECTIONS_JSON: _json_feed(listed, language, title),
    }


def _midnight(item: Listed) -> dt.datetime:
    return dt.datetime.combine(item.correction.date.first_day(), dt.time(), tzinfo=dt.UTC)


def _links(item: Listed, language: Language) -> tuple[str, str]:
    """Where a reader reads it (the briefing's corrections) and its own id: the page's
    URL with the correction's number, the same in every build."""
    page = language.absolute(briefing_url(item.loaded.slug))
    return f"{page}#corrections", f"{page}#correction-{item.number}"


def _rss(listed: Sequence[Listed], language: Language, title: str) -> bytes:
    rss_el = ET.Element("rss", version="2.0")
    channel = ET.SubElement(rss_el, "channel")
    home = language.absolute(page_url(CORRECTIONS))
    # Feed readers render titles and descriptions as HTML: escaped here (encode's
    # rule), and again for XML by ElementTree.
    ET.SubElement(channel, "title").text = html_text(title)
    ET.SubElement(channel, "link").text = home
    ET.SubElement(channel, "description").text = html_text(title)
    ET.SubElement(channel, "language").text = language.code
    if listed:
        ET.SubElement(channel, "lastBuildDate").text = format_datetime(_midnight(listed[0]))
    for item in listed:
        link, guid = _links(item, language)
        entry = ET.SubElement(channel, "item")
        ET.SubElement(entry, "title").text = html_text(language.text(item.loaded.briefing.title))
        ET.SubElement(entry, "link").text = link
        ET.SubElement(entry, "guid", isPermaLink="false").text = guid
        text = language.text(item.correction.text)
        ET.SubElement(entry, "description").text = html_paragraphs(text)
        ET.SubElement(entry, "pubDate").text = format_datetime(_midnight(item))
    xml: bytes = ET.tostring(rss_el, encoding="utf-8", xml_declaration=True)
    return xml + b"\n"


def _json_feed(listed: Sequence[Listed], language: Language, title: str) -> bytes:
    items = []
    for item in listed:
        link, guid = _links(item, language)
        text = language.text(item.correction.text)
        items.append(
            {
                "id": guid,
                "url": link,
                "title": language.text(item.loaded.briefing.title),
                "content_text": text,
                "content_html": html_paragraphs(text),
                "date_published": _midnight(item).isoformat(),
            }
        )
    return json_bytes(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": title,
            "home_page_url": language.absolute(page_url(CORRECTIONS)),
            "feed_url": language.absolute(str(FEED_CORRECTIONS_JSON)),
            "language": language.code,
            "items": items,
        }
    )
