"""What the pages need to read like a news site's (issue 29): the kinds of work a list
holds, and the actor a topic is named after."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from generator.models import KINDS, Actor, Briefing, Kind

# Each kind's label, as the catalogs hold it: the same words as kind_label in
# templates/_macros.md.j2, where extraction finds them (tests/test_reading.py checks).
KIND_WORDS: Mapping[Kind, str] = {
    "analysis": "Analysis",
    "explainer": "Explainer",
    "factbox": "Factbox",
    "interview": "Interview",
    "news": "News",
    "opinion": "Opinion",
    "profile": "Profile",
}


def kinds_in(briefings: Iterable[Briefing]) -> tuple[Kind, ...]:
    """The kinds of work among ``briefings``, in the vocabulary's order."""
    found = {b.kind for b in briefings}
    return tuple(kind for kind in KINDS if kind in found)


def same_named_actor(
    tag_id: str, names: Mapping[str, str], actors: Mapping[str, Actor]
) -> str | None:
    """The actor a topic is named after: the one with the topic's id, else the one whose
    name is the topic's in every language the topic names; None when there is none."""
    if tag_id in actors:
        return tag_id
    for actor_id, actor in sorted(actors.items()):
        if all(actor.name.get(lang) == name for lang, name in names.items()):
            return actor_id
    return None
