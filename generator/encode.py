"""How content's texts are written into every output other than a page.

Content is untrusted, and each output has a consumer that interprets part of it:
feed readers render an RSS title and description and a JSON Feed's ``content_html``
as HTML, TimelineJS renders its texts as HTML, and any JSON may end up inside a
``<script>``. Every such output takes its texts through this module, one rule a
field, so that a consumer of that format finds only the text that was typed:

==============  ==================================  ======================================
output          fields                              rule
==============  ==================================  ======================================
RSS 2.0         title, description                  :func:`html_text` (then XML-escaped)
JSON Feed       content_html                        :func:`html_paragraphs`
JSON Feed       title, summary, content_text        plain text, in :func:`json_bytes`
TimelineJS      headline, text                      :func:`html_text`, in :func:`json_bytes`
TimelineJS      display_date                        :func:`stripped_html_text`, in the same
JSON exports    every string                        plain text, in :func:`json_bytes`
JSON-LD         every string                        plain text, in :func:`script_json`
sitemaps        loc                                 URLs from validated ids, XML-escaped
iCalendar       SUMMARY, DESCRIPTION, calendar name :func:`ical_line` with ``text=True``
==============  ==================================  ======================================

(Pages are Markdown and HTML: :mod:`generator.markup` escapes for them.)
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from markupsafe import Markup

from generator.markup import fold, trusted

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def html_text(text: str) -> str:
    """Plain text as HTML that shows exactly that text, on one line.

    Quotes stay as typed: outside an attribute they mean nothing to HTML, and a feed
    reader that shows an RSS title as plain text would show ``&#x27;`` for an apostrophe.
    """
    return html.escape(fold(text), quote=False)


def stripped_html_text(text: str) -> str:
    """Plain text for a field that TimelineJS first strips of markup (it parses it as HTML
    and keeps the text, character references decoded) and then shows as HTML (a slide's
    ``display_date``): escaped twice, what is left after stripping shows exactly the text."""
    return html.escape(html_text(text), quote=False)


def html_paragraphs(text: str) -> str:
    """Plain text with blank lines between paragraphs, as HTML paragraphs."""
    parts = (html_text(part) for part in _PARAGRAPH_BREAK.split(text) if part.strip())
    return "".join(f"<p>{part}</p>" for part in parts)


def _script_safe(data: Any) -> str:
    # Compact and sorted: smaller to download, the same bytes for the same input, and
    # only without indent does json use its C encoder. "<", ">" and "&" as \u escapes:
    # the JSON cannot end a <script> it is put in, nor open a comment or a tag there;
    # U+2028/U+2029 end a line in older JavaScript.
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char in "<>&\u2028\u2029":
        text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def json_text(data: Any) -> str:
    """``data`` as json_bytes writes it, as text, to be put together with other parts."""
    return _script_safe(data)


def json_bytes(data: Any) -> bytes:
    """A JSON data file: plain-text strings, safe even when inlined into a <script>."""
    return (_script_safe(data) + "\n").encode()


def script_json(data: Any) -> Markup:
    """JSON for a page's ``<script type="application/ld+json">``."""
    return trusted(_script_safe(data))  # no "<", ">" or "&" left: see _script_safe


_ICAL_TEXT = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n", "\r": ""})


def ical_line(name: str, value: str, *, text: bool = False) -> bytes:
    """One iCalendar content line (RFC 5545): ``text`` values escaped as TEXT (so that
    no backslash, comma, semicolon or line break in content changes the structure),
    folded at 75 octets without splitting a character, ended by CRLF."""
    if text:
        value = value.translate(_ICAL_TEXT)
    line = f"{name}:{value}".encode()
    parts: list[bytes] = []
    start = 0
    while len(line) - start > 75 - (1 if parts else 0):
        end = start + 75 - (1 if parts else 0)
        while end > start and (line[end] & 0xC0) == 0x80:  # inside a UTF-8 sequence
            end -= 1
        parts.append(line[start:end])
        start = end
    parts.append(line[start:])
    return b"\r\n ".join(parts) + b"\r\n"
