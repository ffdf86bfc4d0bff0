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
from collections.abc import Collection, Iterable, Iterator, Sequence

from generator import lexicon
from generator.mentions import NameMention, is_heading, sentences
from generator.name_words import (
    COMPASS,
    CONNECTOR,
    CUE_CHARACTERS,
    EDITION,
    EVENT_HEADS,
    EVENT_TAILS,
    FIELD,
    GLOSS,
    GLOSS_CHARACTERS,
    GLOSSED,
    GLOSSED_ORG_HEADS,
    GOVERNMENT,
    KIND_AFTER,
    KIND_BEFORE,
    LEADING_PUNCTUATION,
    LOCATIVE,
    NOT_NAMES,
    ORG_HEADS,
    ORG_TAILS,
    PLACE_WORDS,
    PUNCTUATION,
    RANKS,
    RUN,
    SOURCE,
    SPEAKER,
    THING,
    TITLES,
    YEAR_AFTER,
    YEAR_AFTER_CHARACTERS,
    date_word,
    is_country,
    is_place,
    joined_countries,
    not_name,
    numbered,
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
        for found in GLOSS.finditer(sentence)
        for name in (found.group(1), *found.group(1).split())
    }
    for index, sentence in sentences(paragraphs):
        paragraph = paragraphs[index]
        credits = paragraph.startswith("(") and paragraph.endswith(")")  # (Laporan oleh ...)
        if credits or (author and paragraph.startswith(author)):
            continue
        heading = _headline(index, paragraph)
        leading = LEADING_PUNCTUATION.match(sentence)
        sentence_start = leading.end() if leading else 0
        # Found once a sentence, as positions within or right after the space that
        # follows a locative: looking back from every name would be quadratic.
        after_locative = {
            at
            for found in LOCATIVE.finditer(sentence)
            for at in range(found.start(1) + 1, found.end() + 1)
        }
        after_thing = {
            at
            for pattern in (THING, SOURCE)
            for found in pattern.finditer(sentence)
            for at in range(found.start(1) + 1, found.end() + 1)
        }
        for start, end, name in _candidates(sentence, split_at, common):
            if name not in known_part:
                known_part[name] = name in covered or any(name in c for c in covered)
            if known_part[name] or (name in glosses and not is_country(name)):
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
                or YEAR_AFTER.match(sentence, end, end + YEAR_AFTER_CHARACTERS)
            )
            if is_country(name) or not (weak or locative):
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
        if name in elsewhere and name not in placed and (name in evidenced or is_country(name))
    ]
    kept += [name for name in first if name in placed and is_country(name)]
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
        and not is_country(name)
        and surnames.get(words[1], set()) - {name}
    }
    return [
        first[name]
        for name in first
        if name in kept
        and name not in glued
        and (" " in name or is_country(name) or name.isupper() or name not in words_of_others)
    ]


def _cued(sentence: str, start: int, end: int) -> bool:
    before = sentence[max(0, start - CUE_CHARACTERS) : start].split()
    if before and before[-1].strip(PUNCTUATION) in TITLES | RANKS:
        return True
    return bool(
        KIND_BEFORE.search(sentence, max(0, start - CUE_CHARACTERS), start)
        or KIND_AFTER.match(sentence, end, end + CUE_CHARACTERS)
    )


def _words(paragraphs: Sequence[str]) -> tuple[set[str], dict[str, int]]:
    """The words an article writes in lower case, and how often it writes each acronym,
    inside other names too: Komisi VIII DPR, Panglima TNI, Konvensi ILO 188."""
    common: set[str] = set()
    acronyms: dict[str, int] = {}
    for paragraph in paragraphs:
        for token in paragraph.split():
            word = token.strip(PUNCTUATION)
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
    for run in RUN.finditer(sentence):
        if pending is not None:
            gap = sentence[pending[0] + len(pending[1]) : run.start()]
            glossed = GLOSSED.match(sentence, run.end(), run.end() + GLOSS_CHARACTERS)
            if _joins(pending[1], gap, run.group(0), glossed is not None):
                pending = (pending[0], pending[1] + gap + run.group(0))
                continue
            yield pending
        pending = (run.start(), run.group(0))
    if pending is not None:
        yield pending


