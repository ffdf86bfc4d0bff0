"""What a machine can find in an article: its sentences and headings, and registry actors.

Used by ``briefings new`` to pre-fill a briefing (every finding marked for review)
and by ``briefings check`` to warn about actors an article mentions that its briefing
leaves out. Names not in the registry: ``names``; dates: ``date_mentions``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from generator.models import Actor


@dataclass(frozen=True)
class NameMention:
    actor_id: str | None  # None: a capitalised name not in the registry
    name: str
    sentence: str
    line: int


def sentences(paragraphs: Sequence[str]) -> Iterator[tuple[int, str]]:
    """(paragraph index, sentence) for each sentence of each paragraph."""
    for index, paragraph in enumerate(paragraphs):
        for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z\"“])", paragraph):
            if sentence.strip():
                yield index, sentence.strip()


# A line without a sentence's closing punctuation: a headline, a subhead, a byline,
# a timestamp, a press release's letterhead.
_CLOSING = ".!?:)"
_QUOTES = "\"'\u201d\u2019"
HEADING_WORDS = 20


def is_heading(paragraph: str) -> bool:
    return not paragraph.rstrip().rstrip(_QUOTES).endswith(tuple(_CLOSING)) and (
        len(paragraph.split(maxsplit=HEADING_WORDS)) <= HEADING_WORDS
    )


def _pattern_for(names: Iterable[str]) -> re.Pattern[str] | None:
    words = sorted({n for n in names if n.strip()}, key=len, reverse=True)
    if not words:
        return None
    return re.compile(r"(?<!\w)(" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


SHOUTED_LETTERS = 4  # a shorter name in capitals may be another's acronym


def find_actors(paragraphs: Sequence[str], actors: Mapping[str, Actor]) -> list[NameMention]:
    """Registry actors the article names, by name in any language or by alias."""
    lookup: dict[str, str] = {}
    for actor_id, actor in actors.items():
        for name in (*actor.name.values(), *actor.aliases):
            lookup.setdefault(name, actor_id)
    written = {name: name for name in lookup}
    for name, actor_id in list(lookup.items()):
        # In capitals as a subhead or a dateline shouts it: BAKAMLA, RUSIA; named as
        # the registry writes it.
        if len(name) >= SHOUTED_LETTERS and not name.isupper():
            lookup.setdefault(name.upper(), actor_id)
            written.setdefault(name.upper(), name)
    pattern = _pattern_for(lookup)
    if pattern is None:
        return []
    seen: set[str] = set()
    found = []
    for index, sentence in sentences(paragraphs):
        for match in pattern.finditer(sentence):
            actor_id = lookup[match.group(1)]
            if actor_id not in seen:
                seen.add(actor_id)
                found.append(NameMention(actor_id, written[match.group(1)], sentence, index + 1))
    return found
