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
    rf"^(?P<place>{_WORD}(?:\s+{_WORD}){{0,3}})"  # the place: Jakarta, JAKARTA, Kuala Lumpur
    rf"(?:,\s*(?P<outlet>{_WORD}(?:\s+{_WORD}){{0,2}}))?"  # , KOMPAS.com / , CNN Indonesia
    r"(?:\s*\((?P<agency>[A-Za-z]{2,12})\))?"  # the agency: (ANTARA), (Reuters)
    r"\s*(?:--?|\u2013|\u2014)\s+(?=\S)"
)
# A web outlet's name as its dateline writes it: TEMPO.CO, Kompas.com, REPUBLIKA.CO.ID.
_DOMAIN = re.compile(r"\.(?:co|com|id|net)\b.*", re.I)
# The paragraphs a dateline may open: the title, a standfirst, a byline and a timestamp
# come before it.
DATELINE_PARAGRAPHS = 8
# A photo's credit, its outlet and photographer: (KOMPAS/ADITYA NUGRAHA), Foto: ANTARA/Hafidz.
CREDIT = re.compile(
    r"(?:\(|\b(?:Foto|Photo)\s*:\s*)(?P<outlet>[A-Z][\w.]{1,20})/(?P<name>[A-Z][\w'. -]{1,40}?)"
    r"\s*(?:\)|$)"
)
# Editors' and reporters' initials closing a story: (Ant/HO01), (nvl/nvl), (Ant/KR-MDR).
WIRE_CODE = re.compile(r"\(\s*[A-Za-z]{2,5}(?:/[A-Za-z0-9-]{2,8}){1,2}\s*\)\s*$")
BYLINE = re.compile(r"^(?:Oleh|Penulis|Laporan|By)\s*:?\s+(?P<name>[A-Z][^\d,;]{1,60})$")


@dataclass(frozen=True)
class Story:
    paragraphs: list[str]  # without dateline, editors' codes and byline line
    byline: str | None
    # The outlets that publish the story, from its datelines and photo credits, in
    # lower case ("kompas", "cnn"), and the photographers credited: none is an actor.
    outlets: frozenset[str] = frozenset()
    credited: tuple[str, ...] = ()


def _dateline(text: str) -> re.Match[str] | None:
    match = DATELINE.match(text)
    return match if match and match.end() <= 60 else None


def strip_dateline(text: str) -> str:
    """A paragraph without the dateline it opens with, if any."""
    match = _dateline(text)
    return text[match.end() :] if match else text


def _outlets(match: re.Match[str]) -> set[str]:
    """The outlet a dateline names, by its first word: "JAKARTA, KOMPAS.com" and
    "TEMPO.CO, Jakarta" give kompas and tempo, "Jakarta, CNN Indonesia" cnn."""
    web = [word for word in match["place"].split() if _DOMAIN.search(word)]
    found = {match["agency"], *(web or [match["outlet"]])}  # after TEMPO.CO, the place
    return {_DOMAIN.sub("", name.split()[0]).lower() for name in found if name}


def strip_wire_code(text: str) -> str:
    return WIRE_CODE.sub("", text).rstrip()


def story(paragraphs: Sequence[str]) -> Story:
    """The paragraphs a reader takes for the story, and the byline line's name."""
    byline = None
    kept = []
    outlets: set[str] = set()
    credited: list[str] = []
    for index, paragraph in enumerate(paragraphs):
        text = strip_wire_code(paragraph)
        found = BYLINE.match(text) if index < 3 else None
        if found:
            byline = found.group("name").strip()
            continue
        dateline = _dateline(text) if index < DATELINE_PARAGRAPHS else None
        if dateline:
            outlets |= _outlets(dateline)
            text = text[dateline.end() :]
        for credit in CREDIT.finditer(text):
            outlets.add(_DOMAIN.sub("", credit["outlet"]).lower())
            credited.append(credit["name"].strip())
        if text:
            kept.append(text)
    return Story(kept, byline, frozenset(outlets), tuple(credited))
