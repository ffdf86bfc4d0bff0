"""Where things are and which languages the site has: one value for a whole run."""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from babel import Locale, UnknownLocaleError
from babel.lists import format_list

from generator.dates import PartialDate
from generator.layout import language_url
from generator.models import shorten, shown_language


@dataclass(frozen=True)
class PageSizes:
    """How much one page may list (the plugin's ``per_page`` option).

    Past it a listing continues on numbered pages, so that no page grows with
    the archive: a page's size, and the time to build it, stay the same at 100
    briefings and at 100,000.
    """

    briefings: int = 50  # the briefings index and a topic's page
    actor_briefings: int = 10  # an actor's page, with the events of those briefings
    timeline_events: int = 200  # the merged timeline: one page, else per year and part

    def __post_init__(self) -> None:
        for name, value in vars(self).items():
            if type(value) is not int or value < 1:
                raise ValueError(f"per_page: {name} must be a whole number of at least 1")

    @classmethod
    def from_option(cls, option: Mapping[str, object]) -> PageSizes:
        known = set(cls.__dataclass_fields__)
        unknown = sorted(set(option) - known)
        if unknown:
            raise ValueError(
                f"per_page: unknown {', '.join(unknown)}; known: {', '.join(sorted(known))}"
            )
        return cls(**option)  # type: ignore[arg-type]  # checked in __post_init__


# A contact is an email address (shown as a mailto: link) or a web address; one line,
# without the quotes and angle brackets that could end an attribute or a tag.
_EMAIL = re.compile(r"[^@\s\"'<>]+@[^@\s\"'<>]+\.[^@\s\"'<>.]+")
_WEB = re.compile(r"https?://[^\s\"'<>/]+\.[^\s\"'<>]+")
MASTHEAD_LENGTH = 200  # characters of a publisher's or a desk's name, or a contact


@dataclass(frozen=True)
class Masthead:
    """Who stands behind the site, as the About page, bylines, feeds and JSON-LD name
    them (the plugin's ``publisher``, ``contact`` and ``desk`` options). Empty values
    are filled in by ``Settings.masthead_of``: the publisher is then the site's name, the
    desk the publisher; no contact means the About page gives none."""

    publisher: str = ""
    contact: str = ""  # an email address or an http(s) address
    desk: str = ""  # the name that signs a briefing without authors

    def __post_init__(self) -> None:
        for name, value in vars(self).items():
            if type(value) is not str:
                raise ValueError(f"{name} must be text")
            if value != " ".join(value.split()) or len(value) > MASTHEAD_LENGTH:
                raise ValueError(
                    f"{name}: {shorten(value, 40)!r}: write it on one line, without "
                    f"leading or double spaces, in at most {MASTHEAD_LENGTH} characters"
                )
        if self.contact and not (_EMAIL.fullmatch(self.contact) or _WEB.fullmatch(self.contact)):
            raise ValueError(
                f"contact: {shorten(self.contact, 40)!r}: give an email address "
                "(desk@example.org) or a web address starting with https://"
            )

    @property
    def contact_href(self) -> str:
        """Where the contact leads: ``mailto:`` for an email address."""
        if self.contact and not self.contact.startswith(("http://", "https://")):
            return f"mailto:{self.contact}"
        return self.contact


@dataclass(frozen=True)
class Language:
    """One of the site's languages, as every output needs it: pages, feeds, JSON-LD and
    data files take a text, a date and a URL from here."""

    code: str
    name: str  # in itself, as a language switcher or a feed's title shows it
    site_url: str  # the whole site's, "" when none is set
    order: tuple[str, ...]  # the site's languages: a missing text falls back in this order
    # Who publishes and who signs unsigned briefings: every output with a byline needs it.
    masthead: Masthead = Masthead()

    @property
    def url(self) -> str:
        """Where this language's site is served."""
        return language_url(self.site_url, self.code)

    def url_of(self, code: str) -> str:
        """Where another of the site's languages is served, for links to a page's twin."""
        return language_url(self.site_url, code)

    def absolute(self, url: str, code: str | None = None) -> str:
        """A URL from the language's root (``layout.briefing_url``, a feed's path) as
        readers' programs need it, with the site's address; ``code``: in that language."""
        return f"{language_url(self.site_url, code or self.code)}{url}"

    def shown(self, texts: Mapping[str, str]) -> str:
        """The language a text is shown in: this one, else the first the text has."""
        return shown_language(texts, self.code, self.order)

    def text(self, texts: Mapping[str, str]) -> str:
        """A text as this language shows it (the fallback unmarked: for data files)."""
        return texts[self.shown(texts)]

    def names(self, names: Sequence[str]) -> str:
        """Names as a list in this language's words: "A, B and C", "A, B, dan C"."""
        return str(format_list(list(names), locale=self.code))

    def date(self, date: PartialDate, end: PartialDate | None = None) -> str:
        """A date, or a range from it to ``end``, as this language writes it."""
        return shown_date(date, end, self.code)


