"""What the name finder (``names``) knows of Indonesian news copy: its words and patterns.

Titles, ranks and offices; the words that head an organisation's name or an event's;
places and the words that make a name one; words capitalised for other reasons; the
cues that say what a one-word name is; and the patterns of capitalised runs, glosses and
locatives, each read once a sentence or a bounded stretch past a name.
"""

from __future__ import annotations

import functools
import re

from generator import lexicon
from generator.dates import MONTHS

WEEKDAYS = {
    "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "ahad",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}  # fmt: skip
# Titles and offices, dropped from either end of a run of capitalised words.
TITLES = {
    "Menteri", "Menlu", "Luar", "Negeri", "Presiden", "Wakil", "Perdana", "Duta", "Besar",
    "Dubes", "Sekretaris", "Jenderal", "Sekjen", "Juru", "Bicara", "Direktur", "Ketua",
    "Kepala", "Gubernur", "Panglima", "Raja", "Ratu", "Putra", "Mahkota", "Kanselir",
    "Utusan", "Khusus", "Keuangan", "Pertahanan", "Perdagangan", "Dalam", "Koordinator",
    "Bidang", "Politik", "Hukum", "Keamanan", "Senator", "Anggota", "Prime", "Minister",
    "Foreign", "President", "Secretary", "General", "Ambassador", "Vice", "Deputy",
    "Kelompok", "Pejabat", "Analis", "Pengamat", "Peneliti", "Profesor", "Dr", "Prof",
    "Eksekutif", "Umum", "Utama", "Harian", "Senior", "Muda", "Madya", "Purn", "Pelaksana",
    "Tugas", "Plt", "Deputi", "Asisten", "Staf", "Ahli", "Penasihat", "Pemimpin", "Komisaris",
    "Energi", "Iklim", "Lingkungan", "Hidup", "Sumber", "Daya", "Mineral", "Investasi",
    "Ekonomi", "Sosial", "Agama", "Kemlu", "Kemhan", "Jubir", "Negara", "Pemuda", "Olahraga",
    "Teknik", "Chief", "Executive", "Officer", "CEO", "Chairman", "Director", "Managing",
    "Komisioner", "Sheikh", "Syekh", "Datuk", "Seri",
}  # fmt: skip
# Ranks and offices that stand right before a person's name: a run is cut where one
# follows other words ("Badan Keamanan Laut Laksdya Irvansyah").
RANKS = {
    "Presiden", "Wapres", "Menteri", "Menlu", "Menko", "Mendag", "Menkeu", "Menhan", "Wamenlu",
    "Wamen", "Dubes", "Jenderal", "Letjen", "Mayjen", "Brigjen", "Laksamana", "Laksdya",
    "Laksda", "Laksma", "Marsekal", "Marsdya", "Marsda", "Marsma", "Kolonel", "Letkol", "Mayor",
    "Kapten", "Komjen", "Irjen", "Kombes", "AKBP", "Gubernur", "Bupati", "Sekjen", "Jubir",
    "Direktur", "Dirjen", "Kepala", "Ketua", "Komandan", "Panglima", "Kapolri", "Kapolda", "PM",
    "Raja", "Ratu", "Pangeran", "Kanselir", "Senator", "Profesor", "Prof", "Dr", "Sekretaris",
    "Utusan", "Duta", "Wakil", "Pemimpin", "Juru",
}  # fmt: skip
# The head of an organisation's name: kept with what follows ("Komisi Eropa", "Bank
# Indonesia"), and joined across "dan" ("Kementerian Energi dan Sumber Daya Mineral").
ORG_HEADS = {
    "Kementerian", "Badan", "Komisi", "Dewan", "Lembaga", "Majelis", "Kamar", "Direktorat",
    "Kantor", "Pusat", "Institut", "Departemen", "Organisasi", "Perserikatan", "Persatuan",
    "Perhimpunan",
    "Asosiasi", "Federasi", "Gabungan", "Ikatan", "Yayasan", "Bank", "Partai", "Mahkamah",
    "Pengadilan", "Kejaksaan", "Kepolisian", "Angkatan", "Uni", "Liga", "Forum", "Dinas",
    "Kedutaan", "Universitas", "Agency", "Institute", "Council", "Commission", "Organization",
    "Organisation", "Fund", "Ministry", "Office", "Centre", "Center", "Association",
    "Foundation", "Union", "Party", "Court", "Department", "Society", "Federation", "Network",
    "Alliance", "Coalition", "Committee", "Programme", "Bureau", "Authority", "Agensi",
    "PT", "KBRI", "KJRI", "Fraksi", "Sekretariat", "Polda", "Polres", "Kedubes",
}  # fmt: skip
# Portfolios and fields, "ke-...-an" and "pe-...-an" nouns (Perekonomian, Kelautan): part
# of an office before a name, not of the name.
FIELD = re.compile(r"(?:Ke|Pe|Per|Pem|Pen|Peng|Peny)[a-z]{3,}an")
# Ministries and their ministers abbreviated: Kemenlu, Kemenkeu; Menkes, Wamenkes, Menpora.
MINISTRY = re.compile(
    r"Kemen[a-z]{2,5}|Wamen[a-z]{0,8}|Men(?:ko|kes|keu|lu|dag|han|pora|aker|tan|hub|"
    r"dikbud|parekraf|sesneg|kominfo|kumham|ristek|perin|pan)[a-z]*"
)
# A government, "Pemerintah Korsel", is named after its country; "Pemerintah Persatuan
# Nasional" is an actor of its own.
GOVERNMENT = {"Pemerintah", "Pemerintahan"}
# A run that starts (Indonesian) or ends (English) with one of these names an event, a
# treaty, a scheme or a document, not an actor.
EVENT_HEADS = {
    "Konferensi", "Konvensi", "Perjanjian", "Kesepakatan", "Traktat", "Mekanisme", "Skema",
    "Program", "Proyek", "Kemitraan", "Konsensus", "Deklarasi", "Resolusi", "Undang-Undang",
    "Peraturan", "Kode", "Pertemuan", "Sidang", "Operasi", "Latihan", "Krisis", "Perang",
    "Pemilu", "Pilpres", "Festival", "Pameran", "Piala", "Olimpiade", "Rapat", "Dialog",
    "Rencana", "Strategi", "Visi", "Misi", "Paket", "Tragedi", "Insiden",
}  # fmt: skip
EVENT_TAILS = {
    "Partnership", "Agreement", "Convention", "Conference", "Summit", "Treaty", "Initiative",
    "Act", "Declaration", "Games", "Cup", "Plan", "Strategy", "Dialogue", "Exercise",
}  # fmt: skip
# Acronyms of common nouns: citizens, fuel, budgets, summits; not actors.
COMMON_ACRONYMS = {
    "WNI", "WNA", "TKI", "ABK", "BBM", "APBN", "APBD", "PDB", "GDP", "UMKM", "ZEE", "SAR",
    "KTT", "LSM", "PLTU", "PLTN", "HAM", "WIB", "WITA", "WIT", "GMT", "UTC",
}  # fmt: skip
# A word after which a capitalised name is a news outlet quoted as a source: "dilansir
# Reuters", "dikutip dari Kompas".
SOURCE = re.compile(
    r"\b(?:dilansir|melansir|dikutip|mengutip|diberitakan|according\s+to)(?:\s+dari)?(\s+)",
    re.I,
)
# A word after which a capitalised name is a thing: an aircraft, a ship, a language.
THING = re.compile(
    r"\b(?:pesawat|helikopter|jet|rudal|tank|satelit|kendaraan|bahasa|berbahasa|skema|"
    r"program|proyek|operasi|merek|produk|vaksin|kereta)(\s+)(?:[A-Z0-9]+-[A-Z0-9-]+\s+)?",
    re.I,
)
# Compass words end a region's name: Kalimantan Barat, Natuna Utara, Jawa Tengah.
COMPASS = {"Barat", "Timur", "Utara", "Selatan", "Tengah", "Tenggara", "Laut", "Daya"}
# Particles inside names: Mohammed bin Salman, Ursula von der Leyen, Bendito dos Santos.
PARTICLES = r"(?:bin|binti|van|von|der|den|de|al|dos|das|da|del|du)"
# English words inside an organisation's name after its head: Institute for ...
CONNECTOR = re.compile(r"\s+(?:for|of|and|on|untuk)\s+$|\s+dan\s+$")

# Words that are capitalised because they open a sentence or a title, not names.
NOT_NAMES = {
    "A", "An", "And", "Bagi", "Belum", "But", "Dan", "Di", "Foto", "For", "However", "Ia",
    "If", "In", "Jika", "Meskipun", "Menurut", "Namun", "On", "Pada", "Photo", "Sebuah",
    "Sumber", "The", "This", "Untuk", "Yang", "Ini", "Itu", "Para", "Kita", "Kami", "Mereka",
    "Saat", "Setelah", "Sebelumnya", "Selain", "Sementara", "Dengan", "Kemudian", "Hal",
    "Adapun", "Terkait", "Sejumlah", "Beberapa", "Seperti", "Oleh", "Karena", "Bahkan",
    "Selanjutnya", "Sedangkan", "Kedua", "Keduanya", "Sehari", "Apa", "Bagaimana", "Mengapa",
    "Siapa", "Kapan", "Tahun", "Bulan", "Pekan", "Hari", "KTT", "Biasa", "Pemilu", "Penulis",
    "Wawancara", "Musim", "Kerja", "Sama", "Indo", "Melalui", "Sebanyak", "Berikut", "Ketika",
    "Tetapi", "Tapi", "Lalu", "Kini", "Sejak", "Hingga", "Sampai", "Dalam", "Bila", "Apabila",
    "Keesokan", "Reporter", "Editor", "Pewarta", "Redaktur", "Penyunting", "Fotografer",
    *COMMON_ACRONYMS,
}  # fmt: skip
# Cities and regions CLDR does not list (capitals have no time zone of their own).
PLACES = {
    "Washington", "Beijing", "Moskow", "Canberra", "Ankara", "Islamabad", "New Delhi", "Ottawa",
    "Hanoi", "Jenewa", "Geneva", "Kiev", "Den Haag", "Brussel", "Bali", "Nusa Dua", "Medan",
    "Surabaya", "Bandung", "Yogyakarta", "Tepi Barat", "Timur Tengah", "Asia Timur", "Pasifik",
    "Indo-Pasifik", "Asia-Pasifik", "Atlantik", "Arktik",
}  # fmt: skip
# A run that starts with one of these names a place or a vessel: Laut China Selatan,
# Gedung Putih, Lanud Halim Perdanakusuma, KRI Bung Tomo.
PLACE_WORDS = {
    "Laut", "Selat", "Teluk", "Pulau", "Kepulauan", "Gunung", "Sungai", "Samudra", "Samudera",
    "Gedung", "Kota", "Provinsi", "Kabupaten", "Jalan", "Istana", "Pelabuhan", "Bandara",
    "Tanjung", "Lanud", "Pangkalan", "Markas", "Pos", "PLBN", "Kawasan", "Wilayah", "Desa",
    "Kecamatan", "Bandar", "KRI", "KM", "MV", "USS", "HMS",
}  # fmt: skip
# A locative and the space after it: a name right after one is a place.
LOCATIVE = re.compile(
    r"\b(?:di|ke|dari|menuju|dekat|sekitar|kota|wilayah|provinsi|pelabuhan|bandara|kamp|desa|"
    r"kampung|pulau|kabupaten|at|in|to|from|near)(\s+)",
    re.I,
)
# A committee's number: Komisi I DPR, Komisi XI.
ROMAN = r"(?<=Komisi )[IVX]{1,4}\b"
# Latin letters with their accents, as names from Europe and Latin America are written:
# Ortúzar, Đurić, São Paulo; an apostrophe inside a name: Syafi'i.
_UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
_LOWER = "a-z" + "".join(c for c in map(chr, range(0xDF, 0x250)) if c.islower())
_TITLE_WORD = rf"[{_UPPER}][{_LOWER}]+(?:['\u2019][{_LOWER}]+)?"
_WORD = (
    rf"(?:{_TITLE_WORD}(?:-[{_UPPER}]?[{_LOWER}]+)*|[{_UPPER}][{_UPPER}0-9]+(?:-[{_UPPER}0-9]+)*"
    rf"|{ROMAN}(?=\s[{_UPPER}]))"
)
# Capitalised words, with the particles inside Arabic and Dutch names: Mohammed bin Salman.
RUN = re.compile(rf"\b{_WORD}(?:\s+(?:{PARTICLES}\s+)*{_WORD})*\b")
# Nothing but punctuation before it, or an interview's speaker label ("Kanasugi: ").
LEADING_PUNCTUATION = re.compile(r"[\W_]*")
SPEAKER = re.compile(r"([\w ]{1,40}:)\s*")
# A name in brackets right after a word: an acronym or another name of what precedes,
# "Badan Nasional Pengelola Perbatasan (BNPP)", "warga negara Indonesia (WNI)".
GLOSS = re.compile(r"\w\s*\(([A-Z][\w-]*(?:\s(?:[a-z]{2,4}\s)?[A-Z][\w-]*){0,3})\)")
# A name followed by a year is an edition or a budget: APBN 2025, Piala Dunia 2026.
YEAR_AFTER = re.compile(r"\s(?:19|20)\d\d(?!\d)")
YEAR_AFTER_CHARACTERS = 6  # read no further than this past a name
# Acronyms numbered by edition: COP29, not G20.
EDITION = re.compile(r"[A-Z]{2,}\d{2,}")
# An acronym in brackets right after a run: the article glosses the run as an
# organisation, "Program Pangan Dunia (WFP)", which is then kept whole.
GLOSSED = re.compile(r"\s*\([A-Z][A-Za-z0-9]{1,9}\)")
GLOSS_CHARACTERS = 14  # read no further than this past a run
# What may stick to a word: a word the article also writes in lower case is a common
# word where it is capitalised for opening a sentence ("Warga Desa ...").
PUNCTUATION = ".,;:!?\"'()\u201c\u201d\u2018\u2019"

# Words that say what the name after them is: an office, a kind of body (within a few
# words: "perusahaan tambang negara Codelco"), a summit of it; or, after it, what it
# says or does ("Misbakhun, mengatakan", "FIFA menjadwalkan") or is ("Rosatom, badan").
KIND_BEFORE = re.compile(
    r"\b(?:perusahaan|produsen|maskapai|kelompok|grup|milisi|faksi|partai|organisasi|lembaga|"
    r"badan|bank|forum|anggota|negara-negara|klub|federasi|konsorsium|operator|pabrikan|"
    r"raksasa|pemerintah|kata|ujar|tutur|ucap|menurut|KTT)(?:\s+[a-z]+){0,3}\s+$",
    re.I,
)
KIND_AFTER = re.compile(
    r",?\s+(?:(?:akan|telah|sudah|juga|tidak|belum|pun)\s+)?(?:me[a-z]{3,}|ber(?:kata|pendapat))"
    r"\b|,\s+(?:badan|lembaga|perusahaan|kelompok|organisasi|produsen|operator|pemimpin)\b"
    r"|\s*\(\d{1,3}\)"  # a person's age: Marlina (42)
)
CUE_CHARACTERS = 40  # read no further than this either side of a name
# Heads of events that, glossed with an acronym, name a body: the UN's programmes.
GLOSSED_ORG_HEADS = {"Program"}
# Words that end an organisation's name rather than start a person's.
ORG_TAILS = {"Nasional", "Internasional", "Dunia", "Daerah", "Pusat", "Rakyat", "Raya", "Bersama"}


def is_country(name: str) -> bool:
    return name in lexicon.countries()


def is_place(name: str) -> bool:
    return (
        name in PLACES
        or name in lexicon.cities()
        or name in lexicon.regions()
        or name.split(maxsplit=1)[0] in PLACE_WORDS
    )


@functools.cache
def joined_countries() -> frozenset[tuple[str, str]]:
    """The words either side of "dan" in a country's name: (Bosnia, Herzegovina)."""
    return frozenset(
        (left.rsplit(maxsplit=1)[-1], right.split(maxsplit=1)[0])
        for name in lexicon.countries()
        for left, _, right in [name.partition(" dan ")]
        if right
    )


def numbered(words: list[str], word: str) -> bool:
    """A committee's number, or the name after it: Komisi | XI | Dewan ..."""
    if roman(word):
        return words[-1] in ORG_HEADS
    return len(words) >= 2 and roman(words[-1]) and words[-2] in ORG_HEADS


def roman(word: str) -> bool:
    return 0 < len(word) <= 4 and set(word) <= set("IVX")


def date_word(word: str) -> bool:
    """A weekday or a month, or months joined: "Juni-Agustus"."""
    return all(part in MONTHS or part in WEEKDAYS for part in word.lower().split("-"))


def not_name(word: str, following: int = 0) -> bool:
    """A title or a word that is capitalised for other reasons; "Pemerintah" only
    before a country's short name ("Pemerintah Korsel")."""
    if word in GOVERNMENT:
        return following <= 1
    return (
        word in TITLES
        or word in RANKS
        or word in NOT_NAMES
        or date_word(word)
        or bool(MINISTRY.fullmatch(word))
        or (word not in ORG_HEADS and bool(FIELD.fullmatch(word)))
    )
