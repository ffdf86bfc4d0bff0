"""The stages one by one: dates, articles, escaping, front matter, the public API."""

from __future__ import annotations

import os
import shutil
from html import unescape
from pathlib import Path, PurePosixPath

import markdown
import pytest
import yaml
from conftest import SEED_SLUG, add_outsider_briefing, copy_project, require_seed
from hypothesis import given
from hypothesis import strategies as st

import generator
import generator.load
import generator.write
from bench.corpus import write_corpus
from bench.project import make_project
from generator.article import parse_article
from generator.dates import FullDate, PartialDate, Precision
from generator.layout import page_url, pages_at
from generator.markup import escape_inline, escape_paragraphs, front_matter
from generator.parallel import can_fork, map_parts
from generator.pipeline import Caches
from generator.preview import Edit, edited_content
from generator.write import write_tree


@pytest.mark.parametrize(
    ("text", "lang", "shown"),
    [
        ("2023-01", "id", "Januari 2023"),
        ("2023-01", "en", "January 2023"),
        ("2023-07-11", "id", "11 Juli 2023"),
        ("2023-07-11", "en", "July 11, 2023"),
        ("2023", "id", "2023"),
    ],
)
def test_dates_are_shown_at_their_precision(text: str, lang: str, shown: str) -> None:
    assert PartialDate.parse(text).format(lang) == shown


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2023-02-30", "day 30 does not exist in that month"),
        ("2023-13", "month 13 does not exist"),
        ("23-01-01", "is not a date"),
        ("2023/01/01", "is not a date"),
        ("0000", "year 0000 does not exist"),
        ("9999", "the site accepts years from 0001 to 2999"),
        ("9999-12", "the site accepts years from 0001 to 2999"),
        ("3000-01-01", "the site accepts years from 0001 to 2999"),
    ],
)
def test_impossible_dates_are_refused(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        PartialDate.parse(text)


def test_partial_dates_sort_by_what_is_known() -> None:
    dates = [PartialDate.parse(t) for t in ("2023-07-11", "2023", "2023-07", "2022-12-31")]
    assert [d.iso() for d in sorted(dates)] == ["2022-12-31", "2023", "2023-07", "2023-07-11"]
    assert PartialDate.parse("2023-07").precision is Precision.MONTH
    with pytest.raises(ValueError, match="give the full date"):
        FullDate.parse("2023-07")


def test_seed_article_paragraphs_caption_and_byline() -> None:
    seed = require_seed()
    body = parse_article(seed, "id", markdown_source=False)
    assert body.byline == "Mai Nguyen"
    assert body.credit == "Nato.int"
    assert body.caption is not None
    assert body.caption.startswith("Sekretaris Jenderal NATO Jens Stoltenberg dan Perdana Menteri")
    assert body.caption.endswith("pada Januari 2023")
    assert len(body.paragraphs) == len([ln for ln in seed.splitlines() if ln.strip()]) - 2
    assert body.paragraphs[0].startswith("Meskipun ada tanda-tanda menghangatnya hubungan")
    assert "MAI NGUYEN" not in body.html


def test_article_refuses_file_including_syntax() -> None:
    with pytest.raises(ValueError, match="file-including syntax is not allowed") as caught:
        parse_article('Teks.\n\n--8<-- "/etc/passwd"\n', "id", markdown_source=True)
    assert caught.value.line == 3  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        "{: onclick=alert(1) }",
        "**bold** _em_ `code`",
        "# heading",
        "- item",
        "1. item",
        "> quote",
        "!!! note",
        "&amp; &lt;",
        "a | b | c",
        "\\*not em\\*",
    ],
)
def test_escaped_text_renders_as_the_literal_text(hostile: str) -> None:
    html = markdown.markdown(
        f"- {escape_inline(hostile)}",
        extensions=["attr_list", "md_in_html", "admonition", "tables", "fenced_code", "toc"],
    )
    assert html.startswith("<ul>\n<li>")
    inner = html.removeprefix("<ul>\n<li>").removesuffix("</li>\n</ul>")
    assert "<" not in inner.replace("&lt;", "")
    assert unescape(inner) == hostile


@pytest.mark.parametrize(
    "page", ["index.md", "about.md", "briefings/x.md", "briefings/index.md", "a/b/index.md"]
)
def test_every_page_served_at_a_url_is_found_from_it(page: str) -> None:
    # A hand-written page must not hide a generated one served at its URL (MkDocs keeps
    # one of a/b.md and a/b/index.md): the pipeline finds them all from the URL.
    url = page_url(PurePosixPath(page))
    assert PurePosixPath(page) in pages_at(url)
    assert all(page_url(other) == url for other in pages_at(url))


