"""A briefing's timeline on a page of its own, drawn by TimelineJS (issue 29, point 4): the
briefing links it in both languages, TimelineJS comes from the site itself and shows
every event, the page lists them without JavaScript or library, and hostile texts show
as typed. In Chromium, on the newsroom site of seven briefings, on a phone and a desktop.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from axe import AXE, serious_violations
from browsing import FIRST_VISIT
from conftest import FIXTURES, HOSTILE_SLUG
from playwright.sync_api import Browser, Page, expect

from bench.search import serve_folder
from generator import build

pytestmark = pytest.mark.slow  # a browser

VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 800)}
SUMMIT = "asean-summit-kuala-lumpur"
WORDS = {
    "id": {
        "explore": "Jelajahi linimasa ini peristiwa demi peristiwa",
        "back": "Kembali ke briefing",
        "list": "Semua peristiwa dalam bentuk daftar",
        "data": "Linimasa ini sebagai data (TimelineJS)",
    },
    "en": {
        "explore": "Explore this timeline event by event",
        "back": "Back to the briefing",
        "list": "Every event as a list",
        "data": "This timeline as data (TimelineJS)",
    },
}
every_view = pytest.mark.parametrize(
    ("lang", "view"), [(lang, view) for lang in ("id", "en") for view in VIEWPORTS]
)
needs_timelinejs = pytest.mark.skipif(
    not (build.TIMELINEJS_PACKAGE / "dist" / "js" / "timeline.js").is_file(),
    reason="TimelineJS is not installed (make installs it with npm)",
)


@pytest.fixture(scope="module")
def served(newsroom_site: Path) -> Iterator[str]:
    with serve_folder(newsroom_site) as base:
        yield base


class Opened:
    """A tab that notes every request, dialog and page error of what it loads last."""

    def __init__(self, browser: Browser, javascript: bool) -> None:
        self.context = browser.new_context(java_script_enabled=javascript)
        self.page = self.context.new_page()
        self.page.add_init_script(FIRST_VISIT)
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def load(self, url: str, view: str) -> Opened:
        width, height = VIEWPORTS[view]
        self.requests.clear()
        self.dialogs.clear()
        self.errors.clear()
        self.page.set_viewport_size({"width": width, "height": height})
        self.page.goto(url)
        return self


@pytest.fixture(scope="module")
def tabs(browser: Browser) -> Iterator[dict[bool, Opened]]:
    """A tab with JavaScript and one without for the module's pages: a new page for each
    would cost Chromium a new process and cold caches every time."""
    made = {javascript: Opened(browser, javascript) for javascript in (True, False)}
    yield made
    for opened in made.values():
        opened.context.close()


@pytest.fixture
def open_at(tabs: dict[bool, Opened]) -> Iterator[object]:
    used: list[Opened] = []

    def open_page(url: str, view: str = "desktop", *, javascript: bool = True) -> Opened:
        used.append(tabs[javascript])
        return tabs[javascript].load(url, view)

    yield open_page
    assert [e for opened in used for e in opened.errors] == []


def events_of(site: Path, lang: str, slug: str) -> list[dict[str, object]]:
    data = json.loads((site / lang / "data" / "timelines" / f"{slug}.json").read_text())
    events: list[dict[str, object]] = data["events"]
    return events


def slides(page: Page) -> object:
    return page.locator(".tl-storyslider .tl-slide")


@needs_timelinejs
@every_view
def test_a_briefings_timeline_link_opens_its_page_where_timelinejs_draws_every_event(
    open_at: object, served: str, newsroom_site: Path, lang: str, view: str
) -> None:
    opened = open_at(f"{served}/{lang}/briefings/{SUMMIT}/", view)  # type: ignore[operator]
    page = opened.page
    page.get_by_role("link", name=WORDS[lang]["explore"]).click()
    page.wait_for_url(f"{served}/{lang}/briefings/{SUMMIT}/timeline/")
    # A slide for the briefing (its title, then its summary), and one for each event.
    expect(slides(page)).to_have_count(len(events_of(newsroom_site, lang, SUMMIT)) + 1)
    expect(page.locator(".tl-slide-titleslide .tl-headline")).to_have_text(
        page.locator("h1").evaluate("h => h.firstChild.textContent")
    )
    expect(page.locator(".tl-timemarker")).to_have_count(
        len(events_of(newsroom_site, lang, SUMMIT))
    )
    # TimelineJS shows the events: their list closes, and opens again on a click.
    listed = page.locator("details.briefing-timeline-list")
    expect(listed).not_to_have_attribute("open", "")
    page.get_by_text(WORDS[lang]["list"]).click()
    expect(listed.locator("ol.briefing-timeline > li").first).to_be_visible()
    expect(page.get_by_role("link", name=WORDS[lang]["data"])).to_have_attribute(
        "href", f"../../../data/timelines/{SUMMIT}.json"
    )
    # Nothing is asked of another host: no fonts, no analytics, no library from a CDN.
    assert any(url.endswith("/timelinejs/js/timeline.js") for url in opened.requests)
    assert [url for url in opened.requests if not url.startswith(f"{served}/")] == []
    if AXE.is_file():
        assert serious_violations(page) == []
    page.get_by_role("link", name=WORDS[lang]["back"]).click()
    page.wait_for_url(f"{served}/{lang}/briefings/{SUMMIT}/")


@needs_timelinejs
def test_the_indonesian_timeline_page_loads_timelinejs_indonesian_words_from_the_site(
    open_at: object, served: str
) -> None:
    url = f"{served}/id/briefings/{SUMMIT}/timeline/"
    opened = open_at(url)  # type: ignore[operator]
    expect(slides(opened.page).first).to_be_attached()
    assert f"{served}/timelinejs/js/locale/id.json" in opened.requests
    # TimelineJS's own button back to the first slide, in its Indonesian words.
    expect(opened.page.get_by_role("button", name="Kembali ke Judul")).to_be_attached()
    # The rows of the time line are the events' status, in the page's words.
    expect(opened.page.locator(".tl-timegroup-message").first).to_have_text("sudah terjadi")


@every_view
def test_without_javascript_the_timeline_page_lists_every_event(
    open_at: object, served: str, newsroom_site: Path, lang: str, view: str
) -> None:
    url = f"{served}/{lang}/briefings/{SUMMIT}/timeline/"
    page = open_at(url, view, javascript=False).page  # type: ignore[operator]
    events = events_of(newsroom_site, lang, SUMMIT)
    items = page.locator("details.briefing-timeline-list ol.briefing-timeline > li")
    expect(items).to_have_count(len(events))
    expect(items.first).to_be_visible()
    expect(items.first.locator("time")).not_to_have_text("")
    expect(page.locator(".briefing-timelinejs")).to_be_hidden()
    expect(page.get_by_role("link", name=WORDS[lang]["back"])).to_be_visible()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_without_timelinejs_in_the_site_the_timeline_page_lists_every_event(
    tabs: dict[bool, Opened], served: str, newsroom_site: Path, lang: str
) -> None:
    # As a site built without npm: nothing under timelinejs/ (the browser is refused it).
    page = tabs[True].page
    page.route("**/timelinejs/**", lambda route: route.abort())
    try:
        tabs[True].load(f"{served}/{lang}/briefings/{SUMMIT}/timeline/", "phone")
        items = page.locator("details.briefing-timeline-list ol.briefing-timeline > li")
        expect(items).to_have_count(len(events_of(newsroom_site, lang, SUMMIT)))
        expect(items.first).to_be_visible()
        expect(page.locator(".briefing-timelinejs")).to_be_hidden()
        assert tabs[True].errors == []
    finally:
        page.unroute("**/timelinejs/**")


def test_a_build_without_timelinejs_says_so_once_and_copies_nothing(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    build._say_missing.cache_clear()
    with caplog.at_level(logging.INFO, logger="mkdocs.plugins.briefings"):
        for _ in range(2):  # serving builds again and again
            assert not build.copy_timelinejs(tmp_path / "none", tmp_path / "site", ["id", "en"])
    assert [r.getMessage() for r in caplog.records] == [build.TIMELINEJS_MISSING]
    assert not (tmp_path / "site").exists()


@needs_timelinejs
def test_the_build_copies_timelinejs_with_its_license_and_the_sites_locales(
    newsroom_site: Path,
) -> None:
    folder = newsroom_site / "timelinejs"
    for rel in ("LICENSE", "js/timeline.js", "css/timeline.css", "css/icons/tl-icons.woff2"):
        assert (folder / rel).is_file(), rel
    assert sorted(p.name for p in (folder / "js" / "locale").iterdir()) == ["en.json", "id.json"]
    assert "Mozilla Public License" in (folder / "LICENSE").read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "id"])
def test_search_finds_a_briefings_events_on_its_page_not_on_its_timeline_page(
    open_at: object, served: str, lang: str
) -> None:
    page = open_at(f"{served}/{lang}/search/?q=ASEAN").page  # type: ignore[operator]
    found = page.locator("#briefing-search-results a")
    expect(found.first).to_be_visible(timeout=30_000)
    expect(
        page.locator("#briefing-search-results a[href*='/briefings/'][href$='/timeline/']")
    ).to_have_count(0)
    expect(
        page.locator(f"#briefing-search-results a[href='/{lang}/briefings/{SUMMIT}/']")
    ).to_have_count(1)


@pytest.fixture(scope="module")
def hostile_served(hostile_site: Path) -> Iterator[str]:
    with serve_folder(hostile_site) as base:
        yield base


@needs_timelinejs
@pytest.mark.parametrize("lang", ["id", "en"])
def test_markup_typed_into_a_timeline_shows_as_text_in_timelinejs(
    open_at: object, hostile_served: str, lang: str
) -> None:
    url = f"{hostile_served}/{lang}/briefings/{HOSTILE_SLUG}/timeline/"
    opened = open_at(url)  # type: ignore[operator]
    page = opened.page
    expect(slides(page)).to_have_count(2)
    typed = typed_texts(lang)
    box = page.locator(".tl-timeline")
    expect(page.locator(".tl-slide-titleslide .tl-headline")).to_have_text(typed["title"])
    event = page.locator(".tl-slide:not(.tl-slide-titleslide)")
    expect(event.locator(".tl-text-content")).to_have_text(typed["event"])
    expect(event.locator(".tl-headline-date")).to_have_text(typed["date_label"])
    expect(box.locator(".tl-timemarker .tl-headline")).to_have_text(typed["event"])
    # Nothing of what was typed became an element: no script, image, svg, italics.
    expect(box.locator("script, img, svg, i, a[href*='evil']")).to_have_count(0)
    expect(page.locator("[onerror], [onload], [onmouseover]")).to_have_count(0)
    page.locator(".tl-slidenav-next").first.click()  # to the event's slide, and back
    page.locator(".tl-slidenav-previous").first.click()
    expect(slides(page).first).to_be_visible()
    assert opened.dialogs == []


def typed_texts(lang: str) -> dict[str, str]:
    """The hostile briefing's title, event and date label as typed in its YAML, in one
    line as HTML shows them."""
    data = yaml.safe_load((FIXTURES / "hostile" / "briefing.yaml").read_text(encoding="utf-8"))
    (entry,) = data["timeline"]
    return {
        "title": " ".join(data["title"][lang].split()),
        "event": " ".join(entry["event"][lang].split()),
        "date_label": " ".join(entry["date_label"][lang].split()),
    }
