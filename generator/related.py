"""Related briefings: for each briefing, the others that share its actors or topics.

Computed once a corpus, for every language (the pages show it) and for the preview,
which re-renders a briefing's page when what it lists changes.
"""

from __future__ import annotations

import heapq
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from generator.load import LoadedBriefing
from generator.models import Briefing

RELATED = 5  # at most, on a briefing's page


def actor_ids(b: Briefing) -> set[str]:
    """Every actor a briefing names, in its actors or in its events."""
    return {r.actor for r in b.actors} | {a for e in b.timeline for a in e.actors}


def appearances(
    briefings: Sequence[LoadedBriefing],
) -> tuple[dict[str, list[LoadedBriefing]], dict[str, list[LoadedBriefing]]]:
    """Who appears where: each actor's briefings and each topic's, in the order given
    (the one rule for actor and topic pages, their feeds and related briefings)."""
    by_actor: dict[str, list[LoadedBriefing]] = defaultdict(list)
    by_tag: dict[str, list[LoadedBriefing]] = defaultdict(list)
    for loaded in briefings:
        for actor_id in sorted(actor_ids(loaded.briefing)):
            by_actor[actor_id].append(loaded)
        for tag_id in dict.fromkeys(loaded.briefing.tags):
            by_tag[tag_id].append(loaded)
    return by_actor, by_tag


def related_briefings(
    briefings: Sequence[LoadedBriefing], limit: int = RELATED
) -> Mapping[str, tuple[str, ...]]:
    """Slug -> the slugs of up to ``limit`` other briefings, those sharing the most
    actors and topics first (each shared actor or topic counts one), then the newest."""
    newest_first = sorted(briefings, key=lambda b: (b.briefing.published, b.slug), reverse=True)
    rank = {loaded.slug: place for place, loaded in enumerate(newest_first)}
    by_actor, by_tag = appearances(briefings)
    related = {}
    for loaded in briefings:
        shared: Counter[str] = Counter()
        for actor_id in actor_ids(loaded.briefing):
            shared.update(other.slug for other in by_actor[actor_id])
        for tag_id in set(loaded.briefing.tags):
            shared.update(other.slug for other in by_tag[tag_id])
        del shared[loaded.slug]
        best = heapq.nsmallest(limit, shared, key=lambda other: (-shared[other], rank[other]))
        related[loaded.slug] = tuple(best)
    return related
