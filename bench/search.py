"""Search in a real browser over the built site: what a first query downloads, and
whether a briefing is found by its title.

Runs headless Chromium (Debian's, driven by Playwright as the browser tests do);
without Chromium, the benchmark falls back to an estimate from the bundle's files
and says so in its JSON.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import functools
import http.server
import re
import shutil
import threading
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Installed with the dev tools, as `make bench` does.
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import sync_playwright

# Headless, and quiet on the network: nothing but the local site is fetched.
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

# For Playwright's wait_for_function: the search page (overrides/assets/javascripts/
# briefings-find.js) shows its result count ("5 results for “x”", "5 hasil untuk “x”"),
# or that nothing was found.
RESULTS = "#briefing-search .briefing-find__status"
RESULT_LINKS = "#briefing-search-results a"
RESULTS_SHOWN = """() => {
  const s = document.querySelector('#briefing-search .briefing-find__status');
  return s !== null && !s.hidden && s.textContent.trim() !== '';
}"""


@dataclass(frozen=True)
class SearchProbe:
    first_query_bytes: int  # downloaded from the search bundle for a one-word query
    first_query_results: int  # results that query found
    title_rank: int | None  # where the briefing with that title ranks (1: first), if shown


def chromium() -> str | None:
    """Debian's Chromium (or another Chrome on the PATH); Playwright never downloads one."""
    return (
        shutil.which("chromium")
        or shutil.which("chromium-browser")
        or shutil.which("google-chrome")
    )


def probe(site: Path, lang: str, word: str, title: str, expected: str) -> SearchProbe | None:
    """Search ``site/<lang>/`` for ``word``, then for ``title`` expecting ``expected``
    (a path such as ``/en/briefings/briefing-00000/``); None without a browser."""
    executable = chromium()
    if executable is None:
        return None
    # Playwright's sync API drives one instance per thread: the probe takes a thread of
    # its own, so a program already driving a browser (the test suite) can call it.
    with concurrent.futures.ThreadPoolExecutor(1) as thread:
        return thread.submit(_probe, executable, site, lang, word, title, expected).result()


def _probe(
    executable: str, site: Path, lang: str, word: str, title: str, expected: str
) -> SearchProbe:
    with serve_folder(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context()
            fetched: list[str] = []  # by the page and by Pagefind's worker
            context.on("requestfinished", lambda request: fetched.append(request.url))
            page = context.new_page()
            page.goto(_search_url(base, lang, word))
            try:
                page.wait_for_function(RESULTS_SHOWN, timeout=60_000)
            except PlaywrightTimeout:
                shown = page.text_content(RESULTS)
                raise RuntimeError(f"searching {lang} for {word!r} showed {shown!r}") from None
            page.wait_for_load_state("networkidle")
            downloaded = _bundle_bytes(site, lang, fetched)
            count = _count(page.text_content(RESULTS) or "")
            page.close()
            page = context.new_page()
            page.goto(_search_url(base, lang, title))
            with contextlib.suppress(PlaywrightTimeout):  # no results: rank None
                page.wait_for_function(RESULTS_SHOWN, timeout=60_000)
            links = page.query_selector_all(RESULT_LINKS)
            hrefs = [link.get_attribute("href") for link in links]
            page.close()
        finally:
            browser.close()
    rank = hrefs.index(expected) + 1 if expected in hrefs else None
    return SearchProbe(downloaded, count, rank)


def _count(message: str) -> int:
    """The number in "822 results for “x”" or "1234 hasil untuk “x”"."""
    found = re.search(r"[0-9][0-9,.]*", message)
    if found is None:
        raise RuntimeError(f"no result count in {message!r}")
    return int(re.sub(r"[,.]", "", found.group()))


def _bundle_bytes(site: Path, lang: str, urls: list[str]) -> int:
    """Bytes of the files fetched from the language's search bundle, as this server sends
    them: uncompressed, so an upper bound where GitHub Pages would gzip the scripts
    (Pagefind's index and fragments are compressed files already)."""
    paths = {urllib.parse.urlsplit(url).path for url in urls}
    bundle = f"/{lang}/pagefind/"
    return sum((site / p.lstrip("/")).stat().st_size for p in paths if p.startswith(bundle))


def _search_url(base: str, lang: str, query: str) -> str:
    return f"{base}/{lang}/search/?q={urllib.parse.quote(query)}"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args: Any, under: str = "/", **kwargs: Any) -> None:
        # Where the site is served: a project site on GitHub Pages is in a folder.
        self.under = under
        super().__init__(*args, **kwargs)  # which handles the request

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.under):
            # Outside the site: a path under a file, which no request can find.
            return str(Path(self.directory) / "404.html" / "outside")
        return super().translate_path("/" + path[len(self.under) :])

    def log_message(self, format: str, *args: object) -> None:
        pass

    def handle(self) -> None:
        # The browser went on to another page (the top page sends it on at once).
        with contextlib.suppress(ConnectionResetError, BrokenPipeError):
            super().handle()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """A missing address gets the site's 404.html, as GitHub Pages serves it."""
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextlib.contextmanager
def serve_folder(site: Path, under: str = "/") -> Iterator[str]:
    """A local HTTP server for a built site, quiet, on a free port: yields its base URL.
    ``under``: the folder of the server the site is served in (``/briefings/``), which
    the base URL does not include."""
    handler = functools.partial(_QuietHandler, directory=str(site), under=under)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
