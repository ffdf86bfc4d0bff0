"""Where generated pages and files live in a language's docs tree, and where they are served.

Every language keeps MkDocs' directory URLs (``a/b.md`` at ``a/b/``), which the
finished HTML of timeline entries relies on. Paths come from validated ids only.
"""

from __future__ import annotations

import functools
from pathlib import PurePosixPath

from markupsafe import Markup

from generator.markup import trusted

# Where generated pages live inside each language's docs tree.
HOME = PurePosixPath("index.md")  # the front page: latest briefings, what is coming up
BRIEFINGS = PurePosixPath("briefings")
ACTORS = PurePosixPath("actors")
TAGS = PurePosixPath("tags")
TIMELINE = PurePosixPath("timeline.md")
SEARCH = PurePosixPath("search.md")
# The readers' page: who publishes, editorial standards, corrections policy, contact.
ABOUT = PurePosixPath("about.md")
# Every correction of every briefing, newest first (continued at corrections/2.md ...).
CORRECTIONS = PurePosixPath("corrections.md")
# Pages for contributors and maintainers, hand-written or generated: reached from the
# About page, never from the readers' navigation or search.
CONTRIBUTE = PurePosixPath("contribute")
STATUS = CONTRIBUTE / "status.md"
ARCHIVE = PurePosixPath("archive")  # older pages of the briefings index
TIMELINES = PurePosixPath("timeline")  # a long timeline's pages, per year
# Files served as they are: feeds in a folder of their own (see generator/export.py
# for why), data for other programs.
FEEDS = PurePosixPath("feeds")
FEED_RSS = FEEDS / "feed.xml"
FEED_JSON = FEEDS / "feed.json"
FEED_ICS = FEEDS / "events.ics"  # the timeline as a calendar
# The corrections as they are published, one item a correction.
FEED_CORRECTIONS_RSS = FEEDS / "corrections.xml"
FEED_CORRECTIONS_JSON = FEEDS / "corrections.json"
CARDS = PurePosixPath("cards")  # share cards, a PNG a briefing (generator/cards.py)
DATA = PurePosixPath("data")
BRIEFINGS_DATA = DATA / "briefings.json"
# Files of the site's top folder, beside the languages' folders.
TOP_PAGE = PurePosixPath("index.html")  # sends a reader to a language
# GitHub Pages serves it for every missing path: the default language's own 404 page
# (each language's build makes one, with the site's header and search).
NOT_FOUND = PurePosixPath("404.html")
# TimelineJS's script, styles and locales, copied by the build from the npm package
# (generator/build.py): one copy for every language's timeline pages.
TIMELINEJS = PurePosixPath("timelinejs")
SITEMAP_INDEX = PurePosixPath("sitemap.xml")
ROBOTS = PurePosixPath("robots.txt")
TOP_FILES = (TOP_PAGE, SITEMAP_INDEX, ROBOTS)  # generated; the 404 page is copied
# Each folder's list page is <folder>/index.md (briefings, actors, topics), so no
# briefing slug, actor id or topic id may be "index": its page would replace the list.
RESERVED_IDS = frozenset({"index"})


def docs_tree(lang: str) -> PurePosixPath:
    """A language's docs tree inside the generator's output folder (beside its
    mkdocs.yml): every path above is inside it."""
    return PurePosixPath(lang, "docs")


def language_url(site_url: str, lang: str) -> str:
    """Where a language's site is served: ``https://example.org/briefings/en/`` under
    the site's URL, or ``/en/`` when none is set. Every absolute URL of a page, a feed
    or a data file starts here."""
    return f"{site_url.rstrip('/')}/{lang}/" if site_url else f"/{lang}/"


@functools.cache  # ids repeat on every page that links them
def briefing_page(slug: str) -> PurePosixPath:
    """``briefings/<slug>.md``, served at ``briefings/<slug>/``.

    A file, not ``<slug>/index.md``: the same URL without a folder a briefing, and
    making a folder costs the kernel about as much as writing a small page.
    """
    return BRIEFINGS / f"{slug}.md"


@functools.cache  # every page listing the briefing links it
def briefing_url(slug: str) -> str:
    """Where ``briefing_page(slug)`` is served, from the language's root."""
    return page_url(briefing_page(slug))


def briefing_image(slug: str, name: str) -> PurePosixPath:
    """A briefing's own image, in the folder of its page's URL, where the page's
    ``<img src="name">`` finds it."""
    return BRIEFINGS / slug / name


def briefing_image_url(base: str, slug: str, file: str | None, url: str | None) -> str:
    """Where a reader's program finds a briefing's own image: its ``url`` when it is
    elsewhere, else its ``file`` as published beside the page in the site at ``base``."""
    return url or f"{base}{briefing_image(slug, file or '')}"


@functools.cache  # ids repeat on every page that links them
def actor_page(actor_id: str) -> PurePosixPath:
    return ACTORS / f"{actor_id}.md"


