"""Contributors' mistakes: every one named by file, line and field, all at once, nothing written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEED_SLUG, build, run_cli, run_mkdocs
from content_edits import BRIEFING, line_of, replace


def check_errors(project: Path) -> list[str]:
    result = run_cli(project, "check")
    assert result.returncode == 1, result.stderr
    return [line for line in result.stderr.splitlines() if "warning:" not in line]


@pytest.mark.parametrize(
    ("old", "new", "needle", "expected"),
    [
        (
            "  - id: Rencana ini sejalan",
            "  - id: [Rencana ini sejalan]\n    xx: y\n  - id: Rencana ini sejalan",
            "- id: [Rencana",
            "key_points[3].id: expected text",
        ),
        (
            "  - actor: fumio-kishida",
            "  - actor: fumio-kishda",
            "actor: fumio-kishda",
            "actors[2].actor: unknown actor 'fumio-kishda': not in content/actors.yaml; "
            "did you mean 'fumio-kishida'?",
        ),
        (
            "tags: [nato, japan, indo-pacific, security, diplomacy]",
            "tags: [nato, japan, indo-pacifc, security, diplomacy]",
            "tags: [nato",
            "tags[2]: unknown tag 'indo-pacifc': not in content/tags.yaml; did you mean 'indo-pacific'?",
        ),
        (
            "  - date: 2022-12\n",
            "  - date: 2023-02-30\n",
            "date: 2023-02-30",
            "timeline[1].date: '2023-02-30': day 30 does not exist in that month",
        ),
        (
            "  - date: 2023-07-11\n    end: 2023-07-12\n",
            "  - date: 2023-07\n    end: 2023-06-30\n",
            "end: 2023-06-30",
            "timeline[4].end: 2023-06-30 is before the date 2023-07; the end comes on or after it",
        ),
        (
            "  - date: 2023-05\n",
            "  - date: 2023-05-10\n    end: 2023-06\n",
            "end: 2023-06",
            "timeline[3].end: 2023-06 is less precise than the date 2023-05-10; "
            "write the end as precisely",
        ),
        (
            "published: 2023-06-02\n",
            "published: 2023-06-02\ncorrections:\n  - date: 10/6/2023\n    text: {id: x, en: y}\n",
            "date: 10/6/2023",
            "corrections[0].date: '10/6/2023' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD; "
            "10/6/2023 is written 2023-06-10",
        ),
        (
            "    approximate: true\n",
            "    approximate: yes\n",
            "approximate: yes",
            "timeline[3].approximate: write true or false",
        ),
        (
            "    end: 2023-07-12\n",
            "    end: 2023-07-12\n    status: planned\n",
            "status: planned",
            "timeline[4].status: 'planned' is not allowed; expected 'happened', 'expected' or 'cancelled'",
        ),
        (
            "  author: Mai Nguyen\n",
            "  author: Mai Nguyen\n  url: javascript:alert(1)\n",
            "url: javascript",
            "article.url: 'javascript:alert(1)': only http, https and mailto links are allowed",
        ),
        (
            "published: 2023-06-02\n",
            "published: 2023-06-02\npublshed: 2023-06-03\n",
            "publshed:",
            "publshed: unknown field; did you mean 'published'?",
        ),
        (
            "published: 2023-06-02\n",
            "published: 2023-06-02\nsomething: x\n",
            "something:",
            "something: unknown field; check its spelling against the format guide",
        ),
        (
            "  - actor: fumio-kishida\n",
            "  - actor: fumio-kishida\n    role: {id: Perdana Menteri, tuan rumah, en: Host}\n",
            "role: {id: Perdana",
            "role.tuan rumah: 'tuan rumah' is not a language code: a comma inside {...} ended "
            "the text before it",
        ),
        (
            "published: 2023-06-02\n",
            "published: 2/6/2023\n",
            "published: 2/6",
            "published: '2/6/2023' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD; 2/6/2023 "
            "is written 2023-06-02",
        ),
        (
            "  - date: 2022-12\n",
            "  - date: Desember 2022\n",
            "date: Desember",
            "is not a date: write YYYY, YYYY-MM or YYYY-MM-DD; Desember 2022 is written 2022-12",
        ),
        (
            "  author: Mai Nguyen",
            "  author: Mai Nguyen: analis",
            "author: Mai",
            "a ': ' inside a text that is not in quotes starts a new key; put the whole text in "
            'quotes: "..."',
        ),
        (
            "published: 2023-06-02\n",
            "published: 2023-06-02\npublished: 2023-06-03\n",
            "published: 2023-06-03",
            "published: duplicate key 'published' (first at line",
        ),
        (
            "  en: A NATO liaison office",
            "  eng: A NATO liaison office",
            "eng: A NATO",
            "title.eng: 'eng' is not a language of this site (id, en)",
        ),
        (
            "published: 2023-06-02\n",
            "published: 2023-06-02\nmentions:\n  ignore: [kyodo, united-states]\n",
            "ignore: [kyodo",
            "mentions.ignore[1]: unknown actor 'united-states': not in content/actors.yaml",
        ),
        (
            "published: 2023-06-02\n",
            "published: 2023-06-02\nmentions: {ignore: kyodo}\n",
            "mentions: {ignore",
            "mentions.ignore: expected a list",
        ),
        (
            "published: 2023-06-02\n",
            "published: 2023-06-02\nmentions: {ingore: [kyodo]}\n",
            "mentions: {ingore",
            "mentions.ingore: unknown field; did you mean 'ignore'?",
        ),
    ],
)
def test_each_mistake_names_file_line_and_field(
    project: Path, old: str, new: str, needle: str, expected: str
) -> None:
    replace(project, old, new)
    line = line_of(project, needle)
    errors = check_errors(project)
    assert any(e.startswith(f"{BRIEFING}:{line}:") and expected in e for e in errors), (
        f"line {line}: {expected}\n" + "\n".join(errors)
    )
    # One mistake, one message: a slip is not reported again as what it led to.
    assert len([e for e in errors if e.startswith(f"{BRIEFING}:{line}:")]) == 1, errors


def test_missing_required_field_names_it(project: Path) -> None:
    path = project / BRIEFING
    lines = path.read_text().splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.startswith("summary:"))
    del lines[start : start + 11]  # the summary and its two paragraphs
    path.write_text("".join(lines))
    # A missing field is reported where its mapping starts: here the first key.
    first = next(i for i, line in enumerate(lines, 1) if not line.startswith("#"))
    assert f"{BRIEFING}:{first}:1: summary: required field is missing" in check_errors(project)


def test_all_problems_of_a_run_are_reported_at_once(project: Path) -> None:
    replace(project, "  - actor: fumio-kishida", "  - actor: nobody")
    replace(project, "  type: person\n", "  type: human\n", "content/actors.yaml")
    replace(project, "  name: {id: NATO, en: NATO}", "  name: [NATO]", "content/tags.yaml")
    errors = check_errors(project)
    assert any("actors.yaml" in e and ".type: 'human' is not allowed" in e for e in errors)
    line = line_of(project, "name: [NATO]", "content/tags.yaml")
    assert any(
        e.startswith(f"content/tags.yaml:{line}:3: nato.name: expected a mapping") for e in errors
    )
    assert any("unknown actor 'nobody'" in e for e in errors)
    # One broken entry in a registry does not cascade into every briefing naming it.
    assert not any("unknown actor 'jens-stoltenberg'" in e or "unknown tag" in e for e in errors)


def test_a_topics_description_is_checked_where_it_is_written_in_either_form(
    project: Path,
) -> None:
    tags = "content/tags.yaml"
    with (project / tags).open("a", encoding="utf-8") as registry:
        registry.write(
            "ports: {en: Ports}\n"  # the name alone, in one language
            "straits:\n"
            "  name: {id: Selat, en: Straits}\n"
            "  description: {id: '', en: Narrow seas}\n"
            "  descripton: {en: A slip}\n"
        )
    result = run_cli(project, "check")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    empty, slip = (
        line_of(project, "description: {id: ''", tags),
        line_of(project, "descripton", tags),
    )
    assert (
        f"{tags}:{empty}:17: straits.description.id: is empty; write the text or remove the field"
        in lines
    )
    assert any(
        e.startswith(f"{tags}:{slip}:3: straits.descripton: unknown field") and "'description'" in e
        for e in lines
    )
    ports = line_of(project, "ports:", tags)
    assert any(
        e.startswith(f"{tags}:{ports}:1: warning: ports: missing translation: no 'id' text")
        for e in lines
    )
    described = line_of(project, "  name: {id: Jepang", tags)
    assert not any(f"{tags}:{described}" in e for e in lines)  # written well: nothing to say


def test_wrong_top_level_shapes_say_what_was_expected(project: Path) -> None:
    (project / BRIEFING).write_text("- just\n- a list\n")
    (project / "content" / "tags.yaml").write_text("")
    errors = check_errors(project)
    assert f"{BRIEFING}:1: expected a mapping of fields at the top level, found a list" in errors
    assert (
        "content/tags.yaml:1: expected a mapping of fields at the top level, found an empty file"
        in errors
    )


def test_missing_translation_is_a_warning_not_an_error(project: Path) -> None:
    replace(
        project,
        "  en: A NATO liaison office in Tokyo brings Japan closer, not into the alliance\n",
        "",
    )
    result = run_cli(project, "check")
    assert result.returncode == 0
    line = line_of(project, "title:")
    assert (
        f"{BRIEFING}:{line}:1: warning: title: missing translation: no 'en' text "
        "(the page shows another language)"
    ) in result.stderr
    assert run_cli(project, "check", "--strict").returncode == 1


def test_github_annotations(project: Path) -> None:
    replace(project, "  - actor: fumio-kishida", "  - actor: nobody")
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", "check"],
        cwd=project,
        env={**os.environ, "GITHUB_ACTIONS": "true"},
        capture_output=True,
        text=True,
        check=False,
    )
    line = line_of(project, "actor: nobody")
    assert f"::error file={BRIEFING},line={line},col=" in result.stdout


@pytest.mark.slow  # builds the whole site
def test_bad_content_fails_the_build_and_leaves_previous_output(project: Path) -> None:
    site = build(project)
    page = site / "en" / "briefings" / SEED_SLUG / "index.html"
    generated = project / "build" / "en" / "docs" / "briefings" / f"{SEED_SLUG}.md"
    before = (page.read_bytes(), generated.read_bytes())
    replace(project, "  en: A NATO liaison office in Tokyo", "  en: Changed title")
    replace(project, "  - actor: fumio-kishida", "  - actor: nobody")
    result = run_mkdocs(project, "build", "--strict")
    assert result.returncode != 0
    assert f"{BRIEFING}:" in result.stderr and "unknown actor 'nobody'" in result.stderr
    assert (page.read_bytes(), generated.read_bytes()) == before


def generated_files(project: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in (project / "build").rglob("*") if p.is_file()}


def test_generated_page_colliding_with_hand_written_one_is_an_error(project: Path) -> None:
    (project / "docs" / "en" / "timeline.md").write_text("# My own timeline\n")
    before = generated_files(project)
    result = run_mkdocs(project, "build", "--strict")
    assert result.returncode != 0
    assert (
        "docs/en/timeline.md: this hand-written page has the path of a generated page"
        in result.stderr
    )
    assert (project / "docs" / "en" / "timeline.md").read_text() == "# My own timeline\n"
    # Nothing written, in the other language either (each renders in a process of its own).
    assert generated_files(project) == before


def test_hand_written_page_at_the_address_of_a_generated_one_is_an_error(project: Path) -> None:
    # MkDocs would serve only one of briefings/<slug>.md and briefings/<slug>/index.md.
    folder = project / "docs" / "en" / "briefings" / SEED_SLUG
    folder.mkdir(parents=True)
    (folder / "index.md").write_text("# My own page\n")
    before = generated_files(project)
    result = run_mkdocs(project, "build", "--strict")
    assert result.returncode != 0
    assert (
        f"docs/en/briefings/{SEED_SLUG}/index.md: this hand-written page would be served at "
        f"the address of a generated page (en/briefings/{SEED_SLUG}.md, /en/briefings/{SEED_SLUG}/)"
        in result.stderr
    )
    assert (folder / "index.md").read_text() == "# My own page\n"
    assert generated_files(project) == before


def test_generated_data_file_colliding_with_hand_written_one_is_an_error(project: Path) -> None:
    # The feeds are generated too: a hand-written file in their place is not replaced.
    (project / "docs" / "id" / "feeds").mkdir()
    (project / "docs" / "id" / "feeds" / "feed.xml").write_text("<rss/>\n")
    before = generated_files(project)
    result = run_mkdocs(project, "build", "--strict")
    assert result.returncode != 0
    assert (
        "docs/id/feeds/feed.xml: this hand-written file has the path of a generated file"
        in result.stderr
    )
    assert (project / "docs" / "id" / "feeds" / "feed.xml").read_text() == "<rss/>\n"
    assert generated_files(project) == before


@pytest.mark.slow  # builds the whole site
def test_failed_language_build_leaves_the_previous_site_intact(project: Path) -> None:
    site = build(project)
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    # Valid content, but a hand-written page with a broken link fails the strict build
    # of the English site after the Indonesian one has been built.
    (project / "docs" / "en" / "contribute" / "index.md").write_text("# C\n\n[gone](nowhere.md)\n")
    result = run_mkdocs(project, "build", "--strict")
    assert result.returncode != 0
    assert "nowhere.md" in result.stderr
    after = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert after == before
    assert not (project / ".site.building").exists()


@pytest.mark.slow  # builds the whole site
def test_builds_are_byte_identical(project: Path) -> None:
    site = build(project)
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    build(project)
    second = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    assert first == second


@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("{actors: 5}", "per_page: unknown actors; known: actor_briefings, briefings"),
        ("{briefings: 0}", "per_page: briefings must be a whole number of at least 1"),
        ("{timeline_events: ten}", "per_page: timeline_events must be a whole number"),
    ],
)
def test_a_wrong_page_size_is_named_in_mkdocs_yml(project: Path, option: str, message: str) -> None:
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "      languages: [id, en]\n", f"      languages: [id, en]\n      per_page: {option}\n"
        ),
        encoding="utf-8",
    )
    result = run_mkdocs(project, "build", "--strict")
    assert result.returncode != 0
    assert "briefings plugin options in mkdocs.yml" in result.stderr and message in result.stderr
    assert not (project / "site").exists()


@pytest.mark.slow  # builds the whole site
def test_briefings_build_makes_the_site_mkdocs_makes(project: Path) -> None:
    result = run_cli(project, "build", "--site", str(project / "built"), real=True)
    assert result.returncode == 0, result.stderr
    assert "pages built into built" in result.stderr
    mkdocs_site = build(project)
    built = project / "built"
    for page in ("index.html", "en/index.html", f"id/briefings/{SEED_SLUG}/index.html"):
        assert (built / page).read_bytes() == (mkdocs_site / page).read_bytes(), page
    assert (built / "en" / "pagefind" / "pagefind-entry.json").is_file()
    # A content error: the built site stays as it was, and nothing is left beside it.
    replace(project, "published: 2023-06-02", "published: 2023-13-02")
    before = (built / "en" / "index.html").read_bytes()
    result = run_cli(project, "build", "--site", str(built))
    assert result.returncode == 1 and "published" in result.stderr
    assert (built / "en" / "index.html").read_bytes() == before
    assert not (project / ".built.building").exists()
