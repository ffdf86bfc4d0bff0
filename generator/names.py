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

import re
from collections.abc import Iterable, Iterator, Sequence

from generator.dates import MONTHS
from generator.mentions import NameMention, sentences

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
}  # fmt: skip
# Words that are capitalised because they open a sentence or a title, not names.
NOT_NAMES = {
    "A", "An", "And", "Bagi", "Belum", "But", "Dan", "Di", "Foto", "For", "However", "Ia",
    "If", "In", "Jika", "Meskipun", "Menurut", "Namun", "On", "Pada", "Photo", "Sebuah",
    "Sumber", "The", "This", "Untuk", "Yang", "Ini", "Itu", "Para", "Kita", "Kami", "Mereka",
    "Saat", "Setelah", "Sebelumnya", "Selain", "Sementara", "Dengan", "Kemudian", "Hal",
    "Adapun", "Terkait", "Sejumlah", "Beberapa", "Seperti", "Oleh", "Karena", "Bahkan",
    "Selanjutnya", "Sedangkan", "Kedua", "Keduanya", "Sehari", "Apa", "Bagaimana", "Mengapa",
    "Siapa", "Kapan", "Tahun", "Bulan", "Pekan", "Hari", "KTT", "Biasa", "Pemilu", "Penulis",
    "Wawancara", "Musim", "Kerja", "Sama", "Indo",
}  # fmt: skip
# Countries, in Indonesian and English: a name of their own within a longer run.
COUNTRIES = {
    "Afrika Selatan", "Amerika Serikat", "Arab Saudi", "Argentina", "Australia", "Bangladesh",
    "Belanda", "Belgia", "Brasil", "Brunei", "Chili", "China", "Cina", "Filipina", "Fiji",
    "Finlandia", "India", "Indonesia", "Inggris", "Iran", "Irak", "Israel", "Italia", "Jepang",
    "Jerman", "Kamboja", "Kanada", "Kenya", "Kolombia", "Korea Selatan", "Korea Utara", "Kuba",
    "Laos", "Malaysia", "Meksiko", "Mesir", "Myanmar", "Nepal", "Nigeria", "Norwegia",
    "Pakistan", "Palestina", "Papua Nugini", "Perancis", "Polandia", "Prancis", "Qatar",
    "Rusia", "Selandia Baru", "Singapura", "Spanyol", "Sri Lanka", "Suriah", "Swedia", "Swiss",
    "Taiwan", "Thailand", "Tiongkok", "Timor Leste", "Turki", "Ukraina", "Uni Emirat Arab",
    "Venezuela", "Vietnam", "Yordania", "Britain", "Canada", "Egypt", "France", "Germany",
    "Japan", "Mexico", "Netherlands", "New Zealand", "Philippines", "Russia", "Saudi Arabia",
    "Singapore", "South Africa", "South Korea", "North Korea", "Spain", "Turkey", "Ukraine",
    "United Kingdom", "United States",
}  # fmt: skip
# Cities and regions international news names as places, not actors.
PLACES = {
    "Jakarta", "Bali", "Nusa Dua", "Bandung", "Surabaya", "Medan", "Makassar", "Yogyakarta",
    "Washington", "New York", "Beijing", "Tokyo", "Moskow", "Moscow", "London", "Paris",
    "Berlin", "Brussel", "Brussels", "Jenewa", "Geneva", "Canberra", "Kuala Lumpur", "Bangkok",
    "Manila", "Hanoi", "Seoul", "Pyongyang", "New Delhi", "Islamabad", "Riyadh", "Kairo",
    "Cairo", "Teheran", "Tehran", "Ankara", "Kyiv", "Kiev", "Roma", "Madrid", "Den Haag",
    "Wina", "Vienna", "Ottawa", "Sydney", "Gaza", "Yerusalem", "Jerusalem", "Tepi Barat",
    "Asia", "Asia Tenggara", "Asia Timur", "Eropa", "Afrika", "Amerika Latin", "Timur Tengah",
    "Pasifik", "Indo-Pasifik", "Asia-Pasifik", "Atlantik", "Arktik",
}  # fmt: skip
# A run that starts with one of these names a place: Laut China Selatan, Gedung Putih.
PLACE_WORDS = {
    "Laut", "Selat", "Teluk", "Pulau", "Kepulauan", "Gunung", "Sungai", "Samudra", "Samudera",
    "Gedung", "Kota", "Provinsi", "Kabupaten", "Jalan", "Istana", "Pelabuhan", "Bandara",
}  # fmt: skip
# A locative and the space after it: a name right after one is a place.
_LOCATIVE = re.compile(r"\b(?:di|ke|dari|menuju|at|in|to|from)(\s+)", re.I)
_WORD = r"(?:[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*|[A-Z][A-Z0-9]+)"
# Capitalised words, with the particles inside Arabic and Dutch names: Mohammed bin Salman.
_RUN = re.compile(rf"\b{_WORD}(?:\s+(?:(?:bin|binti|van|von|de|al)\s+)?{_WORD})*\b")
# Nothing but punctuation before it, or an interview's speaker label ("Kanasugi: ").
_LEADING_PUNCTUATION = re.compile(r"[\W_]*")
_SPEAKER = re.compile(r"([\w ]{1,40}:)\s*")


