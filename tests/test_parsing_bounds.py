"""Articles at the size limit built to be slow to parse: refused with a sentence, or
converted, within seconds; never a stalled check or build."""

from __future__ import annotations

import pytest
from conftest import SEED_SLUG, build, run_cli

from generator import article
from generator.article import ArticleError, parse_article
from generator.load import MAX_ARTICLE_BYTES

FOLDER = f"content/briefings/{SEED_SLUG}"
SIZE = MAX_ARTICLE_BYTES - 1_000
# subprocess timeouts: a stall fails the test instead of the whole CI run
CHECK_SECONDS = 60
BUILD_SECONDS = 300


def use_article(project: object, name: str, text: str) -> None:
    folder = project / FOLDER  # type: ignore[operator]
    (folder / name).write_text(text, encoding="utf-8")
    yaml_file = folder / "briefing.yaml"
    source = yaml_file.read_text(encoding="utf-8")
    yaml_file.write_text(source.replace("article:\n", f"article:\n  file: {name}\n", 1))


def fill(unit: str, size: int = SIZE) -> str:
    return unit * (size // len(unit.encode()))


# Pasted text: any line of any length is text, never a pattern's worst case.
PASTED = {
    "one line of dots": fill("."),
    "dots and spaces": fill(". "),
    "a caption's label again and again": fill("Foto "),
    "a label without its colon, then a colon far away": fill("x Foto ") + ": x",
    "a flood of brackets": fill("["),
    "a flood of tags": fill("<a "),
}


@pytest.mark.slow  # a megabyte each: the bound holds, but not in the edit loop
@pytest.mark.parametrize("text", PASTED.values(), ids=PASTED.keys())
def test_pasted_worst_cases_are_checked_within_seconds(project: object, text: str) -> None:
    use_article(project, "article.id.txt", text)
    result = run_cli(project, "check", timeout=CHECK_SECONDS)  # type: ignore[arg-type]
    assert result.returncode == 0, result.stderr


@pytest.mark.slow
@pytest.mark.parametrize("name", ["dots and spaces", "a flood of brackets", "a flood of tags"])
def test_pasted_worst_cases_build_within_minutes(project: object, name: str) -> None:
    use_article(project, "article.id.txt", PASTED[name])
    build(project, timeout=BUILD_SECONDS)  # type: ignore[arg-type]


# Markdown: floods of what Python-Markdown must balance are refused before converting.
MARKDOWN = {
    "brackets in one paragraph": (fill("["), ":1: a paragraph with more than 200 '['"),
    "image links in one paragraph": (fill("!["), ":1: a paragraph with more than 200 '['"),
    "emphasis and brackets": (fill("*["), ":1: a paragraph with more than 200 '['"),
    "unclosed tags": (fill("<a "), ":1: a paragraph with more than 200 '<'"),
    "unclosed links": (fill("[a]("), ":1: a paragraph with more than 200 '['"),
    "brackets spread over paragraphs": (
        fill("[" * 150 + "\n\n"),
        ": 1,972,650 '[' and '<' in all (the limit is 2,000)",
    ),
    "the same on the 3rd line": ("Judul\n\n" + fill("["), ":3: a paragraph with more than 200"),
}


@pytest.mark.parametrize(("text", "expected"), MARKDOWN.values(), ids=MARKDOWN.keys())
def test_markdown_floods_are_refused_with_a_sentence(
    project: object, text: str, expected: str
) -> None:
    use_article(project, "article.id.md", text)
    result = run_cli(project, "check", timeout=CHECK_SECONDS)  # type: ignore[arg-type]
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"{FOLDER}/article.id.md{expected}" in result.stderr


def test_markdown_over_its_time_budget_names_the_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    # Within the caps, but given a budget too short for it.
    monkeypatch.setattr(article, "MARKDOWN_SECONDS", 0.001)
    text = "\n\n".join(["*[" * 190] * 10)
    with pytest.raises(ArticleError, match=r"too complex to convert within 0.001 s"):
        parse_article(text, "id", markdown_source=True)


def test_markdown_within_its_budget_is_converted() -> None:
    text = "\n\n".join([f"[tautan {i}](https://example.org/{i}) " * 50 for i in range(10)])
    body = parse_article(text, "id", markdown_source=True)
    assert body.html.count("<a ") == 500
