"""Reading a built page as the tests do: its tags and text, its own content."""

from __future__ import annotations

from html.parser import HTMLParser


class Elements(HTMLParser):
    """Start tags with their attributes, and the visible text, of one page."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text_parts: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.text_parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.text_parts).split())

    def find(self, tag: str, **attrs: str) -> list[dict[str, str]]:
        return [
            a
            for t, a in self.tags
            if t == tag
            and all(a.get(k.rstrip("_").removeprefix("attrs_")) == v for k, v in attrs.items())
        ]


def content_of(html: str) -> str:
    """The page's own content, without navigation and header (from the part search
    indexes, or the article of a page search leaves out)."""
    start = html.find("data-pagefind-body")
    start = start if start >= 0 else html.index('<article class="md-content__inner')
    end = html.index("</article>", start)
    return html[start:end]
