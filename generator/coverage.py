"""Translation coverage: per briefing and language, which texts exist and which are missing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.load import ONE_LANGUAGE_FIELDS, Corpus, field_path


@dataclass(frozen=True)
class Coverage:
    slug: str
    lang: str
    translated: int
    total: int
    missing: tuple[str, ...]  # field paths, e.g. key_points[2]


def coverage(corpus: Corpus, languages: Sequence[str]) -> list[Coverage]:
    rows = []
    for loaded in corpus.briefings:
        texts = [(loc, t) for loc, t in loaded.texts if loc not in ONE_LANGUAGE_FIELDS]
        for lang in languages:
            missing = tuple(field_path(loc) for loc, t in texts if lang not in t)
            rows.append(Coverage(loaded.slug, lang, len(texts) - len(missing), len(texts), missing))
    return rows
