"""What a contributor typed reaches every reader as exactly that text.

One property: any text put into every reader-facing field of a briefing and its
registries (quotes, ``&``, ``<``, ``]]>``, emoji, right-to-left letters, combining marks,
line separators) is read back, by each output's own consumer, as the typed text:
feedparser for RSS, ``json`` for JSON Feed, the data export and TimelineJS (whose texts
are HTML), ``icalendar`` for the calendar, an HTML parser for the built pages and the
metadata Pagefind indexes. Nothing lost, nothing added, no markup active.
"""

from __future__ import annotations

import json
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import icalendar
import pytest
import yaml
from conftest import build, copy_project
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

LANGS = ("id", "en")
# What readers' programs and pages treat specially, and what is easy to lose or garble.
PIECES = [
    "'", '"', "&", "&amp;", "<", ">", "]]>", "<b>b</b>", "<!--", "\\", ";", ",", ":", "%0A",
    "::error::", "{{ 7*7 }}", "*", "_", "`", "#", "[x](y)", "😀", "👩🏽‍🚀", "مرحبا", "שלום",
    "e\u0301", "\u0308", "\u2028", "\u2029", "\u00a0", " ", "Aa", "z", "—", "…",
]  # fmt: skip
# (A text of only spaces and marks is refused as empty, and tested as such elsewhere.)
texts = (
    st.lists(st.sampled_from(PIECES), min_size=1, max_size=12)
    .map("".join)
    .filter(lambda t: any(unicodedata.category(c)[0] in "LNPS" for c in t))
)
EVERYTHING = "".join(PIECES)


def fold(text: str) -> str:
    """Text as HTML shows it and a one-line field keeps it: runs of spaces as one."""
    return " ".join(text.split())


