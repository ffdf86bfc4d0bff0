"""Every kind of page, in both languages, on a phone and a desktop, light and dark: no
console error, no failed request, no serious accessibility violation (axe-core), no page
wider than a phone, a briefing under 100 KB compressed. Asked to (`make screenshots`), it
takes the screenshots of the README."""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe import AXE, serious_violations
from browsing import Tab, serve_text, transferred

from bench.search import chromium, serve_folder

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        chromium() is None, reason="Chromium is not installed (apt-get install chromium)"
    ),
]


@pytest.fixture(scope="module")
def served(full_site: Path) -> Iterator[str]:
    with serve_folder(full_site) as base:
        yield base


SCREENSHOTS = Path(__file__).resolve().parents[1] / "screenshots"
# Taken when asked: only the README shows them, and every run would pay for them.
TAKE_SCREENSHOTS = os.environ.get("BRIEFINGS_SCREENSHOTS") == "1"


PAGE_TYPES = {
    "home": "",
    "briefing": "briefings/japan-nato-liaison-office/",
    "briefings": "briefings/",
    "actor": "actors/fumio-kishida/",
    "actors": "actors/",
    "timeline": "timeline/",
    "timelinejs": "briefings/japan-nato-liaison-office/timeline/",  # a briefing's, in TimelineJS
    "topic": "tags/nato/",
    "tags": "tags/",
    "about": "about/",
    "search": "search/",
}


WIDTHS = {"phone": (390, 844), "desktop": (1280, 900)}


PHONE_WIDTHS = (320, 360, 430)  # and 390, the page checks' phone


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_page_types_have_no_console_error_nor_serious_accessibility_violation(
    tab: Tab, served: str, lang: str, kind: str
) -> None:
    errors = tab.errors = []
    violations: dict[str, list[str]] = {}
    for width, size in WIDTHS.items():
        for scheme in ("light", "dark"):
            tab.load(f"{served}/{lang}/{PAGE_TYPES[kind]}", size, scheme)
            if (scroll := tab.page.evaluate("document.documentElement.scrollWidth")) > size[0]:
                errors.append(f"{width} {scheme}: {scroll} px wide")
            if TAKE_SCREENSHOTS:
                SCREENSHOTS.mkdir(exist_ok=True)
                shot = SCREENSHOTS / f"{kind}-{lang}-{width}-{scheme}.png"
                tab.page.screenshot(path=str(shot), full_page=False)
            if found := serious_violations(tab.page):
                violations[f"{width} {scheme}"] = found
    assert errors == []
    assert violations == {}
    if not AXE.is_file():
        pytest.skip("axe-core is not installed (make installs it with npm when npm is here)")


@pytest.mark.parametrize("path", ["", "no/such/page/"])
def test_the_top_folders_pages_pass_the_same_checks(
    browser: object, served: str, path: str
) -> None:
    """The language chooser and the 404 page. The chooser's script sends a browser on at
    once: what is checked of it is what a reader without JavaScript gets."""
    errors: list[str] = []
    violations: dict[str, list[str]] = {}
    tab = Tab(browser, [])  # (the 404 page's own status is no error)
    page = tab.page
    try:
        page.on("pageerror", lambda e: errors.append(str(e)))
        if not path:
            html = page.request.get(f"{served}/").text()
            without_scripts = re.sub(r"<script.*?</script>", "", html, flags=re.S)
            page.route(f"{served}/", functools.partial(serve_text, without_scripts))
        for width, size in WIDTHS.items():
            for scheme in ("light", "dark"):
                page.set_viewport_size({"width": size[0], "height": size[1]})
                page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
                page.goto(f"{served}/{path}")
                if page.evaluate("document.documentElement.scrollWidth") > size[0]:
                    errors.append(f"{width}: wider than {size[0]} px")
                if found := serious_violations(page):
                    violations[f"{width} {scheme}"] = found
    finally:
        tab.close()
    assert errors == []
    assert violations == {}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_no_page_is_wider_than_a_phone(browser: object, served: str, lang: str) -> None:
    wider: list[str] = []
    page = browser.new_page()  # type: ignore[attr-defined]
    try:
        for kind, path in PAGE_TYPES.items():
            for width in PHONE_WIDTHS:
                page.set_viewport_size({"width": width, "height": 800})
                # "load": images and styles are in, which is all a page's width depends on.
                page.goto(f"{served}/{lang}/{path}", wait_until="load")
                scroll = page.evaluate("document.documentElement.scrollWidth")
                if scroll > width:
                    wider.append(f"{kind} at {width} px: {scroll} px wide")
    finally:
        page.close()
    assert wider == []


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_briefing_page_weighs_under_100_kb_compressed(
    browser: object, served: str, lang: str
) -> None:
    sizes: dict[str, int] = {}
    page = browser.new_page()  # type: ignore[attr-defined]
    try:
        transferred(page, sizes)
        page.goto(f"{served}/{lang}/briefings/japan-nato-liaison-office/")
        page.wait_for_load_state("networkidle")
    finally:
        page.close()
    assert not any("/cards/" in url for url in sizes)  # the share card is for previews
    assert 0 < sum(sizes.values()) <= 100_000, sorted(sizes.items(), key=lambda kv: -kv[1])
