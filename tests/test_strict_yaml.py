"""The strict YAML reader: plain values, positions, and refusals with line numbers."""

from __future__ import annotations

import time

import pytest

from generator.strict_yaml import Limits, Position, YamlError, parse


def test_yaml_11_surprises_stay_text() -> None:
    doc = parse(b"a: no\nb: yes\nc: on\nd: 3.10\ne: 0123\nf: 1:20\ng: 2023-01-01\nh: ~\ni: true\n")
    assert doc.data == {
        "a": "no",
        "b": "yes",
        "c": "on",
        "d": "3.10",
        "e": "0123",
        "f": "1:20",
        "g": "2023-01-01",
        "h": None,
        "i": True,
    }


def test_quoted_true_is_text() -> None:
    assert parse(b'a: "true"\n').data == {"a": "true"}


def test_positions_are_kept_for_every_value() -> None:
    doc = parse(b"title:\n  id: Judul\n  en: Title\nlist:\n  - one\n  - two\n")
    assert doc.position(("title", "en")) == Position(3, 3)
    assert doc.position(("list", 1)) == Position(6, 5)
    # A location that does not exist falls back to its nearest ancestor.
    assert doc.position(("title", "fr")) == Position(1, 1)


def test_duplicate_keys_name_both_lines() -> None:
    doc = parse(b"title: a\nsummary: b\ntitle: c\n")
    assert doc.duplicate_keys == ((("title",), Position(1, 1), Position(3, 1)),)
    assert doc.data["title"] == "a"


@pytest.mark.parametrize(
    ("source", "message", "line"),
    [
        (b"a: &x 1\nb: *x\n", "anchor &x is not allowed", 1),
        (
            b"a: !!python/object:os.system x\n",
            "tag 'tag:yaml.org,2002:python/object:os.system' is not allowed",
            1,
        ),
        (b"a: !!binary aGVsbG8=\n", "tag 'tag:yaml.org,2002:binary' is not allowed", 1),
        (b"a: !!set {x}\n", "tag 'tag:yaml.org,2002:set' is not allowed", 1),
        (b"a: 1\n---\nb: 2\n", "a second YAML document", 2),
        (b"? [a, b]\n: c\n", "keys must be text", 1),
        (b"a: [1, 2\n", "YAML syntax", 2),
        (b"a: 1\n\x00b: 2\n", "NUL byte at byte 5", 2),
        (b"a: caf\xe9\n", "invalid UTF-8 at byte 6", 1),
    ],
)
def test_refusals_say_what_and_where(source: bytes, message: str, line: int) -> None:
    with pytest.raises(YamlError) as caught:
        parse(source)
    assert message in caught.value.message
    assert caught.value.line == line


def test_alias_bomb_is_refused_before_anything_is_built() -> None:
    bomb = b'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i in range(ord("b"), ord("j")):
        prev = chr(i - 1)
        bomb += f"{chr(i)}: &{chr(i)} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n".encode()
    started = time.perf_counter()
    with pytest.raises(YamlError, match="anchor &a is not allowed"):
        parse(bomb)
    assert time.perf_counter() - started < 0.5


def test_deep_nesting_is_an_error_not_a_recursion_error() -> None:
    with pytest.raises(YamlError, match="nested deeper than 20 levels"):
        parse(b"a: " + b"[" * 5000 + b"]" * 5000 + b"\n")


def test_limits_on_size_strings_and_lists() -> None:
    with pytest.raises(YamlError, match="the limit is 100"):
        parse(b"a: " + b"x" * 200, Limits(max_bytes=100))
    with pytest.raises(YamlError, match="text of 11 characters; the limit is 10"):
        parse(b"a: xxxxxxxxxxx\n", Limits(max_string=10))
    with pytest.raises(YamlError, match="more than 3 items in one list"):
        parse(b"a: [1, 2, 3, 4]\n", Limits(max_items=3))


def test_empty_document_is_none() -> None:
    assert parse(b"").data is None
    assert parse(b"# only a comment\n").data is None