class Text(HTMLParser):
    """An HTML document or fragment as a reader gets it: its text, its elements, and
    the values of its Pagefind metadata."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.parts: list[str] = []
        self.meta: dict[str, str] = {}
        self._skip = 0
        self._meta: str | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._skip += tag in ("script", "style")
        self._meta = dict(attrs).get("data-pagefind-meta")
        if self._meta is not None:
            self.meta[self._meta] = ""

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("script", "style")
        self._meta = None

    def handle_data(self, data: str) -> None:
        if self._meta is not None:
            self.meta[self._meta] += data
        if not self._skip:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return fold(" ".join(self.parts))


def html_shows(html: str, typed: str) -> None:
    """An HTML field (a feed's, TimelineJS's) shows exactly ``typed``, with no element."""
    parsed = Text(html)
    assert parsed.tags == [] or set(parsed.tags) == {"p"}, html
    assert parsed.text == fold(typed)


class Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: object) -> bool:
        return True  # content refuses anchors: each repeated text is written out again


def briefing_yaml(typed: str, slug: str, day: int) -> str:
    both = {"id": typed, "en": typed}
    return yaml.dump(
        {
            "title": both,
            "summary": both,
            "published": "2024-01-02",
            "authors": [typed],
            "corrections": [{"date": "2024-01-03", "text": both}],
            "article": {"language": "id", "title": both, "author": typed, "publisher": typed},
            "image": {
                "url": "https://example.org/photo.jpg",
                "alt": both,
                "caption": both,
                "credit": typed,
            },
            "tags": [slug],
            "key_points": [both],
            "actors": [{"actor": f"{slug}-actor", "role": both}],
            "timeline": [
                {"date": f"2024-02-{day:02}", "status": "expected", "event": both, "actors": []},
                {"date": "2024-03", "date_label": both, "event": both},
            ],
            "sources": [{"title": typed, "publisher": typed, "url": "https://example.org/s"}],
        },
        allow_unicode=True,
        Dumper=Dumper,
    )


def write_project(where: Path, typed: dict[str, str]) -> Path:
    """The shipped project and a briefing for each text (by slug): every field, its
    actor's name and its topic's name that text."""
    project = copy_project(where)
    # (Each event on a day of its own: events alike in date and words are one event.)
    for day, (slug, text) in enumerate(typed.items(), start=3):
        folder = project / "content" / "briefings" / slug
        folder.mkdir()
        (folder / "briefing.yaml").write_text(briefing_yaml(text, slug, day), encoding="utf-8")
        name = yaml.safe_dump({"id": text, "en": text}, allow_unicode=True, default_flow_style=True)
        with (project / "content" / "actors.yaml").open("a", encoding="utf-8") as actors:
            actors.write(f"\n{slug}-actor:\n  type: person\n  name: {name}")
        with (project / "content" / "tags.yaml").open("a", encoding="utf-8") as tags:
            tags.write(f"\n{slug}: {name}")
    return project


def check_feeds(docs: Path, slug: str, typed: str) -> None:
    rss = feedparser.parse((docs / "feeds" / "feed.xml").read_bytes())
    assert not rss.bozo, rss.get("bozo_exception")
    (item,) = [e for e in rss.entries if e.link.endswith(f"/briefings/{slug}/")]
    # A title with no "&", "<" or ">" needs no escaping: feedparser, and a reader that
    # shows RSS titles as plain text, get it as typed ("ASEAN's", not "ASEAN&#x27;s").
    if any(c in typed for c in "&<>"):
        assert item.title_detail.type == "text/html"
        html_shows(item.title, typed)
    else:
        assert item.title == fold(typed)
    assert Text(item.description).text.startswith(fold(typed))
    assert set(Text(item.description).tags) == {"p"}

    feed = json.loads((docs / "feeds" / "feed.json").read_text(encoding="utf-8"))
    (entry,) = [e for e in feed["items"] if e["url"].endswith(f"/briefings/{slug}/")]
    assert entry["title"] == typed
    assert entry["summary"] == typed
    assert entry["content_text"].startswith(typed)
    assert Text(entry["content_html"]).text.startswith(fold(typed))
    assert entry["authors"] == [{"name": typed}]
    assert entry["image"] == "https://example.org/photo.jpg"


def check_data(docs: Path, slug: str, typed: str) -> None:
    export = json.loads((docs / "data" / "briefings.json").read_text(encoding="utf-8"))
    briefings = export["briefings"] if isinstance(export, dict) else export
    (data,) = [b for b in briefings if b["slug"] == slug]
    assert data["title"] == data["summary"] == typed
    assert data["authors"] == [typed]
    assert data["key_points"] == [typed]
    assert data["corrections"][0]["text"] == typed
    assert data["tags"] == [{"id": slug, "name": typed}]
    assert data["actors"][0]["name"] == data["actors"][0]["role"] == typed

    timeline = json.loads((docs / "data" / "timelines" / f"{slug}.json").read_text("utf-8"))
    html_shows(timeline["title"]["text"]["headline"], typed)
    html_shows(timeline["title"]["text"]["text"], typed)
    for event in timeline["events"]:
        html_shows(event["text"]["text"], typed)
    # TimelineJS strips a display date of markup, then shows what is left as HTML.
    stripped = Text(timeline["events"][1]["display_date"])
    assert stripped.tags == []
    html_shows(stripped.text, typed)


def check_calendar(docs: Path, slug: str, typed: str) -> None:
    calendar = icalendar.Calendar.from_ical((docs / "feeds" / "events.ics").read_bytes())
    ours = [e for e in calendar.walk("VEVENT") if f"/briefings/{slug}/" in str(e.get("URL"))]
    assert len(ours) == 1  # the event known to the day; the month's is not in a calendar
    for event in ours:
        assert str(event["SUMMARY"]) == typed


def check_page(site: Path, slug: str, typed: str, lang: str) -> None:
    html = (site / lang / "briefings" / slug / "index.html").read_text(encoding="utf-8")
    page = Text(html)
    assert page.meta["title"] == fold(typed)  # what Pagefind shows as the result's title
    head = html.split("<body", 1)[0]
    assert Text(head.split("<title>", 1)[1].split("</title>", 1)[0]).text.startswith(fold(typed))
    # Each field the page shows, as text: title (twice: <title> and heading), author,
    # topic, summary, key point, actor and role, two events and a date label, caption,
    # credit, the article's title, author and publisher, a source's title and publisher,
    # the correction.
    assert page.text.count(fold(typed)) >= 19, page.text
    assert "b" not in page.tags  # the theme writes no <b>; "<b>b</b>" typed stays text


@pytest.mark.slow  # three sites built
@settings(
    max_examples=2,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@example(written=[EVERYTHING, 'Timor-Leste becomes ASEAN\'s "eleventh" member'])
@given(written=st.lists(texts, min_size=2, max_size=2))
def test_every_output_reads_back_exactly_what_was_typed(
    tmp_path_factory: object, written: list[str]
) -> None:
    # Each text in a briefing of its own, side by side in one site (a build costs
    # seconds): what each reader gets of one briefing is its own text, nothing else's.
    typed = {f"typed-{number}": text for number, text in enumerate(written)}
    project = write_project(tmp_path_factory.mktemp("typed") / "project", typed)  # type: ignore[attr-defined]
    site = build(project)
    for lang in LANGS:
        docs = site / lang
        for slug, text in typed.items():
            check_feeds(docs, slug, text)
            check_data(docs, slug, text)
            check_calendar(docs, slug, text)
            check_page(site, slug, text, lang)
