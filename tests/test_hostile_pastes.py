"""`briefings new` on pastes no editor meant: a megabyte on one line, binary files, text
in another encoding, characters YAML cannot hold. Each either becomes a briefing that
reads back, or is refused with the file, line and column of its first bad character."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import run_cli

from generator import name_words, names
from generator.load import MAX_ARTICLE_BYTES
from generator.scaffold import ScaffoldError, scaffold
from generator.strict_yaml import parse

# A hang guard for the subprocess, not a timing assertion: timings belong in benchmarks.
HANG_SECONDS = 60
MEGABYTE = 1_000_000
SENTENCE = (
    "Menteri Luar Negeri Retno Marsudi bertemu Wang Yi di Jakarta pada Selasa (11/7/2023) "
    "dan membahas Laut China Selatan bersama Sekjen ASEAN Kao Kim Hourn, "
)


def one_line(unit: str, size: int = MEGABYTE) -> str:
    """``unit`` repeated to ``size`` characters, without a line break or a full stop."""
    return (unit * (size // len(unit) + 1))[:size]


def folders(project: Path) -> list[str]:
    """Everything in the briefings folder, staging folders included."""
    return sorted(p.name for p in (project / "content" / "briefings").iterdir())


ONE_LINE_PASTES = {
    "a sentence with names and dates again and again": one_line(SENTENCE),
    "one run of titles": one_line("Menteri "),
    "a flood of an include's opening": one_line("{!"),
}


@pytest.mark.slow  # a megabyte each: the bound holds, but not in the edit loop
@pytest.mark.parametrize("pasted", ONE_LINE_PASTES.values(), ids=ONE_LINE_PASTES.keys())
def test_a_megabyte_on_one_line_becomes_a_briefing_that_reads_back(
    project: Path, pasted: str
) -> None:
    source = project / "pasted.id.txt"
    source.write_text(f"Judul berita\n\n{pasted}\n", encoding="utf-8")
    result = run_cli(
        project, "new", "one-line", "--from", str(source), timeout=HANG_SECONDS, real=True
    )
    assert result.returncode == 0, result.stderr
    folder = project / "content" / "briefings" / "one-line"
    data = parse((folder / "briefing.yaml").read_bytes()).data  # the project's own reader
    assert data["title"]["id"] == "Judul berita"
    assert (folder / "article.id.txt").read_bytes() == source.read_bytes()


def test_a_binary_paste_is_refused_at_its_first_nul_and_nothing_is_written(
    project: Path,
) -> None:
    source = project / "pasted.id.txt"
    source.write_bytes(b"Judul\n\nIsi berita.\nKata \x00\x01\x02\xff\xfe lain.\n")
    before = folders(project)
    result = run_cli(
        project, "new", "binary", "--from", str(source), timeout=HANG_SECONDS, real=True
    )
    assert result.returncode != 0
    assert f"{source}:4:6: article: a NUL character" in result.stderr
    assert "Traceback" not in result.stderr
    assert folders(project) == before


# What reaches `scaffold` itself; the command prints the ScaffoldError's message.
REFUSED = {
    "a NUL byte": (b"Judul\n\nKata \x00 lain.\n", "3:6", "a NUL character"),
    "Latin-1 text": ("Judul\n\nKata café.\n".encode("latin-1"), "3:9", "byte 0xE9 is not UTF-8"),
    "a lone surrogate": (b"Judul\n\nKata \xed\xa0\x80.\n", "3:6", "byte 0xED is not UTF-8"),
    "a bad byte after a UTF-8 mark": (b"\xef\xbb\xbfJu\xffdul\n", "1:3", "byte 0xFF"),
    "a NUL before a bad byte": (b"Ju\x00dul \xff\n", "1:3", "a NUL character"),
    "UTF-16 with its mark": ("Judul\n\nIsi.\n".encode("utf-16"), "1:1", "the file is UTF-16"),
}


@pytest.mark.parametrize(("raw", "where", "message"), REFUSED.values(), ids=REFUSED.keys())
def test_a_paste_that_is_not_utf8_text_is_refused_with_line_and_column(
    tmp_path: Path, raw: bytes, where: str, message: str
) -> None:
    source = tmp_path / "pasted.id.txt"
    source.write_bytes(raw)
    briefings = tmp_path / "briefings"
    with pytest.raises(ScaffoldError) as refused:
        scaffold(briefings, "pasted", source, languages=("id", "en"), registry={})
    assert str(refused.value).startswith(f"{source}:{where}: article: {message}")
    assert not briefings.exists()


def test_a_paste_larger_than_an_article_may_be_is_refused_before_it_is_read(
    tmp_path: Path,
) -> None:
    source = tmp_path / "pasted.id.txt"
    source.write_bytes(b"a" * (MAX_ARTICLE_BYTES + 1))
    with pytest.raises(ScaffoldError, match=r"pasted\.id\.txt: article: the file is 2,000,001"):
        scaffold(tmp_path / "briefings", "pasted", source, languages=("id", "en"), registry={})


def test_a_named_pipe_is_refused_instead_of_waiting_for_it(project: Path) -> None:
    source = project / "pasted.id.txt"
    os.mkfifo(source)
    result = run_cli(project, "new", "pipe", "--from", str(source), timeout=HANG_SECONDS)
    assert result.returncode != 0
    assert f"{source}: article: not a plain file" in result.stderr


def test_include_syntax_in_a_paste_is_refused_with_its_file_and_line(tmp_path: Path) -> None:
    source = tmp_path / "pasted.id.md"
    source.write_text('Judul\n\nTeks.\n\n--8<-- "/etc/passwd"\n', encoding="utf-8")
    with pytest.raises(ScaffoldError) as refused:
        scaffold(tmp_path / "briefings", "pasted", source, languages=("id", "en"), registry={})
    assert str(refused.value).startswith(f"{source}:5: article: '--8<--': file-including")


# Characters YAML cannot hold, in the title and in the sentences the comments quote.
ACCEPTED = {
    "a vertical tab": "\x0b",
    "an escape": "\x1b",
    "U+FFFE": "\ufffe",
    "U+FFFF": "\uffff",
    "a byte order mark inside": "\ufeff",
    "a next line (NEL)": "\x85",
    "a line separator": "\u2028",
}


@pytest.mark.parametrize("char", ACCEPTED.values(), ids=ACCEPTED.keys())
def test_characters_yaml_cannot_hold_are_left_out_of_what_new_writes(
    tmp_path: Path, char: str
) -> None:
    source = tmp_path / "pasted.id.txt"
    source.write_text(
        f"Judul{char} berita\n\nRetno{char} Marsudi bertemu {char}Wang Yi pada 11 Juli 2023 "
        f"di Jakarta{char}.\n",
        encoding="utf-8",
    )
    written = scaffold(
        tmp_path / "briefings", "pasted", source, languages=("id", "en"), registry={}
    )
    data = parse(written.read_bytes()).data  # would fail on any of them left in
    assert data["title"]["id"].startswith("Judul")
    assert data["timeline"][0]["date"] == "2023-07-11"
    assert (written.parent / "article.id.txt").read_bytes() == source.read_bytes()


class _Counting:
    """A compiled pattern that adds up how much text it is asked to read."""

    def __init__(self, pattern: re.Pattern[str], read: list[int]) -> None:
        self._pattern = pattern
        self._read = read

    def __getattr__(self, name: str) -> Callable[..., Any]:
        method = getattr(self._pattern, name)

        def counted(text: str, pos: int = 0, endpos: int | None = None) -> Any:
            self._read.append(min(len(text), len(text) if endpos is None else endpos) - pos)
            return method(text, pos, len(text) if endpos is None else endpos)

        return counted


def test_the_name_finder_reads_a_sentence_a_bounded_number_of_times(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Looking back over the sentence from each name is what made a one-line article
    # take time quadratic in its length; the text handed to the patterns shows it.
    read: list[int] = []
    for module in (names, name_words):  # the passes, and the words and patterns they use
        for attribute, value in vars(module).items():
            if isinstance(value, re.Pattern):
                monkeypatch.setattr(module, attribute, _Counting(value, read))
    sentence = one_line(SENTENCE, 100_000)
    found = names.find_names([sentence])
    assert "Kao Kim Hourn" in [mention.name for mention in found]
    assert sum(read) <= 10 * len(sentence)
