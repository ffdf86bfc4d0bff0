"""Escaping content for generated Markdown: it shows as the literal text typed.

Content is untrusted. Python-Markdown passes raw HTML through and every
extension adds syntax (``{: onclick=...}``, ``!!! note``, ``--8<--``), so a
blocklist would always be one extension behind. Instead every character that
means something to Markdown or HTML becomes a numeric character reference:
no Markdown parser treats ``&#91;`` as a bracket, and every browser shows it
as one. Newlines in single-line fields are folded, so nothing can start a new
block (a heading, an admonition, a fence).

Trusted markup (the sanitised article body, our own templates) is wrapped in
:class:`markupsafe.Markup` and passes through unchanged.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping

from markupsafe import Markup

# Characters that mean something to Markdown, its common extensions or HTML
# wherever they stand ...
_SPECIAL = '\\`*_{}[]()#!|~^=$<>&"'
_ENTITIES = {ord(c): f"&#{ord(c)};" for c in _SPECIAL}
_ENTITIES[ord("<")] = "&lt;"
_ENTITIES[ord(">")] = "&gt;"
_ENTITIES[ord("&")] = "&amp;"
_ENTITIES[ord('"')] = "&quot;"
_HTML_ONLY = {ord("&"): "&amp;", ord("<"): "&lt;", ord(">"): "&gt;", ord('"'): "&quot;"}
# ... and those that do only at the start of a line: list markers ("-", "+",
# "1." or "1)"), definition lists (":"). Text is folded to one line, so its
# start is the only line start it has.
_LEADING = re.compile(r"^(?:[-+:]|[0-9]+[.)])")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
# NUL is not text (YAML will not even read it): shown as the replacement character.
_ENTITIES[0] = _HTML_ONLY[0] = "\ufffd"


def trusted(text: str) -> Markup:
    """Markup this project built itself (links from validated ids, sanitised HTML)."""
    return Markup(text)


def fold(text: str) -> str:
    """One line, single spaces: what a single-line field may show."""
    return " ".join(text.split())


def escape_inline(text: object) -> Markup:
    """Text for inside a line of Markdown: shown literally, on one line."""
    if isinstance(text, Markup):
        return text
    return escape_line(str(text))


# The same few thousand names, dates and labels are escaped on page after page.
@functools.lru_cache(maxsize=1 << 16)
def escape_line(text: str) -> Markup:
    """escape_inline for a str that is not Markup (the renderer's shortcut)."""
    folded = fold(text)
    leading = _LEADING.match(folded)
    if not leading:
        return Markup(folded.translate(_ENTITIES))
    end = leading.end()  # digits stay; the marker character becomes a reference
    head = folded[: end - 1] + f"&#{ord(folded[end - 1])};"
    return Markup(head + folded[end:].translate(_ENTITIES))


def escape_paragraphs(text: str) -> Markup:
    """Text that may have paragraphs (blank lines): each escaped, joined by blank lines."""
    parts = [escape_inline(p) for p in _PARAGRAPH_BREAK.split(text) if p.strip()]
    return Markup("\n\n".join(parts))


def escape_attribute(text: object) -> Markup:
    """Text for an HTML attribute value in double quotes."""
    if isinstance(text, Markup):
        return text
    return Markup(fold(str(text)).translate(_HTML_ONLY))


def html_text(text: str) -> str:
    """HTML-escaped plain text, for front matter that the theme inserts unescaped."""
    return fold(text).translate(_HTML_ONLY)


# What PyYAML will not read inside a double-quoted scalar, or reads as a line
# break (NEL, LS, PS), although JSON leaves it as it is: written as \\u escapes.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")


def yaml_string(text: str) -> str:
    """``text`` as a YAML double-quoted scalar that reads back as exactly ``text``.

    A JSON string is a YAML double-quoted scalar, and ``json.dumps`` is C code:
    a page's front matter costs microseconds rather than the milliseconds of
    PyYAML's pure-Python emitter.
    """
    quoted = json.dumps(text, ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def front_matter(values: Mapping[str, str]) -> str:
    """A YAML front matter block: fixed keys, every value a quoted string.

    Values never become YAML syntax, so no text can add a key or end the block.
    """
    body = "".join(f"{key}: {yaml_string(value)}\n" for key, value in values.items())
    return f"---\n{body}---\n"
