"""Issue 29, points 3 to 5, read in Chromium on the newsroom site: search that finds a
page by its own content, one timeline entry per event, dates and words."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from axe import AXE, serious_violations
from browsing import Tab
from playwright.sync_api import Page, expect

from bench.search import chromium, serve_folder

CHROMIUM = chromium()

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        CHROMIUM is None, reason="Chromium is not installed (apt-get install chromium)"
    ),
]

SIZES = {"phone": (390, 844), "desktop": (1280, 800)}
WORDS = {
    "en": {
        "none": "No briefing or page matches “nonexistentzzz”.",
        "count": "results for “ASEAN”",
        "other": "The same search in Indonesian",
        "events": "of 20 events",
        "range": "October 26\u201328, 2025",
    },
    "id": {
        "none": "Tidak ada briefing atau halaman yang memuat “nonexistentzzz”.",
        "count": "hasil untuk “ASEAN”",
        "other": "Pencarian yang sama di edisi bahasa Inggris",
        "events": "dari 20 peristiwa",
        "range": "26\u201328 Oktober 2025",
    },
}
OTHER = {"en": "id", "id": "en"}


@pytest.fixture(scope="module")
def served(newsroom_site: Path) -> Iterator[str]:
    with serve_folder(newsroom_site) as base:
        yield base


@pytest.fixture
def page(tab: Tab, request: pytest.FixtureRequest) -> Iterator[Page]:
    """The tab, at the test's size (``desktop`` unless it asks for ``phone``); no console
    error nor failed request follows."""
    size = SIZES[getattr(request, "param", "desktop")]
    errors = tab.errors = []
    tab.page.set_viewport_size({"width": size[0], "height": size[1]})
    yield tab.page
    assert errors == []


def results(page: Page) -> object:
    return page.locator("#briefing-search-results > li")


@pytest.mark.parametrize("lang", ["en", "id"])
def test_search_finds_a_briefing_by_its_own_words_not_by_its_related_list(
    page: Page, served: str, lang: str
) -> None:
    # The NATO-Japan briefing lists Timor-Leste's briefing as related, and says no more.
    page.goto(f"{served}/{lang}/search/?q=Timor-Leste")
    links = page.locator("#briefing-search-results a")
    expect(links.first).to_be_visible(timeout=30_000)
    expect(
        page.locator(
            f"#briefing-search-results a[href='/{lang}/briefings/timor-leste-joins-asean/']"
        )
    ).to_have_count(1)
    expect(
        page.locator("#briefing-search-results a[href*='japan-nato-liaison-office']")
    ).to_have_count(0)
    expect(links).to_have_count(3)  # the actor, its briefing, the summit that admitted it


@pytest.mark.parametrize("page", ["phone", "desktop"], indirect=True)
@pytest.mark.parametrize("lang", ["en", "id"])
def test_each_result_has_an_excerpt_with_the_words_marked_and_the_count_is_said(
    page: Page, served: str, lang: str
) -> None:
    page.goto(f"{served}/{lang}/search/?q=ASEAN")
    status = page.locator("#briefing-search-status")
    expect(status).to_contain_text(WORDS[lang]["count"], timeout=30_000)
    count = int(status.inner_text().split()[0])
    expect(results(page)).to_have_count(count)
    first = results(page).first
    expect(first.locator(".briefing-find__excerpt")).to_be_visible()
    expect(first.locator(".briefing-find__excerpt mark").first).to_contain_text("ASEAN")
    assert serious_violations(page) == []


@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_word_found_nowhere_gets_a_plain_sentence_and_no_result(
    page: Page, served: str, lang: str
) -> None:
    page.goto(f"{served}/{lang}/search/?q=nonexistentzzz")
    expect(page.locator("#briefing-search-status")).to_contain_text(
        WORDS[lang]["none"], timeout=30_000
    )
    expect(results(page)).to_have_count(0)


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_same_search_is_one_click_away_in_the_other_language(
    page: Page, served: str, lang: str
) -> None:
    page.goto(f"{served}/{lang}/search/?q=ASEAN")
    other = page.get_by_role("link", name=WORDS[lang]["other"])
    expect(other).to_have_attribute("href", f"{served}/{OTHER[lang]}/search/?q=ASEAN")
    other.click()
    page.wait_for_url(f"{served}/{OTHER[lang]}/search/?q=ASEAN")
    expect(page.locator("#briefing-search-status")).to_contain_text(
        WORDS[OTHER[lang]]["count"], timeout=30_000
    )


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_search_page_passes_axe_before_and_after_a_search(
    page: Page, served: str, lang: str
) -> None:
    if not AXE.is_file():
        pytest.skip("axe-core is not installed")
    page.goto(f"{served}/{lang}/search/")
    assert serious_violations(page) == []
    page.locator("#briefing-search-q").fill("Timor")
    expect(results(page).first).to_be_visible(timeout=30_000)
    assert serious_violations(page) == []


@pytest.mark.parametrize("page", ["phone", "desktop"], indirect=True)
@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_timeline_shows_an_event_two_briefings_record_once_with_both(
    page: Page, served: str, lang: str
) -> None:
    page.goto(f"{served}/{lang}/timeline/")
    summit = page.locator(".briefing-timeline li", has=page.locator("time[datetime^='2025-10-26']"))
    expect(summit).to_have_count(1)
    expect(summit.locator(".briefing-event__from a")).to_have_count(2)
    award = page.locator(".briefing-timeline li", has=page.locator("time[datetime='2016-07-12']"))
    expect(award).to_have_count(1)  # worded differently, one event id
    expect(award.locator(".briefing-event__from a")).to_have_count(2)
    expect(page.locator(".briefing-filter__count")).to_have_text(
        f"20 {WORDS[lang]['events']}"
    )  # 23 entries
    expect(summit.locator("time")).to_have_css("white-space", "nowrap")


@pytest.mark.parametrize("lang", ["en", "id"])
def test_the_timeline_menus_sort_names_as_readers_expect(
    page: Page, served: str, lang: str
) -> None:
    page.goto(f"{served}/{lang}/timeline/")
    names = page.locator("select[name=actor] option").all_inner_texts()[1:]
    assert names.index("Airlangga Hartarto") < names.index("ASEAN") < names.index("Bakamla")
    assert names.index("Bakamla") < names.index("BRICS")


@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_filter_hides_the_years_it_empties_from_the_table_of_contents(
    page: Page, served: str, lang: str
) -> None:
    page.goto(f"{served}/{lang}/timeline/")
    toc = page.locator(".md-sidebar--secondary a[href='#2016']")
    expect(toc).to_be_visible()
    page.locator("select[name=actor]").select_option("airlangga-hartarto")
    expect(toc).to_be_hidden()
    expect(page.locator(".md-sidebar--secondary a[href='#2025']")).to_be_visible()
    expect(page.locator(".briefing-filter__count")).to_have_text(f"1 {WORDS[lang]['events']}")
    # The event left names its briefing, though the one before it was hidden.
    expect(page.locator(".briefing-timeline li:visible .briefing-event__from")).to_be_visible()


@pytest.mark.parametrize("page", ["phone", "desktop"], indirect=True)
@pytest.mark.parametrize("lang", ["en", "id"])
def test_a_date_range_reads_as_cldr_has_it_on_one_line_and_the_switch_says_its_language(
    page: Page, served: str, lang: str
) -> None:
    page.goto(f"{served}/{lang}/briefings/asean-summit-kuala-lumpur/")
    expect(page.locator(".briefing-timeline time", has_text=WORDS[lang]["range"])).to_have_count(1)
    expect(page.locator(".briefing-meta .briefing-nowrap").first).to_have_css(
        "white-space", "nowrap"
    )
    expect(page.locator(".briefing-lang__code")).to_have_text(lang.upper())
    expect(page.locator(".briefing-lang__code")).to_be_visible()
