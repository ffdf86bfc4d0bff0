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


def related_briefings(
    briefings: Sequence[LoadedBriefing], limit: int = RELATED
) -> Mapping[str, tuple[str, ...]]:
    """Slug -> the slugs of up to ``limit`` other briefings, those sharing the most
    actors and topics first (each shared actor or topic counts one), then the newest."""
    newest_first = sorted(briefings, key=lambda b: (b.briefing.published, b.slug), reverse=True)
    rank = {loaded.slug: place for place, loaded in enumerate(newest_first)}
    keys = {
        b.slug: [
            *(f"a:{a}" for a in actor_ids(b.briefing)),
            *(f"t:{t}" for t in set(b.briefing.tags)),
        ]
        for b in briefings
    }
    postings: dict[str, list[str]] = defaultdict(list)
    for slug, own in keys.items():
        for key in own:
            postings[key].append(slug)
    related = {}
    for slug, own in keys.items():
        shared: Counter[str] = Counter()
        for key in own:
            shared.update(postings[key])
        del shared[slug]
        best = heapq.nsmallest(limit, shared, key=lambda other: (-shared[other], rank[other]))
        related[slug] = tuple(best)
    return related
