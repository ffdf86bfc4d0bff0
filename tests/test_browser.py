"""The built site in a real browser: search per language, with Indonesian stemming.

Runs headless Chromium from Debian (`apt-get install chromium`, done by .ci/run)
through Playwright, which is told where it is and never downloads a browser.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = (
    shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
)
sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)"
    ),
]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def served(full_site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(full_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def search(browser: object, url: str) -> list[str]:
    page = browser.new_page()  # type: ignore[attr-defined]
    try:
        page.goto(url)
        page.wait_for_selector(".pagefind-ui__message", timeout=20_000)
        page.wait_for_function(
            "() => !document.querySelector('.pagefind-ui__message').textContent.includes('...')"
        )
        while page.query_selector(".pagefind-ui__button"):  # "load more results"
            page.click(".pagefind-ui__button")
            page.wait_for_timeout(200)
        links = page.query_selector_all(".pagefind-ui__result-link")
        return [link.get_attribute("href") or "" for link in links]
    finally:
        page.close()


def test_indonesian_search_matches_inflected_forms(browser: object, served: str) -> None:
    # "untung" (profit) must find pages that only say "menguntungkan" (profitable).
    found = search(browser, f"{served}/id/search/?q=untung")
    assert "/id/briefings/indonesia-joins-brics/" in found


def test_search_returns_only_pages_of_the_current_language(browser: object, served: str) -> None:
    english = search(browser, f"{served}/en/search/?q=NATO")
    indonesian = search(browser, f"{served}/id/search/?q=NATO")
    assert "/en/briefings/japan-nato-liaison-office/" in english
    assert "/id/briefings/japan-nato-liaison-office/" in indonesian
    assert all(url.startswith("/en/") for url in english)
    assert all(url.startswith("/id/") for url in indonesian)


def test_search_finds_a_briefing_by_a_word_of_its_key_points(browser: object, served: str) -> None:
    found = search(browser, f"{served}/en/search/?q=consultations")
    assert "/en/briefings/japan-nato-liaison-office/" in found
