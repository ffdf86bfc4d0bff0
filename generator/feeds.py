"""Feeds, in RSS 2.0 and JSON Feed 1.1, of whatever a reader follows: the site, a topic,
an actor, the corrections.

Each feed is gathered as a ``Feed`` of ``Item``s and written by one encoder per format,
so the two formats say the same things and escape them the same way: feed readers
render RSS titles and descriptions and JSON Feed's ``content_html`` as HTML
(``encode.html_text``, ``encode.html_paragraphs``); every other JSON Feed text is plain.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from email.utils import format_datetime
from typing import Any
from xml.etree import ElementTree as ET

from generator.encode import html_paragraphs, html_text, json_bytes

ITEMS = 50  # a feed holds the latest, not the archive


@dataclass(frozen=True)
class Item:
    """One entry: ``text`` is plain, paragraphs apart by a blank line. ``permalink``:
    whether its id is the address a reader opens (RSS's ``isPermaLink``). A JSON Feed
    item has ``summary`` and ``tags`` only when they are given."""

    id: str
    url: str
    title: str
    text: str
    published: dt.date
    summary: str | None = None
    modified: dt.date | None = None
    authors: tuple[str, ...] = ()
    image: str | None = None
    tags: tuple[str, ...] | None = None
    permalink: bool = True


@dataclass(frozen=True)
class Feed:
    """What both formats say of one feed; ``url``: where its JSON Feed is served."""

    title: str
    description: str
    home: str
    url: str
    language: str
    items: Sequence[Item]
    updated: dt.date | None = None


def _midnight(date: dt.date) -> dt.datetime:
    return dt.datetime.combine(date, dt.time(), tzinfo=dt.UTC)


def rss(feed: Feed) -> bytes:
    """The feed as RSS 2.0: HTML-escaped here (``encode``'s rule), then XML-escaped by
    ElementTree."""
    rss_el = ET.Element("rss", version="2.0")
    channel = ET.SubElement(rss_el, "channel")
    ET.SubElement(channel, "title").text = html_text(feed.title)
    ET.SubElement(channel, "link").text = feed.home
    ET.SubElement(channel, "description").text = html_text(feed.description)
    ET.SubElement(channel, "language").text = feed.language
    if feed.updated is not None:
        ET.SubElement(channel, "lastBuildDate").text = format_datetime(_midnight(feed.updated))
    for item in feed.items[:ITEMS]:
        entry = ET.SubElement(channel, "item")
        ET.SubElement(entry, "title").text = html_text(item.title)
        ET.SubElement(entry, "link").text = item.url
        permalink = "true" if item.permalink else "false"
        ET.SubElement(entry, "guid", isPermaLink=permalink).text = item.id
        ET.SubElement(entry, "description").text = html_paragraphs(item.text)
        ET.SubElement(entry, "pubDate").text = format_datetime(_midnight(item.published))
    xml: bytes = ET.tostring(rss_el, encoding="utf-8", xml_declaration=True)
    return xml + b"\n"


def json_feed(feed: Feed) -> bytes:
    """The feed as JSON Feed 1.1 (``encode.json_bytes``: safe even inlined in a page)."""
    return json_bytes(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": feed.title,
            "home_page_url": feed.home,
            "feed_url": feed.url,
            "language": feed.language,
            "items": [_json_item(item) for item in feed.items[:ITEMS]],
        }
    )


def _json_item(item: Item) -> dict[str, Any]:
    found: dict[str, Any] = {"id": item.id, "url": item.url, "title": item.title}
    if item.summary is not None:
        found["summary"] = item.summary
    found["content_text"] = item.text
    found["content_html"] = html_paragraphs(item.text)
    found["date_published"] = _midnight(item.published).isoformat()
    if item.modified is not None:
        found["date_modified"] = _midnight(item.modified).isoformat()
    if item.authors:
        found["authors"] = [{"name": name} for name in item.authors]
    if item.image is not None:
        found["image"] = item.image
    if item.tags is not None:
        found["tags"] = list(item.tags)
    return found