def find_names(paragraphs: Sequence[str], known: Iterable[NameMention] = ()) -> list[NameMention]:
    """Capitalised names not matched by the registry: candidates for a new actor, in
    the order the article first uses them."""
    covered = {m.name for m in known}
    splitters = sorted(covered | COUNTRIES, key=len, reverse=True)
    split_at = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, splitters)) + r")(?!\w)")
    first: dict[str, NameMention] = {}
    elsewhere: set[str] = set()  # names used at least once other than after a locative
    known_part: dict[str, bool] = {}  # a name is, or is part of, a known one
    for index, sentence in sentences(paragraphs):
        # Found once a sentence, as positions within or right after the space that
        # follows a locative: looking back from every name would be quadratic.
        after_locative = {
            at
            for found in _LOCATIVE.finditer(sentence)
            for at in range(found.start(1) + 1, found.end() + 1)
        }
        for start, name in _candidates(sentence, split_at):
            if name not in known_part:
                known_part[name] = name in covered or any(name in c for c in covered)
            if known_part[name]:
                continue
            first.setdefault(name, NameMention(None, name, sentence, index + 1))
            if start not in after_locative:
                elsewhere.add(name)
    kept = [name for name in first if name in elsewhere]
    # "Retno" after "Retno Marsudi": the same person, named shorter.
    words_of_others = {word for name in [*kept, *covered] if " " in name for word in name.split()}
    return [first[name] for name in kept if " " in name or name not in words_of_others]


def _candidates(sentence: str, split_at: re.Pattern[str]) -> Iterator[tuple[int, str]]:
    """(position, name) of each name-like part of each capitalised run of a sentence."""
    leading = _LEADING_PUNCTUATION.match(sentence)
    punctuation_end = leading.end() if leading else 0
    speaker = _SPEAKER.match(sentence)
    for run in _RUN.finditer(sentence):
        if run.group(0).split(maxsplit=1)[0] in PLACE_WORDS:
            continue
        for first, words in _parts(run.start(), run.group(0), split_at):
            # Indices, not pop(0): a run of titles may be thousands of words long.
            start, head, end = first, 0, len(words)
            while head < end and _not_name(words[head]):
                start += len(words[head]) + 1
                head += 1
            while head < end and (words[end - 1] in NOT_NAMES or _date_word(words[end - 1])):
                end -= 1
            name = " ".join(words[head:end])
            if head == end or name in PLACES:
                continue
            if end - head == 1 and name not in COUNTRIES:
                opening = start <= punctuation_end or (
                    speaker is not None and speaker.end(1) <= start <= speaker.end()
                )
                short = len(name) < (3 if name.isupper() else 4)
                if opening or short:
                    continue
            yield start, name


def _parts(start: int, run: str, split_at: re.Pattern[str]) -> Iterator[tuple[int, list[str]]]:
    """A run cut around known names and countries, and where an acronym meets a name
    ("NATO Jens") or a weekday or month falls inside it."""
    pieces: list[tuple[int, str]] = []
    last = 0
    for match in split_at.finditer(run):
        if match.end() == len(run) and len(run[last : match.start()].split()) >= 2:
            break  # a name that ends in a country: Penjaga Pantai Jepang
        pieces += [(last, run[last : match.start()]), (match.start(), match.group(0))]
        last = match.end()
    pieces.append((last, run[last:]))
    for offset, piece in pieces:
        position, words = start + offset, list[str]()
        for found in re.finditer(r"\S+", piece):
            word, here = found.group(0), start + offset + found.start()
            if (words and words[-1].isupper() != word.isupper()) or _date_word(word):
                if words:
                    yield position, words
                position, words = here, []
                if _date_word(word):
                    continue
            if not words:
                position = here
            words.append(word)
        if words:
            yield position, words


def _date_word(word: str) -> bool:
    return word.lower() in MONTHS or word.lower() in WEEKDAYS


def _not_name(word: str) -> bool:
    return word in TITLES or word in NOT_NAMES or _date_word(word)
