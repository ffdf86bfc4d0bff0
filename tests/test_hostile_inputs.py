"""Hostile files under content/: each refused with the exact file, line and message."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED_SLUG, run_cli

BRIEFING = f"content/briefings/{SEED_SLUG}/briefing.yaml"
FOLDER = f"content/briefings/{SEED_SLUG}"


def line_of(project: Path, needle: str, rel: str = BRIEFING) -> int:
    lines = (project / rel).read_text(encoding="utf-8", errors="replace").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def errors_of(project: Path) -> str:
    result = run_cli(project, "check")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr


def replace(project: Path, old: str, new: str, rel: str = BRIEFING) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("javascript:alert(1)", "only http, https and mailto links are allowed"),
        ("data:text/html;base64,PHNjcmlwdD4=", "only http, https and mailto links are allowed"),
        ("jav&#x61;script:alert(1)", "is not a plain link"),
        ("//evil.example/x", "only http, https and mailto links are allowed"),
        ("https:evil", "has no host"),
        ("JAVASCRIPT:alert(1)", "only http, https and mailto links are allowed"),
        ("https://ex ample.org", "links may not contain spaces or invisible characters"),
    ],
)
def test_links_other_than_http_https_mailto_are_refused(
    project: Path, url: str, message: str
) -> None:
    replace(project, "  author: Mai Nguyen\n", f'  author: Mai Nguyen\n  url: "{url}"\n')
    line = line_of(project, "  url: ")
    assert f"{BRIEFING}:{line}:3: article.url: " in errors_of(project)
    assert message in errors_of(project)


@pytest.mark.parametrize(
    "name", ["../../../etc/passwd", "/etc/passwd", "sub/article.txt", ".hidden.txt", "a\u202eb.txt"]
)
def test_article_file_names_cannot_leave_the_folder(project: Path, name: str) -> None:
    replace(project, "article:\n", f'article:\n  file: "{name}"\n')
    assert "article.file: " in errors_of(project)
    assert "is not a plain file name beside briefing.yaml" in errors_of(project)


def test_symbolic_links_in_content_are_refused(project: Path) -> None:
    (project / FOLDER / "article.id.txt").symlink_to("/etc/passwd")
    replace(project, "article:\n", "article:\n  file: article.id.txt\n")
    assert (
        f"{FOLDER}/article.id.txt: symbolic links are not allowed in content/; copy the file"
        in errors_of(project)
    )


def test_nul_byte_is_refused_with_its_position(project: Path) -> None:
    path = project / BRIEFING
    line = line_of(project, "published:")
    path.write_bytes(path.read_bytes().replace(b"published:", b"publ\x00ished:", 1))
    assert f"{BRIEFING}:{line}: NUL byte at byte " in errors_of(project)


def test_invalid_utf8_is_refused_with_its_position(project: Path) -> None:
    path = project / BRIEFING
    raw = path.read_bytes()
    line = line_of(project, "published:")
    offset = raw.index(b"published:")
    path.write_bytes(raw[:offset] + b"\xff" + raw[offset:])
    assert (
        f"{BRIEFING}:{line}: invalid UTF-8 at byte {offset}; save the file as UTF-8"
        in errors_of(project)
    )


def test_invalid_utf8_in_article_is_refused(project: Path) -> None:
    (project / FOLDER / "article.id.txt").write_bytes(b"Paragraf satu.\n\nKata \xc3\x28 rusak.\n")
    replace(project, "article:\n", "article:\n  file: article.id.txt\n")
    assert f"{FOLDER}/article.id.txt:3: invalid UTF-8 at byte 21" in errors_of(project)


def test_snippet_inclusion_in_article_is_refused(project: Path) -> None:
    (project / FOLDER / "article.id.md").write_text('Teks.\n\n--8<-- "mkdocs.yml"\n')
    replace(project, "article:\n", "article:\n  file: article.id.md\n")
    assert (
        f"{FOLDER}/article.id.md:3: '--8<--': file-including syntax is not allowed in articles"
        in errors_of(project)
    )


def test_deep_nesting_is_refused_without_a_traceback(project: Path) -> None:
    (project / BRIEFING).write_text("title: " + "[" * 10_000 + "]" * 10_000 + "\n")
    assert f"{BRIEFING}:1: nested deeper than 20 levels" in errors_of(project)


def test_python_tags_are_refused(project: Path) -> None:
    (project / BRIEFING).write_text('title: !!python/object/apply:os.system ["touch pwned"]\n')
    assert "tag 'tag:yaml.org,2002:python/object/apply:os.system' is not allowed" in errors_of(
        project
    )
    assert not (project / "pwned").exists()


def test_alias_bomb_is_refused(project: Path) -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    lines += [f"{c}: &{c} [{', '.join([f'*{chr(ord(c) - 1)}'] * 9)}]" for c in "bcdefghi"]
    (project / BRIEFING).write_text("\n".join(lines) + "\n")
    assert f"{BRIEFING}:1:4: anchor &a is not allowed; repeat the value instead" in errors_of(
        project
    )


def test_two_documents_are_refused(project: Path) -> None:
    (project / "content" / "tags.yaml").write_text("nato: {id: NATO, en: NATO}\n---\nx: {id: X}\n")
    assert "content/tags.yaml:2: a second YAML document ('---') found" in errors_of(project)


def test_invisible_characters_in_aliases_are_refused(project: Path) -> None:
    replace(project, "aliases: [Kishida]", 'aliases: ["Kishi\\u200bda"]', "content/actors.yaml")
    assert "fumio-kishida.aliases[0]: contains the invisible character U+200B" in errors_of(project)


def test_slug_folder_with_capitals_or_dots_is_refused(project: Path) -> None:
    (project / "content" / "briefings" / "Bad..Name").mkdir()
    assert "content/briefings/Bad..Name: folder name 'Bad..Name' is not a valid slug" in errors_of(
        project
    )


def test_slug_of_the_briefings_list_is_refused(project: Path) -> None:
    (project / "content" / "briefings" / "index").mkdir()
    assert "content/briefings/index: folder name 'index' is reserved" in errors_of(project)


def test_svg_images_are_refused(project: Path) -> None:
    replace(project, "tags:", "image:\n  file: photo.svg\ntags:")
    assert "image: image 'photo.svg' must be one of .jpg" in errors_of(project)


def test_control_characters_in_text_are_refused(project: Path) -> None:
    replace(project, "  en: A NATO liaison office", '  en: "A NATO\\u0007 liaison office')
    replace(project, "closer, not into the alliance\n", 'closer, not into the alliance"\n')
    assert "title.en: contains the control character U+0007" in errors_of(project)
