"""Names in an article that may be actors: people, organisations and countries.

``briefings new`` lists the capitalised names an article uses that the registry
does not know, for the contributor to add. An editor skips what is capitalised but
not an actor: titles ("Menteri Luar Negeri"), weekdays and months, words that open
a sentence ("Para", "Kita"), and places, which Indonesian copy names after a
locative ("di Jakarta", "ke Washington") or with a word such as "Laut". A title
run is split where a country or a known name meets a person's name, as in
"Menteri Luar Negeri China Wang Yi".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Collection, Iterable, Iterator, Sequence

from generator import lexicon
from generator.dates import MONTHS
from generator.mentions import NameMention, is_heading, sentences

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
_FIELD = re.compile(r"(?:Ke|Pe|Per|Pem|Pen|Peng|Peny)[a-z]{3,}an")
# Ministries and their ministers abbreviated: Kemenlu, Kemenkeu; Menkes, Wamenkes, Menpora.
_MINISTRY = re.compile(
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
_SOURCE = re.compile(
    r"\b(?:dilansir|melansir|dikutip|mengutip|diberitakan|according\s+to)(?:\s+dari)?(\s+)",
    re.I,
)
# A word after which a capitalised name is a thing: an aircraft, a ship, a language.
_THING = re.compile(
    r"\b(?:pesawat|helikopter|jet|rudal|tank|satelit|kendaraan|bahasa|berbahasa|skema|"
    r"program|proyek|operasi|merek|produk|vaksin|kereta)(\s+)(?:[A-Z0-9]+-[A-Z0-9-]+\s+)?",
    re.I,
)
# Compass words end a region's name: Kalimantan Barat, Natuna Utara, Jawa Tengah.
COMPASS = {"Barat", "Timur", "Utara", "Selatan", "Tengah", "Tenggara", "Laut", "Daya"}
# Particles inside names: Mohammed bin Salman, Ursula von der Leyen, Bendito dos Santos.
_PARTICLES = r"(?:bin|binti|van|von|der|den|de|al|dos|das|da|del|du)"
# English words inside an organisation's name after its head: Institute for ...
_CONNECTOR = re.compile(r"\s+(?:for|of|and|on|untuk)\s+$|\s+dan\s+$")

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
_LOCATIVE = re.compile(
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
_RUN = re.compile(rf"\b{_WORD}(?:\s+(?:{_PARTICLES}\s+)*{_WORD})*\b")
# Nothing but punctuation before it, or an interview's speaker label ("Kanasugi: ").
_LEADING_PUNCTUATION = re.compile(r"[\W_]*")
_SPEAKER = re.compile(r"([\w ]{1,40}:)\s*")
# A name in brackets right after a word: an acronym or another name of what precedes,
# "Badan Nasional Pengelola Perbatasan (BNPP)", "warga negara Indonesia (WNI)".
_GLOSS = re.compile(r"\w\s*\(([A-Z][\w-]*(?:\s(?:[a-z]{2,4}\s)?[A-Z][\w-]*){0,3})\)")
# A name followed by a year is an edition or a budget: APBN 2025, Piala Dunia 2026.
_YEAR_AFTER = re.compile(r"\s(?:19|20)\d\d(?!\d)")
YEAR_AFTER_CHARACTERS = 6  # read no further than this past a name
# Acronyms numbered by edition: COP29, not G20.
_EDITION = re.compile(r"[A-Z]{2,}\d{2,}")
# An acronym in brackets right after a run: the article glosses the run as an
# organisation, "Program Pangan Dunia (WFP)", which is then kept whole.
_GLOSSED = re.compile(r"\s*\([A-Z][A-Za-z0-9]{1,9}\)")
GLOSS_CHARACTERS = 14  # read no further than this past a run
# What may stick to a word: a word the article also writes in lower case is a common
# word where it is capitalised for opening a sentence ("Warga Desa ...").
_PUNCTUATION = ".,;:!?\"'()\u201c\u201d\u2018\u2019"


def _is_country(name: str) -> bool:
    return name in lexicon.countries()


def _is_place(name: str) -> bool:
    return (
        name in PLACES
        or name in lexicon.cities()
        or name in lexicon.regions()
        or name.split(maxsplit=1)[0] in PLACE_WORDS
    )


def find_names(
    paragraphs: Sequence[str],
    known: Iterable[NameMention] = (),
    author: str | None = None,
    *,
    outlets: Collection[str] = (),
    credited: Iterable[str] = (),
) -> list[NameMention]:
    """Capitalised names not matched by the registry: candidates for a new actor, in
    the order the article first uses them. The author (the byline's name) is none, and
    a paragraph that opens with the author's name is their biography; nor are the
    outlets that publish the story (lower case: "kompas") in any name ("Catatan
    Tempo", "KOMPAS"), nor the photographers credited."""
    covered = {m.name for m in known} | set(credited)
    if author:
        covered.add(author)
    common, acronyms = _words(paragraphs)
    splitters = sorted(covered | lexicon.countries() | lexicon.regions(), key=len, reverse=True)
    split_at = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, splitters)) + r")(?![\w-])")
    first: dict[str, NameMention] = {}
    elsewhere: set[str] = set()  # names used at least once where an actor would be
    placed: set[str] = set()  # single words used at least once after a locative
    opening: set[str] = set()  # names found at a sentence's start
    inside: set[str] = set()  # names found after it
    known_part: dict[str, bool] = {}  # a name is, or is part of, a known one
    times: dict[str, int] = {}  # how often each name is found
    cued: set[str] = set()  # one-word names found once at least with a word saying what
    glosses = {
        name
        for _, sentence in sentences(paragraphs)
        for found in _GLOSS.finditer(sentence)
        for name in (found.group(1), *found.group(1).split())
    }
    for index, sentence in sentences(paragraphs):
        paragraph = paragraphs[index]
        credits = paragraph.startswith("(") and paragraph.endswith(")")  # (Laporan oleh ...)
        if credits or (author and paragraph.startswith(author)):
            continue
        heading = _headline(index, paragraph)
        leading = _LEADING_PUNCTUATION.match(sentence)
        sentence_start = leading.end() if leading else 0
        # Found once a sentence, as positions within or right after the space that
        # follows a locative: looking back from every name would be quadratic.
        after_locative = {
            at
            for found in _LOCATIVE.finditer(sentence)
            for at in range(found.start(1) + 1, found.end() + 1)
        }
        after_thing = {
            at
            for pattern in (_THING, _SOURCE)
            for found in pattern.finditer(sentence)
            for at in range(found.start(1) + 1, found.end() + 1)
        }
        for start, end, name in _candidates(sentence, split_at, common):
            if name not in known_part:
                known_part[name] = name in covered or any(name in c for c in covered)
            if known_part[name] or (name in glosses and not _is_country(name)):
                continue
            if outlets and any(word.lower() in outlets for word in name.split()):
                continue
            first.setdefault(name, NameMention(None, name, sentence, index + 1))
            (opening if start <= sentence_start else inside).add(name)
            # An acronym or an organisation after a locative is no place: di ASEAN, ke
            # Organisasi Perdagangan Dunia, di Goethe-Institut.
            locative = (
                start in after_locative
                and not name.isupper()
                and not ORG_HEADS.intersection(name.split(maxsplit=1)[0].split("-"))
            )
            if locative and " " not in name:
                placed.add(name)
            weak = (
                heading
                or start in after_thing
                or _YEAR_AFTER.match(sentence, end, end + YEAR_AFTER_CHARACTERS)
            )
            if _is_country(name) or not (weak or locative):
                elsewhere.add(name)
            times[name] = times.get(name, 0) + 1
            if times[name] == 1 and " " not in name and _cued(sentence, start, end):
                cued.add(name)  # named again, it needs no cue
    # One word named once, with nothing saying what it is, is weak evidence of an actor:
    # a village, a volcano, a word of a subhead.
    evidenced = {
        name
        for name in first
        if " " in name or max(times[name], acronyms.get(name, 0)) > 1 or name in cued
    }
    kept = [
        name
        for name in first
        if name in elsewhere and name not in placed and (name in evidenced or _is_country(name))
    ]
    kept += [name for name in first if name in placed and _is_country(name)]
    # "Retno" after "Retno Marsudi": the same person, named shorter.
    words_of_others = {word for name in [*kept, *covered] if " " in name for word in name.split()}
    # "Kontrak Kluivert" opening a sentence after "pelatih Patrick Kluivert": a common
    # word, then a name the article uses elsewhere.
    surnames: dict[str, set[str]] = {}
    for name in [*kept, *covered]:
        if " " in name:
            surnames.setdefault(name.rsplit(maxsplit=1)[1], set()).add(name)
    glued = {
        name
        for name in opening - inside
        if len(words := name.split()) == 2
        and words[0] not in ORG_HEADS | GOVERNMENT
        and not _is_country(name)
        and surnames.get(words[1], set()) - {name}
    }
    return [
        first[name]
        for name in first
        if name in kept
        and name not in glued
        and (" " in name or _is_country(name) or name.isupper() or name not in words_of_others)
    ]


