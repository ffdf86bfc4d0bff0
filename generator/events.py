"""One entry per event, and menus in the order each language sorts them.

Several briefings may record one event: word for word alike (the same dates and the
same text in a language), or in other words and marked by their editors with one
shared ``id`` (`models.TimelineEntry.id`, whose dates `load` checks agree). The merged
timeline, the actors' pages and the calendar show such an event once, with a link to
every briefing that records it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TypeVar

from generator.models import TimelineEntry
from generator.pages import Event

T = TypeVar("T")


def event_keys(entry: TimelineEntry, text: str) -> tuple[tuple[str, ...], ...]:
    """What makes an entry one event with another: its dates and its ``text`` in a
    language, and its id if it has one."""
    end = entry.end.iso() if entry.end is not None else ""
    words = ("words", entry.date.iso(), end, text)
    return (words, ("id", entry.id)) if entry.id is not None else (words,)


def event_groups(entries: Sequence[tuple[TimelineEntry, str]]) -> list[list[int]]:
    """The places in ``entries`` (each an entry and its text in one language) of each
    event: entries with the same dates and text, or with one id, are one event (and so
    are, in a chain, entries linked by either). Groups come in the order of their first
    entry, and keep the order given within."""
    parent = list(range(len(entries)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[tuple[str, ...], int] = {}
    for i, (entry, text) in enumerate(entries):
        for key in event_keys(entry, text):
            a, b = root(i), root(owner.setdefault(key, i))
            parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = {}
    for i in range(len(entries)):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


def one_per_event(items: Sequence[tuple[TimelineEntry, T]], texts: Sequence[str]) -> list[list[T]]:
    """``items`` (an entry and what goes with it) grouped by event, ``texts`` being
    their entries' texts in the language; see event_groups."""
    pairs = [(entry, text) for (entry, _), text in zip(items, texts, strict=True)]
    return [[items[i][1] for i in group] for group in event_groups(pairs)]


def merged(events: Sequence[Event]) -> Event:
    """One event recorded by several briefings, as the first of them words it, with
    the other briefings beside its own, and every actor and topic of any of them (so
    that the timeline's filters find it by each)."""
    first = events[0]
    if len(events) == 1:
        return first
    others = _unique(e.briefing for e in events[1:] if e.briefing != first.briefing)
    return replace(
        first,
        also=tuple(b for b in others if b not in first.also),
        actors=_unique(a for e in events for a in e.actors),
        actor_ids=_unique(a for e in events for a in e.actor_ids),
        tags=_unique(t for e in events for t in e.tags),
    )


def _unique(values: Iterable[T]) -> tuple[T, ...]:
    return tuple(dict.fromkeys(values))


def collation_key(text: str) -> tuple[str, str, str]:
    """A sort key in CLDR's root collation order, which English and Indonesian both use
    (CLDR tailors neither), as far as names in a menu need it: letters first, regardless
    of accents and case ("Airlangga" before "ASEAN", "Élysée" beside "Elysee"), then
    accents, then lowercase before uppercase."""
    decomposed = unicodedata.normalize("NFKD", text)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return (letters.casefold(), decomposed.casefold(), text.swapcase())