def test_paragraphs_stay_paragraphs() -> None:
    html = markdown.markdown(escape_paragraphs("one\n\n# two\n\n- three"))
    assert html == "<p>one</p>\n<p># two</p>\n<p>- three</p>".replace("#", "&#35;").replace(
        "- ", "&#45; "
    )


def test_front_matter_values_cannot_add_keys() -> None:
    text = front_matter({"title": "x\n---\ntemplate: evil.html\nhide: [navigation]"})
    assert text.startswith("---\n") and text.endswith("\n---\n")
    lines = text.splitlines()
    assert lines.count("---") == 2  # no line of the value can close the block
    parsed = yaml.safe_load(text.removeprefix("---\n").removesuffix("---\n"))
    assert list(parsed) == ["title"]


@given(st.text())
def test_front_matter_reads_back_exactly(text: str) -> None:
    # What MkDocs does with it: PyYAML's safe loader on the block's body.
    block = front_matter({"title": text, "description": "x"})
    assert yaml.safe_load(block.removeprefix("---\n").removesuffix("---\n")) == {
        "title": text,
        "description": "x",
    }


def test_public_api_generates_a_tree(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    settings = generator.Settings(root=project, languages=("id", "en"))
    corpus = generator.load_and_check(settings)
    assert [b.slug for b in corpus.briefings] == [SEED_SLUG]
    result = generator.generate(settings, out_dir=tmp_path / "out")
    assert result.pages > 0
    assert (tmp_path / "out" / "en" / "docs" / "timeline.md").is_file()
    # Nothing outside the output folder was written.
    assert not (project / "build").exists()
    shutil.rmtree(tmp_path / "out")


def test_languages_render_on_two_processes_as_they_do_in_one(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    add_outsider_briefing(project)
    generator.generate(generator.Settings(root=project, jobs=2), out_dir=tmp_path / "two")
    generator.generate(generator.Settings(root=project, jobs=1), out_dir=tmp_path / "one")
    trees = [
        {p.relative_to(root): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
        for root in (tmp_path / "two", tmp_path / "one")
    ]
    assert len(trees[0]) > 50 and trees[0] == trees[1]


def test_briefings_read_on_two_processes_as_they_do_in_one(tmp_path: Path) -> None:
    content = tmp_path / "content"
    count = generator.load.READ_IN_PARALLEL_FROM + 6
    write_corpus(content, count, actors=40, tags=5)
    two, one = (generator.Settings(root=tmp_path, jobs=jobs) for jobs in (2, 1))
    assert generator.load.load_corpus(two) == generator.load.load_corpus(one)
    # Mistakes in the first and last folders, which different processes read: the
    # same messages, in the same order.
    for slug in ("briefing-00000", f"briefing-{count - 1:05d}"):
        yaml_file = content / "briefings" / slug / "briefing.yaml"
        yaml_file.write_text(yaml_file.read_text().replace("title:", "titel:", 1))
    with pytest.raises(generator.ContentError) as on_two:
        generator.load.load_corpus(two)
    with pytest.raises(generator.ContentError) as on_one:
        generator.load.load_corpus(one)
    assert str(on_two.value) == str(on_one.value)
    assert str(on_two.value).count("titel") == 2


def test_parts_keep_their_order_and_failures_come_back_whole() -> None:
    if (os.cpu_count() or 1) > 1 and can_fork():
        pids = map_parts(lambda _: os.getpid(), [0, 1, 2, 3], jobs=2)
        assert os.getpid() not in pids and len(set(pids)) <= 2  # forked, two at most
    assert map_parts(str.upper, ["a", "b", "c"], jobs=2) == ["A", "B", "C"]
    problem = generator.Problem("content/x/briefing.yaml", 3, 5, "title", "missing")

    def refuse(item: str) -> str:
        if item == "b":
            raise generator.ContentError([problem])
        return item

    for jobs in (1, 2):
        with pytest.raises(generator.ContentError) as caught:
            map_parts(refuse, ["a", "b"], jobs=jobs)
        assert caught.value.problems == (problem,)
        assert "content/x/briefing.yaml:3:5" in str(caught.value)


def test_a_problem_in_one_languages_part_writes_nothing(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    (project / "docs" / "en" / "feeds").mkdir()
    (project / "docs" / "en" / "feeds" / "feed.xml").write_text("<rss/>\n")  # data part, en
    with pytest.raises(generator.ContentError, match=r"docs/en/feeds/feed\.xml"):
        generator.generate(generator.Settings(root=project, jobs=2), out_dir=tmp_path / "out")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("jobs", [1, 2], ids=["one process", "two processes"])
def test_writer_touches_only_what_changed_and_only_its_own_files(tmp_path: Path, jobs: int) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("kept: not written by the generator")
    many = {
        PurePosixPath(f"many/{i}.md"): b"x" for i in range(generator.write.WRITE_IN_PARALLEL_FROM)
    }
    files = {PurePosixPath("a/b/page.md"): b"one", PurePosixPath("c.md"): b"two", **many}
    first = write_tree(out, files, jobs)
    assert sorted(map(str, first.written))[:2] == ["a/b/page.md", "c.md"]
    assert len(first.written) == len(files)
    assert (out / "a" / "b" / "page.md").read_bytes() == b"one"
    assert not list(out.rglob("*.tmp"))  # no temporary file left behind
    stamp = (out / "c.md").stat().st_mtime_ns

    second = write_tree(out, {**files, PurePosixPath("a/b/page.md"): b"changed"}, jobs)
    assert second.written == (PurePosixPath("a/b/page.md"),)
    assert second.unchanged == len(files) - 1
    assert (out / "a" / "b" / "page.md").read_bytes() == b"changed"
    assert (out / "c.md").stat().st_mtime_ns == stamp  # unchanged bytes, file not rewritten

    third = write_tree(out, {PurePosixPath("c.md"): b"two"}, jobs)
    assert third.removed[0] == PurePosixPath("a/b/page.md") and len(third.removed) == 1 + len(many)
    assert not (out / "a").exists()  # emptied folders go too
    assert (out / "notes.txt").read_text() == "kept: not written by the generator"


@pytest.mark.long  # the module's longest
def test_a_rebuild_after_edits_equals_a_fresh_build(tmp_path: Path) -> None:
    # What serve does: generation again and again with the same caches, which localize
    # only the units an edit touches. After each kind of edit, the tree must be what a
    # fresh run makes of the same content.
    project = make_project(tmp_path, 30)
    settings = generator.Settings(root=project, jobs=1)
    caches = Caches()
    briefings = project / "content" / "briefings"

    def edit(rel: str, old: str, new: str) -> None:
        path = briefings.parent / rel
        text = path.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def add_copy() -> None:
        shutil.copytree(briefings / "briefing-00001", briefings / "briefing-09999")
        edit("briefings/briefing-09999/briefing.yaml", "published: 20", "published: 19")

    edits = [
        lambda: edit("briefings/briefing-00003/briefing.yaml", "title: {id: ", "title: {id: X "),
        lambda: edit(
            "briefings/briefing-00005/briefing.yaml",
            "- actor: actor-",
            "- actor: actor-0299\n  - actor: actor-",
        ),
        lambda: edit("briefings/briefing-00007/briefing.yaml", "tags: [", "tags: [tag-29, "),
        # An older date moves a briefing down the related lists that name it.
        lambda: edit("briefings/briefing-00011/briefing.yaml", "published: 20", "published: 18"),
        # A correction added, then edited: the briefing's page, the corrections page and
        # the corrections feeds change with it.
        lambda: edit(
            "briefings/briefing-00013/briefing.yaml",
            "published: ",
            "corrections:\n  - {date: 2024-12-31, text: {id: Dikoreksi, en: Corrected}}\n"
            "published: ",
        ),
        lambda: edit("briefings/briefing-00013/briefing.yaml", "en: Corrected", "en: Fixed"),
        lambda: shutil.rmtree(briefings / "briefing-00009"),
        add_copy,
        lambda: edit("actors.yaml", "name: {id: ", "name: {id: Renamed "),
        # Registry entries changed in place: a topic's name, an actor's type and an
        # actor's description.
        lambda: edit("tags.yaml", "tag-03: {id: ", "tag-03: {id: Renamed "),
        lambda: edit("actors.yaml", "type: country", "type: organization"),
        lambda: edit("actors.yaml", "description: {id: ", "description: {id: Described "),
    ]
    generator.generate(settings, out_dir=tmp_path / "served", cache=caches)
    for number, change in enumerate(edits):
        change()
        generator.generate(settings, out_dir=tmp_path / "served", cache=caches)
        generator.generate(settings, out_dir=tmp_path / f"fresh-{number}")
        trees = [
            {p.relative_to(root): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
            for root in (tmp_path / "served", tmp_path / f"fresh-{number}")
        ]
        assert trees[0] == trees[1], f"edit {number}"


def test_an_edited_briefing_is_generated_first_and_the_rest_follows(tmp_path: Path) -> None:
    # What serve --dirty does on a save in a briefing's folder: that briefing's pages
    # at once, then the whole run with the same caches.
    project = make_project(tmp_path, 30)
    settings = generator.Settings(root=project, jobs=1)
    caches = Caches()
    served = tmp_path / "served"
    assert generator.pipeline.generate_edited(settings, caches, ["briefing-00003"]) is None
    generator.generate(settings, out_dir=served, cache=caches)
    yaml_file = project / "content" / "briefings" / "briefing-00003" / "briefing.yaml"
    text = yaml_file.read_text(encoding="utf-8")
    edited = text.replace("title: {id: ", "title: {id: First ", 1).replace(
        ", en: ", ", en: First ", 1
    )
    yaml_file.write_text(edited, encoding="utf-8")

    first = generator.pipeline.generate_edited(settings, caches, ["briefing-00003"])

    assert first is not None
    assert sorted(map(str, first.written)) == [
        "en/docs/briefings/briefing-00003.md",
        "en/docs/briefings/briefing-00003/timeline.md",  # its title is there too
        "id/docs/briefings/briefing-00003.md",
        "id/docs/briefings/briefing-00003/timeline.md",
    ]
    assert "First " in (served / "id/docs/briefings/briefing-00003.md").read_text()
    assert "First " not in (served / "id/docs/briefings/index.md").read_text()  # later
    rest = generator.generate(settings, out_dir=served, cache=caches)
    assert not set(first.written) & set(rest.report.written)  # not written twice
    assert "First " in (served / "id/docs/briefings/index.md").read_text()
    generator.generate(settings, out_dir=tmp_path / "fresh")
    trees = [
        {p.relative_to(root): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
        for root in (served, tmp_path / "fresh")
    ]
    assert trees[0] == trees[1]


def test_a_briefing_new_or_with_a_mistake_is_not_generated_first(tmp_path: Path) -> None:
    project = make_project(tmp_path, 3)
    settings = generator.Settings(root=project, jobs=1)
    caches = Caches()
    generator.generate(settings, out_dir=tmp_path / "out", cache=caches)
    briefings = project / "content" / "briefings"
    shutil.copytree(briefings / "briefing-00001", briefings / "briefing-09999")
    yaml_file = briefings / "briefing-00002" / "briefing.yaml"
    text = yaml_file.read_text(encoding="utf-8")
    yaml_file.write_text(text.replace("- actor: actor-", "- actor: nobody-", 1), encoding="utf-8")

    for slug in ("briefing-09999", "briefing-00002", "briefing-00404"):
        assert generator.pipeline.generate_edited(settings, caches, [slug]) is None, slug


def test_an_edited_registry_generates_the_changed_actors_pages_first(tmp_path: Path) -> None:
    project = make_project(tmp_path, 30)
    settings = generator.Settings(root=project, jobs=1)
    caches = Caches()
    served = tmp_path / "served"
    generator.generate(settings, out_dir=served, cache=caches)
    registry = project / "content" / "actors.yaml"
    text = registry.read_text(encoding="utf-8")
    entry = text.index("actor-0007:")
    renamed = text[:entry] + text[entry:].replace("name: {id: ", "name: {id: Renamed ", 1)
    registry.write_text(renamed, encoding="utf-8")

    first = generator.pipeline.generate_edited(settings, caches, registries=True)

    assert first is not None
    assert {str(path) for path in first.written} == {"id/docs/actors/actor-0007.md"}
    rest = generator.generate(settings, out_dir=served, cache=caches)
    assert rest.report.written  # the briefings that name the actor, the lists
    generator.generate(settings, out_dir=tmp_path / "fresh")
    trees = [
        {p.relative_to(root): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
        for root in (served, tmp_path / "fresh")
    ]
    assert trees[0] == trees[1]
    # An actor added is a new page: the whole way.
    block = text[entry : text.index("\nactor-", entry) + 1]
    registry.write_text(renamed + block.replace("actor-0007:", "actor-new:"), encoding="utf-8")
    assert generator.load.load_corpus(settings).actors["actor-new"]  # a valid entry
    assert generator.pipeline.generate_edited(settings, caches, registries=True) is None


def test_a_save_is_a_content_edit_only_inside_briefing_folders_and_registries(
    tmp_path: Path,
) -> None:
    settings = generator.Settings(root=tmp_path)
    content, briefings = settings.content_dir, settings.briefings_dir

    def edit(*paths: Path) -> Edit | None:
        return edited_content(settings, paths)

    assert edit(briefings / "b" / "briefing.yaml", briefings / "b") == Edit(("b",), False)
    assert edit(briefings / "a" / "article.txt", content / "tags.yaml") == Edit(("a",), True)
    assert edit(content / "actors.yaml", content, content / ".actors.yaml.swp") == Edit((), True)
    assert edit(content / ".actors.yaml.swp") is None  # nothing that is read
    assert edit(briefings / "new") == Edit(("new",), False)  # generate_edited says no
    assert edit(briefings) is None  # a folder came or went
    assert edit(briefings / "b" / "images" / "x.png") is None
    assert edit(tmp_path / "templates" / "briefing.md.j2") is None
    assert edit() is None
