"""Small rules the page builders share: the order of events, feed links, actors grouped
by type, language names."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from pathlib import PurePosixPath

from babel import Locale
from markupsafe import Markup

from generator.events import collation_key
from generator.layout import (
    link,
)
from generator.models import (
    ActorType,
)
from generator.pages import (
    ActorLine,
    Event,
    LText,
)

ACTOR_TYPE_ORDER: tuple[ActorType, ...] = ("country", "organization", "person", "media", "other")


@functools.lru_cache(maxsize=256)
def language_name(code: str, in_lang: str) -> str:
    """The name of language ``code`` in language ``in_lang``, from Babel's locale data."""
    return Locale.parse(code).get_display_name(in_lang) or code


def by_label(options: Iterable[tuple[str, LText]]) -> tuple[tuple[str, LText], ...]:
    return tuple(sorted(options, key=lambda option: collation_key(option[1].text)))


def event_key(event: Event) -> tuple[tuple[int, int, int], str]:
    return (event.date.sort_key, event.briefing.href)


def group_by_type(
    lines: Sequence[ActorLine],
) -> tuple[tuple[ActorType, tuple[ActorLine, ...]], ...]:
    return tuple(
        (kind, tuple(line for line in lines if line.type == kind))
        for kind in ACTOR_TYPE_ORDER
        if any(line.type == kind for line in lines)
    )


def feed_links(
    path: PurePosixPath, feeds: tuple[PurePosixPath, PurePosixPath]
) -> tuple[Markup, Markup]:
    """Links from a page to a topic's or an actor's RSS and JSON Feed."""
    return link(path, feeds[0]), link(path, feeds[1])
