"""The built bilingual site, as a reader gets it: HTML from real MkDocs builds."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import (
    SEED_SLUG,
    add_outsider_briefing,
    add_seed_article,
    broken_entry_links,
    build,
    copy_project,
    require_seed,
)
from html_parts import Elements, content_of

Read = Callable[[Path, str], str]
LANGS = ("id", "en")


# -- URLs and structure -----------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "path",
    [
        "",
        f"briefings/{SEED_SLUG}",
        "briefings",
        "actors/fumio-kishida",
        "actors",
        "timeline",
        "tags",
        "tags/nato",
        "search",
        "about",
        "contribute",
        "contribute/format",
        "contribute/status",
    ],
)
def test_every_page_exists_in_every_language(
    shipped_site: Path, read_page: Read, lang: str, path: str
) -> None:
    html = read_page(shipped_site, f"{lang}/{path}")
    assert f'<html lang="{lang}"' in html


def test_root_offers_every_language_and_names_the_default(shipped_site: Path) -> None:
    # Where a browser goes is tested in test_browser.py; here, what any client reads.
    html = (shipped_site / "index.html").read_text(encoding="utf-8")
    assert Elements(html).find("a", hreflang="en", href="en/")
    assert Elements(html).find("link", rel="alternate", hreflang="x-default", href="id/")
    assert "http-equiv" not in html  # no refresh that would ignore the reader's language
    assert (shipped_site / "favicon.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"


def test_the_top_404_page_is_the_default_languages_and_links_from_the_sites_root(
    shipped_site: Path,
) -> None:
    # GitHub Pages serves it at any depth: no link of it may be relative.
    not_found = (shipped_site / "404.html").read_bytes()
    assert not_found == (shipped_site / "id" / "404.html").read_bytes()
    for lang, heading in (("id", "Halaman tidak ditemukan"), ("en", "Page not found")):
        html = (shipped_site / lang / "404.html").read_text(encoding="utf-8")
        page = Elements(html)
        assert page.find("form", action=f"/{lang}/search/", role="search")
        assert f"<h1>{heading}</h1>" in html
        assert '<meta name="robots" content="noindex">' in html
        links = re.findall(r'(?:href|src|action)="([^"#]+)"', html)
        relative = [url for url in links if not url.startswith(("/", "https:", "data:"))]
        assert links and relative == []


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("id", ["Poin penting", "Aktor", "Linimasa", "Artikel sumber", "Diterbitkan 2 Juni 2023"]),
        ("en", ["Key points", "Actors", "Timeline", "Source article", "Published June 2, 2023"]),
    ],
)
def test_briefing_page_interface_is_in_its_language(
    shipped_site: Path, read_page: Read, lang: str, words: list[str]
) -> None:
    text = Elements(content_of(read_page(shipped_site, f"{lang}/briefings/{SEED_SLUG}"))).text
    for word in words:
        assert word in text


@pytest.mark.parametrize(
    ("lang", "title", "dates"),
    [
        (
            "id",
            "Kantor penghubung NATO di Tokyo",
            ["Januari 2023", "Desember 2022", "Musim panas 2022", "sekitar Mei 2023"],
        ),
        (
            "en",
            "A NATO liaison office in Tokyo",
            ["January 2023", "December 2022", "Summer 2022", "around May 2023"],
        ),
    ],
)
def test_briefing_shows_title_summary_points_actors_timeline(
    shipped_site: Path, read_page: Read, lang: str, title: str, dates: list[str]
) -> None:
    html = read_page(shipped_site, f"{lang}/briefings/{SEED_SLUG}")
    page = Elements(content_of(html))
    assert page.find("h1")
    assert title in page.text
    assert f"<title>{title}" in html
    for date in dates:
        assert date in page.text
    # Actors link to their pages, grouped by type.
    assert page.find("a", href="../../actors/fumio-kishida/")
    assert page.find("a", href="../../actors/nato/")
    # Events in date order.
    times = [a["datetime"] for a in page.find("time")]
    assert times == sorted(times)
    assert times[0] == "2022-06"
    # What happened carries no status word (expected events: tests/test_time.py).
    assert "briefing-status--" not in html


def test_dates_are_formatted_by_babel_at_their_precision(full_site: Path, read_page: Read) -> None:
    id_text = Elements(content_of(read_page(full_site, "id/briefings/indonesia-joins-brics"))).text
    en_text = Elements(content_of(read_page(full_site, "en/briefings/indonesia-joins-brics"))).text
    assert "6 Januari 2025" in id_text
    assert "January 6, 2025" in en_text
    assert "7 Januari 2025" in id_text  # the source article's date
    # A year-only date is shown as the year.
    assert re.search(r"<time datetime=\"2025\">2025</time>", read_page(full_site, "en/timeline"))


@pytest.mark.parametrize("lang", LANGS)
def test_language_switcher_leads_to_the_same_page(
    shipped_site: Path, read_page: Read, lang: str
) -> None:
    page = Elements(read_page(shipped_site, f"{lang}/briefings/{SEED_SLUG}"))
    for other in LANGS:
        target = f"../../../{other}/briefings/{SEED_SLUG}/"
        assert page.find("a", hreflang=other, href=target, class_="md-select__link")
        resolved = (shipped_site / lang / "briefings" / SEED_SLUG / target / "index.html").resolve()
        assert resolved.is_file()


@pytest.mark.parametrize("lang", LANGS)
def test_sitemap_lists_every_page_with_hreflang_alternates(shipped_site: Path, lang: str) -> None:
    sitemap = (shipped_site / lang / "sitemap.xml").read_text(encoding="utf-8")
    root = "https://briefings.example.org/"
    entry = sitemap[sitemap.index(f"<loc>{root}{lang}/briefings/{SEED_SLUG}/</loc>") :]
    entry = entry[: entry.index("</url>")]
    for other in LANGS:
        assert (
            f'<xhtml:link rel="alternate" hreflang="{other}" '
            f'href="{root}{other}/briefings/{SEED_SLUG}/"/>'
        ) in entry
    assert 'hreflang="x-default"' in entry
    assert "<lastmod>2023-06-02</lastmod>" in entry
    pages = list((shipped_site / lang).rglob("index.html"))
    assert sitemap.count("<url>") == len(pages)


def test_navigation_does_not_list_every_briefing(full_site: Path, read_page: Read) -> None:
    html = read_page(full_site, "en/about")
    nav = html[html.index('<nav class="md-nav md-nav--primary"') : html.index("</nav>")]
    assert "briefings/indonesia-joins-brics/" not in nav
    assert f"briefings/{SEED_SLUG}/" not in nav
    index = Elements(read_page(full_site, "en/briefings"))
    assert index.find("a", href="indonesia-joins-brics/")
    assert index.find("a", href=f"{SEED_SLUG}/")


def test_briefings_index_is_newest_first(full_site: Path, read_page: Read) -> None:
    text = Elements(content_of(read_page(full_site, "id/briefings"))).text
    assert text.index("Indonesia bergabung dengan BRICS") < text.index("Kantor penghubung NATO")


# -- shared pages: actors, timeline, tags --------------------------------------------------


def test_actor_page_has_description_backlinks_and_events(full_site: Path, read_page: Read) -> None:
    html = content_of(read_page(full_site, "en/actors/china"))
    page = Elements(html)
    assert "The People's Republic of China" in page.text
    # Backlinks to both briefings that involve China.
    assert page.find("a", href=f"../../briefings/{SEED_SLUG}/")
    assert page.find("a", href="../../briefings/indonesia-joins-brics/")
    kishida = Elements(content_of(read_page(full_site, "id/actors/fumio-kishida")))
    assert "Stoltenberg berkunjung ke Jepang" in kishida.text  # his events across briefings


def test_merged_timeline_is_newest_first_grouped_by_year(full_site: Path, read_page: Read) -> None:
    html = content_of(read_page(full_site, "en/timeline"))
    years = re.findall(r"<h2 id=\"[^\"]*\">(\d{4})", html)
    assert years == sorted(years, reverse=True)
    assert years[:2] == ["2025", "2023"]
    page = Elements(html)
    # Events of both briefings, each linking back to its briefing.
    assert "Brazil announces Indonesia" in page.text
    assert "Jens Stoltenberg visits Japan" in page.text
    assert page.find("a", href=f"../briefings/{SEED_SLUG}/")
    assert page.find("a", href="../briefings/indonesia-joins-brics/")


def test_every_timeline_entry_link_leads_to_a_page(full_site: Path) -> None:
    # Entries are HTML linked by URL, which `mkdocs build --strict` does not check.
    checked, broken = broken_entry_links(full_site)
    assert checked > 100 and broken == []


def test_tags_page_lists_topics_and_a_topic_its_briefings(full_site: Path, read_page: Read) -> None:
    page = Elements(content_of(read_page(full_site, "id/tags")))
    assert "Ekonomi 1 briefing" in page.text  # the index counts; it does not repeat listings
    assert page.find("a", href="economy/")
    topic = Elements(content_of(read_page(full_site, "id/tags/economy")))
    assert topic.find("a", href="../../briefings/indonesia-joins-brics/")


# -- translations ----------------------------------------------------------------------------


def test_missing_translation_shows_original_marked_with_its_language(
    full_site: Path, read_page: Read
) -> None:
    html = content_of(read_page(full_site, "en/briefings/indonesia-joins-brics"))
    # The second key point has no English text: Indonesian, marked, with a notice in English.
    assert '<span lang="id">Jakarta menegaskan tetap tidak memihak blok mana pun.</span>' in html
    assert '<span class="briefing-untranslated">not yet translated</span>' in html
    assert "Translation in progress" in html
    # The Indonesian page has nothing to mark.
    assert "belum diterjemahkan" not in content_of(
        read_page(full_site, "id/briefings/indonesia-joins-brics")
    )


def test_english_page_of_indonesian_only_article_says_so_and_links(
    full_site: Path, read_page: Read
) -> None:
    page = Elements(content_of(read_page(full_site, "en/briefings/indonesia-joins-brics")))
    assert "This article exists only in Indonesian." in page.text
    assert page.find("a", href="../../../id/briefings/indonesia-joins-brics/#source-article")
    assert "Pemerintah menyebut" not in page.text  # no Indonesian body in the English index
    id_page = Elements(content_of(read_page(full_site, "id/briefings/indonesia-joins-brics")))
    assert "Pemerintah menyebut keanggotaan itu menguntungkan" in id_page.text
    assert id_page.find("div", class_="briefing-article", lang="id")


def test_markdown_article_is_sanitised(full_site: Path, read_page: Read) -> None:
    html = content_of(read_page(full_site, "id/briefings/indonesia-joins-brics"))
    assert "alert" not in html
    assert "onclick" not in html
    assert "javascript:" not in html
    assert "<strong>BRICS</strong>" in html


# -- the seed article ----------------------------------------------------------------------


def test_seed_article_renders_as_paragraphs_caption_and_byline(
    full_site: Path, read_page: Read
) -> None:
    seed = require_seed()
    html = content_of(read_page(full_site, f"id/briefings/{SEED_SLUG}"))
    body = html[html.index('class="briefing-article"') :]
    paragraphs = [line for line in seed.splitlines() if line.strip()]
    # Every paragraph line but the caption and the byline is a <p> of its own.
    assert body.count("<p>") == len(paragraphs) - 2
    assert "<figcaption>Sekretaris Jenderal NATO Jens Stoltenberg" in body
    assert '<span class="briefing-credit">Foto: Nato.int</span>' in body
    assert "MAI NGUYEN" not in body
    assert "Oleh Mai Nguyen" in html


@pytest.mark.slow  # builds the whole site
def test_seed_byline_becomes_author_when_yaml_names_none(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    add_seed_article(project)
    yaml_file = project / "content" / "briefings" / SEED_SLUG / "briefing.yaml"
    yaml_file.write_text(yaml_file.read_text().replace("  author: Mai Nguyen\n", ""))
    site = build(project)
    html = (site / "en" / "briefings" / SEED_SLUG / "index.html").read_text()
    assert "By Mai Nguyen" in html


# -- search data ------------------------------------------------------------------------------


def test_pagefind_indexes_each_language_separately(shipped_site: Path) -> None:
    counts = {}
    for lang in LANGS:
        entry = json.loads((shipped_site / lang / "pagefind" / "pagefind-entry.json").read_text())
        assert set(entry["languages"]) == {lang}
        counts[lang] = entry["languages"][lang]["page_count"]
    assert counts["id"] == counts["en"] > 10


def test_no_lunr_index_is_built(shipped_site: Path) -> None:
    assert not list(shipped_site.rglob("search_index.json"))


def test_photo_with_caption_and_credit_and_sources(full_site: Path, read_page: Read) -> None:
    folder = full_site / "en" / "briefings" / "indonesia-joins-brics"
    assert (folder / "photo.png").is_file()
    page = Elements(content_of(read_page(full_site, "en/briefings/indonesia-joins-brics")))
    assert page.find("img", src="photo.png", alt="A plain blue picture.")
    assert "Flags of the BRICS members." in page.text
    assert "Photo: Tim contoh" in page.text
    assert page.find("a", href="https://brics.br/en", hreflang="en")
    assert "Further reading" in page.text
    id_page = Elements(content_of(read_page(full_site, "id/briefings/indonesia-joins-brics")))
    assert "Foto: Tim contoh" in id_page.text and "Bacaan lanjutan" in id_page.text


@pytest.mark.slow  # builds the whole site
def test_article_translation_beside_the_original_is_shown_on_its_page(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    add_outsider_briefing(project)
    folder = project / "content" / "briefings" / "indonesia-joins-brics"
    (folder / "article.en.md").write_text("Indonesia became a full member of **BRICS**.\n")
    site = build(project)
    en = (site / "en" / "briefings" / "indonesia-joins-brics" / "index.html").read_text()
    body = en[en.index('class="briefing-article"') :]
    assert 'lang="en"' in body[:40]
    assert "Indonesia became a full member of <strong>BRICS</strong>." in body
    assert "exists only in" not in en
