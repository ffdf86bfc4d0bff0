"""Every output other than a page, read the way its consumer reads it, shows hostile
content as the text typed: feeds through a feed parser, HTML fields through an HTML
parser, JSON through a JSON parser, sitemaps through an XML parser."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import icalendar
import pytest
import yaml
from conftest import FIXTURES, HOSTILE_SLUG, SEED_SLUG, copy_project

from generator import Settings, generate

LANGS = ["id", "en"]
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


class Fragment(HTMLParser):
    """An HTML fragment as a browser would take it in: its elements and its text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.parts: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_comment(self, data: str) -> None:
        self.tags.append("<!--")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.parts).split())  # a space between paragraphs


def shown_as_text(html: str, typed: str, allowed: frozenset[str] = frozenset()) -> None:
    """``html`` renders as exactly ``typed`` (folded), with no element but ``allowed``."""
    fragment = Fragment(html)
    assert set(fragment.tags) <= allowed, f"{fragment.tags} in {html!r}"
    assert fragment.text == " ".join(typed.split())


@pytest.fixture(scope="module")
def typed() -> dict[str, object]:
    """The hostile briefing as its contributor typed it."""
    data: dict[str, object] = yaml.safe_load(
        (FIXTURES / "hostile" / "briefing.yaml").read_text(encoding="utf-8")
    )
    return data


def texts(typed: dict[str, object], field: str, lang: str) -> str:
    value = typed[field]
    assert isinstance(value, dict)
    return str(value[lang])


@pytest.mark.parametrize("lang", LANGS)
def test_rss_titles_and_descriptions_are_text_to_a_feed_reader(
    hostile_site: Path, typed: dict[str, object], lang: str
) -> None:
    feed = feedparser.parse((hostile_site / lang / "feeds" / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    (entry,) = [e for e in feed.entries if e.link.endswith(f"/briefings/{HOSTILE_SLUG}/")]
    assert entry.title_detail.type == "text/html"  # so the reader renders it: as text
    shown_as_text(entry.title, texts(typed, "title", lang))
    shown_as_text(entry.summary, texts(typed, "summary", lang), frozenset({"p"}))
    assert "evil.example" not in json.dumps(entry.get("links", []))


@pytest.mark.parametrize("lang", LANGS)
def test_json_feed_content_html_is_text_and_content_text_is_verbatim(
    hostile_site: Path, typed: dict[str, object], lang: str
) -> None:
    feed = json.loads((hostile_site / lang / "feeds" / "feed.json").read_text(encoding="utf-8"))
    (item,) = [i for i in feed["items"] if i["url"].endswith(f"/briefings/{HOSTILE_SLUG}/")]
    shown_as_text(item["content_html"], texts(typed, "summary", lang), frozenset({"p"}))
    assert item["content_text"] == texts(typed, "summary", lang)
    assert item["title"] == texts(typed, "title", lang)


@pytest.mark.parametrize("lang", LANGS)
def test_timelinejs_texts_are_html_showing_the_text_typed(
    hostile_site: Path, typed: dict[str, object], lang: str
) -> None:
    path = hostile_site / lang / "data" / "timelines" / f"{HOSTILE_SLUG}.json"
    timeline = json.loads(path.read_text(encoding="utf-8"))
    shown_as_text(timeline["title"]["text"]["headline"], texts(typed, "title", lang))
    shown_as_text(timeline["title"]["text"]["text"], texts(typed, "summary", lang))
    ((event,),) = [typed["timeline"]]  # type: ignore[misc]
    (shown,) = timeline["events"]
    shown_as_text(shown["text"]["text"], event["event"][lang])
    # TimelineJS strips a display date of markup (its text, references decoded), then
    # shows what is left as HTML.
    stripped = Fragment(shown["display_date"])
    assert stripped.tags == []
    shown_as_text(stripped.text, event["date_label"][lang])


@pytest.mark.parametrize(
    "path",
    [
        "feeds/feed.json",
        "data/briefings.json",
        f"data/timelines/{HOSTILE_SLUG}.json",
    ],
)
@pytest.mark.parametrize("lang", LANGS)
def test_json_files_parse_and_could_sit_inside_a_script(
    hostile_site: Path, typed: dict[str, object], lang: str, path: str
) -> None:
    raw = (hostile_site / lang / path).read_text(encoding="utf-8")
    for char in "<>&\u2028\u2029":
        assert char not in raw, f"{char!r} in {path}"
    json.loads(raw)  # still the same data, \u escapes and all


@pytest.mark.parametrize("lang", LANGS)
def test_data_export_carries_the_texts_verbatim(
    hostile_site: Path, typed: dict[str, object], lang: str
) -> None:
    data = json.loads((hostile_site / lang / "data" / "briefings.json").read_text())
    (briefing,) = [b for b in data["briefings"] if b["slug"] == HOSTILE_SLUG]
    assert briefing["title"] == texts(typed, "title", lang)
    assert briefing["summary"] == texts(typed, "summary", lang)
    assert briefing["sources"][0]["title"] == '"><script>alert(1)</script>'


@pytest.mark.parametrize("lang", LANGS)
def test_sitemaps_hold_only_the_sites_own_addresses(hostile_site: Path, lang: str) -> None:
    for path in (hostile_site / lang).rglob("sitemap.xml"):
        root = ET.parse(path).getroot()
        for loc in root.iter(f"{SITEMAP}loc"):
            assert (loc.text or "").startswith("https://briefings.example.org/"), loc.text


def test_calendar_texts_cannot_add_lines_events_or_fields(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    yaml_file = project / "content" / "briefings" / SEED_SLUG / "briefing.yaml"
    original = "      en: NATO summit in Vilnius, attended by the leaders of Japan, South Korea, New Zealand and Australia; no decision is taken on the liaison office in Tokyo.\n"
    # A line break, a new event and fields, and the characters iCalendar escapes.
    typed = "End;\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:injected, with \\ and ; and ,"
    text = yaml_file.read_text(encoding="utf-8")
    assert original in text
    yaml_file.write_text(
        text.replace(original, f"      en: {json.dumps(typed)}\n"), encoding="utf-8"
    )
    out = tmp_path / "out"
    generate(Settings(root=project, site_url="https://briefings.example.org/"), out_dir=out)
    raw = (out / "en" / "docs" / "feeds" / "events.ics").read_bytes()
    events = list(icalendar.Calendar.from_ical(raw).walk("VEVENT"))
    # The seed's one entry known to the day, no more: "BEGIN:VEVENT" typed never starts a line.
    assert len(events) == raw.split(b"\r\n").count(b"BEGIN:VEVENT") == 1
    assert typed in [str(event["SUMMARY"]) for event in events]
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))


@pytest.mark.parametrize("lang", LANGS)
def test_an_actors_own_feed_shows_its_name_as_text(hostile_site: Path, lang: str) -> None:
    actors = yaml.safe_load((FIXTURES / "hostile" / "actors.yaml").read_text(encoding="utf-8"))
    name = actors["hostile-actor"]["name"][lang]
    feed = feedparser.parse(
        (hostile_site / lang / "feeds" / "actors" / "hostile-actor.xml").read_bytes()
    )
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title_detail.type == "text/html"
    shown_as_text(feed.feed.title, f"Briefings: {name}")
    items = json.loads(
        (hostile_site / lang / "feeds" / "actors" / "hostile-actor.json").read_text()
    )
    assert items["title"] == f"Briefings: {name}"  # JSON Feed titles are plain text