# Words that say what the name after them is: an office, a kind of body (within a few
# words: "perusahaan tambang negara Codelco"), a summit of it; or, after it, what it
# says or does ("Misbakhun, mengatakan", "FIFA menjadwalkan") or is ("Rosatom, badan").
_KIND_BEFORE = re.compile(
    r"\b(?:perusahaan|produsen|maskapai|kelompok|grup|milisi|faksi|partai|organisasi|lembaga|"
    r"badan|bank|forum|anggota|negara-negara|klub|federasi|konsorsium|operator|pabrikan|"
    r"raksasa|pemerintah|kata|ujar|tutur|ucap|menurut|KTT)(?:\s+[a-z]+){0,3}\s+$",
    re.I,
)
_KIND_AFTER = re.compile(
    r",?\s+(?:(?:akan|telah|sudah|juga|tidak|belum|pun)\s+)?(?:me[a-z]{3,}|ber(?:kata|pendapat))"
    r"\b|,\s+(?:badan|lembaga|perusahaan|kelompok|organisasi|produsen|operator|pemimpin)\b"
    r"|\s*\(\d{1,3}\)"  # a person's age: Marlina (42)
)
CUE_CHARACTERS = 40  # read no further than this either side of a name


def _cued(sentence: str, start: int, end: int) -> bool:
    before = sentence[max(0, start - CUE_CHARACTERS) : start].split()
    if before and before[-1].strip(_PUNCTUATION) in TITLES | RANKS:
        return True
    return bool(
        _KIND_BEFORE.search(sentence, max(0, start - CUE_CHARACTERS), start)
        or _KIND_AFTER.match(sentence, end, end + CUE_CHARACTERS)
    )


