"""The engine boundary: the generated trees build with Zensical as with MkDocs.

Both engines read the same per-language ``mkdocs.yml``; what a reader gets in each
page's article must not depend on which one built it. The differences that remain
are listed in ARCHITECTURE.md ("Engines") and asserted here, so that a new one shows.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import built_once, copy_project, run_cli

pytestmark = pytest.mark.slow

# Highlighted code: Zensical wraps each block in one more <div>, and the two split
# tokens into <span>s differently.
IGNORED_TAGS = {"span", "div"}
VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source"}


class _Article(HTMLParser):
    """A page's <title>, and its <article>'s text and element names in order."""

    def __init__(self) -> None:
        super().__init__()
        self.title = ""
        self.tags: list[str] = []
        self._text: list[str] = []
        self._depth = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in_title = self._in_title or tag == "title"
        if self._depth:
            # Zensical puts the "skip to content" link's target inside the article.
            if tag not in IGNORED_TAGS and ("id", "__skip") not in attrs:
                self.tags.append(tag)
            self._depth += tag not in VOID
        elif tag == "article":
            self._depth = 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if self._depth and tag not in VOID:
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if self._depth:
            self._text.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self._text).split())


def read(page: Path) -> _Article:
    parsed = _Article()
    parsed.feed(page.read_text(encoding="utf-8"))
    return parsed


def pages(site: Path) -> set[str]:
    return {
        page.relative_to(site).as_posix()
        for page in site.rglob("*.html")
        if "pagefind" not in page.relative_to(site).parts
    }


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_once(tmp_path_factory, "zensical", build_with_zensical)


def build_with_zensical(dest: Path) -> Path:
    project = copy_project(dest)
    result = run_cli(project, "build", "--engine", "zensical", timeout=900, real=True)
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_zensical_builds_every_page_mkdocs_builds(shipped_site: Path, zensical_site: Path) -> None:
    assert pages(zensical_site) == pages(shipped_site)


def test_every_article_reads_the_same_from_both_engines(
    shipped_site: Path, zensical_site: Path
) -> None:
    differing = []
    built = sorted(rel for rel in pages(shipped_site) if rel.split("/")[0] in ("id", "en"))
    for rel in built:
        mkdocs, zensical = read(shipped_site / rel), read(zensical_site / rel)
        assert mkdocs.text, f"{rel}: no article text"
        if (mkdocs.text, mkdocs.tags) != (zensical.text, zensical.tags):
            differing.append(rel)
        assert mkdocs.title == zensical.title, rel
    assert differing == []


def test_zensical_site_is_searchable_in_each_language(zensical_site: Path) -> None:
    for lang in ("id", "en"):
        assert (zensical_site / lang / "pagefind" / "pagefind.js").is_file()
        assert (zensical_site / lang / "sitemap.xml").is_file()
