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
    page = browser.new_page(viewport={"width": size[0], "height": size[1]}, color_scheme=scheme)  # type: ignore[attr-defined]
    page.on("console", lambda m: m.type == "error" and errors.append(f"{url}: {m.text}"))
    page.on("pageerror", lambda e: errors.append(f"{url}: {e}"))
    # (A request the browser drops because the reader went on to another page is no failure.)
    page.on(
        "requestfailed",
        lambda r: r.failure != "net::ERR_ABORTED" and errors.append(f"{url}: failed {r.url}"),
    )
    page.on("response", lambda r: r.status >= 400 and errors.append(f"{url}: {r.status} {r.url}"))
    # Every page of the site links an icon, which Chromium asks for last, after the load
    # event: once it is answered, nothing is left to fail (without networkidle's wait).
    with page.expect_response(lambda r: "favicon" in r.url):
        page.goto(url)
    return page


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
