"""The built site in a real browser: search per language, with Indonesian stemming.

Runs headless Chromium from Debian (`apt-get install chromium`, done by .ci/run)
through Playwright, which is told where it is and never downloads a browser.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from browsing import Tab, open_in, open_page, transferred
from conftest import build, built_once, copy_project
from playwright.sync_api import expect

from bench.search import (
    RESULT_LINKS,
    RESULTS,
    RESULTS_SHOWN,
    chromium,
    serve_folder,
)

CHROMIUM = chromium()

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)"
    ),
]


@pytest.fixture(scope="module")
def served(full_site: Path) -> Iterator[str]:
    with serve_folder(full_site) as base:
        yield base


def search(tab: Tab, url: str) -> list[str]:
    """The links the search page shows for the query in ``url``."""
    errors: list[str] = []
    page = open_in(tab, url, errors)
    page.wait_for_function(RESULTS_SHOWN, timeout=30_000)
    links = page.query_selector_all(RESULT_LINKS)
    if not links:
        raise AssertionError(f"no results for {url}: {page.text_content(RESULTS)!r}")
    assert errors == []
    return [link.get_attribute("href") or "" for link in links]


def test_indonesian_search_matches_inflected_forms(tab: Tab, served: str) -> None:
    # "untung" (profit) must find pages that only say "menguntungkan" (profitable).
    found = search(tab, f"{served}/id/search/?q=untung")
    assert "/id/briefings/indonesia-joins-brics/" in found
    # Only briefings: pages that list one (the briefings index, its topics, its
    # actors, the timeline) repeat its summary, and search leaves that out.
    assert all(re.fullmatch(r"/id/briefings/[a-z0-9-]+/", url) for url in found), found


def test_search_returns_only_pages_of_the_current_language(tab: Tab, served: str) -> None:
    english = search(tab, f"{served}/en/search/?q=NATO")
    indonesian = search(tab, f"{served}/id/search/?q=NATO")
    assert "/en/briefings/japan-nato-liaison-office/" in english
    assert "/id/briefings/japan-nato-liaison-office/" in indonesian
    assert all(url.startswith("/en/") for url in english)
    assert all(url.startswith("/id/") for url in indonesian)


def test_search_finds_a_briefing_by_a_word_of_its_key_points(tab: Tab, served: str) -> None:
    found = search(tab, f"{served}/en/search/?q=consultations")
    assert "/en/briefings/japan-nato-liaison-office/" in found


# -- readers' paths through the site ----------------------------------------------------------


def test_language_switcher_leads_to_the_same_page(tab: Tab, served: str) -> None:
    errors: list[str] = []
    page = open_in(tab, f"{served}/id/briefings/japan-nato-liaison-office/", errors)
    page.click(".md-header__option .md-select button")
    page.click('a.md-select__link[hreflang="en"]')
    page.wait_for_url("**/en/briefings/japan-nato-liaison-office/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Key points" in page.inner_text("article")
    assert errors == []


def test_a_page_view_does_not_download_the_sitemap(browser: object, served: str) -> None:
    # Material fetches sitemap.xml beside every <link rel="alternate"> of a page (ours
    # are the feeds), to switch languages on the same page, which our switcher does
    # without. The language's sitemap grows with the archive (790 KB at 1,000
    # briefings), so the feeds sit in a folder whose sitemap.xml is one line.
    fetched: dict[str, int] = {}
    page = browser.new_page()  # type: ignore[attr-defined]
    try:
        page.on(
            "requestfinished", lambda r: fetched.setdefault(r.url, r.sizes()["responseBodySize"])
        )
        page.goto(f"{served}/en/briefings/japan-nato-liaison-office/")
        page.wait_for_load_state("networkidle")
    finally:
        page.close()
    assert f"{served}/en/briefings/japan-nato-liaison-office/" in fetched
    sitemaps = {url: size for url, size in fetched.items() if url.endswith("/sitemap.xml")}
    assert f"{served}/en/sitemap.xml" not in sitemaps
    assert all(size < 1000 for size in sitemaps.values()), sitemaps


def test_timeline_filter_hides_and_shows_events(tab: Tab, served: str) -> None:
    errors: list[str] = []
    page = open_in(tab, f"{served}/en/timeline/", errors)
    total = page.locator(".briefing-timeline li").count()
    visible = page.locator(".briefing-timeline li:not([hidden])")
    hidden = page.locator(".briefing-timeline li[hidden]")
    expect(page.locator("form.briefing-filter")).to_be_visible()
    page.select_option("select[name=actor]", "indonesia")
    expect(page).to_have_url(re.compile(r"/en/timeline/\?actor=indonesia$"))
    expect(hidden).not_to_have_count(0)
    expect(visible).not_to_have_count(0)
    assert all(
        "indonesia" in (actors or "").split()
        for actors in visible.evaluate_all("els => els.map(e => e.dataset.actors)")
    )
    page.select_option("select[name=actor]", "")
    page.select_option("select[name=topic]", "nato")
    expect(page).to_have_url(re.compile(r"/en/timeline/\?topic=nato$"))
    expect(hidden).not_to_have_count(0)
    expect(visible).not_to_have_count(0)
    page.select_option("select[name=topic]", "")
    expect(visible).to_have_count(total)
    assert errors == []


def test_a_filtered_timeline_can_be_shared_and_an_empty_one_reset(tab: Tab, served: str) -> None:
    errors: list[str] = []
    # An actor of one briefing, a topic of the other: nothing matches both.
    page = open_in(tab, f"{served}/en/timeline/?actor=jens-stoltenberg&topic=economy", errors)
    expect(page.locator("select[name=actor]")).to_have_value("jens-stoltenberg")
    expect(page.locator("select[name=topic]")).to_have_value("economy")
    expect(page.locator(".briefing-timeline li:not([hidden])")).to_have_count(0)
    empty = page.locator(".briefing-filter__empty")
    expect(empty).to_be_visible()
    expect(empty).to_contain_text("No event matches")
    empty.locator("button").click()
    # The form resets, then the filter applies in the next task (setTimeout 0).
    expect(empty).to_be_hidden()
    expect(page.locator(".briefing-timeline li[hidden]")).to_have_count(0)
    expect(page).to_have_url(f"{served}/en/timeline/")
    assert errors == []


def test_without_javascript_the_timeline_shows_no_filter(browser: object, served: str) -> None:
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        page.goto(f"{served}/en/timeline/?actor=indonesia")
        expect(page.locator("form.briefing-filter")).to_have_count(1)
        expect(page.locator("form.briefing-filter")).to_be_hidden()
        expect(page.locator(".briefing-filter__empty")).to_be_hidden()
        assert page.locator(".briefing-timeline li:visible").count() > 1
    finally:
        context.close()


def find(page: object, query: str) -> list[tuple[str, str, str]]:
    """Type ``query`` in the header's search box: the results' (link, title, kind · date)."""
    page.keyboard.press("/")  # type: ignore[attr-defined]
    # One input event for the whole query: typed a key at a time, a slow machine can show
    # the results of its first letters before those of the whole word.
    page.keyboard.insert_text(query)  # type: ignore[attr-defined]
    options = page.locator(".briefing-find__results [role=option]")  # type: ignore[attr-defined]
    expect(options).not_to_have_count(0, timeout=20_000)
    return [
        (
            options.nth(i).locator("a").get_attribute("href") or "",
            options.nth(i).locator(".briefing-find__title").inner_text(),
            options.nth(i).locator(".briefing-find__about").inner_text()
            if options.nth(i).locator(".briefing-find__about").count()
            else "",
        )
        for i in range(options.count())
    ]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_header_searches_as_you_type_briefings_first(
    browser: object, served: str, lang: str
) -> None:
    errors: list[str] = []
    sizes: dict[str, int] = {}
    page = open_page(browser, f"{served}/{lang}/timeline/", errors, (390, 844))
    try:
        transferred(page, sizes)
        results = find(page, "NATO")
        first_query = sum(sizes.values())
    finally:
        page.close()  # type: ignore[attr-defined]
    href, title, about = results[0]
    assert href == f"/{lang}/briefings/japan-nato-liaison-office/"
    assert not title.endswith("¶") and "NATO" in title
    briefing, date = {"en": ("Briefing", "June 2, 2023"), "id": ("Briefing", "2 Juni 2023")}[lang]
    assert about == f"{briefing} · {date}"
    kinds = [about.split(" · ")[0] for _, _, about in results]
    briefings = [i for i, kind in enumerate(kinds) if kind == briefing]
    assert briefings == list(range(len(briefings)))  # briefings before other pages
    assert all(
        href.startswith(f"/{lang}/") and "/contribute/" not in href for href, _, _ in results
    )
    assert errors == []
    assert 0 < first_query <= 200_000, sorted(sizes.items(), key=lambda kv: -kv[1])


def test_the_header_search_is_worked_by_keyboard(tab: Tab, served: str) -> None:
    errors: list[str] = []
    page = open_in(tab, f"{served}/en/", errors)
    results = find(page, "liaison")
    box = page.locator("#briefing-find-q")
    expect(box).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("ArrowDown")
    expect(box).to_have_attribute("aria-activedescendant", "briefing-find-0")
    page.keyboard.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")
    expect(page.locator(".briefing-find__panel")).to_be_hidden()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{served}{results[0][0]}")
    assert errors == []
    assert all("/contribute/" not in href for href, _, _ in results)


def test_readers_navigation_holds_reader_pages_only(tab: Tab, served: str) -> None:
    errors: list[str] = []
    page = open_in(tab, f"{served}/en/briefings/japan-nato-liaison-office/", errors)
    nav = page.locator("nav.md-nav--primary a.md-nav__link")
    labels = [label.strip() for label in nav.all_inner_texts() if label.strip()]
    page.goto(f"{served}/en/about/")
    contribute = page.locator("article a", has_text="Contribute")
    contribute.click()
    page.wait_for_url(f"{served}/en/contribute/")
    assert labels == ["Latest briefings", "Briefings", "Timeline", "Actors", "Topics", "About"]
    assert errors == []


def test_briefing_prints_as_a_short_brief(browser: object, served: str) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    try:
        page.goto(f"{served}/en/briefings/japan-nato-liaison-office/")
        page.emulate_media(media="print")
        expect(page.locator(".md-sidebar--primary")).to_be_hidden()
        expect(page.locator(".briefing-article")).to_be_hidden()
        pdf = page.pdf(format="A4")
        pages = pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")
        assert 1 <= pages <= 2, pages
    finally:
        page.close()


@pytest.mark.parametrize("lang", ["id", "en"])
def test_search_results_show_hostile_titles_and_excerpts_as_text(
    tab: Tab, hostile_site: Path, lang: str
) -> None:
    # Pagefind keeps each page's title and metadata, and the search boxes put them into
    # their results: markup typed into a title must arrive there as text.
    word = "Judul" if lang == "id" else "Title"
    errors: list[str] = []
    with serve_folder(hostile_site) as base:
        for url in (f"{base}/{lang}/search/?q={word}", f"{base}/{lang}/"):
            page = open_in(tab, url, errors)
            if url.endswith("/"):
                find(page, word)
                results = page.locator(".briefing-find__results").first
            else:
                page.wait_for_function(RESULTS_SHOWN, timeout=30_000)
                results = page.locator("#briefing-search-results")
            tags = results.evaluate("r => [...r.querySelectorAll('*')].map(e => e.localName)")
            hrefs = results.evaluate(
                "r => [...r.querySelectorAll('[href],[src]')].map(e => e.href || e.src)"
            )
            title = results.locator(".briefing-find__title").first.inner_text()
            assert set(tags) <= {"li", "a", "span", "p", "mark"}, tags  # briefings-find.js's
            assert all("evil.example" not in href for href in hrefs), hrefs
            assert title.startswith(f'<script>alert("{lang}")</script>')
    assert errors == []


@pytest.mark.parametrize(("locale", "lands"), [("en-US", "en"), ("id-ID", "id"), ("fr-FR", "id")])
def test_the_top_address_leads_to_the_language_the_reader_prefers(
    browser: object, served: str, locale: str, lands: str
) -> None:
    context = browser.new_context(locale=locale)  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        page.goto(f"{served}/")
        page.wait_for_url(f"{served}/{lands}/")
    finally:
        context.close()


def test_without_javascript_the_top_address_offers_each_language(
    browser: object, served: str
) -> None:
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        page.goto(f"{served}/")
        links = page.locator("a")
        expect(links).to_have_text(["Bahasa Indonesia", "English"])
        assert [links.nth(i).get_attribute("href") for i in range(2)] == ["id/", "en/"]
    finally:
        context.close()


def test_without_javascript_a_missing_address_shows_the_default_languages_page(
    browser: object, served: str
) -> None:
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        response = page.goto(f"{served}/en/no/such/briefing/")
        assert response is not None and response.status == 404
        expect(page.locator("html")).to_have_attribute("lang", "id")
        expect(page.locator("article h1")).to_have_text("Halaman tidak ditemukan")
        expect(page.locator("article a[hreflang=en]")).to_have_attribute("href", "/en/")
        expect(page.locator("article a[hreflang=en]")).to_have_text("English")
        # The header's search box opens the search page, which says that it needs JavaScript.
        page.locator("header input[name=q]").fill("liaison")
        page.locator("header input[name=q]").press("Enter")
        expect(page).to_have_url(f"{served}/id/search/?q=liaison")
        icon = page.request.get(f"{served}/favicon.ico")
        assert icon.ok and icon.body()[:4] == b"\x00\x00\x01\x00"  # an ICO file
    finally:
        context.close()


@pytest.fixture(scope="module")
def in_a_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The shipped site built for, and served in, a folder of its server (a project site
    on GitHub Pages): its base URL, the folder included."""
    site = built_once(
        tmp_path_factory,
        "in-a-folder",
        lambda dest: build(copy_project(dest), env={"SITE_URL": "https://example.org/briefings/"}),
    )
    with serve_folder(site, under="/briefings/") as base:
        yield f"{base}/briefings"


