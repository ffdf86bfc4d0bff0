"""Corrections the way newsrooms keep them, and the readers' About page (issue 28.6):
one site built with corrections in two briefings, read as readers and their programs do."""

from __future__ import annotations

import json
from collections.abc import Callable
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import pytest
from conftest import SEED_SLUG, add_outsider_briefing, build, built_once, copy_project, run_mkdocs
from html_parts import Elements, content_of

from generator.settings import Masthead, Settings

Read = Callable[[Path, str], str]
OUTSIDER_SLUG = "indonesia-joins-brics"
PUBLISHER = "Contoh Media Nusantara"
DESK = "Meja Briefings"
CONTACT = "koreksi@example.org"
# Literal text with characters that mean something to Markdown and HTML.
ODD = "<b>2024</b> & *not* [2023]"
# (briefing, date, English text) of each correction, newest first as the page lists them.
NEWEST_FIRST = [
    (SEED_SLUG, "2025-02-01", f"The office's opening year was {ODD}."),
    (OUTSIDER_SLUG, "2025-01-12", "Indonesia joined as a full member, not a partner."),
    (SEED_SLUG, "2023-06-05", "The summit was in Vilnius, not Riga."),
]
DATES = {
    "en": ["February 1, 2025", "January 12, 2025", "June 5, 2023"],
    "id": ["1 Februari 2025", "12 Januari 2025", "5 Juni 2023"],
}
TITLES = {
    "en": {
        SEED_SLUG: "A NATO liaison office in Tokyo brings Japan closer, not into the alliance",
        OUTSIDER_SLUG: "Indonesia joins BRICS",
    },
    "id": {
        SEED_SLUG: "Kantor penghubung NATO di Tokyo mendekatkan Jepang, bukan menjadikannya anggota",
        OUTSIDER_SLUG: "Indonesia bergabung dengan BRICS",
    },
}


def add_corrections(project: Path, slug: str, corrections: list[tuple[str, str]]) -> None:
    """Corrections appended to a briefing's YAML as a contributor writes them."""
    lines = ["corrections:"]
    for date, text in corrections:
        english = json.dumps(text)  # a YAML double-quoted scalar
        lines += [
            f"  - date: {date}",
            f"    text: {{id: {json.dumps('Dikoreksi: ' + text)}, en: {english}}}",
        ]
    path = project / "content" / "briefings" / slug / "briefing.yaml"
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + "\n".join(lines) + "\n")


def set_masthead(project: Path, options: str) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "      publisher: Briefings\n" in text
    config.write_text(text.replace("      publisher: Briefings\n", options), encoding="utf-8")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return built_once(tmp_path_factory, "corrections", build_with_corrections)


def build_with_corrections(dest: Path) -> Path:
    project = copy_project(dest)
    add_outsider_briefing(project)
    for slug in (SEED_SLUG, OUTSIDER_SLUG):
        add_corrections(project, slug, [(d, t) for s, d, t in reversed(NEWEST_FIRST) if s == slug])
    set_masthead(
        project,
        f"      publisher: {PUBLISHER}\n      desk: {DESK}\n      contact: {CONTACT}\n",
    )
    return build(project)


