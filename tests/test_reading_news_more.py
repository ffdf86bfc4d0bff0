"""What `briefings new` reads from Indonesian news, round two of issue 30: one failure
class each that ten more articles (other regions, outlets and forms) showed: whole
organisations, offices before their holders, subheads and credits, common words opening
a sentence; months and weekdays without a date, datelines and timestamps."""

from __future__ import annotations

from generator.date_mentions import find_dates
from generator.dates import PartialDate
from generator.names import find_names


def names(*paragraphs: str, author: str | None = None) -> list[str]:
    return [mention.name for mention in find_names(list(paragraphs), author=author)]


def dates(*paragraphs: str, reference: str | None = None) -> list[str]:
    ref = PartialDate.parse(reference) if reference else None
    return [
        f"{m.date.iso()}/{m.end.iso()}" if m.end else m.date.iso()
        for m in find_dates(list(paragraphs), ref)
    ]


def test_an_organisation_glossed_or_joined_by_dan_or_untuk_is_kept_whole() -> None:
    found = names(
        "Pengawasan dilakukan Badan Pengawas Obat dan Makanan (BPOM) bersama Organisasi "
        "Internasional untuk Migrasi (IOM) dan Badan Pengungsi PBB (UNHCR).",
        "Program Pangan Dunia (WFP) memberi bantuan bersama Departemen Luar Negeri dan "
        "Perdagangan Australia.",
    )
    assert found == [
        "Badan Pengawas Obat dan Makanan",
        "Organisasi Internasional untuk Migrasi",
        "Badan Pengungsi PBB",
        "Program Pangan Dunia",
        "Departemen Luar Negeri dan Perdagangan Australia",
    ]


def test_an_office_before_its_holder_is_split_from_the_holders_name() -> None:
    found = names(
        "Ketua Dewan Peternak Nasional Harun Siregar meminta masa transisi.",
        "Menteri Pemuda dan Olahraga Dito Ariotedjo meminta evaluasi, kata Wamenkes Dante.",
        "Kepala Badan Nasional Pengelola Perbatasan hadir.",
    )
    assert found == [
        "Dewan Peternak Nasional",
        "Harun Siregar",
        "Dito Ariotedjo",
        "Dante",
        "Badan Nasional Pengelola Perbatasan",
    ]


def test_subheads_credits_and_the_authors_biography_name_no_one() -> None:
    found = names(
        "Visa Iklim untuk Warga Tuvalu: Bagaimana Cara Kerjanya?",
        "SIAPA SAJA ANGGOTA MERCOSUR?",
        "KOLOMBO, 12 Maret (Reuters) - Sri Lanka menerima dana dari Bank Dunia.",
        "(Laporan oleh Uditha Jayasinghe; Penyuntingan oleh Martin Petty)",
        "Fadli Rahman adalah peneliti di Pusat Riset Ekonomi Perilaku dan Sirkuler.",
        author="Fadli Rahman",
    )
    assert found == ["Tuvalu", "Sri Lanka", "Bank Dunia"]  # a country, even in a headline


def test_a_common_word_opening_a_sentence_is_not_part_of_a_name() -> None:
    found = names(
        "Federasi meminta pelatih Patrick Kluivert bertahan.",
        "Kontrak Kluivert berlaku hingga 2027.",
        "Warga Desa Matang Peulawi sempat menolak; warga lain membantu.",
        "Pemerintah Persatuan Nasional menuduh pemerintah militer.",
        "Kursus digelar di Goethe-Institut Jakarta.",
    )
    assert found == ["Patrick Kluivert", "Pemerintah Persatuan Nasional", "Goethe-Institut Jakarta"]


def test_a_month_or_weekday_without_a_date_is_the_nearest_one_the_tense_allows() -> None:
    found = dates(
        "KOLOMBO, 12 Maret (Reuters) - IMF pada Rabu menyetujui pencairan, kata IMF pada Kamis.",
        "Tinjauan keenam dijadwalkan pada September. Wabah terdeteksi sejak Oktober.",
        "Musim paceklik Juni-Agustus tahun ini; aturan berlaku pada akhir 2026.",
        "Kasus tercatat sepanjang 2024.",
        reference="2026-03-12",
    )
    assert found == [
        "2026-03-11", "2026-03-12", "2026-09", "2025-10", "2026-06/2026-08", "2026", "2024",
    ]  # fmt: skip


def test_a_dateline_or_timestamp_dates_the_article_but_is_no_event() -> None:
    found = dates(
        "Selasa, 9 Desember 2025 10:15 WIB",
        "Jakarta, 22 Januari 2026 - Kesepakatan ditandatangani di New Delhi, Selasa (20/1).",
        "Pengungsi yang mendarat malam ini mencapai 143 orang.",
    )
    assert found == ["2026-01-20", "2025-12-09"]


def test_a_date_stamped_with_dots_is_a_date() -> None:
    found = dates("28.07.2025", "Pemenang diumumkan pada Jumat (25/7).")
    assert found == ["2025-07-25"]


def test_an_outlet_quoted_as_a_source_and_a_currency_are_not_actors() -> None:
    found = names(
        "Harga naik, dilansir Reuters, dan dikutip dari Kompas pula.",
        "Nilai tukar Dolar Amerika Serikat dan Yen Jepang melemah terhadap Euro, kata Bank Dunia.",
    )
    assert found == ["Amerika Serikat", "Jepang", "Bank Dunia"]
