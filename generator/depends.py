"""What depends on what: the one answer to "what is stale after this change".

The site is made in units: the pages and data that are made together and change
together. Each unit kind declares what it reads (``reads``): the sources it shows.
A change is a set of sources (a briefing edited, added or gone; a registry entry
edited; a briefing's related list different), and a unit is stale when it read a
changed source before the change or reads one after it. The full build (with the
caches of an earlier run), `mkdocs serve` and the preview's edited-first step all ask
``stale``; nothing else decides what to make again.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Literal, NamedTuple

from generator.corpus import Corpus, LoadedBriefing, changed_entries
from generator.related import actor_ids, appearances

UnitKind = Literal["briefing", "actor", "topic", "lists"]


class Unit(NamedTuple):
    """A group of outputs made together: a briefing's page and its timeline's page, export
    part, TimelineJS file and calendar events; an actor's or a topic's pages and feeds; the
    archive's lists, site feeds and indexes (``LISTS``)."""

    kind: UnitKind
    key: str = ""


LISTS = Unit("lists")


class Source(NamedTuple):
    """What a unit reads: a briefing, a registry entry (an actor, a topic), or the list
    of briefings related to a briefing."""

    kind: Literal["briefing", "actor", "topic", "related"]
    key: str


Related = Mapping[str, tuple[str, ...]]


def units(corpus: Corpus, newest_first: Iterable[LoadedBriefing]) -> list[Unit]:
    """Every unit of a corpus, in the order of their pages."""
    return [
        *(Unit("briefing", b.slug) for b in newest_first),
        *(Unit("actor", actor_id) for actor_id in sorted(corpus.actors)),
        *(Unit("topic", topic_id) for topic_id in sorted(corpus.tags)),
        LISTS,
    ]


class Reads:
    """What each unit of one corpus reads. A unit that shows a briefing (its page, a
    summary of it, its events) shows that briefing's actors and topics by name too, so
    it reads their registry entries."""

    def __init__(self, corpus: Corpus, related: Related) -> None:
        self._briefings = {b.slug: b for b in corpus.briefings}
        self._related = related
        self._by_actor, self._by_topic = appearances(corpus.briefings)
        self._shown: dict[str, frozenset[Source]] = {}

    def __call__(self, unit: Unit) -> frozenset[Source] | None:
        """The sources ``unit`` reads; None for every source (the lists)."""
        if unit.kind == "briefing":
            shown = [unit.key, *self._related.get(unit.key, ())]
            own = Source("related", unit.key)
        elif unit.kind == "actor":
            shown = [b.slug for b in self._by_actor.get(unit.key, ())]
            own = Source("actor", unit.key)
        elif unit.kind == "topic":
            shown = [b.slug for b in self._by_topic.get(unit.key, ())]
            own = Source("topic", unit.key)
        else:
            return None
        return frozenset({own}).union(*(self._showing(slug) for slug in shown))

    def _showing(self, slug: str) -> frozenset[Source]:
        found = self._shown.get(slug)
        if found is None:
            loaded = self._briefings.get(slug)
            found = frozenset(
                [Source("briefing", slug)]
                if loaded is None
                else [
                    Source("briefing", slug),
                    *(Source("actor", a) for a in actor_ids(loaded.briefing)),
                    *(Source("topic", t) for t in loaded.briefing.tags),
                ]
            )
            self._shown[slug] = found
        return found


def changed(
    before: Corpus, after: Corpus, related_before: Related, related_after: Related
) -> frozenset[Source] | None:
    """The sources that differ between two loads; None when the registries' ids differ
    (every briefing's references and the site's pages depend on them)."""
    if before.actors.keys() != after.actors.keys() or before.tags.keys() != after.tags.keys():
        return None
    actors, topics = changed_entries(before, after)
    found = {Source("actor", a) for a in actors} | {Source("topic", t) for t in topics}
    old = {b.slug: b for b in before.briefings}
    new = {b.slug: b for b in after.briefings}
    for slug in old.keys() | new.keys():
        if old.get(slug) is not new.get(slug):  # the load cache keeps an unchanged one
            found.add(Source("briefing", slug))
    for slug in related_before.keys() | related_after.keys():
        if related_before.get(slug) != related_after.get(slug):
            found.add(Source("related", slug))
    return frozenset(found)


@dataclass(frozen=True)
class Stale:
    """The units to make again; ``every`` when nothing made before can be kept."""

    units: frozenset[Unit]
    every: bool = False

    def __contains__(self, unit: object) -> bool:
        return self.every or unit in self.units

    @property
    def briefings(self) -> Iterator[str]:
        """The slugs of stale briefing units (not meaningful with ``every``)."""
        return (unit.key for unit in self.units if unit.kind == "briefing")


EVERYTHING = Stale(frozenset(), every=True)


def stale(
    before: Corpus | None,
    after: Corpus,
    related_before: Related,
    related_after: Related,
) -> Stale:
    """The units whose outputs can differ from what was made of ``before``."""
    if before is None:
        return EVERYTHING
    sources = changed(before, after, related_before, related_after)
    if sources is None:
        return EVERYTHING
    if not sources:
        return Stale(frozenset())
    found = {LISTS}
    for corpus, related in ((before, related_before), (after, related_after)):
        reads = Reads(corpus, related)
        for unit in units(corpus, corpus.briefings):
            read = reads(unit)
            if read is not None and not read.isdisjoint(sources):
                found.add(unit)
    return Stale(frozenset(found))


def edited(sources: Iterable[Source]) -> list[Unit]:
    """The units of the edited things themselves (a briefing, an actor, a topic): what the
    preview shows first, before the units that only show them."""
    kinds: dict[str, UnitKind] = {"briefing": "briefing", "actor": "actor", "topic": "topic"}
    return [Unit(kinds[s.kind], s.key) for s in sources if s.kind in kinds]
