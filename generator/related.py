"""Related briefings: for each briefing, the others that share its actors or topics.

Computed once a corpus, for every language (the pages show it) and for the preview,
which re-renders a briefing's page when what it lists changes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Mapping, Sequence

from generator.corpus import LoadedBriefing
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
    briefings: Sequence[LoadedBriefing], limit: int = RELATED, of: Collection[str] | None = None
) -> Mapping[str, tuple[str, ...]]:
    """Slug -> the slugs of up to ``limit`` other briefings, those sharing the most
    actors and topics first (each shared actor or topic counts one), then the newest;
    for the briefings ``of`` alone when given."""
    newest_first = sorted(briefings, key=lambda b: (b.briefing.published, b.slug), reverse=True)
    slugs = [loaded.slug for loaded in newest_first]
    # Each actor's and each topic's briefings as one integer, a bit a briefing, bit 0 the
    # newest: counting what every briefing shares with every other is then a few
    # operations on these integers a briefing, not a count for each pair (which took
    # most of a preview's regeneration at 1,000 briefings).
    keys = [_features(loaded.briefing) for loaded in newest_first]
    features: dict[tuple[str, str], int] = defaultdict(int)
    for place, own in enumerate(keys):
        for key in own:
            features[key] |= 1 << place
    return {
        slugs[place]: tuple(
            slugs[other] for other in most_shared([features[key] for key in own], 1 << place, limit)
        )
        for place, own in enumerate(keys)
        if of is None or slugs[place] in of
    }


def _features(b: Briefing) -> set[tuple[str, str]]:
    return {("actor", a) for a in actor_ids(b)} | {("tag", t) for t in b.tags}


def most_shared(sets: Sequence[int], itself: int, limit: int) -> list[int]:
    """The bit positions (lowest first among equals) of up to ``limit`` members that the
    most of ``sets`` hold, leaving out ``itself``; every set is an integer, a bit a member.

    Each member's count is kept in binary across ``planes`` (plane k: bit k of every
    member's count), adding one set at a time with a ripple carry, as a circuit adds."""
    planes: list[int] = []
    for members in sets:
        carry = members
        for k, plane in enumerate(planes):
            planes[k], carry = plane ^ carry, plane & carry
            if not carry:
                break
        if carry:
            planes.append(carry)
    everyone = 0
    for members in sets:
        everyone |= members
    everyone &= ~itself
    found: list[int] = []
    for count in range(len(sets), 0, -1):
        if count.bit_length() > len(planes):
            continue  # more than any member has (a wider count would wrap around)
        exactly = everyone
        for k, plane in enumerate(planes):
            exactly &= plane if count >> k & 1 else ~plane
        while exactly and len(found) < limit:
            lowest = exactly & -exactly
            found.append(lowest.bit_length() - 1)
            exactly ^= lowest
        if len(found) == limit:
            break
    return found
