"""An actor's pages and a topic's pages in one language: who or what they are, and
the briefings they appear in, newest first.
"""

from __future__ import annotations

from collections import Counter
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from generator.corpus import LoadedBriefing
from generator.layout import (
    TAGS,
    actor_feeds,
    actor_page,
    link,
    tag_feeds,
    tag_page,
)
from generator.models import (
    Actor,
    TimelineEntry,
)
from generator.page_parts import event_key, feed_links
from generator.pages import (
    ActorPage,
    Link,
    TopicPage,
)
from generator.paginate import paginate
from generator.reading import same_named_actor

if TYPE_CHECKING:
    from generator.localize import Localizer


def actor(lx: Localizer, actor_id: str) -> list[ActorPage]:
    """An actor's pages: who they are and, newest first, the briefings they are in."""
    actor: Actor = lx.corpus.actors[actor_id]
    involved = lx._by_actor.get(actor_id, [])
    name = lx.text(actor.name)
    about = lx.text(actor.description) if actor.description else None
    shared: Counter[str] = Counter(
        other for loaded in involved for other in lx._actors_of[loaded.slug] if other != actor_id
    )
    ranked = sorted(shared.items(), key=lambda item: (-item[1], item[0]))[:12]
    pages = []
    for path, chunk, pager in paginate(
        actor_page(actor_id), involved, lx.page_sizes.actor_briefings
    ):
        briefings = []
        events: list[tuple[TimelineEntry, LoadedBriefing]] = []
        for loaded in chunk:
            role = next((r.role for r in loaded.briefing.actors if r.actor == actor_id), None)
            briefings.append((lx._summary(loaded, path), lx.text(role) if role else None))
            events += [(e, loaded) for e in loaded.briefing.timeline if actor_id in e.actors]
        pages.append(
            ActorPage(
                path=path,
                lang=lx.lang,
                title=name,
                description=about.text if about else name.text,
                pager=pager,
                actor_id=actor_id,
                type=actor.type,
                about=about,
                wikidata=(
                    f"https://www.wikidata.org/wiki/{actor.wikidata}" if actor.wikidata else None
                ),
                aliases=tuple(actor.aliases),
                briefings=tuple(briefings),
                events=tuple(sorted(lx._one_per_event(events), key=event_key, reverse=True)),
                appears_with=tuple(
                    (Link(lx._actor_name(other), link(path, actor_page(other))), count)
                    for other, count in ranked
                ),
                feeds=feed_links(path, actor_feeds(actor_id)) if involved else None,
            )
        )
    return pages


def tag(lx: Localizer, tag_id: str) -> list[TopicPage]:
    name = lx.text(lx.corpus.tags[tag_id].name)
    return [
        TopicPage(
            path=path,
            lang=lx.lang,
            title=name,
            description=name.text,
            pager=pager,
            briefings=tuple(lx._summary(b, path) for b in chunk),
            index_href=link(path, TAGS / "index.md"),
            feeds=feed_links(path, tag_feeds(tag_id)) if chunk else None,
            **_topic_actor(lx, path, tag_id),
        )
        for path, chunk, pager in paginate(
            tag_page(tag_id), lx._by_tag.get(tag_id, []), lx.page_sizes.briefings
        )
    ]


def _topic_actor(lx: Localizer, path: PurePosixPath, tag_id: str) -> dict[str, Any]:
    """A topic's description (its own, else its same-named actor's) and that actor's
    link, when it has one."""
    tag = lx.corpus.tags[tag_id]
    found = same_named_actor(tag_id, tag.name, lx.corpus.actors)
    actor = lx.corpus.actors[found] if found is not None else None
    about = tag.description or (actor.description if actor else None)
    return {
        "about": lx.text(about) if about else None,
        "actor_href": link(path, actor_page(found)) if found is not None else None,
    }
