"""Hostile content shows as the literal text typed: no script, handler or odd link reaches a page."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from conftest import HOSTILE_SLUG as SLUG


class Scan(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__()
        self.scripts: list[str] = []
        self.handlers: list[str] = []
        self.urls: list[str] = []
        self.tags: list[str] = []
        self.jsonld: list[str] = []
        self._in_script = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        if tag == "script":
            self._in_script = True
            if values.get("type") == "application/ld+json":
                self.scripts.append("json-ld")  # data, checked by the test below
            else:
                self.scripts.append(Path(values.get("src") or "").name or "inline")
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.handlers.append(f"{tag} {name}")
            if name in ("href", "src", "action", "formaction") and value:
                self.urls.append(value)

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and self.scripts and self.scripts[-1] == "json-ld":
            self.jsonld.append(data)
        if self._in_script and self.scripts and self.scripts[-1] == "inline":
            # Inline theme scripts differ only by relative paths; their start names them.
            self.scripts[-1] = "inline:" + data.strip()[:12]


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "pagefind" not in p.parts)


# The start of overrides/404.html's script, as Scan names inline scripts.
NOT_FOUND_SCRIPT = "inline:/* The langu"


def test_no_script_but_the_themes_reaches_any_page(hostile_site: Path) -> None:
    reference = set(Scan((hostile_site / "en" / "about" / "index.html").read_text()).scripts)
    reference.add("json-ld")
    for page in pages(hostile_site):
        if page.parent == hostile_site:
            continue  # the root redirect page has no script at all
        scripts = set(Scan(page.read_text(encoding="utf-8")).scripts)
        if page.name == "404.html":  # its own script, which shows the address's language
            scripts.discard(NOT_FOUND_SCRIPT)
        assert scripts <= reference, f"{page}: {scripts - reference}"


def test_no_event_handler_attribute_on_any_page(hostile_site: Path) -> None:
    for page in pages(hostile_site):
        assert Scan(page.read_text(encoding="utf-8")).handlers == [], page


def test_no_javascript_or_data_url_on_any_page(hostile_site: Path) -> None:
    for page in pages(hostile_site):
        for url in Scan(page.read_text(encoding="utf-8")).urls:
            assert not re.match(r"\s*(javascript|data|vbscript):", url, re.I), f"{page}: {url}"


@pytest.mark.parametrize("lang", ["id", "en"])
def test_markup_in_content_shows_as_typed(hostile_site: Path, lang: str) -> None:
    html = (hostile_site / lang / "briefings" / SLUG / "index.html").read_text(encoding="utf-8")
    content = html[html.index("data-pagefind-body") : html.index("</article>")]
    scan = Scan(content)
    assert "iframe" not in scan.tags and "style" not in scan.tags and "svg" not in scan.tags
    assert "&lt;script&gt;alert(" in html or "&lt;script&gt;alert(&quot;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "{: onclick" in html.replace("&#123;", "{").replace("&#61;", "=").replace("&quot;", '"')
    assert "49" not in re.sub(
        r"<[^>]+>", "", html.split("data-pagefind-body")[1].split("</article>")[0]
    )
    # A heading or an admonition smuggled through a newline stays text.
    assert "Smuggled heading" not in "".join(re.findall(r"<h[1-6][^>]*>.*?</h[1-6]>", html))
    assert 'class="admonition danger"' not in html


def test_title_is_escaped_in_head_and_navigation(hostile_site: Path) -> None:
    html = (hostile_site / "en" / "briefings" / SLUG / "index.html").read_text(encoding="utf-8")
    title = re.search(r"<title>(.*?)</title>", html, re.S)
    assert title is not None
    assert title.group(1).startswith("&lt;script&gt;alert(&quot;en&quot;)&lt;/script&gt; Title")
    description = re.search(r'<meta name="description" content="([^"]*)"', html)
    assert description is not None
    assert description.group(1).startswith("&lt;img src=x onerror=alert(1)&gt; summary")


def test_article_html_is_sanitised(hostile_site: Path) -> None:
    html = (hostile_site / "id" / "briefings" / SLUG / "index.html").read_text(encoding="utf-8")
    body = html[html.index('class="briefing-article"') :]
    body = body[: body.index("</div>")]
    assert "Teks artikel biasa." in body
    for bad in ("iframe", "<style", "onerror", "onmouseover", "javascript:", "data:", "<script"):
        assert bad not in body


def test_json_ld_is_data_that_cannot_close_its_script(hostile_site: Path) -> None:
    html = (hostile_site / "en" / "briefings" / SLUG / "index.html").read_text(encoding="utf-8")
    (block,) = Scan(html).jsonld
    assert "<" not in block and ">" not in block
    data = json.loads(block)
    assert data["headline"] == '<script>alert("en")</script> Title'


def test_no_page_links_to_or_loads_from_a_host_an_article_chose(hostile_site: Path) -> None:
    for page in pages(hostile_site):
        for url in Scan(page.read_text(encoding="utf-8")).urls:
            assert "evil.example" not in url, f"{page}: {url}"


def test_article_keeps_its_plain_absolute_links(hostile_site: Path) -> None:
    html = (hostile_site / "id" / "briefings" / SLUG / "index.html").read_text(encoding="utf-8")
    assert 'href="https://example.org/berita"' in html
