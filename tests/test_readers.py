"""What readers, feed readers, search engines and data desks get from the built site."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest
from conftest import (
    OUTSIDER,
    SEED_SLUG,
    SITE_URL,
    Read,
    add_outsider_briefing,
    broken_entry_links,
    build,
    copy_project,
)
from content_edits import replace
from html_parts import Elements, content_of

from generator import Settings, generate


def jsonld(html: str) -> dict[str, object]:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match is not None
    data: dict[str, object] = json.loads(match.group(1))
    return data


@pytest.mark.parametrize("lang", ["id", "en"])
def test_rss_feed_newest_first_with_summaries_in_the_language(full_site: Path, lang: str) -> None:
    tree = ET.parse(full_site / lang / "feeds" / "feed.xml")
    channel = tree.getroot().find("channel")
    assert channel is not None
    assert channel.findtext("language") == lang
    items = channel.findall("item")
    assert [i.findtext("link") for i in items] == [
        f"{SITE_URL}{lang}/briefings/indonesia-joins-brics/",
        f"{SITE_URL}{lang}/briefings/{SEED_SLUG}/",
    ]
    summary = items[1].findtext("description") or ""
    assert summary.startswith("<p>NATO dan Jepang" if lang == "id" else "<p>NATO and Japan")


def test_json_feed_and_feed_links_in_every_head(full_site: Path, read_page: Read) -> None:
    feed = json.loads((full_site / "en" / "feeds" / "feed.json").read_text())
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    assert feed["feed_url"] == f"{SITE_URL}en/feeds/feed.json"
    assert feed["items"][0]["url"] == f"{SITE_URL}en/briefings/indonesia-joins-brics/"
    for path in ("en/about", f"en/briefings/{SEED_SLUG}", "en/timeline"):
        page = Elements(read_page(full_site, path))
        links = [a for a in page.find("link", rel="alternate") if "type" in a]
        # The briefings' feeds, then the corrections' (test_corrections.py).
        assert [a["type"] for a in links] == ["application/rss+xml", "application/feed+json"] * 2
        for link in links:  # relative to the page, a folder
            assert (full_site / path / link["href"]).resolve().is_file(), link["href"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_briefing_json_ld(full_site: Path, read_page: Read, lang: str) -> None:
    data = jsonld(read_page(full_site, f"{lang}/briefings/{SEED_SLUG}"))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "AnalysisNewsArticle"
    assert data["inLanguage"] == lang
    if lang == "id":
        assert data["workTranslation"] == [{"@id": f"{SITE_URL}en/briefings/{SEED_SLUG}/"}]
    else:
        assert data["translationOfWork"] == {"@id": f"{SITE_URL}id/briefings/{SEED_SLUG}/"}
    based_on = data["isBasedOn"]
    assert isinstance(based_on, dict) and based_on["author"] == {
        "@type": "Person",
        "name": "Mai Nguyen",
    }
    about = data["about"]
    assert isinstance(about, list)
    assert {
        "@type": "Organization",
        "name": "NATO",
        "sameAs": "https://www.wikidata.org/wiki/Q7184",
    } in about
    mentions = data["mentions"]
    assert isinstance(mentions, list)
    assert all(m["@type"] == "Event" for m in mentions)
    assert {m["startDate"] for m in mentions} >= {"2023-01", "2023-07-11"}


def test_json_ld_uses_only_schema_org_terms(full_site: Path, read_page: Read) -> None:
    known = {
        "@context", "@type", "@id", "url", "headline", "description", "inLanguage",
        "datePublished", "dateModified", "keywords", "about", "mentions", "isBasedOn",
        "workTranslation", "translationOfWork", "image", "name", "sameAs", "startDate",
        "eventStatus", "author", "publisher", "endDate", "correction", "text",
    }  # fmt: skip
    types = {"AnalysisNewsArticle", "NewsArticle", "Person", "Organization", "Country",
             "NewsMediaOrganization", "Thing", "Event", "CorrectionComment"}  # fmt: skip

    def walk(node: object) -> None:
        if isinstance(node, dict):
            assert set(node) <= known, set(node) - known
            if "@type" in node:
                assert node["@type"] in types
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(jsonld(read_page(full_site, "en/briefings/indonesia-joins-brics")))


def test_link_preview_tags_in_the_page_language(full_site: Path, read_page: Read) -> None:
    page = Elements(read_page(full_site, "id/briefings/indonesia-joins-brics"))
    assert page.find("meta", property="og:title", content="Indonesia bergabung dengan BRICS")
    assert page.find("meta", property="og:locale", content="id_ID")
    assert page.find("meta", property="og:locale:alternate", content="en_US")
    assert page.find("meta", property="og:type", content="article")
    card = f"{SITE_URL}id/cards/indonesia-joins-brics.png"
    assert page.find("meta", property="og:image", content=card)
    assert page.find("meta", content="summary_large_image")
    assert page.find("meta", attrs_name="twitter:image", content=card)
    description = page.find("meta", property="og:description")
    assert description and description[0]["content"].startswith("Indonesia menjadi anggota penuh")


def test_data_export_and_timelinejs(full_site: Path) -> None:
    data = json.loads((full_site / "en" / "data" / "briefings.json").read_text())
    assert data["language"] == "en"
    first = data["briefings"][0]
    assert first["slug"] == "indonesia-joins-brics"
    assert first["key_points"][0] == "Membership is seen as good for Indonesia's trade."
    assert first["actors"][0] == {
        "id": "indonesia", "name": "Indonesia", "type": "country",
        "role": "The new member.", "wikidata": "Q252",
    }  # fmt: skip
    timeline = json.loads(
        (full_site / "id" / "data" / "timelines" / f"{SEED_SLUG}.json").read_text()
    )
    assert timeline["title"]["text"]["headline"].startswith("Kantor penghubung NATO")
    assert timeline["events"][0]["start_date"] == {"year": "2022", "month": "6"}
    assert timeline["events"][0]["display_date"] == "Musim panas 2022"


def test_actor_page_ranks_who_the_actor_appears_with(full_site: Path, read_page: Read) -> None:
    html = content_of(read_page(full_site, "en/actors/china"))
    section = html[html.index("Appears with") :]
    section = section[: section.index("</ul>")]
    # Japan shares one briefing with China, Indonesia another; both are listed with counts.
    assert "../japan/" in section and "../indonesia/" in section
    assert "1 briefing" in section


@pytest.mark.parametrize(
    ("lang", "roles"),
    [
        ("en", {SEED_SLUG: "Opposes a NATO presence in Asia.", OUTSIDER: "A founding member."}),
        ("id", {SEED_SLUG: "Menentang kehadiran NATO di Asia.", OUTSIDER: "Anggota pendiri."}),
    ],
)
def test_actor_page_gives_the_actors_role_in_each_briefing(
    full_site: Path, read_page: Read, lang: str, roles: dict[str, str]
) -> None:
    def listed(actor: str) -> list[str]:
        html = content_of(read_page(full_site, f"{lang}/actors/{actor}"))
        listing = html[html.index('class="briefing-list"') :]
        return listing[: listing.index("</ul>")].split("<li>")[1:]

    items = listed("china")
    assert len(items) == 2
    for slug, role in roles.items():
        (item,) = [item for item in items if f"/briefings/{slug}/" in item]
        assert role in item and all(r not in item for r in roles.values() if r != role)
    # An actor without a role in a briefing gets no role line there.
    (brics,) = listed("brics")
    assert f"/briefings/{OUTSIDER}/" in brics and "<br>" not in brics


def test_merged_timelines_name_each_events_briefing(full_site: Path, read_page: Read) -> None:
    def entries(path: str) -> list[str]:
        html = content_of(read_page(full_site, path))
        return re.findall(r'<li class="briefing-event.*?</li>', html)

    own = entries(f"en/briefings/{SEED_SLUG}")
    assert own and not any("Briefing:" in entry for entry in own)
    # Its topics on each entry, as on merged timelines, where the filters read them.
    assert all("nato" in re.findall(r'data-tags="([^"]*)"', e)[0].split() for e in own)
    timeline = entries("en/timeline")
    assert all(any(slug in e for e in timeline) for slug in (SEED_SLUG, OUTSIDER))
    for merged in (timeline, entries("en/actors/japan"), entries("en/actors/brics")):
        assert merged
        for entry in merged:
            line = entry[entry.index("<br>Briefing: ") :]
            # The briefing named is the event's own: the one whose page lists it too.
            slug = re.search(r'briefings/([a-z0-9-]+)/">', line)
            text = entry.split("<br>")[1].split(" (<a")[0].split("<span")[0]  # links vary by depth
            assert slug is not None and text in "".join(entries(f"en/briefings/{slug.group(1)}"))


def test_long_listings_continue_on_numbered_pages(tmp_path: Path, read_page: Read) -> None:
    """With one entry a page, every listing splits; the pager's links resolve (--strict)."""
    project = copy_project(tmp_path / "p")
    add_outsider_briefing(project)
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "      languages: [id, en]\n",
            "      languages: [id, en]\n"
            "      per_page: {briefings: 1, actor_briefings: 1, timeline_events: 2}\n",
        ),
        encoding="utf-8",
    )
    site = build(project)
    for lang, page_word in (("en", "Page"), ("id", "Halaman")):
        newest = Elements(content_of(read_page(site, f"{lang}/briefings")))
        assert f"{page_word} 1 of 2" in newest.text or f"{page_word} 1 dari 2" in newest.text
        assert "indonesia-joins-brics" in read_page(site, f"{lang}/briefings")
        older = read_page(site, f"{lang}/archive/2")
        assert SEED_SLUG in older and "indonesia-joins-brics" not in content_of(older)
    # An actor in both briefings: the newer one first, then the older on page 2,
    # whose title says which page it is.
    first = read_page(site, "en/actors/china")
    second = read_page(site, "en/actors/china/2")
    assert "indonesia-joins-brics" in content_of(first) and SEED_SLUG not in content_of(first)
    assert SEED_SLUG in content_of(second)
    assert re.search(r"<title>[^<]*\(page 2\)", second)
    assert Elements(second).find("nav", class_="briefing-pager")
    assert 'href="../">Newer</a>' in content_of(second)
    # A topic of both briefings, and the timeline's years split into parts.
    assert SEED_SLUG in content_of(read_page(site, "en/tags/diplomacy/2"))
    timeline = Elements(content_of(read_page(site, "en/timeline")))
    assert len(timeline.find("li")) == 3  # one item per year: 2025, 2023 (two parts), 2022
    assert timeline.find("a", href="2023/2/")
    assert "2 of 2" in Elements(content_of(read_page(site, "en/timeline/2023/2"))).text
    # Timeline entries link by URL; on pages two and three folders deep too.
    checked, broken = broken_entry_links(site)
    assert checked > 100 and broken == []


