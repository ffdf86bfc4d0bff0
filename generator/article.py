"""Source articles: pasted text or Markdown in, sanitised HTML and found metadata out.

A pasted article is one paragraph a line. Two lines are not paragraphs: a photo
caption that ends in ``Foto: <credit>`` (or ``Photo:``), which becomes the
figure caption, and a byline in capitals on the last line, which becomes the
author when the YAML names none. Markdown articles are converted with plain
Python-Markdown and then cleaned with an allow-list, so that no script, event
handler, iframe or style from an article reaches a page.
"""

from __future__ import annotations

import contextlib
import html
import re
import signal
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

import markdown
import nh3

CAPTION = re.compile(
    r"^(?P<caption>.*?)[\s.]*+\b(?P<label>Foto|Photo|Gambar|Image)\s*+:\s*+(?P<credit>[^\s].{0,80}?)\s*$",
    re.IGNORECASE,
)
# A caption is a short line; the pattern's lazy start is quadratic in a line's length,
# so longer lines are never matched against it.
CAPTION_MAX_CHARACTERS = 400
# Python-Markdown finds the end of a link or a tag by scanning ahead from each "[" or
# "<", so a paragraph flooded with them takes time quadratic in their number. Real
# articles have a few; these caps keep the worst case to a fraction of a second, and
# the time budget stops whatever else is slow.
MAX_OPENERS_PER_PARAGRAPH = 200
MAX_OPENERS = 2_000
MARKDOWN_SECONDS = 5.0
BYLINE_PREFIX = re.compile(r"^(oleh|by)\s*:?\s+", re.IGNORECASE)
# File-including syntaxes of Markdown extensions (pymdownx.snippets, markdown-include,
# mkdocs-macros). None is enabled for articles; refusing them says so plainly.
# A "{!" only counts when a "!}" closes it on its line, which _include_syntax checks once a
# line: a pattern such as "{!.*!}" reads to the line's end from every "{!" in it.
INCLUDE_SYNTAX = re.compile(r"--8<--|\{!|\{%-?\s*include")

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "dl", "dt",
    "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "ins", "kbd",
    "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "*": {"lang"},
}


@dataclass(frozen=True)
class ArticleBody:
    """What a page shows of an article, and what the scaffolder and checks read."""

    language: str
    html: str  # sanitised; safe to put into a page as it is
    paragraphs: tuple[str, ...]  # plain text, for checks and search of mentions
    caption: str | None = None
    credit: str | None = None
    credit_label: str | None = None
    byline: str | None = None


class ArticleError(ValueError):
    def __init__(self, message: str, line: int = 0) -> None:
        super().__init__(message)
        self.line = line


def parse_article(text: str, language: str, *, markdown_source: bool) -> ArticleBody:
    found = _include_syntax(text)
    if found:
        start, syntax = found
        line = text.count("\n", 0, start) + 1
        raise ArticleError(
            f"{syntax[:20]!r}: file-including syntax is not allowed in articles", line
        )
    if markdown_source:
        return _parse_markdown(text, language)
    return _parse_pasted(text, language)


def _include_syntax(text: str) -> tuple[int, str] | None:
    """Where the first file-including syntax starts, and the syntax."""
    unclosed_until = -1  # the end of a line with a "{!" that nothing closes
    for match in INCLUDE_SYNTAX.finditer(text):
        if match.group() != "{!":
            return match.start(), match.group()
        if match.start() < unclosed_until:
            continue
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        close = text.rfind("!}", match.end(), line_end)
        if close >= 0:
            return match.start(), text[match.start() : close + 2]
        unclosed_until = line_end
    return None


# Text saved as Windows-1252 but read as Latin-1 holds C1 controls (U+0080-U+009F) where
# it had curly quotes and dashes; UTF-8 read as Windows-1252 holds runs such as "â€™".
_C1 = re.compile("[\x80-\x9f]")
_CP1252_TAIL = "".join(bytes([b]).decode("cp1252", "ignore") for b in range(0x80, 0xC0))
_UTF8_AS_CP1252 = re.compile(f"[\u00c2-\u00f4][{re.escape(_CP1252_TAIL)}\x80-\x9f]{{1,3}}")
# Control characters, and the two non-characters YAML cannot hold (U+FFFE, U+FFFF).
_OTHER_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def _from_cp1252(char: str) -> str:
    try:
        return bytes([ord(char)]).decode("cp1252")
    except UnicodeDecodeError:  # five bytes Windows-1252 leaves undefined
        return ""


def _utf8_read_as_cp1252(run: str) -> str:
    try:  # C1 controls stand for the five bytes Windows-1252 leaves undefined
        raw = b"".join(
            bytes([ord(c)]) if "\x80" <= c <= "\x9f" else c.encode("cp1252") for c in run
        )
        return raw.decode("utf-8")
    except UnicodeError:
        return run  # not a garbled character after all


def repair_mojibake(text: str) -> str:
    """Pasted text with the usual garbling undone and control characters dropped."""
    text = _UTF8_AS_CP1252.sub(lambda m: _utf8_read_as_cp1252(m.group()), text)
    text = _C1.sub(lambda m: _from_cp1252(m.group()), text)
    return _OTHER_CONTROLS.sub("", text)


