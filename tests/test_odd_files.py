"""Files that are not what they seem (folders, pipes, devices, names too long for the disk)
give a content error naming the file, never a traceback or a stalled run."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

import pytest
from conftest import SEED_SLUG, examples, run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import Settings
from generator.errors import ContentError
from generator.load import load_corpus

FOLDER = f"content/briefings/{SEED_SLUG}"


def check_stderr(project: Path) -> str:
    result = run_cli(project, "check", timeout=60)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr


def use_article(project: Path) -> Path:
    yaml_file = project / FOLDER / "briefing.yaml"
    text = yaml_file.read_text(encoding="utf-8")
    yaml_file.write_text(text.replace("article:\n", "article:\n  file: article.id.txt\n", 1))
    return project / FOLDER / "article.id.txt"


def test_a_registry_that_is_a_folder_is_named(project: Path) -> None:
    (project / "content" / "tags.yaml").unlink()
    (project / "content" / "tags.yaml").mkdir()
    assert "content/tags.yaml: is a folder; it must be a plain file" in check_stderr(project)


def test_an_article_that_is_a_named_pipe_is_named_not_read(project: Path) -> None:
    os.mkfifo(use_article(project))  # reading it would wait for a writer forever
    assert f"{FOLDER}/article.id.txt: is a named pipe; it must be a plain file" in check_stderr(
        project
    )


def test_an_article_that_is_a_folder_is_named(project: Path) -> None:
    use_article(project).mkdir()
    assert f"{FOLDER}/article.id.txt: is a folder; it must be a plain file" in check_stderr(project)


def test_a_briefing_file_that_is_a_folder_is_named(project: Path) -> None:
    (project / FOLDER / "briefing.yaml").unlink()
    (project / FOLDER / "briefing.yaml").mkdir()
    assert f"{FOLDER}/briefing.yaml: is a folder; it must be a plain file" in check_stderr(project)


def test_an_article_that_is_a_device_is_named(project: Path) -> None:
    try:
        os.mknod(use_article(project), stat.S_IFCHR | 0o600, os.makedev(1, 3))  # like /dev/null
    except PermissionError:
        pytest.skip("this machine does not let the tests make a device node (mknod)")
    assert f"{FOLDER}/article.id.txt: is a device; it must be a plain file" in check_stderr(project)


def test_a_slug_too_long_for_its_output_files_is_refused_by_check(project: Path) -> None:
    # briefings/<slug>.md and data/timelines/<slug>.json must fit the file system's 255 bytes.
    slug = "a" * 251
    (project / "content" / "briefings" / slug).mkdir()
    stderr = check_stderr(project)
    assert f"content/briefings/{slug}: folder name 'aaaa" in stderr
    assert "is not a valid slug: it is 251 characters long; the limit is 80" in stderr


def test_a_registry_id_too_long_for_its_page_is_refused_by_check(project: Path) -> None:
    with (project / "content" / "tags.yaml").open("a", encoding="utf-8") as tags:
        tags.write(f"{'t' * 252}: {{id: Panjang, en: Long}}\n")
    assert "is not a valid id: it is 252 characters long; the limit is 80" in check_stderr(project)


def test_an_output_folder_that_cannot_be_written_is_a_sentence(project: Path) -> None:
    (project / "out").write_text("a file where the output folder should be\n")
    result = run_cli(project, "render", "--out", str(project / "out"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "briefings: cannot read or write" in result.stderr


# -- random trees ------------------------------------------------------------------------

NAMES = st.one_of(
    st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True),
    st.text(st.characters(exclude_characters="/\x00", codec="utf-8"), min_size=1, max_size=30),
    st.integers(min_value=81, max_value=255).map(lambda n: "b" * n),
    st.sampled_from(["index", ".hidden", "-x", "x--y", "Caps", "\u0430-cyrillic", "x\u200by"]),
).filter(lambda name: name not in (".", "..") and len(name.encode()) <= 255)
KINDS = st.sampled_from(["file", "folder", "fifo", "missing", "valid"])
VALID = {
    "briefing.yaml": b"title: {id: J, en: T}\nsummary: {id: R, en: S}\npublished: 2024-01-02\n"
    b"article: {file: article.id.txt, language: id}\nkey_points: [{id: P, en: P}]\n"
    b"actors: [{actor: a}]\n",
    "actors.yaml": b"a: {type: person, name: {id: A, en: A}}\n",
    "tags.yaml": b"t: {id: T, en: T}\n",
    "article.id.txt": b"Paragraf satu.\nFoto: Kredit\n",
}


def make(path: Path, kind: str, data: bytes) -> None:
    if kind == "file":
        path.write_bytes(data)
    elif kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "valid":
        path.write_bytes(VALID.get(path.name, data))


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    registries=st.tuples(KINDS, KINDS),
    folders=st.lists(
        st.tuples(NAMES, KINDS, KINDS, st.binary(max_size=300)),
        max_size=4,
        unique_by=lambda f: f[0],
    ),
)
def test_random_file_trees_give_content_errors_only(
    registries: tuple[str, str], folders: list[tuple[str, str, str, bytes]]
) -> None:
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        briefings = root / "content" / "briefings"
        briefings.mkdir(parents=True)
        for name, kind in zip(("actors.yaml", "tags.yaml"), registries, strict=True):
            make(root / "content" / name, kind, b"x: [")
        for name, yaml_kind, article_kind, data in folders:
            folder = briefings / name
            folder.mkdir()
            make(folder / "briefing.yaml", yaml_kind, data)
            make(folder / "article.id.txt", article_kind, data)
        try:
            load_corpus(Settings(root=root))
        except ContentError as exc:
            assert exc.problems  # a content error names at least one problem
