"""Opening the built site's pages in the browser tests: what every such test needs."""

from __future__ import annotations

import gzip

from playwright import sync_api


def open_page(
    browser: object,
    url: str,
    errors: list[str],
    size: tuple[int, int] = (1280, 900),
    scheme: str = "light",
) -> object:
    """A page loaded in Chromium, every console error and failed request noted in ``errors``."""
    tab = Tab(browser, errors)
    tab.load(url, size, scheme)
    return tab.page


def open_in(
    tab: Tab, url: str, errors: list[str], size: tuple[int, int] = (1280, 900)
) -> sync_api.Page:
    """``url`` loaded in ``tab`` (see Tab), its console errors and failed requests noted in
    ``errors``: the page."""
    tab.errors = errors
    tab.load(url, size)
    return tab.page


# Run before a page's own scripts: what the site stored on an earlier load is forgotten.
FIRST_VISIT = "localStorage.clear(); sessionStorage.clear();"


class Tab:
    """A page that notes in ``errors`` every console error and failed request of what it
    loads, each after the address it was loading. Every load is a reader's first visit:
    what the site stored is forgotten before its scripts run (Material stores the colour
    scheme it showed, and a page loaded again in the dark would show the light one).

    Many loads in one tab cost far less than a new page each: Chromium keeps the tab's
    process, its compiled scripts and its cache.
    """

    def __init__(self, browser: object, errors: list[str]) -> None:
        self.page: sync_api.Page = browser.new_page()  # type: ignore[attr-defined]
        self.address = ""
        self.errors = errors  # where the next are noted
        self.page.add_init_script(FIRST_VISIT)

        def note(text: str) -> None:
            self.errors.append(f"{self.address}: {text}")

        self.page.on("console", lambda m: note(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: note(str(e)))
        # (A request the browser drops because the reader went on to another page is no
        # failure.)
        self.page.on(
            "requestfailed",
            lambda r: note(f"failed {r.url}") if r.failure != "net::ERR_ABORTED" else None,
        )
        self.page.on("response", lambda r: note(f"{r.status} {r.url}") if r.status >= 400 else None)

    def load(self, url: str, size: tuple[int, int] = (1280, 900), scheme: str = "light") -> None:
        """Load ``url`` anew, in a window of ``size`` with a ``scheme`` preference."""
        self.address = url
        self.page.set_viewport_size({"width": size[0], "height": size[1]})
        self.page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
        # Every page of the site links an icon, which Chromium asks for last, after the
        # load event: once it is answered, nothing is left to fail (without networkidle's
        # wait).
        with self.page.expect_response(lambda r: "favicon" in r.url):
            self.page.goto(url)

    def close(self) -> None:
        self.page.close()


def transferred(page: object, sizes: dict[str, int]) -> None:
    """Count what each response would weigh gzip-compressed, as GitHub Pages sends it."""

    def note(response: object) -> None:
        try:
            body = response.body()  # type: ignore[attr-defined]
        except sync_api.Error:  # a redirect or an aborted request has no body
            return
        sizes[response.url] = len(gzip.compress(body, 6))  # type: ignore[attr-defined]

    page.on("response", note)  # type: ignore[attr-defined]


def serve_text(html: str, route: object) -> None:
    route.fulfill(body=html, content_type="text/html; charset=utf-8")  # type: ignore[attr-defined]