def _is_byline(line: str) -> bool:
    if len(line) > 60:
        return False
    words = BYLINE_PREFIX.sub("", line).split()
    letters = [c for c in line if c.isalpha()]
    return (
        1 <= len(words) <= 5
        and bool(letters)
        and all(c.isupper() for c in letters)
        and not line.rstrip().endswith((".", ":", "?", "!"))
    )


def _byline_name(line: str) -> str:
    name = BYLINE_PREFIX.sub("", line.strip())
    return " ".join(word.capitalize() for word in name.split())


def _parse_pasted(text: str, language: str) -> ArticleBody:
    lines = [" ".join(line.split()) for line in text.splitlines()]
    lines = [line for line in lines if line]
    byline = None
    if lines and _is_byline(lines[-1]):
        byline = _byline_name(lines.pop())
    caption = credit = label = None
    parts: list[str] = []
    paragraphs: list[str] = []
    for line in lines:
        short = len(line) <= CAPTION_MAX_CHARACTERS
        found = CAPTION.match(line) if caption is None and short else None
        if found:
            caption = found.group("caption").strip() or None
            credit = found.group("credit").strip()
            label = found.group("label")
            parts.append(_caption_html(caption, label, credit))
            continue
        paragraphs.append(line)
        parts.append(f"<p>{html.escape(line, quote=False)}</p>")
    return ArticleBody(
        language=language,
        html="\n".join(parts),
        paragraphs=tuple(paragraphs),
        caption=caption,
        credit=credit,
        credit_label=label,
        byline=byline,
    )


def _caption_html(caption: str | None, label: str, credit: str) -> str:
    text = html.escape(caption + ". ", quote=False) if caption else ""
    credit_html = html.escape(f"{label}: {credit}", quote=False)
    return (
        '<figure class="briefing-article-photo"><figcaption>'
        f'{text}<span class="briefing-credit">{credit_html}</span>'
        "</figcaption></figure>"
    )


def _parse_markdown(text: str, language: str) -> ArticleBody:
    # No extensions: articles get CommonMark-ish basics and nothing that reads
    # files or evaluates anything. Raw HTML is allowed through here only because
    # the allow-list below removes everything that is not plain markup.
    _refuse_floods(text)
    try:
        with _time_budget(MARKDOWN_SECONDS):
            converted = markdown.markdown(text, output_format="html")
    except _OutOfTimeError:
        raise ArticleError(
            f"too complex to convert within {MARKDOWN_SECONDS:g} s: simplify its Markdown "
            "(long runs of brackets, tags, emphasis or nested lists)"
        ) from None
    cleaned = sanitise(converted)
    plain = re.sub(r"<[^>]+>", " ", cleaned)
    paragraphs = tuple(" ".join(html.unescape(p).split()) for p in plain.split("\n") if p.strip())
    byline = None
    if paragraphs and _is_byline(paragraphs[-1]):
        byline = _byline_name(paragraphs[-1])
    return ArticleBody(language=language, html=cleaned, paragraphs=paragraphs, byline=byline)


def _refuse_floods(text: str) -> None:
    """Refuse what would make Markdown's conversion quadratic: see MAX_OPENERS."""
    total = 0
    in_paragraph: dict[str, int] = {}
    first_line = 1
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            in_paragraph.clear()
            continue
        if not in_paragraph:
            first_line = number
        for opener in "[<":
            count = line.count(opener)
            total += count
            in_paragraph[opener] = in_paragraph.get(opener, 0) + count
            if in_paragraph[opener] > MAX_OPENERS_PER_PARAGRAPH:
                raise ArticleError(
                    f"a paragraph with more than {MAX_OPENERS_PER_PARAGRAPH:,} {opener!r}: "
                    "Markdown slows down sharply on them; split the paragraph or remove them",
                    first_line,
                )
    if total > MAX_OPENERS:
        raise ArticleError(
            f"{total:,} '[' and '<' in all (the limit is {MAX_OPENERS:,}): Markdown slows "
            "down sharply on them; save the article as plain text (.txt) instead"
        )


class _OutOfTimeError(Exception):
    pass


@contextlib.contextmanager
def _time_budget(seconds: float) -> Iterator[None]:
    """Raise _OutOfTimeError in the block once ``seconds`` have passed.

    A timer signal interrupts pure-Python work such as Python-Markdown's; signals reach
    only the main thread, so elsewhere the block runs unbounded (the caps above still
    hold). Every command and both MkDocs commands convert articles on a main thread.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise _OutOfTimeError

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _absolute_links_only(tag: str, attribute: str, value: str) -> str | None:
    """Keep a link only to a full http(s) or mailto address: a relative one means nothing
    on this site, and a protocol-relative one (//host) hides where it goes."""
    if attribute != "href":
        return value
    parts = urlsplit(value)
    if parts.scheme == "mailto" or (parts.scheme in ("http", "https") and parts.hostname):
        return value if "@" not in parts.netloc else None
    return None


def sanitise(fragment: str) -> str:
    """Keep plain article markup; drop scripts, handlers, styles, frames, images (a
    reader's browser would call hosts this site never chose) and odd links."""
    cleaned: str = nh3.clean(
        fragment,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_absolute_links_only,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
    # Raw HTML blocks end at a blank line in Markdown; the page embeds this
    # fragment as one block, so it must not contain one.
    return re.sub(r"\n\s*\n", "\n", cleaned).strip()