def generated_seed_pages(project: Path, out: Path) -> tuple[str, str]:
    """Generate ``project`` into ``out``: the seed briefing's Markdown, English and
    Indonesian."""
    generate(Settings(root=project, site_url=SITE_URL), out_dir=out)
    page = Path("docs") / "briefings" / f"{SEED_SLUG}.md"
    return (out / "en" / page).read_text(), (out / "id" / page).read_text()


def test_an_event_over_several_days_is_one_range_in_every_output(tmp_path: Path) -> None:
    # The shipped briefing's Vilnius summit: 11-12 July 2023.
    project = copy_project(tmp_path / "project")
    out = tmp_path / "out"
    english, indonesian = generated_seed_pages(project, out)
    assert '<time datetime="2023-07-11">July 11\u201312, 2023</time>' in english
    assert '<time datetime="2023-07-11">11\u201312 Juli 2023</time>' in indonesian
    timeline = json.loads(
        (out / "en" / "docs" / "data" / "timelines" / f"{SEED_SLUG}.json").read_text()
    )
    summit = timeline["events"][-1]
    assert summit["start_date"] == {"year": "2023", "month": "7", "day": "11"}
    assert summit["end_date"] == {"year": "2023", "month": "7", "day": "12"}
    data = json.loads((out / "en" / "docs" / "data" / "briefings.json").read_text())
    (briefing,) = (b for b in data["briefings"] if b["slug"] == SEED_SLUG)
    assert briefing["timeline"][-1]["end"] == "2023-07-12"
    match = re.search(r"^jsonld: (.*)$", english, re.M)
    assert match is not None, "the page's front matter carries its JSON-LD"
    events = json.loads(json.loads(match.group(1)))["mentions"]
    assert {"startDate": "2023-07-11", "endDate": "2023-07-12"}.items() <= events[-1].items()