@functools.lru_cache(maxsize=65_536)  # the same dates recur on many pages
def shown_date(date: PartialDate, end: PartialDate | None, code: str) -> str:
    return date.format_range(end, code) if end else date.format(code)


@dataclass(frozen=True)
class Settings:
    """Set once from the plugin's options in mkdocs.yml (or the command line).

    ``languages`` is in site order; the first one is the default language,
    the one ``/`` leads to. Paths default to the fixed project layout.
    """

    root: Path
    languages: tuple[str, ...] = ("id", "en")
    language_names: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    site_url: str = ""
    site_name: str = "Briefings"
    page_sizes: PageSizes = PageSizes()
    masthead: Masthead = Masthead()  # as given; ``masthead_of`` fills in the defaults
    # Processes that load, render and write at once (1: all in this process).
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    # The day the site is built for: what is "coming up" is on or after it.
    today: dt.date = field(default_factory=lambda: build_date(os.environ))

    def __post_init__(self) -> None:
        if not self.languages:
            raise ValueError("configure at least one language")
        if type(self.jobs) is not int or self.jobs < 1:
            raise ValueError("jobs must be a whole number of at least 1")
        if len(set(self.languages)) != len(self.languages):
            raise ValueError(f"languages listed twice: {', '.join(self.languages)}")
        for code in self.languages:
            try:
                Locale.parse(code)
            except (UnknownLocaleError, ValueError):
                raise ValueError(f"language {code!r} is not a locale Babel knows") from None

    @property
    def default_language(self) -> str:
        return self.languages[0]

    def language(self, code: str) -> Language:
        return Language(
            code, self.language_name(code), self.site_url, self.languages, self.masthead_of()
        )

    def masthead_of(self) -> Masthead:
        """The masthead with its defaults: the site's name publishes, the publisher signs."""
        # (The site's name folded and cut to what an option may hold.)
        named = " ".join(self.site_name.split())[:MASTHEAD_LENGTH].strip()
        publisher = self.masthead.publisher or named
        return Masthead(publisher, self.masthead.contact, self.masthead.desk or publisher)

    def language_name(self, code: str) -> str:
        """The language's name in itself, as a language switcher shows it."""
        if code in self.language_names:
            return self.language_names[code]
        name = Locale.parse(code).get_display_name(code) or code
        return name[:1].upper() + name[1:]

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def briefings_dir(self) -> Path:
        return self.content_dir / "briefings"

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def templates_dir(self) -> Path:
        return self.root / "templates"

    @property
    def locales_dir(self) -> Path:
        return self.root / "locales"

    @property
    def overrides_dir(self) -> Path:
        return self.root / "overrides"

    @property
    def out_dir(self) -> Path:
        """Generated Markdown and per-language MkDocs configs (never committed)."""
        return self.root / "build"

    def language_site_url(self, lang: str) -> str:
        """The language's absolute URL, or "" when the site has none (see layout)."""
        return language_url(self.site_url, lang) if self.site_url else ""


# MkDocs writes the build time into sitemap.xml.gz, whose header has 32 bits for it.
MAX_EPOCH = 2**32 - 1


def build_date(environ: Mapping[str, str]) -> dt.date:
    """The build's day: from SOURCE_DATE_EPOCH when set (the reproducible-builds
    convention, so that a build and its tests give the same site any day), else today;
    in UTC."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return dt.datetime.now(dt.UTC).date()
    # (More than ten digits is out of range, or zeros that Python's int() may refuse.)
    if not (epoch.isascii() and epoch.isdigit()) or len(epoch) > 10 or int(epoch) > MAX_EPOCH:
        raise ValueError(
            f"SOURCE_DATE_EPOCH={shorten(epoch, 24)!r}: give the build time as whole seconds "
            f"since 1970-01-01 UTC, from 0 to {MAX_EPOCH} (2106-02-07), or unset it"
        )
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
