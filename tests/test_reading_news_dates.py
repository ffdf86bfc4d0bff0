"""What `briefings new` and `briefings check` read of dates: the date passes read a
sentence without dates once, for its words, instead of once per pattern."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator import date_mentions
from generator.date_mentions import find_dates
from generator.scaffold import read_article

TUNING = Path(__file__).parent / "fixtures" / "scaffold"


def test_reading_a_sentence_for_its_words_first_finds_every_date_of_the_tuning_set(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    articles = [read_article(path, "id").paragraphs for path in sorted(TUNING.glob("*.id.txt"))]
    assert len(articles) > 50

    def found() -> list[list[tuple[object, ...]]]:
        return [[(m.date, m.end, m.text, m.line) for m in find_dates(a)] for a in articles]

    gated = found()
    monkeypatch.setattr(date_mentions, "NEEDS", dict.fromkeys(date_mentions.NEEDS, ()))
    assert found() == gated


class _Counting:
    """A compiled pattern that counts the characters it is asked to search."""

    def __init__(self, pattern: re.Pattern[str], read: list[int]) -> None:
        self._pattern, self._read = pattern, read

    def finditer(self, text: str) -> object:
        self._read.append(len(text))
        return self._pattern.finditer(text)


def test_a_megabyte_without_dates_is_never_given_to_a_date_pattern(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read: list[int] = []
    counted = [(kind, _Counting(p, read)) for kind, p in date_mentions.PATTERNS]
    monkeypatch.setattr(date_mentions, "PATTERNS", counted)
    short = "Foto: lalu ini depan"
    assert find_dates(["Foto " * 200_000, short]) == []
    assert set(read) == {len(short)}  # only the sentence with relative words is searched
