"""How the command line writes texts from content: one rule for each place they go.

Content is untrusted, and the command's output has readers that interpret it:

==================  ====================================  ==============================
destination         reader                                rule
==================  ====================================  ==============================
terminal, CI log    terminals; GitHub's runner, which     :func:`log_line`, on each
                    obeys ``::command::`` at a line's     whole line printed
                    start and ``##[command]`` anywhere
annotations         GitHub's runner (workflow commands)   :func:`command_property`,
                                                          :func:`command_data`
job summary         GitHub's Markdown (GFM) and HTML      :func:`summary_text`
==================  ====================================  ==============================

Each rule starts from :func:`visible`, so a text reads the same in all three.
"""

from __future__ import annotations

import re

# Control characters (C0, DEL, C1), line and paragraph separators, bidirectional
# controls (which reorder what a reader sees) and lone surrogates (a folder name that is
# not UTF-8, which `print` cannot even encode).
_INVISIBLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# GitHub's runner obeys the old command syntax, `##[name]data`, anywhere in a line, and
# the new one, `::name::data`, at a line's start after any white space.
_COMMAND_START = re.compile(r"^(\s*):")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` on one line, each control character shown as an escape (``\\x1b``,
    ``\\n``, ``\\u202e``): nothing in it can move the cursor, colour, link, reorder or
    start a line, and ``##[`` is shown as ``#\\x23[`` so that no reader obeys it."""
    return _INVISIBLE.sub(_escape, text).replace("##[", "#\\x23[")


def log_line(text: str) -> str:
    """A whole line for the terminal or the CI log: :func:`visible`, and never starting
    with ``::`` (a leading colon is shown as ``\\x3a``), so that it is no workflow command.
    Only :func:`annotation` writes lines that are."""
    return _COMMAND_START.sub(r"\1\\x3a", visible(text))


def command_data(text: str) -> str:
    """The message of a workflow command (after its second ``::``), escaped as GitHub
    unescapes it (:func:`visible` has left no line break; the rule is kept whole)."""
    return visible(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def command_property(text: str) -> str:
    """A property value of a workflow command (``file=``, ``title=``): also no ``:`` that
    would end the properties nor ``,`` that would start another one."""
    return command_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(kind: str, message: str, **properties: str | int) -> str:
    """``::error file=...,line=...::message``: the one kind of line whose start is ``::``."""
    if kind not in ("error", "warning", "notice"):
        raise ValueError(f"not an annotation: {kind!r}")
    place = ",".join(f"{key}={command_property(str(value))}" for key, value in properties.items())
    head = f"{kind} {place}" if place else kind
    return f"::{head}::{command_data(message)}"


# In the job summary, every ASCII punctuation character becomes a character reference:
# GitHub's Markdown then finds no syntax in the text (no code span end, link, image,
# emphasis, table cell, autolink of `www.` or `https:`), its HTML no tag, and the reader
# sees the character itself. Email autolinks are found after references are decoded:
# an empty comment before each `@` parts it from the name before it.
_SUMMARY = {ord(c): f"&#{ord(c)};" for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"}
_SUMMARY |= {ord("<"): "&lt;", ord(">"): "&gt;", ord("&"): "&amp;", ord('"'): "&quot;"}
_SUMMARY[ord("@")] = "<!---->&#64;"


def summary_text(text: str) -> str:
    """Text for a line or a table cell of the job summary (GitHub Markdown and HTML),
    shown as :func:`visible` shows it."""
    return visible(text).translate(_SUMMARY)
