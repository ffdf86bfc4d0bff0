"""schema.org JSON-LD for a briefing page, and JSON made safe to put inside a <script>.

The briefing is an ``AnalysisNewsArticle`` in the page's language, linked to its
versions in the other languages (``workTranslation`` from the default language,
``translationOfWork`` to it), ``isBasedOn`` the source article, ``about`` its actors
(with ``sameAs`` their Wikidata entry) and ``mentions`` its timeline as ``Event``s.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from markupsafe import Markup

from generator.corpus import LoadedBriefing
from generator.encode import script_json
from generator.layout import briefing_url
from generator.models import Actor, Tag
from generator.settings import Language

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


def _event_status(status: str) -> dict[str, str]:
    # An outcome nobody recorded has no schema.org status: none is claimed.
    return {"eventStatus": EVENT_STATUS[status]} if status in EVENT_STATUS else {}


def briefing_jsonld(
    loaded: LoadedBriefing,
    actors: Mapping[str, Actor],
    tags: Mapping[str, Tag],
    language: Language,
    image_url: str,
    today: dt.date,
) -> Markup:
    b = loaded.briefing
    lang, languages = language.code, language.order

    def url(code: str) -> str:
        return language.absolute(briefing_url(loaded.slug), code)

    default = languages[0]
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "AnalysisNewsArticle",
        "@id": url(lang),
        "url": url(lang),
        "headline": language.text(b.title),
        "description": language.text(b.summary),
        "inLanguage": lang,
        "datePublished": b.published.iso(),
        "dateModified": (b.updated or b.published).iso(),
        "keywords": [language.text(tags[t].name) for t in b.tags],
        "about": [_thing(actors[a.actor], language) for a in b.actors],
        "mentions": [
            {
                "@type": "Event",
                "name": language.text(entry.event),
                "startDate": entry.date.iso(),
                **({"endDate": entry.end.iso()} if entry.end else {}),
                **_event_status(entry.status_on(today)),
            }
            for entry in b.timeline
        ],
        "isBasedOn": _source(loaded),
    }
    if b.authors:
        data["author"] = [{"@type": "Person", "name": name} for name in b.authors]
    elif language.masthead.desk:  # unsigned: the desk signs, an organization
        data["author"] = {"@type": "Organization", "name": language.masthead.desk}
    if b.corrections:
        data["correction"] = [
            {
                "@type": "CorrectionComment",
                "datePublished": c.date.iso(),
                "text": language.text(c.text),
            }
            for c in b.corrections
        ]
    if lang == default:
        data["workTranslation"] = [{"@id": url(code)} for code in languages if code != lang]
    else:
        data["translationOfWork"] = {"@id": url(default)}
    if image_url:
        data["image"] = image_url
    return script_json(data)


def _thing(actor: Actor, language: Language) -> dict[str, Any]:
    thing: dict[str, Any] = {
        "@type": SCHEMA_TYPES[actor.type],
        "name": language.text(actor.name),
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
