"""Translation coverage: per briefing and language, which texts exist, which are missing
and which may be out of date."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from generator.checks import ONE_LANGUAGE_FIELDS
from generator.corpus import Corpus, LoadedBriefing
from generator.errors import field_path
from generator.strict_yaml import Loc


@dataclass(frozen=True)
class Coverage:
    slug: str
    lang: str
    translated: int
    total: int
    missing: tuple[str, ...]  # field paths, e.g. key_points[2]
    outdated: tuple[str, ...] = ()  # translated from an earlier original (see translations)


def coverage(corpus: Corpus, languages: Sequence[str]) -> list[Coverage]:
    rows = []
    for loaded in corpus.briefings:
        total = len(_translatable(loaded))
        for lang in languages:
            missing = untranslated(loaded, lang)
            outdated = tuple(field_path(s.loc[:-1]) for s in loaded.stale if s.lang == lang)
            rows.append(Coverage(loaded.slug, lang, total - len(missing), total, missing, outdated))
    return rows


def untranslated(loaded: LoadedBriefing, lang: str) -> tuple[str, ...]:
    """The fields of a briefing with no text in ``lang``: the one rule for the status
    page, `briefings status` and the notice on a briefing's page."""
    return tuple(field_path(loc) for loc, text in _translatable(loaded) if lang not in text)


def twins(loaded: LoadedBriefing, languages: Sequence[str]) -> tuple[str, ...]:
    """The languages, in site order, whose page of the briefing is a translation: its title
    or its summary is in that language. The others show the original's title and summary
    under a notice, and are not announced as that language's version (hreflang, sitemap)."""
    b = loaded.briefing
    return tuple(lang for lang in languages if lang in b.title or lang in b.summary)


def _translatable(loaded: LoadedBriefing) -> list[tuple[Loc, Mapping[str, str]]]:
    return [(loc, text) for loc, text in loaded.texts if loc not in ONE_LANGUAGE_FIELDS]