@functools.cache  # ids repeat on every page that links them
def actor_url(actor_id: str) -> str:
    """Where ``actor_page(actor_id)`` is served, from the language's root."""
    return page_url(actor_page(actor_id))


def card_file(slug: str) -> PurePosixPath:
    """A briefing's share card: the picture of its link previews."""
    return CARDS / f"{slug}.png"


def timeline_page(year: int) -> PurePosixPath:
    return TIMELINES / f"{year}.md"


def timeline_data(slug: str) -> PurePosixPath:
    """A briefing's timeline for TimelineJS."""
    return DATA / "timelines" / f"{slug}.json"


def timeline_view(slug: str) -> PurePosixPath:
    """A briefing's timeline shown by TimelineJS, its events listed too: served at
    ``briefings/<slug>/timeline/``, in the folder of the briefing's URL (beside its image,
    whose name has a suffix)."""
    return BRIEFINGS / slug / "timeline.md"


@functools.cache  # ids repeat on every page that links them
def tag_page(tag_id: str) -> PurePosixPath:
    return TAGS / f"{tag_id}.md"


def actor_feeds(actor_id: str) -> tuple[PurePosixPath, PurePosixPath]:
    """An actor's own feeds, RSS and JSON Feed: the briefings naming them."""
    return FEEDS / "actors" / f"{actor_id}.xml", FEEDS / "actors" / f"{actor_id}.json"


def tag_feeds(tag_id: str) -> tuple[PurePosixPath, PurePosixPath]:
    """A topic's own feeds, RSS and JSON Feed: the briefings on it."""
    return FEEDS / "topics" / f"{tag_id}.xml", FEEDS / "topics" / f"{tag_id}.json"


def later_page(first: PurePosixPath, number: int) -> PurePosixPath:
    """Where page ``number`` (2, 3, ...) of the listing that starts at ``first`` lives.

    ``actors/x.md`` continues at ``actors/x/2.md``; the briefings index, whose
    folder holds the briefings themselves, at ``archive/2.md``.
    """
    if number == 1:
        return first
    if first == BRIEFINGS / "index.md":
        return ARCHIVE / f"{number}.md"
    return first.with_suffix("") / f"{number}.md"


def link(from_page: PurePosixPath, to_page: PurePosixPath) -> Markup:
    """A relative Markdown link between two pages of one language tree.

    Built from validated ids only, so it is markup we trust; MkDocs checks
    that it resolves and turns it into the page's URL. (Up to the root and down
    again: simpler and much faster than posixpath.relpath, and MkDocs
    normalises the URL it writes.)
    """
    return _link(len(from_page.parts) - 1, str(to_page))


def from_root(url: str) -> Markup:
    """A URL from the language's root (``briefing_url``, ``actor_url``) as trusted markup,
    for HTML whose links start at the root (see ``url_depth``)."""
    return _link(0, url)


def way_up(page: PurePosixPath) -> Markup:
    """From where ``page`` is served up to the language's root: ``../../``."""
    return _link(url_depth(page), "")


def to_top(page: PurePosixPath, target: PurePosixPath) -> Markup:
    """From where ``page`` is served to ``target`` in the site's top folder (beside the
    languages' folders): ``../../../timelinejs/``."""
    return _link(url_depth(page) + 1, f"{target}/")


@functools.lru_cache(maxsize=65_536)
def _link(depth: int, target: str) -> Markup:
    """The one relative link: ``depth`` folders up, then down to ``target``."""
    return trusted("../" * depth + target)


def page_url(page: PurePosixPath) -> str:
    """Where a page is served, from the language's root: ``a/b.md`` and ``a/b/index.md``
    both at ``a/b/``, ``index.md`` at the root itself ("")."""
    folder = page.parent if page.name == "index.md" else page.with_suffix("")
    return "" if folder == PurePosixPath(".") else f"{folder.as_posix()}/"


def pages_at(url: str) -> tuple[PurePosixPath, ...]:
    """The pages served at ``url`` (from the language's root), the other way round from
    ``page_url``: ``a/b.md`` and ``a/b/index.md`` at ``a/b/``, ``index.md`` at ""."""
    if not url:
        return (PurePosixPath("index.md"),)
    return (PurePosixPath(f"{url.removesuffix('/')}.md"), PurePosixPath(url, "index.md"))


def in_language(page: PurePosixPath, lang: str) -> str:
    """The URL of ``page`` in the tree of ``lang``, relative to the URL of ``page`` in
    any language's tree (the way to a page's twin, as raw HTML links need it)."""
    return str(_link(url_depth(page) + 1, f"{lang}/{page_url(page)}"))


def url_depth(page: PurePosixPath) -> int:
    """How many folders deep a page is served: ``a/b.md`` at ``a/b/``, ``a/index.md`` at ``a/``.

    Timeline entries are finished HTML, whose links MkDocs leaves as they are, so they
    link by URL (directory URLs, which every language's mkdocs.yml keeps), not by file.
    """
    return len(page.parts) - 1 if page.name == "index.md" else len(page.parts)