def _words(paragraphs: Sequence[str]) -> tuple[set[str], dict[str, int]]:
    """The words an article writes in lower case, and how often it writes each acronym,
    inside other names too: Komisi VIII DPR, Panglima TNI, Konvensi ILO 188."""
    common: set[str] = set()
    acronyms: dict[str, int] = {}
    for paragraph in paragraphs:
        for token in paragraph.split():
            word = token.strip(_PUNCTUATION)
            if word.isalpha() and word.islower():
                common.add(word)
            elif word.isupper():
                acronyms[word] = acronyms.get(word, 0) + 1
    return common, acronyms


def _headline(index: int, paragraph: str) -> bool:
    """A headline, a subhead, a byline or a timestamp: a line without a sentence's end,
    or a short question or label that is the first line or in title case or capitals
    ("SIAPA SAJA ANGGOTA MERCOSUR?", "Visa Iklim ...: Bagaimana Cara Kerjanya?")."""
    if is_heading(paragraph):
        return True
    words = paragraph.split(maxsplit=HEADLINE_WORDS)
    if len(words) > HEADLINE_WORDS or paragraph.rstrip().endswith("."):
        return False
    if index == 0:
        return True
    lettered = [word for word in words if word[0].isalpha()]
    return sum(word[0].isupper() for word in lettered) >= 0.7 * len(lettered)


