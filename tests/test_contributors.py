"""What contributors touch: scaffolding, checks with exact places, status, schema, CI files."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import cmarkgfm
import pytest
import yaml
from conftest import (
    ROOT,
    SEED,
    SEED_SLUG,
    add_seed_article,
    pull_request_summary,
    require_seed,
    run_cli,
)
from content_edits import BRIEFING, replace


def scaffold_seed(project: Path, slug: str = "seed") -> Path:
    require_seed()
    result = run_cli(project, "new", slug, "--from", str(SEED))
    assert result.returncode == 0, result.stderr
    return project / "content" / "briefings" / slug / "briefing.yaml"


def test_new_finds_actors_and_dates_in_the_seed_article(project: Path) -> None:
    text = scaffold_seed(project).read_text(encoding="utf-8")
    actors = set(re.findall(r"- actor: ([a-z0-9-]+)  # REVIEW", text))
    assert actors >= {
        "fumio-kishida", "jens-stoltenberg", "yoshimasa-hayashi", "nato", "japan",
        "russia", "china", "nikkei-asia", "kyodo",
    }  # fmt: skip
    dates = set(re.findall(r'- date: "([0-9-]+)"', text))
    assert {"2023-01", "2023-07"} <= dates
    assert '"2022-06"  # REVIEW: from "Musim panas lalu"' in text
    assert 'author: "Mai Nguyen"  # REVIEW: from the byline' in text
    assert '#   credit: "Nato.int"' in text
    # Each candidate date comes with the sentence it was found in.
    assert "# Hubungan ini semakin erat dengan kunjungan Sekretaris Jenderal NATO" in text
    copied = project / "content" / "briefings" / "seed" / "article.id.txt"
    assert copied.read_bytes() == SEED.read_bytes()


def test_new_finds_names_not_in_the_registry(project: Path) -> None:
    (project / "content" / "actors.yaml").write_text("{}\n")
    (project / "content" / "tags.yaml").write_text("{}\n")
    shutil.rmtree(project / "content" / "briefings" / SEED_SLUG)
    text = scaffold_seed(project).read_text(encoding="utf-8")
    suggested = set(re.findall(r'^#   "([^"]+)":', text, re.M))
    for name in ("Fumio Kishida", "Jens Stoltenberg", "Yoshimasa Hayashi", "NATO", "Jepang",
                 "Rusia", "Cina", "Nikkei Asia", "Kyodo"):  # fmt: skip
        assert name in suggested
    # A region and the first half of one pasted as "Indo - Pasifik" are not actors.
    assert not suggested & {"Indo", "Asia-Pasifik", "Indo-Pasifik"}


def test_scaffold_is_accepted_only_after_review(project: Path) -> None:
    path = scaffold_seed(project)
    first = run_cli(project, "check")
    assert first.returncode == 1
    assert (
        "content/briefings/seed/briefing.yaml:9:3: summary.id: is empty; write the text"
        in first.stderr
    )
    # A reviewer writes the texts and deletes the markers.
    text = path.read_text(encoding="utf-8")
    text = re.sub(r'(\w\w): ""', r'\1: "Teks yang ditulis editor."', text)
    reviewed = re.sub(r"  # REVIEW.*", "", text)
    path.write_text(reviewed, encoding="utf-8")
    still_marked = run_cli(project, "check", "--strict")
    assert still_marked.returncode == 0, still_marked.stderr


def test_new_never_overwrites_an_existing_folder(project: Path) -> None:
    require_seed()
    before = (project / BRIEFING).read_bytes()
    result = run_cli(project, "new", SEED_SLUG, "--from", str(SEED))
    assert result.returncode == 1
    assert "already exists; nothing was changed" in result.stderr
    assert (project / BRIEFING).read_bytes() == before


def test_new_refuses_the_slug_of_the_briefings_list(project: Path) -> None:
    require_seed()
    result = run_cli(project, "new", "index", "--from", str(SEED))
    assert result.returncode == 1
    assert "'index' is reserved" in result.stderr
    assert not (project / "content" / "briefings" / "index").exists()


def test_review_marker_is_a_warning_with_its_line(project: Path) -> None:
    path = project / BRIEFING
    text = path.read_text(encoding="utf-8").replace(
        "published: 2023-06-02", "published: 2023-06-02  # REVIEW"
    )
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("published: 2023-06-02  # REVIEW") + 1
    result = run_cli(project, "check")
    assert result.returncode == 0
    assert (
        f"{BRIEFING}:{line}:24: warning: a value filled in by `briefings new` is not yet reviewed"
        in result.stderr
    )
    assert run_cli(project, "check", "--strict").returncode == 1


def test_article_mentions_missing_from_the_briefing_are_warnings(project: Path) -> None:
    add_seed_article(project)
    path = project / BRIEFING
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"  - actor: kyodo\n    role:\n(?:      .*\n)+", "", text, count=1)
    text = re.sub(r"  - date: 2022-06\n(?:    .*\n|      .*\n)+?(?=  - date)", "", text, count=1)
    path.write_text(text, encoding="utf-8")
    result = run_cli(project, "check")
    article = f"content/briefings/{SEED_SLUG}/article.id.txt"
    lines = SEED.read_text(encoding="utf-8").splitlines()
    kyodo = next(i for i, ln in enumerate(lines, 1) if "Kyodo" in ln)
    summer = next(i for i, ln in enumerate(lines, 1) if "Musim panas lalu" in ln)
    assert (
        f"{article}:{kyodo}: warning: actors: the article names 'Kyodo' (actor 'kyodo' in "
        f"content/actors.yaml), but {BRIEFING} does not list it"
    ) in result.stderr
    assert (
        f"{article}:{summer}: warning: timeline: the article mentions 'Musim panas lalu' (2022-06)"
    ) in result.stderr


# Articles of the project's own, with an incidental mention and an agency's alias.
INCIDENTAL = """Jepang dan NATO sepakat memperdalam kerja sama keamanan.