def _joins(left: str, gap: str, right: str, glossed: bool = False) -> bool:
    if len(gap) > 8 or not CONNECTOR.match(gap):
        return False
    words, (following, *rest) = left.split(), right.split(maxsplit=1)
    if gap.strip() == "dan" and (words[-1], following) in joined_countries():
        return True  # Bosnia dan Herzegovina, Trinidad dan Tobago
    if gap.strip() == "dan":
        # Kementerian Energi dan Sumber Daya Mineral, Badan Pengawas Obat dan Makanan,
        # Departemen Luar Negeri dan Perdagangan Australia; not Badan Keamanan Laut dan
        # Penjaga Pantai Jepang, nor Kementerian Luar Negeri dan Kementerian Pertahanan.
        one_word = not rest or is_country(rest[0])
        return (
            words[0] in ORG_HEADS
            and following not in ORG_HEADS | RANKS
            and not following.isupper()
            and not is_country(following)
            and (len(words) == 2 or one_word or glossed or bool(FIELD.fullmatch(following)))
        )
    return any(word in ORG_HEADS for word in words) and following[0].isupper()


def _candidates(
    sentence: str, split_at: re.Pattern[str], common: Collection[str] = ()
) -> Iterator[tuple[int, int, str]]:
    """(start, end, name) of each name-like part of each capitalised run of a sentence."""
    leading = LEADING_PUNCTUATION.match(sentence)
    punctuation_end = leading.end() if leading else 0
    speaker = SPEAKER.match(sentence)
    for opened_at, opened in _runs(sentence):
        run_start, run = _opened(opened_at, opened, punctuation_end, common)
        glossed = GLOSSED.match(
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
            found = [(start, whole)] if is_country(whole) else _names(start, words)
            for at, name in found:
                shouted = name.isupper() and is_place(name.title())  # KOLOMBO, a dateline
                if (is_place(name) or shouted) and not is_country(name):
                    continue
                region = name.rsplit(maxsplit=1)[-1] in COMPASS and not is_country(name)
                if region and name.split()[0] not in ORG_HEADS:
                    continue  # Kalimantan Barat, Natuna Utara: a region
                if name in lexicon.languages() or name in lexicon.currencies():
                    continue
                if EDITION.fullmatch(name):
                    continue
                if " " not in name and not is_country(name):
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
    if (head in PLACE_WORDS and not is_country(run)) or head in EVENT_HEADS:
        return True
    return run.rsplit(maxsplit=1)[-1] in EVENT_TAILS


def _glossed(run: str) -> str | None:
    """The organisation a run glossed with an acronym names, without titles before it:
    "Badan Pengungsi PBB (UNHCR)", "Program Pangan Dunia (WFP)"; None for an event,
    a treaty or a single word."""
    words = run.split()
    while words and not_name(words[0], len(words) - 1) and words[0] not in ORG_HEADS:
        words.pop(0)
    if len(words) < 2 or (words[0] in EVENT_HEADS and words[0] not in GLOSSED_ORG_HEADS):
        return None
    return " ".join(words)


def _names(start: int, words: list[str]) -> Iterator[tuple[int, str]]:
    """The names in a part of a run: without titles at either end, cut where a rank
    or an office stands before a person ("Badan Keamanan Laut Laksdya Irvansyah")."""
    head, end = 0, len(words)
    while head < end:
        while head < end and not_name(words[head], end - head - 1):
            start += len(words[head]) + 1
            head += 1
        cut = next(
            (i for i in range(head + 1, end) if words[i] in RANKS and words[i - 1] not in RANKS),
            end,
        )
        last = cut
        while last > head and (words[last - 1] in NOT_NAMES or date_word(words[last - 1])):
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


def _organisation_then_person(words: list[str]) -> bool:
    """An organisation's name of at least two words, then two that can only be a
    person's: not a title, an office, a field, a place or a word that ends a name."""
    if len(words) < 4 or words[0] not in ORG_HEADS:
        return False
    return all(
        word[:1].isupper()
        and word[1:].islower()
        and word not in TITLES | RANKS | ORG_HEADS | NOT_NAMES | ORG_TAILS | COMPASS
        and not FIELD.fullmatch(word)
        and not (is_country(word) or is_place(word) or word in lexicon.languages())
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
        names = [word for word in before if not not_name(word)]
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
                and not numbered(words, word)  # Komisi XI Dewan Perwakilan Rakyat
            )
            organisation = words and words[0] in ORG_HEADS  # Badan Pengungsi PBB
            if (case_changes and word not in ORG_HEADS and not organisation) or date_word(word):
                if words:
                    yield position, words
                position, words = here, []
                if date_word(word):
                    continue
            if not words:
                position = here
            words.append(word)
            if word in COMPASS and len(words) >= 2 and words[0] not in ORG_HEADS:
                yield position, words  # a region's name ends here
                position, words = here + len(word) + 1, []
        if words:
            yield position, words


CITY_WORD_CHARACTERS = 12  # read no further than this past a country