HEADLINE_WORDS = 20


def _runs(sentence: str) -> Iterator[tuple[int, str]]:
    """Runs of capitalised words, an organisation's name joined across "dan" or an
    English "for"/"of" where its head asks for it."""
    pending: tuple[int, str] | None = None
    for run in _RUN.finditer(sentence):
        if pending is not None:
            gap = sentence[pending[0] + len(pending[1]) : run.start()]
            glossed = _GLOSSED.match(sentence, run.end(), run.end() + GLOSS_CHARACTERS)
            if _joins(pending[1], gap, run.group(0), glossed is not None):
                pending = (pending[0], pending[1] + gap + run.group(0))
                continue
            yield pending
        pending = (run.start(), run.group(0))
    if pending is not None:
        yield pending


def _joins(left: str, gap: str, right: str, glossed: bool = False) -> bool:
    if len(gap) > 8 or not _CONNECTOR.match(gap):
        return False
    words, (following, *rest) = left.split(), right.split(maxsplit=1)
    if gap.strip() == "dan" and (words[-1], following) in _joined_countries():
        return True  # Bosnia dan Herzegovina, Trinidad dan Tobago
    if gap.strip() == "dan":
        # Kementerian Energi dan Sumber Daya Mineral, Badan Pengawas Obat dan Makanan,
        # Departemen Luar Negeri dan Perdagangan Australia; not Badan Keamanan Laut dan
        # Penjaga Pantai Jepang, nor Kementerian Luar Negeri dan Kementerian Pertahanan.
        one_word = not rest or _is_country(rest[0])
        return (
            words[0] in ORG_HEADS
            and following not in ORG_HEADS | RANKS
            and not following.isupper()
            and not _is_country(following)
            and (len(words) == 2 or one_word or glossed or bool(_FIELD.fullmatch(following)))
        )
    return any(word in ORG_HEADS for word in words) and following[0].isupper()


@functools.cache
def _joined_countries() -> frozenset[tuple[str, str]]:
    """The words either side of "dan" in a country's name: (Bosnia, Herzegovina)."""
    return frozenset(
        (left.rsplit(maxsplit=1)[-1], right.split(maxsplit=1)[0])
        for name in lexicon.countries()
        for left, _, right in [name.partition(" dan ")]
        if right
    )


def _candidates(
    sentence: str, split_at: re.Pattern[str], common: Collection[str] = ()
) -> Iterator[tuple[int, int, str]]:
    """(start, end, name) of each name-like part of each capitalised run of a sentence."""
    leading = _LEADING_PUNCTUATION.match(sentence)
    punctuation_end = leading.end() if leading else 0
    speaker = _SPEAKER.match(sentence)
    for opened_at, opened in _runs(sentence):
        run_start, run = _opened(opened_at, opened, punctuation_end, common)
        glossed = _GLOSSED.match(
            sentence, run_start + len(run), run_start + len(run) + GLOSS_CHARACTERS
        )
        organisation = _glossed(run) if glossed else None
        if organisation:
            at = run_start + run.index(organisation)
            yield at, at + len(organisation), organisation
            continue
        if _not_actor(run):
            continue
        for start, words in _parts(run_start, run, split_at):
            whole = " ".join(words)
            found = [(start, whole)] if _is_country(whole) else _names(start, words)
            for at, name in found:
                shouted = name.isupper() and _is_place(name.title())  # KOLOMBO, a dateline
                if (_is_place(name) or shouted) and not _is_country(name):
                    continue
                region = name.rsplit(maxsplit=1)[-1] in COMPASS and not _is_country(name)
                if region and name.split()[0] not in ORG_HEADS:
                    continue  # Kalimantan Barat, Natuna Utara: a region
                if name in lexicon.languages() or name in lexicon.currencies():
                    continue
                if _EDITION.fullmatch(name):
                    continue
                if " " not in name and not _is_country(name):
                    opening = at <= punctuation_end or (
                        speaker is not None and speaker.end(1) <= at <= speaker.end()
                    )
                    short = len(name) < (3 if name.isupper() else 4)
                    if (opening and not name.isupper()) or short:
                        continue
                yield at, at + len(name), name