@pytest.mark.parametrize(
    ("path", "lang", "heading"),
    [
        ("en/no/such/page/", "en", "Page not found"),
        ("id/tidak/ada/sama/sekali/", "id", "Halaman tidak ditemukan"),
        ("nothing", "id", "Halaman tidak ditemukan"),
    ],
)
def test_a_missing_address_in_a_folder_site_finds_the_theme_and_links_inside_it(
    tab: Tab, in_a_folder: str, path: str, lang: str, heading: str
) -> None:
    errors: list[str] = []
    page = open_in(tab, f"{in_a_folder}/{path}", errors, size=(390, 844))
    expect(page.locator("article h1")).to_have_text(heading)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    # The theme's stylesheet is found from any depth: the header is the theme's bar.
    header = page.locator("header.md-header")
    expect(header).to_have_css("position", "sticky")
    form = page.locator("header form.briefing-find")
    expect(form).to_have_attribute("action", f"/briefings/{lang}/search/")
    home = page.locator("article a", has_text=WORDS_HOME[lang])
    expect(home).to_have_attribute("href", f"/briefings/{lang}/")
    url = f"{in_a_folder}/{path}"
    missing = "Failed to load resource: the server responded with a status of 404 (Not Found)"
    assert errors == [f"{url}: 404 {url}", f"{url}: {missing}"]  # only the address asked for


WORDS_HOME = {"id": "Halaman utama", "en": "Home page"}


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_reader_follows_a_related_briefing_and_the_calendar(
    tab: Tab, served: str, lang: str
) -> None:
    # The two briefings share an actor (China) and a topic (diplomacy).
    errors: list[str] = []
    page = open_in(tab, f"{served}/{lang}/briefings/japan-nato-liaison-office/", errors)
    heading = {"en": "Related briefings", "id": "Briefing terkait"}[lang]
    related = page.locator(f"h2:has-text('{heading}') + .briefing-related a").first
    related.click()
    page.wait_for_url(f"{served}/{lang}/briefings/indonesia-joins-brics/")
    page.goto(f"{served}/{lang}/")
    calendar = page.locator("#coming-up ~ p a.briefing-calendar, a.briefing-calendar").first
    response = page.request.get(calendar.evaluate("a => a.href"))
    assert response.ok and response.text().startswith("BEGIN:VCALENDAR")
    assert errors == []
