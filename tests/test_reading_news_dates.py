"""What `briefings new` and `briefings check` read of dates: one failure class each that
round four of issue 30 showed (a live blog, a chronology, a press release, a weekly
round-up); and the date passes, which read a sentence without dates once, for its
words, instead of once per pattern."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator import date_mentions
from generator.date_mentions import find_dates
from generator.dates import PartialDate
from generator.scaffold import read_article

TUNING = Path(__file__).parent / "fixtures" / "scaffold"


def dates(*paragraphs: str, reference: str | None = None) -> list[str]:
    ref = PartialDate.parse(reference) if reference else None
    return [
        f"{m.date.iso()}/{m.end.iso()}" if m.end else m.date.iso()
        for m in find_dates(list(paragraphs), ref)
    ]


def test_a_live_blogs_timed_entries_happen_on_its_stamps_day() -> None:
    found = dates(
        "LIVE: Banjir Rendam Kota Hilir",
        "Kamis, 14 Mei 2026 | 23:40 WIB",
        "23.40 WIB",
        "Air mulai surut. Sekolah diliburkan hingga Minggu (17/5).",
        "21.05 WIB",
        "Tanggul jebol di dua titik.",
        "Pembaruan berikutnya Jumat (15/5) pagi.",
    )
    assert found == ["2026-05-14", "2026-05-17"]


def test_a_date_line_below_the_first_paragraph_heads_a_timeline_entry() -> None:
    found = dates(
        "Sepekan Diplomasi",
        "Sabtu, 7 November 2026",
        "Pekan ini diplomasi bergerak di tiga benua.",
        "Senin, 2 November",
        "Menlu bertemu mitranya di Kairo.",
        "Oktober 2019",
        "Larangan ekspor diumumkan.",
        "Pekan depan",
        "Presiden menghadiri KTT pada 11-12 November.",
    )
    assert found == ["2026-11-02", "2019-10", "2026-11-11/2026-11-12"]


def test_a_datelines_date_is_the_articles_even_before_a_weekday_and_date() -> None:
    found = dates(
        "SIARAN PERS",
        "Jakarta, 3 Maret 2026 - Konferensi akan digelar pada 20-22 April 2026.",
        "Konferensi akan dibuka pada Senin, 20 April 2026. Pertemuan pejabat senior "
        "digelar pada pertengahan Maret.",
    )
    assert found == ["2026-04-20/2026-04-22", "2026-04-20", "2026-03"]


def test_a_laws_year_and_a_linked_story_are_no_events() -> None:
    found = dates(
        "Dasar hukumnya Undang-Undang Nomor 4 Tahun 2009 dan UU No. 3 Tahun 2020.",
        "Baca juga: RI-Malaysia bahas Selat Malaka pekan depan",
        "Patroli dimulai sejak 2017.",
        reference="2025-05-13",
    )
    assert found == ["2017"]


def test_a_wire_storys_bare_weekday_is_that_day_of_the_articles_week() -> None:
    found = dates(
        "Jakarta (ANTARA) - Presiden Kenya tiba di Jakarta, Rabu, untuk kunjungan tiga hari.",
        "Hal itu disampaikan Menlu di Manila, Senin.",
        reference="2025-09-10",
    )
    assert found == ["2025-09-10", "2025-09-08"]


def test_a_month_of_next_or_last_year_is_that_month_of_that_year() -> None:
    found = dates(
        "Menteri dijadwalkan bertemu Pupuk Indonesia pada Maret tahun depan.",
        "Kontrak diteken Oktober tahun lalu; target March next year.",
        reference="2025-09-10",
    )
    assert found == ["2026-03", "2024-10", "2026-03"]


def test_a_weekday_of_last_or_next_week_is_that_day_of_that_week() -> None:
    found = dates(
        "Kontrak itu diteken di Sevilla pada Kamis pekan lalu.",
        "Kadin akan membawa 40 pengusaha ke Sao Paulo pada Kamis pekan depan.",
        reference="2025-04-08",
    )
    assert found == ["2025-04-03", "2025-04-17"]


def test_ranges_of_parts_of_months_and_of_numeric_days_are_ranges() -> None:
    found = dates(
        "Latihan digelar akhir November hingga awal Desember 2025.",
        "Musim hujan berlangsung sejak Oktober hingga Maret.",
        "Pameran berlangsung Senin (3/11) hingga Rabu (5/11).",
        "Libur (30/12) hingga (2/1).",
        reference="2025-11-12",
    )
    assert found == [
        "2025-11/2025-12",
        "2025-10/2026-03",
        "2025-11-03/2025-11-05",
        "2025-12-30/2026-01-02",
    ]


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