def _opened(
    run_start: int, run: str, punctuation_end: int, common: Collection[str]
) -> tuple[int, str]:
    """A run without the common word that opens its sentence ("Warga Desa ...")."""
    if run_start > punctuation_end:
        return run_start, run
    first, _, rest = run.partition(" ")
    place = rest.partition(" ")[0] in PLACE_WORDS  # Warga Desa ..., Nelayan Pulau ...
    if rest and (first.lower() in common or place) and first not in ORG_HEADS | RANKS | GOVERNMENT:
        return run_start + len(first) + 1, rest
    return run_start, run


def _not_actor(run: str) -> bool:
    """A place, a vessel, an event or a treaty, by the word it starts or ends with."""
    head = run.split(maxsplit=1)[0]
    if (head in PLACE_WORDS and not _is_country(run)) or head in EVENT_HEADS:
        return True
    return run.rsplit(maxsplit=1)[-1] in EVENT_TAILS


def _glossed(run: str) -> str | None:
    """The organisation a run glossed with an acronym names, without titles before it:
    "Badan Pengungsi PBB (UNHCR)", "Program Pangan Dunia (WFP)"; None for an event,
    a treaty or a single word."""
    words = run.split()
    while words and _not_name(words[0], len(words) - 1) and words[0] not in ORG_HEADS:
        words.pop(0)
    if len(words) < 2 or (words[0] in EVENT_HEADS and words[0] not in GLOSSED_ORG_HEADS):
        return None
    return " ".join(words)


# Heads of events that, glossed with an acronym, name a body: the UN's programmes.
GLOSSED_ORG_HEADS = {"Program"}


def _names(start: int, words: list[str]) -> Iterator[tuple[int, str]]:
    """The names in a part of a run: without titles at either end, cut where a rank
    or an office stands before a person ("Badan Keamanan Laut Laksdya Irvansyah")."""
    head, end = 0, len(words)
    while head < end:
        while head < end and _not_name(words[head], end - head - 1):
            start += len(words[head]) + 1
            head += 1
        cut = next(
            (i for i in range(head + 1, end) if words[i] in RANKS and words[i - 1] not in RANKS),
            end,
        )
        last = cut
        while last > head and (words[last - 1] in NOT_NAMES or _date_word(words[last - 1])):
            last -= 1
        while last > head and words[last - 1] in RANKS:
            last -= 1
        titled = head > 0 and words[head - 1] in TITLES | RANKS
        if titled and _organisation_then_person(words[head:last]):
            # Ketua Dewan Peternak Nasional Harun Siregar: an office, then its holder.
            organisation = " ".join(words[head : last - 2])
            yield start, organisation
            yield start + len(organisation) + 1, " ".join(words[last - 2 : last])
        elif last > head:
            yield start, " ".join(words[head:last])
        start += sum(len(word) + 1 for word in words[head:cut])
        head = cut


# Words that end an organisation's name rather than start a person's.
ORG_TAILS = {"Nasional", "Internasional", "Dunia", "Daerah", "Pusat", "Rakyat", "Raya", "Bersama"}