def test_a_briefing_lists_related_briefings_by_what_they_share(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    add_outsider_briefing(project)
    briefings = project / "content" / "briefings"
    seed = (briefings / SEED_SLUG / "briefing.yaml").read_text(encoding="utf-8")
    # Two more briefings: one sharing every actor and topic of the seed's, one sharing
    # only NATO; the second is newer, but shares less, so it comes after.
    for slug, title, published, cut in (
        ("vilnius-summit", "NATO meets in Vilnius", "2023-07-13", None),
        ("nato-only", "NATO and nobody else", "2024-01-01", "  - actor: japan\n"),
    ):
        (briefings / slug).mkdir()
        text = seed.replace(
            "  en: A NATO liaison office in Tokyo brings Japan closer, not into the alliance",
            f"  en: {title}",
            1,
        )
        text = re.sub(r"^published: .*$", f"published: {published}", text, count=1, flags=re.M)
        if cut:
            text = re.sub(
                r"^actors:\n(.*\n)*?(?=timeline:)", "actors:\n  - actor: nato\n", text, flags=re.M
            )
            text = re.sub(r"^timeline:\n(.*\n)*?(?=sources:)", "timeline: []\n", text, flags=re.M)
            text = re.sub(r"^tags: .*$", "tags: [nato]", text, count=1, flags=re.M)
        (briefings / slug / "briefing.yaml").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    generate(Settings(root=project, site_url=SITE_URL), out_dir=out)
    page = (out / "en" / "docs" / "briefings" / f"{SEED_SLUG}.md").read_text(encoding="utf-8")
    related = page.split("## Related briefings", 1)[1]
    items = re.findall(
        r'^- \[(.*?)\]\(\.\./briefings/(.*?)\) · <span class="briefing-nowrap">(.*)</span>$',
        related,
        re.M,
    )
    assert items[:2] == [
        ("NATO meets in Vilnius", "vilnius-summit.md", "July 13, 2023"),
        ("NATO and nobody else", "nato-only.md", "January 1, 2024"),
    ]
    # The outsider's briefing shares China with it, and nothing more: last.
    assert [href for _, href, _ in items[2:]] == [f"{OUTSIDER}.md"]
    indonesian = (out / "id" / "docs" / "briefings" / "nato-only.md").read_text(encoding="utf-8")
    assert "## Briefing terkait" in indonesian
    # Only briefings sharing an actor or a topic are related.
    outsider = (out / "en" / "docs" / "briefings" / f"{OUTSIDER}.md").read_text(encoding="utf-8")
    assert "vilnius-summit.md" in outsider and "nato-only.md" not in outsider


def test_authors_and_corrections_are_shown_and_carried(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    replace(
        project,
        "published: 2023-06-02\n",
        "published: 2023-06-02\n"
        "authors: [Mai Nguyen, Ahmad Fauzi]\n"
        "corrections:\n"
        "  - date: 2023-06-10\n"
        "    text:\n"
        "      id: Kunjungan Stoltenberg terjadi pada Januari 2023, bukan Februari.\n"
        "      en: Stoltenberg's visit was in January 2023, not February.\n",
    )
    out = tmp_path / "out"
    english, indonesian = generated_seed_pages(project, out)
    nowrap = '<span class="briefing-nowrap">'  # a date never breaks across lines
    assert f"By Mai Nguyen and Ahmad Fauzi · Published {nowrap}June 2, 2023</span>" in english
    assert f'<a href="#corrections">Corrected {nowrap}June 10, 2023</span></a>' in english
    assert "Oleh Mai Nguyen dan Ahmad Fauzi · Diterbitkan" in indonesian
    assert (
        "## Corrections { #corrections }" in english and "## Koreksi { #corrections }" in indonesian
    )
    assert (
        f"- **{nowrap}June 10, 2023</span>**: Stoltenberg's visit was in January 2023, not February."
        in english
    )
    match = re.search(r"^jsonld: (.*)$", english, re.M)
    assert match is not None
    data = json.loads(json.loads(match.group(1)))
    assert data["author"] == [
        {"@type": "Person", "name": "Mai Nguyen"},
        {"@type": "Person", "name": "Ahmad Fauzi"},
    ]
    assert data["correction"] == [
        {
            "@type": "CorrectionComment",
            "datePublished": "2023-06-10",
            "text": "Stoltenberg's visit was in January 2023, not February.",
        }
    ]
    feed = feedparser.parse((out / "id" / "docs" / "feeds" / "feed.xml").read_bytes())
    assert "Koreksi (10 Juni 2023): Kunjungan Stoltenberg" in feed.entries[0].summary
    items = json.loads((out / "en" / "docs" / "feeds" / "feed.json").read_text())["items"]
    assert items[0]["date_modified"].startswith("2023-06-10")
    assert "Corrections (June 10, 2023): Stoltenberg" in items[0]["content_text"]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_each_topic_and_actor_has_feeds_to_follow(
    full_site: Path, read_page: Read, lang: str
) -> None:
    topic = feedparser.parse((full_site / lang / "feeds" / "topics" / "nato.xml").read_bytes())
    assert not topic.bozo and topic.feed.title == "Briefings: NATO"
    assert [e.link for e in topic.entries] == [f"{SITE_URL}{lang}/briefings/{SEED_SLUG}/"]
    actor = json.loads((full_site / lang / "feeds" / "actors" / "china.json").read_text())
    assert actor["feed_url"] == f"{SITE_URL}{lang}/feeds/actors/china.json"
    assert actor["home_page_url"] == f"{SITE_URL}{lang}/actors/china/"
    # The outsider's briefing (2025) and the seed (2023) both name China: newest first.
    assert [item["url"] for item in actor["items"]] == [
        f"{SITE_URL}{lang}/briefings/{OUTSIDER}/",
        f"{SITE_URL}{lang}/briefings/{SEED_SLUG}/",
    ]
    assert 'href="../../feeds/actors/china.xml"' in read_page(full_site, f"{lang}/actors/china/")
    assert 'href="../../feeds/topics/nato.json"' in read_page(full_site, f"{lang}/tags/nato/")


def test_every_page_names_its_twins_for_search_engines(full_site: Path, read_page: Read) -> None:
    for lang in ("id", "en"):
        for path in ("", f"briefings/{SEED_SLUG}/", "timeline/", "actors/indonesia/"):
            page = Elements(read_page(full_site, f"{lang}/{path}"))
            twins = {
                a["hreflang"]: a["href"]
                for a in page.find("link", rel="alternate")
                if "hreflang" in a
            }
            assert twins == {
                "id": f"{SITE_URL}id/{path}",
                "en": f"{SITE_URL}en/{path}",
                "x-default": f"{SITE_URL}id/{path}",
            }


def test_the_top_folder_has_a_sitemap_index_and_robots_txt(full_site: Path) -> None:
    index = ET.fromstring((full_site / "sitemap.xml").read_bytes())
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    listed = [loc.text for loc in index.iter(f"{ns}loc")]
    assert index.tag == f"{ns}sitemapindex"
    assert listed == [f"{SITE_URL}id/sitemap.xml", f"{SITE_URL}en/sitemap.xml"]
    for url in listed:
        assert (full_site / str(url).removeprefix(SITE_URL)).is_file()
    robots = (full_site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITE_URL}sitemap.xml" in robots.splitlines()