class CorrectionItems(HTMLParser):
    """The corrections page's entries: (link, title, datetime, date shown, text)."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.items: list[dict[str, str]] = []
        self._in: str | None = None
        self.feed(content_of(html))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "li":
            self.items.append({"href": "", "title": "", "iso": "", "date": "", "text": ""})
            self._in = "text"
        elif self.items and tag == "a" and not self.items[-1]["href"]:
            self.items[-1]["href"] = found.get("href", "")
            self._in = "title"
        elif self.items and tag == "time":
            self.items[-1]["iso"] = found.get("datetime", "")
            self._in = "date"

    def handle_endtag(self, tag: str) -> None:
        if tag in ("a", "time") and self._in:
            self._in = "text"
        elif tag == "li":
            self._in = None

    def handle_data(self, data: str) -> None:
        if self.items and self._in:
            self.items[-1][self._in] += data


@pytest.mark.parametrize("lang", ["id", "en"])
def test_corrections_page_lists_every_correction_newest_first_with_linked_titles(
    site: Path, read_page: Read, lang: str
) -> None:
    items = CorrectionItems(read_page(site, f"{lang}/corrections")).items
    assert [item["iso"] for item in items] == [date for _, date, _ in NEWEST_FIRST]
    assert [item["date"] for item in items] == DATES[lang]
    assert [item["title"] for item in items] == [TITLES[lang][s] for s, _, _ in NEWEST_FIRST]
    for item, (slug, _, _) in zip(items, NEWEST_FIRST, strict=True):
        assert item["href"] == f"../briefings/{slug}/"
        assert (site / lang / "corrections" / item["href"] / "index.html").resolve().is_file()
    shown = [" ".join(item["text"].split()) for item in items]
    prefix = "Dikoreksi: " if lang == "id" else ""
    assert shown == [f"{prefix}{text}" for _, _, text in NEWEST_FIRST]  # literally, as typed


@pytest.mark.parametrize("lang", ["id", "en"])
def test_corrections_feeds_list_the_corrections_as_items(site: Path, lang: str) -> None:
    root = f"https://briefings.example.org/{lang}/"
    rss = feedparser.parse((site / lang / "feeds" / "corrections.xml").read_bytes())
    assert not rss.bozo, rss.bozo_exception
    assert rss.feed.title == f"Briefings: {'Koreksi' if lang == 'id' else 'Corrections'}"
    assert [e.title for e in rss.entries] == [TITLES[lang][s] for s, _, _ in NEWEST_FIRST]
    assert [e.link for e in rss.entries] == [
        f"{root}briefings/{s}/#corrections" for s, _, _ in NEWEST_FIRST
    ]
    assert len({e.id for e in rss.entries}) == 3  # each correction its own item
    assert [e.published_parsed[:3] for e in rss.entries] == [
        tuple(int(part) for part in date.split("-")) for _, date, _ in NEWEST_FIRST
    ]
    # HTML whose text is what was typed: escaped once, by encode's rule.
    assert rss.entries[0].summary.endswith(f"{escape(ODD, quote=False)}.</p>")
    feed = json.loads((site / lang / "feeds" / "corrections.json").read_text(encoding="utf-8"))
    assert feed["feed_url"] == f"{root}feeds/corrections.json"
    assert [item["id"] for item in feed["items"]] == [e.id for e in rss.entries]
    assert feed["items"][0]["content_text"].endswith(f"{ODD}.")


def test_every_page_links_the_corrections_and_their_feeds(site: Path, read_page: Read) -> None:
    for path in ("en/", f"en/briefings/{SEED_SLUG}", "id/timeline", "id/about"):
        html = read_page(site, path)
        footer = html[html.index('<footer class="md-footer">') :]
        links = {a["href"]: a for a in Elements(footer).find("a")}
        label = "Koreksi" if path.startswith("id/") else "Corrections"
        corrections = [href for href in links if href.endswith("corrections/")]
        assert len(corrections) == 1, links
        assert f">{label}</a>" in footer
        assert (site / path / corrections[0] / "index.html").resolve().is_file()
        head = Elements(html[: html.index("</head>")])
        feeds = [a["href"] for a in head.find("link", rel="alternate") if "type" in a]
        assert [href.rsplit("/", 1)[-1] for href in feeds] == [
            "feed.xml",
            "feed.json",
            "corrections.xml",
            "corrections.json",
        ]


@pytest.mark.parametrize("lang", ["id", "en"])
def test_about_page_names_the_publisher_the_desk_and_the_contact(
    site: Path, read_page: Read, lang: str
) -> None:
    html = read_page(site, f"{lang}/about")
    page = Elements(content_of(html))
    assert PUBLISHER in page.text and DESK in page.text
    assert page.find("a", href=f"mailto:{CONTACT}")
    assert page.find("a", href="../corrections/")
    assert page.find("a", href="../contribute/")  # how the site is made: for contributors
    assert "Python generator" not in page.text


@pytest.mark.parametrize("lang", ["id", "en"])
def test_unsigned_briefing_is_signed_by_the_desk(site: Path, read_page: Read, lang: str) -> None:
    html = read_page(site, f"{lang}/briefings/{SEED_SLUG}")
    byline = Elements(content_of(html)).text
    assert f"{'Oleh' if lang == 'id' else 'By'} {DESK}" in byline
    start = html.index('<script type="application/ld+json">') + len(
        '<script type="application/ld+json">'
    )
    data = json.loads(html[start : html.index("</script>", start)])
    assert data["author"] == {"@type": "Organization", "name": DESK}
    feed = json.loads((site / lang / "feeds" / "feed.json").read_text(encoding="utf-8"))
    item = next(i for i in feed["items"] if i["url"].endswith(f"/{SEED_SLUG}/"))
    assert item["authors"] == [{"name": DESK}]


def test_a_contact_that_is_no_address_is_refused(project: Path) -> None:
    set_masthead(project, "      publisher: Briefings\n      contact: write to us\n")
    result = run_mkdocs(project, "build", "--strict")
    assert result.returncode != 0
    assert "contact: 'write to us': give an email address" in result.stderr


def test_the_masthead_defaults_to_the_sites_name_and_checks_the_contact(tmp_path: Path) -> None:
    masthead = Settings(root=tmp_path, site_name="Kabar  Dunia").language("en").masthead
    assert (masthead.publisher, masthead.desk, masthead.contact) == ("Kabar Dunia",) * 2 + ("",)
    assert Masthead(contact="https://example.org/contact").contact_href.startswith("https://")
    assert Masthead(contact="desk@example.org").contact_href == "mailto:desk@example.org"
    for bad in ('a"@example.org', "javascript:alert(1)", "x@y", "two  spaces"):
        with pytest.raises(ValueError, match="contact"):
            Masthead(contact=bad)
