"""``briefings compare BASE_SITE HEAD_SITE``: the pages a change adds, changes and removes.

Two built sites (a pull request's base and its head) are compared page by page, in
each language: a page is changed when its main content (the ``<article>`` readers
see) differs, leaving out what varies without a change of content: the theme's asset
hashes, the hidden fields only the search index reads, and white space. Both sites are
to be built the same day (what is "coming up" depends on it). With ``--markdown`` the
lists are GitHub Markdown for a pull request's job summary, every title and path
escaped there by :func:`generator.terminal.summary_text`.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from generator.models import LANG_PATTERN
from generator.terminal import summary_text

Kind = Literal["added", "changed", "removed"]
KINDS: tuple[Kind, ...] = ("added", "changed", "removed")

# The link to the built site: a plain https address, with nothing that could end a
# Markdown link's destination or start markup.
_SAFE_URL = re.compile(r"https://[A-Za-z0-9._~/?#=&%:+-]+")


@dataclass(frozen=True, order=True)
class PageChange:
    language: str
    path: str  # the page's file in the site, e.g. en/briefings/x/index.html
    kind: Kind
    title: str


class CompareError(Exception):
    pass


def safe_link(url: str) -> str:
    """``url`` if it may stand as a link in the summary; else CompareError."""
    if not _SAFE_URL.fullmatch(url):
        raise CompareError(f"{url!r} is not a plain https:// address")
    return url


def languages(site: Path) -> list[str]:
    """The languages of a built site: its top folders that hold a home page."""
    return sorted(
        folder.name
        for folder in site.iterdir()
        if re.fullmatch(LANG_PATTERN, folder.name) and (folder / "index.html").is_file()
    )


def _pages(site: Path, language: str) -> dict[str, Path]:
    """Each page of a language (``index.html`` in a folder), by its path in the site."""
    root = site / language
    if not root.is_dir():
        return {}
    return {page.relative_to(site).as_posix(): page for page in root.rglob("index.html")}


_ARTICLE = re.compile(r"<article\b[^>]*>(.*)</article>", re.S)
_BODY = re.compile(r"<body\b[^>]*>(.*)</body>", re.S)
_SEARCH_ONLY = re.compile(r"<span hidden data-pagefind-[a-z]+=[^>]*>.*?</span>", re.S)
_ASSET_HASH = re.compile(r"\.[0-9a-f]{8}(\.min\.(?:css|js))")
_SPACE = re.compile(r"\s+")


def main_content(page: str) -> str:
    """What readers see of a page, as compared: its article (or body), without what
    varies from build to build of the same content."""
    found = _ARTICLE.search(page) or _BODY.search(page)
    main = found.group(1) if found else page
    main = _SEARCH_ONLY.sub("", main)
    main = _ASSET_HASH.sub(r"\1", main)
    return _SPACE.sub(" ", main).strip()


_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
_TAG = re.compile(r"<[^>]*>")


def title(page: str) -> str:
    """The page's heading as readers see it (else its ``<title>``), as plain text."""
    found = _H1.search(main_content(page)) or _TITLE.search(page)
    if found is None:
        return ""
    text = _TAG.sub("", _HEADERLINK.sub("", found.group(1)))
    return _SPACE.sub(" ", html.unescape(text)).strip()


def compare(base: Path, head: Path) -> list[PageChange]:
    """The pages ``head`` adds, changes and removes against ``base``, by language and path."""
    for site in (base, head):
        if not (site.is_dir() and languages(site)):
            raise CompareError(f"{site} is not a built site (no <language>/index.html in it)")
    return sorted(_changes(base, head))


def _changes(base: Path, head: Path) -> Iterator[PageChange]:
    for language in sorted({*languages(base), *languages(head)}):
        before, after = _pages(base, language), _pages(head, language)
        for path in sorted(before.keys() | after.keys()):
            old = before[path].read_text(encoding="utf-8") if path in before else None
            new = after[path].read_text(encoding="utf-8") if path in after else None
            if old is None and new is not None:
                yield PageChange(language, path, "added", title(new))
            elif new is None and old is not None:
                yield PageChange(language, path, "removed", title(old))
            elif old is not None and new is not None and main_content(old) != main_content(new):
                yield PageChange(language, path, "changed", title(new))


def _count(changes: list[PageChange], kind: Kind) -> str:
    return f"{sum(1 for c in changes if c.kind == kind)} {kind}"


def markdown(changes: list[PageChange], link: str | None = None) -> str:
    """The changes as GitHub Markdown: a table a language, each page's title linked to
    the built site (``link``; a removed page has none), its path beside it."""
    lines = ["", "### Pages this pull request adds, changes and removes", ""]
    if link:
        lines += [
            f"Each title links to the [built site]({safe_link(link)}) (the `site` artifact); "
            "the file is the page's place in it.",
            "",
        ]
    if not changes:
        return "\n".join([*lines, "The built site has the same pages, with the same content."])
    for language in sorted({c.language for c in changes}):
        own = [c for c in changes if c.language == language]
        counts = ", ".join(_count(own, kind) for kind in KINDS)
        lines += [f"#### {summary_text(language)}: {counts}", ""]
        lines += ["| Change | Page | File |", "| --- | --- | --- |"]
        for kind in KINDS:
            for change in (c for c in own if c.kind == kind):
                shown = summary_text(change.title) or "(no title)"
                if link and kind != "removed":
                    shown = f"[{shown}]({link})"
                lines.append(f"| {kind} | {shown} | {summary_text(change.path)} |")
        lines.append("")
    return "\n".join(lines).rstrip("\n")
