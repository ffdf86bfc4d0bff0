"""The MkDocs configuration of one language's build, derived from the root mkdocs.yml.

Each language is built on its own into ``site/<lang>/``, so it gets its own
``<html lang>``, interface language, navigation and search index. The config
written here inherits everything else from the root ``mkdocs.yml`` and is
plain YAML, so any MkDocs-compatible engine can build the generated tree:
``mkdocs build -f build/<lang>/mkdocs.yml``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import PurePosixPath
from urllib.parse import urlsplit

import yaml
from babel.core import Locale, get_global

from generator.finished_html import NAME as FINISHED_HTML
from generator.layout import (
    ABOUT,
    ACTORS,
    ARCHIVE,
    BRIEFINGS,
    CONTRIBUTE,
    CORRECTIONS,
    FEED_CORRECTIONS_JSON,
    FEED_CORRECTIONS_RSS,
    FEED_ICS,
    FEED_JSON,
    FEED_RSS,
    HOME,
    TAGS,
    TIMELINE,
    TIMELINES,
    language_url,
    page_url,
    timeline_view,
)
from generator.settings import Settings

# The readers' navigation: the front page, these, the hand-written pages at the top of the
# language's folder, then About. The search page is reached from the header's search box,
# the corrections from every page's footer.
GENERATED_NAV = (
    BRIEFINGS / "index.md",
    TIMELINE,
    ACTORS / "index.md",
    TAGS / "index.md",
)
# Pages reached from index pages, not from the navigation: listing every
# briefing in every page's navigation makes the site grow with the square of
# its size.
NOT_IN_NAV = (
    f"/{BRIEFINGS}/*.md",
    f"/{timeline_view('*')}",
    f"/{ARCHIVE}/*.md",
    f"/{ACTORS}/*.md",
    f"/{ACTORS}/*/*.md",
    f"/{TAGS}/*.md",
    f"/{TAGS}/*/*.md",
    f"/{TIMELINES}/*.md",
    f"/{TIMELINES}/*/*.md",
    f"/{CONTRIBUTE}/",
    f"/{CORRECTIONS}",
    f"/{CORRECTIONS.with_suffix('')}/*.md",
)


NO_MATCH = "No briefing or page matches “#”. Check the spelling, or try another word."


def language_config(
    settings: Settings,
    lang: str,
    handwritten: Sequence[PurePosixPath],
    gettext: Callable[[str], str] = str,
    not_found: str = "",
) -> bytes:
    """``gettext``: the language's catalog, for the words the theme shows (its footer);
    ``not_found``: what its 404 page says (templates/not_found.html.j2, as HTML)."""
    pages = sorted(p for p in handwritten if p.suffix == ".md")
    others = [p for p in pages if p.parent == PurePosixPath(".")]
    nav = [str(p) for p in (HOME, *GENERATED_NAV, *others, ABOUT)]
    corrections = gettext("Corrections")
    config = {
        "INHERIT": "../../mkdocs.yml",
        "docs_dir": "docs",
        # Timeline entries link by URL in this form (see localize.url_depth).
        "use_directory_urls": True,
        "site_dir": f"../../site/{lang}",
        "theme": {"language": lang, "custom_dir": "../../overrides"},
        "extra": {
            # The language switcher's entries, and every page's hreflang twins (url: the
            # language's root, to which the theme adds the page's own URL).
            "alternate": [
                {
                    "name": settings.language_name(code),
                    # From the site's root: the 404 page, served at any depth, links by it.
                    "link": urlsplit(language_url(settings.site_url, code)).path,
                    "lang": code,
                    "url": settings.language(code).url,
                }
                for code in settings.languages
            ],
            "briefings": {
                "lang": lang,
                "default_language": settings.default_language,
                "og_locale": og_locale(lang),
                "og_alternates": [og_locale(code) for code in settings.languages if code != lang],
                # For the theme's <head>: the paths come from layout, like every other.
                "feeds": {"rss": str(FEED_RSS), "json": str(FEED_JSON)},
                "corrections_feeds": {
                    "title": f"{settings.site_name}: {corrections}",
                    "rss": str(FEED_CORRECTIONS_RSS),
                    "json": str(FEED_CORRECTIONS_JSON),
                },
                # Every page's footer: the readers' page, the corrections, the feeds, the calendar
                # (and the other languages: overrides/partials/copyright.html).
                "footer": [
                    {"label": gettext("About"), "url": page_url(ABOUT)},
                    {"label": corrections, "url": page_url(CORRECTIONS)},
                    {"label": "RSS", "url": str(FEED_RSS)},
                    {"label": "JSON Feed", "url": str(FEED_JSON)},
                    {"label": "iCalendar", "url": str(FEED_ICS)},
                ],
                # The header's search says so when nothing matches, as the search page
                # does (templates/search.md.j2 holds the message for the catalogs).
                "search_none": gettext(NO_MATCH),
                # Pages under it stay out of the search index (overrides/main.html).
                "unlisted": f"{CONTRIBUTE}/",
                # The 404 page's title and words (overrides/404.html).
                "not_found": {"title": gettext("Page not found"), "html": not_found},
            },
        },
        "nav": nav,
        "not_in_nav": "\n".join(NOT_IN_NAV),
        # The briefings plugin orchestrates the root build; a language build only keeps
        # finished HTML from Python-Markdown's parser (search is Pagefind, run after).
        "plugins": [FINISHED_HTML],
    }
    if settings.site_url:
        config["site_url"] = settings.language_site_url(lang)
    header = (
        "# Generated by the briefings plugin from ../../mkdocs.yml; edits are overwritten.\n"
        f"# Build this language alone with: mkdocs build -f build/{lang}/mkdocs.yml\n"
    )
    body = yaml.safe_dump(config, allow_unicode=True, sort_keys=False)
    return (header + body).encode()


def og_locale(lang: str) -> str:
    """Open Graph's form of a language: ``id_ID``, ``en_US`` (its likeliest country)."""
    likely = Locale.parse(get_global("likely_subtags").get(lang, lang))
    return f"{likely.language}_{likely.territory}" if likely.territory else likely.language