Nilai kerja sama itu ditaksir mencapai miliaran dolar AS.
"""
UNITED_STATES = """
united-states:
  type: country
  name: {id: Amerika Serikat, en: United States}
  aliases: [AS, Amerika Serikat, United States]
"""


def use_article(project: Path, text: str) -> Path:
    """The shipped briefing with ``text`` as its article."""
    folder = project / "content" / "briefings" / SEED_SLUG
    (folder / "article.id.txt").write_text(text, encoding="utf-8")
    path = folder / "briefing.yaml"
    briefing = path.read_text(encoding="utf-8")
    path.write_text(briefing.replace("article:\n", "article:\n  file: article.id.txt\n", 1))
    return path


def test_an_incidental_mention_is_silenced_by_naming_it_in_mentions_ignore(
    project: Path,
) -> None:
    path = use_article(project, INCIDENTAL)
    with (project / "content" / "actors.yaml").open("a", encoding="utf-8") as out:
        out.write(UNITED_STATES)
    folder = f"content/briefings/{SEED_SLUG}"
    warned = run_cli(project, "check", "--strict", folder)
    assert warned.returncode == 1
    assert (
        f"{folder}/article.id.txt:3: warning: actors: the article names 'AS' (actor "
        f"'united-states' in content/actors.yaml), but {BRIEFING} does not list it: add it to "
        "actors:, or, if the article mentions it only in passing, to "
        "mentions: {ignore: [united-states]}"
    ) in warned.stderr
    # The warning's own words, pasted into the briefing, silence it.
    path.write_text(
        path.read_text(encoding="utf-8") + "mentions: {ignore: [united-states]}\n",
        encoding="utf-8",
    )
    silenced = run_cli(project, "check", "--strict", folder, real=True)
    assert silenced.returncode == 0, silenced.stderr
    assert "united-states" not in silenced.stderr


def test_a_registry_alias_is_always_found_as_its_actor(project: Path) -> None:
    """ "Bakamla" is the registry's: check names its actor, and a scaffold lists the actor
    and suggests neither the alias nor the actor's own name as a new one."""
    with (project / "content" / "actors.yaml").open("a", encoding="utf-8") as out:
        out.write(
            "\nbakamla:\n  type: organization\n"
            "  name: {id: Badan Keamanan Laut, en: Indonesian Maritime Security Agency}\n"
            "  aliases: [Bakamla]\n"
        )
    article = (
        "Jakarta - Kapal Bakamla mengusir kapal asing. Badan Keamanan Laut menyebut "
        "patroli itu rutin, kata Kepala Bakamla Laksamana Madya Aan Kurnia.\n"
    )
    use_article(project, article)
    check = run_cli(project, "check", f"content/briefings/{SEED_SLUG}")
    assert "the article names 'Bakamla' (actor 'bakamla' in content/actors.yaml)" in check.stderr
    source = project / "bakamla.id.txt"
    source.write_text(article, encoding="utf-8")
    assert run_cli(project, "new", "bakamla-patrol", "--from", str(source)).returncode == 0
    text = (project / "content/briefings/bakamla-patrol/briefing.yaml").read_text("utf-8")
    assert '  - actor: bakamla  # REVIEW: named as "Bakamla"' in text
    suggested = re.findall(r'^#   "([^"]+)":', text, re.M)
    assert suggested, text
    assert not [s for s in suggested if "Bakamla" in s or "Badan Keamanan" in s], suggested


