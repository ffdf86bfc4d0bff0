"""`briefings new --update`: what the registries now find is added, every edit is kept."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SEED_SLUG, run_cli

# An article of the project's own: an agency known to the registry only later, dates.
ARTICLE = """Kapal patroli Bakamla mengusir kapal asing di Natuna

Jakarta (ANTARA) - Badan Keamanan Laut (Bakamla) mengusir sebuah kapal penjaga pantai \
asing dari perairan Natuna pada Selasa (11/7/2023), kata juru bicara lembaga itu.

Jepang dan NATO menyatakan dukungan bagi kebebasan navigasi di kawasan.

Patroli bersama berikutnya dijadwalkan pada 5-7 September 2023.
"""

BAKAMLA = """
bakamla:
  type: organization
  name: {id: Badan Keamanan Laut, en: Indonesian Maritime Security Agency}
  aliases: [Bakamla]
"""


def draft(project: Path, slug: str = "natuna") -> tuple[Path, Path]:
    """A scaffolded briefing and its article, before the registry knows Bakamla."""
    article = project / "natuna.id.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run_cli(project, "new", slug, "--from", str(article))
    assert result.returncode == 0, result.stderr
    return project / "content" / "briefings" / slug / "briefing.yaml", article


def add_bakamla(project: Path) -> None:
    with (project / "content" / "actors.yaml").open("a", encoding="utf-8") as out:
        out.write(BAKAMLA)


def edit_as_an_editor(path: Path) -> bytes:
    """Texts written, quoting and comments of one's own, an entry removed, blank lines."""
    text = path.read_text(encoding="utf-8")
    text = text.replace(
        'summary:\n  id: ""', "summary:\n  id: 'Bakamla mengusir kapal: \"asing\"'  # mine", 1
    )
    text = text.replace(
        '  - actor: nato  # REVIEW: named as "NATO"\n',
        "  - actor: nato\n    role: {id: Pendukung, en: Supporter}   # a comment of mine\n\n",
    )
    text = re.sub(r"  # Patroli bersama.*\n  - date: \"2023-09-05\".*\n(?:    .*\n)+", "", text)
    text = text.rstrip("\n") + "\n    # the last line, mine\n"
    path.write_text(text, encoding="utf-8")
    return path.read_bytes()


def without_lines(text: str, numbers: set[int]) -> str:
    lines = text.splitlines(keepends=True)
    return "".join(line for i, line in enumerate(lines, 1) if i not in numbers)


def test_update_adds_what_the_registry_now_finds_and_keeps_every_edit(project: Path) -> None:
    path, article = draft(project)
    assert "actor: bakamla" not in path.read_text(encoding="utf-8")
    before = edit_as_an_editor(path)
    add_bakamla(project)

    result = run_cli(project, "new", "natuna", "--update", "--from", str(article), real=True)
    assert result.returncode == 0, result.stderr
    after = path.read_text(encoding="utf-8")
    shown = "content/briefings/natuna/briefing.yaml"
    reported = dict(re.findall(rf"^{shown}:(\d+): added (.*)$", result.stdout, re.M))
    assert sorted(reported.values()) == [
        "actor 'bakamla', named as 'Bakamla'",
        "timeline entry 2023-09-05, from '5-7 September 2023'",
    ], result.stdout
    lines = after.splitlines()
    where = {what: int(line) for line, what in reported.items()}
    actor_at = where["actor 'bakamla', named as 'Bakamla'"]
    assert lines[actor_at - 1] == '  - actor: bakamla  # REVIEW: named as "Bakamla"'
    date_at = where["timeline entry 2023-09-05, from '5-7 September 2023'"]
    assert lines[date_at - 1] == '  - date: "2023-09-05"  # REVIEW: from "5-7 September 2023"'
    # The new actor ends the actors' list, right after the editor's last entry.
    assert lines[actor_at - 2] == "    role: {id: Pendukung, en: Supporter}   # a comment of mine"
    # Every other byte is the editor's: take the inserted lines out, and the file is back.
    inserted = {actor_at, *range(date_at - 1, date_at + 5)}
    assert without_lines(after, inserted).encode("utf-8") == before
    assert "2 entries added" in result.stdout

    again = run_cli(project, "new", "natuna", "--update", "--from", str(article))
    assert again.returncode == 0, again.stderr
    assert "nothing to add" in again.stdout
    assert path.read_text(encoding="utf-8") == after
    check = run_cli(project, "check", "content/briefings/natuna")
    assert "does not list it" not in check.stderr
    assert "which no timeline entry" not in check.stderr


def test_update_leaves_out_what_the_briefing_ignores(project: Path) -> None:
    path, article = draft(project)
    text = path.read_text(encoding="utf-8") + "mentions:\n  ignore: [bakamla]\n"
    path.write_text(text, encoding="utf-8")
    add_bakamla(project)
    result = run_cli(project, "new", "natuna", "--update", "--from", str(article))
    assert result.returncode == 0, result.stderr
    assert "nothing to add" in result.stdout
    assert path.read_text(encoding="utf-8") == text


