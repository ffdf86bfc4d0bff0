"""Reading like the best explainers (issue 29, points 1, 2, 6 and 7), shown in Chromium on
the newsroom site of seven briefings, in both languages, on a phone and a desktop."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe import AXE, serious_violations
from browsing import Tab
from PIL import Image
from playwright.sync_api import Browser, Page, expect

from bench.search import serve_folder
from generator import cards
from generator.reading import KIND_WORDS

pytestmark = pytest.mark.slow  # a browser

VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 800)}
WORDS = {
    "id": {
        "key_points": "Poin penting",
        "explainer": "Penjelasan",
        "interview": "Wawancara",
        "about": "Tentang",
        "corrections": "Koreksi",
        "other": "English",
        "not_found": "Halaman tidak ditemukan",
        "search_box": "Cari",
        "home": "Halaman utama",
        "photo": "Foto: Ilustrasi Warta Selat",
        "asean_count": "4 briefing",
        "actor_link": "ASEAN sebagai aktor",
    },
    "en": {
        "key_points": "Key points",
        "explainer": "Explainer",
        "interview": "Interview",
        "about": "About",
        "corrections": "Corrections",
        "other": "Bahasa Indonesia",
        "not_found": "Page not found",
        "search_box": "Search",
        "home": "Home page",
        "photo": "Photo: Ilustrasi Warta Selat",
        "asean_count": "4 briefings",
        "actor_link": "ASEAN as an actor",
    },
}
LEAD = {  # the newest briefing, which has a photo
    "id": "Sepuluh tahun putusan arbitrase Laut China Selatan",
    "en": "Ten years after the South China Sea arbitral award",
}
SUMMIT = "asean-summit-kuala-lumpur"  # an explainer with a photo, corrected once
every_view = pytest.mark.parametrize(
    ("lang", "view"), [(lang, view) for lang in ("id", "en") for view in VIEWPORTS]
)


@pytest.fixture(scope="module")
def served(newsroom_site: Path) -> Iterator[str]:
    with serve_folder(newsroom_site) as base:
        yield base


@pytest.fixture
def open_at(tab: Tab, served: str) -> Iterator[object]:
    """Opens a path of the site at a viewport; no console error nor failed request follows."""
    errors = tab.errors = []

    def open_page(path: str, view: str = "desktop") -> Page:
        tab.load(f"{served}{path}", VIEWPORTS[view])
        return tab.page

    yield open_page
    assert errors == []


@every_view
def test_the_front_page_leads_with_the_newest_briefing_above_the_fold(
    open_at: object, lang: str, view: str
) -> None:
    page = open_at(f"/{lang}/", view)  # type: ignore[operator]
    lead = page.locator("div.briefing-lead")
    expect(lead.locator("h2")).to_contain_text(LEAD[lang])
    expect(lead.locator("h2")).to_be_in_viewport()
    expect(lead.locator("img")).to_be_in_viewport()
    expect(lead.locator(".briefing-kind")).to_have_attribute("data-kind", "analysis")
    # Coming up follows the lead, and the list below does not repeat it.
    expect(page.locator(".briefing-lead ~ section.briefing-coming")).to_have_count(1)
    expect(page.locator(".briefing-list a", has_text=LEAD[lang])).to_have_count(0)
    expect(page.locator(".briefing-list img.briefing-list__image")).not_to_have_count(0)
    lead.locator("h2 a").first.click()
    expect(page).to_have_url(re.compile(f"/{lang}/briefings/arbitral-award-ten-years/$"))


@every_view
def test_every_page_names_the_site_in_its_header_and_links_the_newsroom_in_its_footer(
    open_at: object, lang: str, view: str
) -> None:
    page = open_at(f"/{lang}/briefings/{SUMMIT}/", view)  # type: ignore[operator]
    expect(page.locator(".md-header__title .md-header__topic").first).to_be_visible()
    expect(page.locator(".md-header__title .md-header__topic").first).to_have_text("Briefings")
    footer = page.locator("nav.briefing-footer a")
    words = WORDS[lang]
    expect(footer).to_have_text(
        [words["about"], words["corrections"], "RSS", "JSON Feed", "iCalendar", words["other"]]
    )
    other = "en" if lang == "id" else "id"
    footer.last.click()
    expect(page).to_have_url(re.compile(f"/{other}/briefings/{SUMMIT}/$"))


@every_view
def test_a_briefings_photo_comes_under_its_headline_and_summary_with_caption_and_credit(
    open_at: object, lang: str, view: str
) -> None:
    page = open_at(f"/{lang}/briefings/{SUMMIT}/", view)  # type: ignore[operator]
    words = WORDS[lang]
    expect(page.locator(".briefing-kicker .briefing-kind")).to_have_text(words["explainer"])
    expect(page.locator(".briefing-summary + figure.briefing-photo img")).to_be_visible()
    expect(page.locator("figure.briefing-photo + h2")).to_contain_text(words["key_points"])
    expect(page.locator("figure.briefing-photo figcaption")).to_contain_text(words["photo"])
    # Nothing of the page's end holds it any more.
    expect(page.locator("#source-article ~ figure")).to_have_count(0)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_share_card_of_a_briefing_with_a_photo_shows_the_photo_under_a_band(
    open_at: object, lang: str
) -> None:
    page = open_at(f"/{lang}/briefings/{SUMMIT}/")  # type: ignore[operator]
    card_url = page.locator('meta[property="og:image"]').get_attribute("content") or ""
    local = card_url.replace("https://briefings.example.org", page.url.split(f"/{lang}/")[0])
    card = page.request.get(local)
    photo = page.request.get(page.locator("figure.briefing-photo img").evaluate("i => i.src"))
    title = page.locator("h1").evaluate("h => h.firstChild.textContent").strip()
    kind = WORDS[lang]["explainer"]
    with Image.open(io.BytesIO(card.body())) as drawn:
        drawn.load()
        assert drawn.size == cards.SIZE
        expected = cards.Card(title, card_date(lang), "Briefings", kind, photo.body())
        assert drawn.info[cards.STAMP] == expected.key
        rgb = drawn.convert("RGB")
        band = rgb.getpixel((600, 620))  # at the bottom, in (about: 256 colours) its colour
        assert isinstance(band, tuple)
        assert all(abs(a - b) <= 8 for a, b in zip(band, cards.BAND, strict=True))
        assert rgb.getpixel((20, 20)) != cards.BACKGROUND  # the photo, at the top
    # A briefing without a photo keeps the drawn card, with its kind over the title.
    interview = page.request.get(local.replace(SUMMIT, "bakamla-natuna-patrols"))
    with Image.open(io.BytesIO(interview.body())) as plain:
        assert plain.convert("RGB").getpixel((20, 20)) == cards.BACKGROUND


def card_date(lang: str) -> str:
    return {"id": "29 Oktober 2025", "en": "October 29, 2025"}[lang]


@every_view
def test_the_briefings_list_filters_by_kind_of_work(open_at: object, lang: str, view: str) -> None:
    page = open_at(f"/{lang}/briefings/", view)  # type: ignore[operator]
    items = page.locator(".briefing-list li")
    expect(items).to_have_count(7)
    page.get_by_role("button", name=WORDS[lang]["interview"]).click()
    expect(page.locator(".briefing-list li:visible")).to_have_count(1)
    expect(page.locator(".briefing-list li:visible .briefing-kind")).to_have_text(
        WORDS[lang]["interview"]
    )
    expect(page).to_have_url(re.compile(r"\?kind=interview$"))
    page.reload()  # the choice lives in the address
    expect(page.locator(".briefing-list li:visible")).to_have_count(1)
    page.locator(".briefing-kinds button").first.click()
    expect(page.locator(".briefing-list li:visible")).to_have_count(7)


@every_view
def test_the_actors_index_counts_each_actors_briefings_by_kind(
    open_at: object, lang: str, view: str
) -> None:
    page = open_at(f"/{lang}/actors/", view)  # type: ignore[operator]
    asean = page.locator(".briefing-actors li", has=page.locator("a", has_text="ASEAN"))
    expect(asean.locator(".briefing-count")).to_have_text(WORDS[lang]["asean_count"])
    expect(page.locator("h2 + .briefing-actors")).to_have_count(4)  # four kinds of actor
    asean.locator("a").click()
    expect(page).to_have_url(re.compile(f"/{lang}/actors/asean/$"))


@every_view
def test_a_topic_page_opens_with_its_description_and_links_its_same_named_actor(
    open_at: object, lang: str, view: str
) -> None:
    page = open_at(f"/{lang}/tags/asean/", view)  # type: ignore[operator]
    expect(page.locator("h1 + .briefing-about")).to_contain_text("1967")
    link = page.locator("a", has_text=WORDS[lang]["actor_link"])
    link.click()
    expect(page).to_have_url(re.compile(f"/{lang}/actors/asean/$"))


@every_view
def test_a_topic_page_opens_with_its_own_description_when_tags_yaml_gives_one(
    open_at: object, lang: str, view: str
) -> None:
    page = open_at(f"/{lang}/tags/south-china-sea/", view)  # type: ignore[operator]
    words = {"id": "Perairan yang diklaim sebagian oleh China", "en": "The waters claimed in part"}
    about = page.locator("h1 + .briefing-about")
    expect(about).to_contain_text(words[lang])
    expect(about).to_be_in_viewport()
    expect(page.locator(".briefing-topic-actor")).to_have_count(0)  # no actor of its name


MISSING = {"id": "/id/tidak/ada/", "en": "/en/no/such/page/"}


@every_view
def test_a_missing_address_answers_in_its_language_under_the_sites_header(
    browser: Browser, served: str, lang: str, view: str
) -> None:
    width, height = VIEWPORTS[view]
    page = browser.new_page(viewport={"width": width, "height": height})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        response = page.goto(f"{served}{MISSING[lang]}")
        assert response is not None and response.status == 404
        expect(page.locator("html")).to_have_attribute("lang", lang)
        expect(page.locator("article h1")).to_have_text(WORDS[lang]["not_found"])
        expect(page).to_have_title(f"{WORDS[lang]['not_found']} - Briefings")
        expect(page).to_have_url(f"{served}{MISSING[lang]}")  # the address asked for
        expect(page.locator(".md-header__topic").first).to_have_text("Briefings")
        expect(page.locator(".md-header__topic").first).to_be_visible()
        box = page.locator("header form.briefing-find input[name=q]")
        expect(box).to_be_visible()
        expect(box).to_have_attribute("placeholder", WORDS[lang]["search_box"])
        # The header's search works from here: its bundle is found from any depth.
        box.fill("ASEAN")
        expect(page.locator(".briefing-find__results a").first).to_be_visible()
        expect(page.locator(".briefing-find__results a").first).to_have_attribute(
            "href", re.compile(f"^/{lang}/")
        )
        home = page.locator("article a", has_text=WORDS[lang]["home"])
        expect(home).to_have_attribute("href", f"/{lang}/")
        other = page.locator("article a", has_text=WORDS[lang]["other"])
        expect(other).to_have_attribute("href", "/en/" if lang == "id" else "/id/")
    finally:
        page.close()
    assert errors == []


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("path", ["", f"briefings/{SUMMIT}/", "actors/"])
def test_the_front_page_a_briefing_and_the_actors_index_pass_axe(
    open_at: object, lang: str, path: str
) -> None:
    if not AXE.is_file():
        pytest.skip("axe-core is not installed (make installs it with npm when npm is here)")
    for view in VIEWPORTS:
        page = open_at(f"/{lang}/{path}", view)  # type: ignore[operator]
        expect(page.locator("h1")).to_be_visible()
        assert serious_violations(page) == []


def test_every_kind_has_its_label_in_the_catalogs_and_the_templates() -> None:
    root = Path(__file__).resolve().parents[1]
    macros = (root / "templates" / "_macros.md.j2").read_text(encoding="utf-8")
    catalog = (root / "locales" / "id" / "LC_MESSAGES" / "messages.po").read_text("utf-8")
    for kind, words in KIND_WORDS.items():
        assert f'"{kind}": _("{words}")' in macros
        assert re.search(f'msgid "{words}"\nmsgstr "[^"]+"', catalog), words