def test_unused_actor_and_tag_are_warnings_at_their_registry_line(project: Path) -> None:
    with (project / "content" / "actors.yaml").open("a") as out:
        out.write("\nnobody:\n  type: person\n  name: {id: Siapa, en: Nobody}\n")
    with (project / "content" / "tags.yaml").open("a") as out:
        out.write("unused: {id: Tak terpakai, en: Unused}\n")
    actor_line = (project / "content" / "actors.yaml").read_text().splitlines().index("nobody:") + 1
    tag_line = len((project / "content" / "tags.yaml").read_text().splitlines())
    result = run_cli(project, "check")
    assert (
        f"content/actors.yaml:{actor_line}: warning: nobody: not used by any briefing"
        in result.stderr
    )
    assert (
        f"content/tags.yaml:{tag_line}: warning: unused: not used by any briefing" in result.stderr
    )


def test_check_can_report_on_given_paths_only(project: Path) -> None:
    with (project / "content" / "tags.yaml").open("a") as out:
        out.write("unused: {id: Tak terpakai, en: Unused}\n")
    only_briefing = run_cli(project, "check", "--strict", str(project / BRIEFING))
    assert only_briefing.returncode == 0
    assert "unused" not in only_briefing.stderr


def test_status_lists_missing_translations(project: Path) -> None:
    replace(
        project,
        "    en: A liaison office in Tokyo would be NATO's first in Asia, meant to ease consultations with partners such as Australia, New Zealand and South Korea.\n",
        "",
    )
    result = run_cli(project, "status")
    assert result.returncode == 0
    assert f"{SEED_SLUG}  en: 25/26 texts; missing: key_points[0]" in result.stdout
    assert f"{SEED_SLUG}  id: 26/26 texts; complete" in result.stdout

    # The status page of each language lists what is left to translate into it.
    assert run_cli(project, "render", "--out", "out").returncode == 0
    english = (project / "out" / "en" / "docs" / "contribute" / "status.md").read_text(
        encoding="utf-8"
    )
    # (the field escaped for Markdown, which would read "[0]" as a link)
    assert f"](../briefings/{SEED_SLUG}.md) | 25/26 | key&#95;points&#91;0&#93; |" in english
    assert "Briefings fully translated: 0 of 1." in english
    indonesian = (project / "out" / "id" / "docs" / "contribute" / "status.md").read_text(
        encoding="utf-8"
    )
    assert SEED_SLUG not in indonesian
    assert "Briefing yang sudah diterjemahkan seluruhnya: 1 dari 1." in indonesian


