"""The conventions of Indonesian news copy that are not the story itself.

A wire story opens with a dateline ("Jakarta (ANTARA) - ", "JAKARTA, KOMPAS.com - ",
"Jakarta, CNN Indonesia -- ") and may end with the editors' code ("(Ant/HO01)",
"(nvl/nvl)"); an analysis names its author on a line of its own ("Oleh Dewi
Lestari"). ``briefings new`` reads titles, names and dates from the story without
them; the article file itself is kept as it was pasted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_WORD = r"[A-Z][\w.'&]*"
DATELINE = re.compile(
    rf"^{_WORD}(?:\s+{_WORD}){{0,3}}"  # the place: Jakarta, JAKARTA, Kuala Lumpur
    rf"(?:,\s*{_WORD}(?:\s+{_WORD}){{0,2}})?"  # the outlet: , KOMPAS.com / , CNN Indonesia
    r"(?:\s*\([A-Za-z]{2,12}\))?"  # the agency: (ANTARA), (Reuters)
    r"\s*(?:--?|\u2013|\u2014)\s+(?=\S)"
)
# Editors' and reporters' initials closing a story: (Ant/HO01), (nvl/nvl), (Ant/KR-MDR).
WIRE_CODE = re.compile(r"\(\s*[A-Za-z]{2,5}(?:/[A-Za-z0-9-]{2,8}){1,2}\s*\)\s*$")
BYLINE = re.compile(r"^(?:Oleh|Penulis|Laporan|By)\s*:?\s+(?P<name>[A-Z][^\d,;]{1,60})$")


@dataclass(frozen=True)
class Story:
    paragraphs: list[str]  # without dateline, editors' codes and byline line
    byline: str | None


def strip_dateline(text: str) -> str:
    """A paragraph without the dateline it opens with, if any."""
    match = DATELINE.match(text)
    return text[match.end() :] if match and match.end() <= 60 else text


def strip_wire_code(text: str) -> str:
    return WIRE_CODE.sub("", text).rstrip()


def story(paragraphs: Sequence[str]) -> Story:
    """The paragraphs a reader takes for the story, and the byline line's name."""
    byline = None
    kept = []
    for index, paragraph in enumerate(paragraphs):
        text = strip_wire_code(paragraph)
        found = BYLINE.match(text) if index < 3 else None
        if found:
            byline = found.group("name").strip()
            continue
        text = strip_dateline(text) if index < 3 else text
        if text:
            kept.append(text)
    return Story(kept, byline)
