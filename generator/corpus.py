"""What loading makes and every later stage reads: the validated briefings of one
run (:class:`Corpus`), each with its articles and image (:class:`LoadedBriefing`), and
the orders they are shown in."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from generator.article import ArticleBody
from generator.errors import Problem
from generator.images import CleanImage
from generator.models import Actor, Briefing, Correction, Tag, TimelineEntry
from generator.strict_yaml import Loc, YamlDocument
from generator.translations import Stale


@dataclass(frozen=True)
class LoadedBriefing:
    slug: str
    folder: Path
    source: str  # the YAML file as contributors name it, e.g. content/briefings/x/briefing.yaml
    briefing: Briefing
    # The original and any translations, by language. A dict rather than a read-only
    # proxy, which could not be pickled back from a process that loaded it.
    articles: Mapping[str, ArticleBody]
    image: CleanImage | None  # the briefing's own image file, re-encoded
    # Every text of the briefing (a language map) with its location, in order: walked
    # once here, read by every language's translation coverage.
    texts: tuple[tuple[Loc, Mapping[str, str]], ...]
    # Translations whose original changed since translations.txt recorded them.
    stale: tuple[Stale, ...] = ()


@dataclass(frozen=True)
class Corpus:
    actors: Mapping[str, Actor]
    tags: Mapping[str, Tag]  # by id
    briefings: tuple[LoadedBriefing, ...]  # by slug
    warnings: tuple[Problem, ...]
    # The registries as read ("actors.yaml" -> document), for messages about their entries.
    registries: Mapping[str, YamlDocument] = field(default_factory=dict)
    # Briefings left out for their errors (slug -> its problems), when loading skips them.
    skipped: Mapping[str, tuple[Problem, ...]] = field(default_factory=dict)

    def registry_line(self, registry: str, entry_id: str) -> int:
        """Where an entry of a registry starts (1 if unknown): found only when asked."""
        doc = self.registries.get(registry)
        return doc.position((entry_id,)).line if doc is not None else 1


def changed_entries(before: Corpus, after: Corpus) -> tuple[set[str], set[str]]:
    """The ids of the actors and of the topics whose entries differ between the two
    corpora's registries (ids in both; ones that came or went are the caller's)."""
    actors = {key for key, actor in after.actors.items() if before.actors.get(key) != actor}
    tags = {key for key, name in after.tags.items() if before.tags.get(key) != name}
    return actors, tags


def newest_first(briefings: Iterable[LoadedBriefing]) -> list[LoadedBriefing]:
    """The order of every list of briefings: newest publication first, then by slug."""
    return sorted(briefings, key=lambda b: (b.briefing.published, b.slug), reverse=True)


def chronological(entries: Iterable[TimelineEntry]) -> list[TimelineEntry]:
    """A briefing's timeline as it is told: oldest first (a range by its first day)."""
    return sorted(entries, key=lambda e: e.date.sort_key)


def corrections_in_order(corrections: Sequence[Correction]) -> list[Correction]:
    """A briefing's corrections, oldest first (stable: one day's keep the briefing's order)."""
    return sorted(corrections, key=lambda c: c.date.sort_key)