# An article of the project's own, for drafts: no dependency on the seed.
DRAFT_ARTICLE = """Jakarta - Para menteri luar negeri ASEAN bertemu di Jakarta pada Selasa (11/7/2023).

Menteri Luar Negeri Retno Marsudi membuka pertemuan itu dan menyerukan kerja sama kawasan.
"""


def start_draft(project: Path, slug: str) -> Path:
    """A briefing as `briefings new` leaves it: unfinished, with errors until written."""
    article = project / f"{slug}.id.txt"
    article.write_text(DRAFT_ARTICLE, encoding="utf-8")
    result = run_cli(project, "new", slug, "--from", str(article))
    assert result.returncode == 0, result.stderr
    return project / "content" / "briefings" / slug


def test_new_scaffolds_beside_an_unfinished_draft(project: Path) -> None:
    start_draft(project, "first-draft")
    assert run_cli(project, "check").returncode == 1  # the draft is not finished
    second = start_draft(project, "second-draft")
    assert (second / "briefing.yaml").is_file()


def test_new_refuses_when_a_registry_is_broken_and_says_where_once(project: Path) -> None:
    with (project / "content" / "actors.yaml").open("a", encoding="utf-8") as out:
        out.write("broken: [\n")
    article = project / "a.id.txt"
    article.write_text(DRAFT_ARTICLE, encoding="utf-8")
    result = run_cli(project, "new", "a-draft", "--from", str(article))
    assert result.returncode == 1
    assert result.stderr.count("content/actors.yaml:") == 1, result.stderr
    assert "fix the registries first" in result.stderr
    assert not (project / "content" / "briefings" / "a-draft").exists()


def test_status_reports_coverage_beside_an_unreadable_draft(project: Path) -> None:
    start_draft(project, "a-draft")
    result = run_cli(project, "status")
    assert result.returncode == 0, result.stderr
    assert f"{SEED_SLUG}  en: 26/26 texts; complete" in result.stdout
    draft = "content/briefings/a-draft/briefing.yaml"
    assert re.search(rf"^a-draft  not readable yet: {draft}:\d+:\d+: ", result.stdout, re.M)
    assert run_cli(project, "status", "--strict").returncode == 1


def test_check_of_given_paths_is_not_held_up_by_other_drafts(project: Path) -> None:
    start_draft(project, "a-draft")
    finished = run_cli(project, "check", "--strict", f"content/briefings/{SEED_SLUG}")
    assert finished.returncode == 0, finished.stderr
    assert "a-draft" not in finished.stderr
    assert "1 briefing checked: OK" in finished.stderr
    draft = run_cli(project, "check", "content/briefings/a-draft")
    assert draft.returncode == 1
    assert "content/briefings/a-draft/briefing.yaml:" in draft.stderr
    assert SEED_SLUG not in draft.stderr
    assert "1 briefing checked: with errors" in draft.stderr