def _organisation_then_person(words: list[str]) -> bool:
    """An organisation's name of at least two words, then two that can only be a
    person's: not a title, an office, a field, a place or a word that ends a name."""
    if len(words) < 4 or words[0] not in ORG_HEADS:
        return False
    return all(
        word[:1].isupper()
        and word[1:].islower()
        and word not in TITLES | RANKS | ORG_HEADS | NOT_NAMES | ORG_TAILS | COMPASS
        and not _FIELD.fullmatch(word)
        and not (_is_country(word) or _is_place(word) or word in lexicon.languages())
        for word in words[-2:]
    )


def _split_points(run: str, split_at: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """The known names, countries and regions in a run; not a country that opens a
    city's name (Mexico City)."""
    for match in split_at.finditer(run):
        following = run[match.end() : match.end() + CITY_WORD_CHARACTERS].split(maxsplit=1)[:1]
        if not (following and f"{match.group(0)} {following[0]}" in lexicon.cities()):
            yield match


def _parts(start: int, run: str, split_at: re.Pattern[str]) -> Iterator[tuple[int, list[str]]]:
    """A run cut around known names, countries and regions, and where an acronym meets
    a name ("NATO Jens"), a weekday or month falls inside it or a region's name ends
    ("Kalimantan Barat Ria Norsan")."""
    pieces: list[tuple[int, str]] = []
    last = 0
    for match in _split_points(run, split_at):
        before = run[last : match.start()].split()
        names = [word for word in before if not _not_name(word)]
        region = match.group(0) in lexicon.regions()
        if len(names) >= 2 or (names and (region or names[-1] in ORG_HEADS)):
            # Named after a place: Penjaga Pantai Jepang, Komisi Eropa, Nikkei Asia.
            pieces.append((last, run[last : match.end()]))
        else:
            pieces += [(last, run[last : match.start()]), (match.start(), match.group(0))]
        last = match.end()
    pieces.append((last, run[last:]))
    for offset, piece in pieces:
        position, words = start + offset, list[str]()
        for found in re.finditer(r"\S+", piece):
            word, here = found.group(0), start + offset + found.start()
            if words and words[-1] in RANKS and word.isupper():
                continue  # Marsma TNI, Brigjen Pol
            case_changes = (
                words
                and words[-1].isupper() != word.isupper()
                and not _numbered(words, word)  # Komisi XI Dewan Perwakilan Rakyat
            )
            organisation = words and words[0] in ORG_HEADS  # Badan Pengungsi PBB
            if (case_changes and word not in ORG_HEADS and not organisation) or _date_word(word):
                if words:
                    yield position, words
                position, words = here, []
                if _date_word(word):
                    continue
            if not words:
                position = here
            words.append(word)
            if word in COMPASS and len(words) >= 2 and words[0] not in ORG_HEADS:
                yield position, words  # a region's name ends here
                position, words = here + len(word) + 1, []
        if words:
            yield position, words


def _numbered(words: list[str], word: str) -> bool:
    """A committee's number, or the name after it: Komisi | XI | Dewan ..."""
    if _roman(word):
        return words[-1] in ORG_HEADS
    return len(words) >= 2 and _roman(words[-1]) and words[-2] in ORG_HEADS


def _roman(word: str) -> bool:
    return 0 < len(word) <= 4 and set(word) <= set("IVX")


CITY_WORD_CHARACTERS = 12  # read no further than this past a country


def _date_word(word: str) -> bool:
    """A weekday or a month, or months joined: "Juni-Agustus"."""
    return all(part in MONTHS or part in WEEKDAYS for part in word.lower().split("-"))


def _not_name(word: str, following: int = 0) -> bool:
    """A title or a word that is capitalised for other reasons; "Pemerintah" only
    before a country's short name ("Pemerintah Korsel")."""
    if word in GOVERNMENT:
        return following <= 1
    return (
        word in TITLES
        or word in RANKS
        or word in NOT_NAMES
        or _date_word(word)
        or bool(_MINISTRY.fullmatch(word))
        or (word not in ORG_HEADS and bool(_FIELD.fullmatch(word)))
    )