def test_update_fills_an_empty_list_and_keeps_line_ends_and_byte_order_mark(
    project: Path,
) -> None:
    path, article = draft(project)
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"actors:\n(?:  - .*\n)+", "actors: []  # none yet\n", text)
    text = re.sub(r"timeline:\n(?:  .*\n)+", "", text)
    raw = b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8")
    path.write_bytes(raw)
    add_bakamla(project)
    result = run_cli(project, "new", "natuna", "--update", "--from", str(article))
    assert result.returncode == 0, result.stderr
    after = path.read_bytes()
    assert b"\n" not in after.replace(b"\r\n", b"")  # every line ends as the editor's did
    lines = after.decode("utf-8-sig").split("\r\n")
    at = lines.index("actors:  # none yet")
    assert lines[at + 1 : at + 4] == [
        '  - actor: bakamla  # REVIEW: named as "Bakamla"',
        '  - actor: japan  # REVIEW: named as "Jepang"',
        '  - actor: nato  # REVIEW: named as "NATO"',
    ]
    assert after.startswith(b"\xef\xbb\xbf")
    # The list the editor had removed comes back at the end, and the file reads.
    at = lines.index("timeline:")
    assert lines[at + 2] == '  - date: "2023-07-11"  # REVIEW: from "11/7/2023"'
    check = run_cli(project, "check", "content/briefings/natuna")
    assert "natuna/briefing.yaml:1:1:" not in check.stderr, check.stderr
    assert "timeline[1].event.id: is empty" in check.stderr


MISSING = (
    "content/briefings/missing/briefing.yaml:1:1: slug: no briefing 'missing' to update: "
    "content/briefings/missing/briefing.yaml does not exist; leave out --update to create it"
)


@pytest.mark.parametrize(
    ("damage", "needle", "expected"),
    [
        (
            ("published:", "published: 2023-07-11\npublished:"),
            "published:",
            "1: published: duplicate key 'published'",
        ),
        (("actors:\n", "actors:\n\t- actor: x\n"), "\t- actor", "1: a tab is used for indentation"),
        (("tags: []", "tags: nato"), "tags: nato", "1: tags: expected a list"),
    ],
)
def test_update_refuses_a_broken_briefing_where_it_is(
    project: Path, damage: tuple[str, str], needle: str, expected: str
) -> None:
    path, article = draft(project)
    path.write_text(path.read_text(encoding="utf-8").replace(*damage, 1), encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    line = len(lines) - next(i for i, text in enumerate(reversed(lines)) if needle in text)
    before = path.read_bytes()
    add_bakamla(project)
    result = run_cli(project, "new", "natuna", "--update", "--from", str(article))
    assert result.returncode == 1
    assert f"content/briefings/natuna/briefing.yaml:{line}:{expected}" in result.stderr
    assert "nothing was changed" in result.stderr
    assert path.read_bytes() == before


def test_update_refuses_a_briefing_that_does_not_exist(project: Path) -> None:
    article = project / "natuna.id.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = run_cli(project, "new", "missing", "--update", "--from", str(article))
    assert result.returncode == 1
    assert MISSING in result.stderr
    assert not (project / "content" / "briefings" / "missing").exists()


def test_update_refuses_another_briefings_article(project: Path) -> None:
    path, article = draft(project)
    before = path.read_bytes()
    other = project / "content" / "briefings" / SEED_SLUG / "article.id.txt"
    other.write_text("Jepang dan NATO bertemu pada Selasa (11/7/2023).\n", encoding="utf-8")
    result = run_cli(project, "new", "natuna", "--update", "--from", str(other))
    assert result.returncode == 1
    assert (
        f"content/briefings/{SEED_SLUG}/article.id.txt:1:1: slug: this is the article of "
        f"briefing '{SEED_SLUG}', not of 'natuna'"
    ) in result.stderr
    elsewhere = project / "another.id.txt"
    elsewhere.write_text("Jepang dan NATO bertemu pada Selasa (11/7/2023).\n", encoding="utf-8")
    result = run_cli(project, "new", "natuna", "--update", "--from", str(elsewhere))
    assert result.returncode == 1
    line = path.read_text(encoding="utf-8").splitlines().index("  file: article.id.txt") + 1
    assert (
        f"content/briefings/natuna/briefing.yaml:{line}:3: article.file: the briefing's "
        "article is 'article.id.txt'"
    ) in result.stderr
    assert path.read_bytes() == before
    assert article.is_file()


def test_update_refuses_a_list_in_brackets_it_cannot_add_to(project: Path) -> None:
    path, article = draft(project)
    text = re.sub(r"actors:\n(?:  - .*\n)+", "actors: [{actor: japan}]\n", path.read_text("utf-8"))
    path.write_text(text, encoding="utf-8")
    add_bakamla(project)
    result = run_cli(project, "new", "natuna", "--update", "--from", str(article))
    assert result.returncode == 1
    line = text.splitlines().index("actors: [{actor: japan}]") + 1
    assert (
        f"content/briefings/natuna/briefing.yaml:{line}:1: actors: written in brackets [...]: "
        "write one '- ' entry a line"
    ) in result.stderr
    assert path.read_text(encoding="utf-8") == text
