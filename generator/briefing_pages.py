"""A briefing's page in one language: its texts, actors, timeline, article, related
briefings, twins and structured data.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import TYPE_CHECKING

from markupsafe import Markup

from generator.corpus import (
    LoadedBriefing,
    chronological,
    corrections_in_order,
)
from generator.coverage import twins, untranslated
from generator.layout import (
    TIMELINEJS,
    actor_page,
    briefing_image_url,
    briefing_page,
    briefing_url,
    card_file,
    link,
    page_url,
    tag_page,
    timeline_data,
    timeline_view,
    to_top,
    url_depth,
    way_up,
)
from generator.markup import trusted
from generator.page_parts import group_by_type, language_name
from generator.pages import (
    ActorLine,
    BriefingPage,
    Link,
    Outdated,
    Source,
    TimelineView,
)
from generator.structured import briefing_jsonld
from generator.translations import changed_on

if TYPE_CHECKING:
    from generator.localize import Localizer


def briefing(lx: Localizer, loaded: LoadedBriefing) -> BriefingPage:
    b = loaded.briefing
    path = briefing_page(loaded.slug)
    title = lx.text(b.title)
    summary = lx.text(b.summary)
    key_points = tuple(lx.text(k) for k in b.key_points)
    roles = {role.actor: role for role in b.actors}
    lines = [
        ActorLine(
            id=actor_id,
            type=lx.corpus.actors[actor_id].type,
            name=lx.text(lx.corpus.actors[actor_id].name),
            role=lx.text(roles[actor_id].role) if roles[actor_id].role else None,  # type: ignore[arg-type]
            href=link(path, actor_page(actor_id)),
        )
        for actor_id in roles
    ]
    events = tuple(lx._event(e, loaded) for e in chronological(b.timeline))
    image_url = _image_url(lx, loaded)
    card_url = lx.language.absolute(str(card_file(loaded.slug)))
    real, default, canonical = _twins(lx, loaded)
    return BriefingPage(
        path=path,
        lang=lx.lang,
        title=title,
        description=summary.text,
        slug=loaded.slug,
        summary=summary,
        published=lx.date(b.published),
        updated=lx.date(b.updated) if b.updated else None,
        # Unsigned, a briefing is the desk's (the masthead's ``desk``).
        authors=lx.language.names(b.authors) if b.authors else lx.language.masthead.desk,
        corrections=tuple(
            (lx.date(c.date), lx.text(c.text)) for c in corrections_in_order(b.corrections)
        ),
        key_points=key_points,
        actor_groups=group_by_type(lines),
        events=events,
        article=lx._article(loaded),
        image=lx._image(b),
        sources=tuple(
            Source(
                s.title,
                s.publisher,
                s.url,
                lx.date(s.date) if s.date else None,
                s.language,
            )
            for s in b.sources
        ),
        tags=tuple(Link(lx.text(lx.corpus.tags[t].name), link(path, tag_page(t))) for t in b.tags),
        related=tuple(_related_line(lx, path, other) for other in lx._related[loaded.slug]),
        # Raw HTML, which MkDocs leaves as it is: by URL.
        timeline_view=trusted(f"{way_up(path)}{page_url(timeline_view(loaded.slug))}")
        if events
        else None,
        missing_translations=bool(untranslated(loaded, lx.lang)),
        twins=real,
        x_default=default,
        canonical=canonical,
        outdated=_outdated(lx, loaded),
        lastmod=(b.updated or b.published).iso(),
        image_url=image_url,
        card_url=card_url,
        jsonld=briefing_jsonld(
            loaded,
            lx.corpus.actors,
            lx.corpus.tags,
            lx.language,
            image_url or card_url,
            lx.today,
        ),
        kind=b.kind,
    )


def timeline(lx: Localizer, loaded: LoadedBriefing) -> TimelineView:
    """The briefing's timeline in TimelineJS, over its events as its page lists them."""
    b = loaded.briefing
    path = timeline_view(loaded.slug)
    real, default, canonical = _twins(lx, loaded, page_url(path))
    return TimelineView(
        path=path,
        lang=lx.lang,
        title=lx.text(b.title),
        description=lx.text(b.summary).text,
        events=tuple(lx._event(e, loaded) for e in chronological(b.timeline)),
        briefing_href=link(path, briefing_page(loaded.slug)),
        timeline_data=_timeline_data(path, loaded.slug),
        library=to_top(path, TIMELINEJS),
        twins=real,
        x_default=default,
        canonical=canonical,
    )


def _timeline_data(path: PurePosixPath, slug: str) -> Markup:
    """From where ``path`` is served to the briefing's TimelineJS file (a data file: by
    URL, which MkDocs leaves as it is)."""
    return trusted(f"{'../' * url_depth(path)}{timeline_data(slug)}")


def _outdated(lx: Localizer, loaded: LoadedBriefing) -> Outdated | None:
    found = [s for s in loaded.stale if s.lang == lx.lang]
    if not found:
        return None
    date, updated = changed_on(found, loaded.briefing.updated)
    original = language_name(found[0].original_lang, lx.lang)
    return Outdated(original, lx.date(date), updated)


def _related_line(lx: Localizer, path: PurePosixPath, slug: str) -> tuple[Link, str]:
    """A related briefing as its page lists it: its title, linked, and its date."""
    other = lx._by_slug[slug].briefing
    return Link(lx.text(other.title), link(path, briefing_page(slug))), lx.date(other.published)


def _twins(
    lx: Localizer, loaded: LoadedBriefing, url: str | None = None
) -> tuple[str, str, str | None]:
    """Which languages' pages of a briefing (or of its page at ``url``) are its versions
    (see BriefingPage.twins), where readers of another language go, and, on a page that
    only falls back to the original, the original's address as canonical."""
    real = twins(loaded, lx.language.order)
    default = lx.language.order[0] if lx.language.order[0] in real else real[0]
    original = lx.language.shown(loaded.briefing.title)
    canonical = lx.language.absolute(url or briefing_url(loaded.slug), original)
    return f",{','.join(real)},", default, None if lx.lang in real else canonical


def _image_url(lx: Localizer, loaded: LoadedBriefing) -> str | None:
    image = loaded.briefing.image
    if image is None:
        return None
    return briefing_image_url(lx.language.url, loaded.slug, image.file, image.url)
