"""schema.org JSON-LD for a briefing page, and JSON made safe to put inside a <script>.

The briefing is an ``AnalysisNewsArticle`` in the page's language, linked to its
versions in the other languages (``workTranslation`` from the default language,
``translationOfWork`` to it), ``isBasedOn`` the source article, ``about`` its actors
(with ``sameAs`` their Wikidata entry) and ``mentions`` its timeline as ``Event``s.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from markupsafe import Markup

from generator.encode import script_json
from generator.layout import briefing_url, language_url
from generator.load import LoadedBriefing
from generator.models import Actor, text_in

SCHEMA_TYPES = {
    "person": "Person",
    "organization": "Organization",
    "country": "Country",
    "media": "NewsMediaOrganization",
    "other": "Thing",
}
EVENT_STATUS = {
    "happened": "https://schema.org/EventScheduled",
    "expected": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
}


def briefing_jsonld(
    loaded: LoadedBriefing,
    actors: Mapping[str, Actor],
    lang: str,
    languages: Sequence[str],
    site_url: str,
    image_url: str | None,
) -> Markup:
    b = loaded.briefing

    def url(code: str) -> str:
        return f"{language_url(site_url, code)}{briefing_url(loaded.slug)}"

    default = languages[0]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "AnalysisNewsArticle",
        "@id": url(lang),
        "url": url(lang),
        "headline": text_in(b.title, lang, languages),
        "description": text_in(b.summary, lang, languages),
        "inLanguage": lang,
        "datePublished": b.published.iso(),
        "dateModified": (b.updated or b.published).iso(),
        "keywords": list(b.tags),
        "about": [_thing(a.actor, actors[a.actor], lang, languages) for a in b.actors],
        "mentions": [
            {
                "@type": "Event",
                "name": text_in(entry.event, lang, languages),
                "startDate": entry.date.iso(),
                "eventStatus": EVENT_STATUS[entry.status],
            }
            for entry in b.timeline
        ],
        "isBasedOn": _source(loaded),
    }
    if lang == default:
        data["workTranslation"] = [{"@id": url(code)} for code in languages if code != lang]
    else:
        data["translationOfWork"] = {"@id": url(default)}
    if image_url:
        data["image"] = image_url
    return script_json(data)


def _thing(actor_id: str, actor: Actor, lang: str, languages: Sequence[str]) -> dict[str, Any]:
    thing: dict[str, Any] = {
        "@type": SCHEMA_TYPES[actor.type],
        "name": text_in(actor.name, lang, languages),
    }
    if actor.wikidata:
        thing["sameAs"] = f"https://www.wikidata.org/wiki/{actor.wikidata}"
    return thing


def _source(loaded: LoadedBriefing) -> dict[str, Any]:
    ref = loaded.briefing.article
    source: dict[str, Any] = {"@type": "NewsArticle", "inLanguage": ref.language}
    original = loaded.articles.get(ref.language)
    author = ref.author or (original.byline if original else None)
    if ref.title:
        source["headline"] = next(iter(ref.title.values()))
    if author:
        source["author"] = {"@type": "Person", "name": author}
    if ref.publisher:
        source["publisher"] = {"@type": "Organization", "name": ref.publisher}
    if ref.url:
        source["url"] = ref.url
    if ref.published:
        source["datePublished"] = ref.published.iso()
    return source