def test_pull_requests_get_a_summary_of_their_briefings_and_the_site(project: Path) -> None:
    """The CI workflow's summary step, run as GitHub would on a pull request that adds a
    briefing whose title is an attack: the summary names it, escaped, with its check."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text())
    steps = workflow["jobs"]["test"]["steps"]
    upload = next(s for s in steps if str(s.get("uses", "")).startswith("actions/upload-artifact"))
    assert upload["with"]["path"] == "site"
    assert any(s.get("run") == "make site" for s in steps)

    def add_briefing() -> None:
        added = project / "content" / "briefings" / "added-briefing"
        added.mkdir()
        text = (project / BRIEFING).read_text(encoding="utf-8")
        hostile = text.replace(
            "  en: A NATO liaison office in Tokyo",
            "  en: <img src=x onerror=alert(1)> | A NATO liaison office in Tokyo",
            1,
        )
        (added / "briefing.yaml").write_text(hostile, encoding="utf-8")

    result, report = pull_request_summary(project, add_briefing)
    assert result.returncode == 0, result.stderr
    assert "| `added-briefing` |" in report
    assert SEED_SLUG not in report  # unchanged by the pull request
    assert (
        "<img" not in report
        and "&lt;img src&#61;x onerror&#61;alert&#40;1&#41;&gt; &#124; A NATO" in report
    )
    assert re.search(r"\| `added-briefing` \| .* \| (OK|0 errors, \d+ warnings?) \|", report)


@pytest.mark.slow
def test_pull_requests_list_the_pages_they_add_change_and_remove(project: Path) -> None:
    """The workflow's steps, run on a pull request that adds a briefing (with a hostile
    title), edits one and removes another: both sites are built for real and compared,
    and the summary, rendered as GitHub renders Markdown, lists each page once, linked."""
    briefings = project / "content" / "briefings"
    shutil.copytree(briefings / SEED_SLUG, briefings / "old-office")
    link = "https://github.com/owner/repo/actions/runs/1/artifacts/2"

    def change() -> None:
        shutil.rmtree(briefings / "old-office")
        shutil.copytree(briefings / SEED_SLUG, briefings / "new-office")
        added = briefings / "new-office" / "briefing.yaml"
        added.write_text(
            added.read_text(encoding="utf-8").replace(
                "  en: A NATO liaison office in Tokyo",
                "  en: <img src=x onerror=alert(1)> [x](javascript:alert(1)) | A NATO office in Tokyo",
                1,
            ),
            encoding="utf-8",
        )
        edited = briefings / SEED_SLUG / "briefing.yaml"
        text = edited.read_text(encoding="utf-8")
        summary = re.search(r"^summary:\n(?:  .*\n)*?  en: (\S+)", text, re.M)
        assert summary is not None
        edited.write_text(text.replace(summary.group(1), "Edited, " + summary.group(1), 1))

    result, report = pull_request_summary(project, change, {"SITE_LINK": link}, sites=True)
    assert result.returncode == 0, result.stderr
    page = cmarkgfm.github_flavored_markdown_to_html(report)
    rows = re.findall(
        r"<tr>\s*<td>(\w+)</td>\s*<td>(.*?)</td>\s*<td>(.*?)</td>\s*</tr>", page, re.S
    )
    listed = {(kind, path) for kind, _, path in rows}
    for lang in ("en", "id"):
        for page_of in ("", "timeline/"):  # a briefing's page and its timeline's
            assert ("added", f"{lang}/briefings/new-office/{page_of}index.html") in listed, page
            assert ("removed", f"{lang}/briefings/old-office/{page_of}index.html") in listed, page
        assert not any("about/" in path for _, path in listed)  # unchanged pages are not
    assert ("changed", f"en/briefings/{SEED_SLUG}/index.html") in listed
    assert len(listed) == len(rows)  # each page once
    cells = {path: shown for _, shown, path in rows}
    assert cells["en/briefings/new-office/index.html"] == (
        f'<a href="{link}">&lt;img src=x onerror=alert(1)&gt; [x](javascript:alert(1)) | '
        "A NATO office in Tokyo brings Japan closer, not into the alliance</a>"
    )
    assert "<img" not in page and 'href="javascript' not in page
    assert not cells["en/briefings/old-office/index.html"].startswith("<a")
    assert re.search(r"<h4>en: 2 added, \d+ changed, 2 removed</h4>", page), page

    plain = run_cli(project, "compare", "base-site", "site", real=True)
    assert plain.returncode == 0, plain.stderr
    assert "added: en/briefings/new-office/index.html: <img src=x" in plain.stdout
    assert "removed: id/briefings/old-office/index.html:" in plain.stdout
    refused = run_cli(
        project, "compare", "base-site", "site", "--markdown", "--link", "javascript:alert(1)"
    )
    assert refused.returncode == 2
    assert "is not a plain https:// address" in refused.stderr
