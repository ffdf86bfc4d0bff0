"""Hostile files under content/: each refused with the exact file, line and message."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli, run_mkdocs
from content_edits import BRIEFING, FOLDER, errors_of, line_of, replace

from generator.strict_yaml import parse


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
        ("HTTPS://example.org/", "write the scheme in lowercase (https:)"),
        ("Http://example.org/", "write the scheme in lowercase (http:)"),
        ("https://user:secret@example.org/", "has a user name or password before its host"),
        ("https://example.org@evil.example/", "has a user name or password before its host"),
        ("https://", "has no host"),
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


# -- ids that would take the place of a list page -----------------------------------------

ACTORS = "content/actors.yaml"
TAGS = "content/tags.yaml"


def test_an_actor_id_of_index_is_reserved(project: Path) -> None:
    with (project / ACTORS).open("a", encoding="utf-8") as out:
        out.write("index:\n  type: other\n  name: {id: Indeks, en: Index}\n")
    line = line_of(project, "index:", ACTORS)
    assert (
        f"{ACTORS}:{line}:1: index: 'index' is reserved: actors/index.md lists them all; "
        "choose another id" in errors_of(project)
    )


def test_a_topic_id_of_index_is_reserved(project: Path) -> None:
    with (project / TAGS).open("a", encoding="utf-8") as out:
        out.write("index: {id: Indeks, en: Index}\n")
    line = line_of(project, "index:", TAGS)
    assert f"{TAGS}:{line}:1: index: 'index' is reserved: tags/index.md" in errors_of(project)


def test_a_reserved_id_named_by_a_briefing_is_reported_once(project: Path) -> None:
    with (project / TAGS).open("a", encoding="utf-8") as out:
        out.write("index: {id: Indeks, en: Index}\n")
    replace(project, "tags: [nato,", "tags: [index, nato,")
    errors = errors_of(project)
    assert "'index' is reserved" in errors
    assert "unknown tag 'index'" not in errors


def test_a_reserved_actor_named_in_a_timeline_is_reported_once(project: Path) -> None:
    with (project / ACTORS).open("a", encoding="utf-8") as out:
        out.write("index:\n  type: other\n  name: {id: Indeks, en: Index}\n")
    replace(project, "  - actor: fumio-kishida", "  - actor: index\n  - actor: fumio-kishida")
    errors = errors_of(project)
    assert errors.count("'index'") == 1, errors


def test_a_reserved_id_leaves_the_list_pages_to_the_lists(project: Path) -> None:
    # The reserved name is refused before anything is written: the lists keep their place.
    with (project / ACTORS).open("a", encoding="utf-8") as out:
        out.write("index:\n  type: other\n  name: {id: Indeks, en: Index}\n")
    result = run_cli(project, "render", "--out", str(project / "out"))
    assert result.returncode == 1
    assert not (project / "out").exists()


# -- refusals that point at the right line and say what is wrong ---------------------------


def test_a_c1_control_character_is_named_at_its_line_and_column(project: Path) -> None:
    # A Windows-1252 dash read as Latin-1: U+0096, deep in the file.
    replace(project, "author: Mai Nguyen", "author: Mai\u0096Nguyen")
    line = line_of(project, "author: Mai")
    assert (
        f"{BRIEFING}:{line}:14: the control character U+0096 cannot be read; it is probably "
        "'\u2013' garbled by a copy and paste: retype it" in errors_of(project)
    )


def test_a_next_line_character_is_named_as_a_garbled_ellipsis(project: Path) -> None:
    replace(project, "author: Mai Nguyen", "author: Mai Nguyen\u0085")
    line = line_of(project, "author: Mai")
    assert f"{BRIEFING}:{line}:21: the control character U+0085" in errors_of(project)
    assert "probably '…'" in errors_of(project)


def test_a_control_character_in_a_registry_is_named_without_libyamls_offset(project: Path) -> None:
    replace(project, "  name: {id: Jepang", "  name: {id: Jep\u0007ang", TAGS)
    errors = errors_of(project)
    line = line_of(project, "name: {id: Jep", TAGS)
    assert f"{TAGS}:{line}:17: the control character U+0007" in errors
    assert "position" not in errors


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("  author: Mai Nguyen", "\tauthor: Mai Nguyen"),
        ("  language: id\n", "  language: id\n\t\n  publisher: X\n"),
        ("  en: A NATO liaison office", "\ten: A NATO liaison office"),
    ],
)
def test_tabs_used_for_indentation_are_called_tabs(project: Path, old: str, new: str) -> None:
    replace(project, old, new)
    line = next(
        i
        for i, text in enumerate((project / BRIEFING).read_text().splitlines(), 1)
        if text.startswith("\t")
    )
    assert (
        f"{BRIEFING}:{line}:1: a tab is used for indentation; YAML indents with spaces only"
        in errors_of(project)
    )


def test_a_registry_that_cannot_be_read_is_reported_once(project: Path) -> None:
    (project / ACTORS).write_text("nato: [\n", encoding="utf-8")
    errors = [line for line in errors_of(project).splitlines() if "warning:" not in line]
    assert len(errors) == 1, errors
    assert errors[0].startswith(f"{ACTORS}:")
    assert "unknown actor" not in "\n".join(errors)


@pytest.mark.parametrize(
    ("where", "old", "new", "named"),
    [
        (BRIEFING, "  - actor: fumio-kishida", "  - actor: fumio-kishid\u0430", "U+0430 CYRILLIC"),
        (BRIEFING, "tags: [nato,", "tags: [n\u0430to,", "U+0430 CYRILLIC SMALL LETTER A"),
        (ACTORS, "\nnato:\n", "\nn\u0430to2:\n", "U+0430 CYRILLIC SMALL LETTER A"),
        (TAGS, "\njapan:\n", "\njap\u0251n:\n", "U+0251 LATIN SMALL LETTER ALPHA"),
        (BRIEFING, "  - actor: fumio-kishida", "  - actor: Fumio-kishida", "write it in lowercase"),
    ],
)
def test_a_look_alike_letter_in_an_id_is_named(
    project: Path, where: str, old: str, new: str, named: str
) -> None:
    replace(project, old, new, where)
    errors = errors_of(project)
    assert "is not a-z, 0-9 or '-'" in errors
    assert named in errors


# -- invisible and misleading text ---------------------------------------------------------

INVISIBLE_ONLY = ["\u200b\u200b", "\u3164", "\u2060\u200d", "\u2800 \u2800", "\u034f"]


@pytest.mark.parametrize("blank", INVISIBLE_ONLY)
def test_a_title_of_invisible_characters_is_empty(project: Path, blank: str) -> None:
    replace(
        project,
        "  en: A NATO liaison office in Tokyo brings Japan closer, not into the alliance",
        f'  en: "{blank}"',
    )
    assert "title.en: is empty to a reader: it holds only invisible characters" in errors_of(
        project
    )


def test_an_actor_name_of_invisible_characters_is_empty(project: Path) -> None:
    replace(project, "name: {id: NATO, en: NATO}", 'name: {id: NATO, en: "\u200b"}', ACTORS)
    assert "nato.name.en: is empty to a reader" in errors_of(project)


def test_a_summary_of_invisible_characters_is_empty(project: Path) -> None:
    text = (project / BRIEFING).read_text(encoding="utf-8")
    start = text.index("  en: >-\n    NATO and Japan")
    end = text.index("published:")
    (project / BRIEFING).write_text(text[:start] + '  en: "\u200b\u2063"\n' + text[end:])
    assert "summary.en: is empty to a reader" in errors_of(project)


@pytest.mark.parametrize(
    ("where", "old", "new", "field"),
    [
        (BRIEFING, "  en: A NATO liaison", "  en: A \u202eNATO liaison", "title.en"),
        (
            ACTORS,
            "name: {id: NATO, en: NATO}",
            'name: {id: NATO, en: "NA\u202dTO"}',
            "nato.name.en",
        ),
        (
            TAGS,
            "  name: {id: Jepang, en: Japan}",
            '  name: {id: Jepang, en: "Ja\u2067pan"}',
            "japan.name.en",
        ),
        (BRIEFING, "  author: Mai Nguyen", '  author: "Mai \u200fNguyen"', "article.author"),
        (ACTORS, "aliases: [NATO,", 'aliases: ["NA\u2066TO",', "nato.aliases[0]"),
    ],
)
def test_bidirectional_controls_are_refused_in_one_line_fields(
    project: Path, where: str, old: str, new: str, field: str
) -> None:
    replace(project, old, new, where)
    errors = errors_of(project)
    assert f"{field}: contains the bidirectional control" in errors or (
        f"{field}: contains the invisible character" in errors
    )


def test_bidirectional_marks_stay_allowed_in_paragraphs(project: Path) -> None:
    # A right-to-left quotation inside a summary may need a mark to show in order.
    replace(
        project, "    NATO and Japan are discussing", "    NATO and Japan (\u200f) are discussing"
    )
    result = run_cli(project, "check")
    assert result.returncode == 0, result.stderr


# -- what `briefings new` writes, `briefings check` reads -----------------------------------

GARBLED = {
    "Windows-1252 read as Latin-1": (
        "Jepang\x92s \x93kantor\x94 NATO \x96 Tokyo\n\nPada 2 Juni 2023 NATO dan Jepang\x85\n",
        "Jepang\u2019s \u201ckantor\u201d NATO \u2013 Tokyo",
    ),
    "UTF-8 read as Windows-1252": (
        "Itâ€™s NATOâ€™s â€œofficeâ€\x9d\n\nNATO dan Jepang bertemu pada Juni 2023.\n",
        "It\u2019s NATO\u2019s \u201coffice\u201d",
    ),
    "control characters in the title": (
        "Kantor\x07 NATO\x1b di Tokyo\n\nIsi.\n",
        "Kantor NATO di Tokyo",
    ),
    "line separators in a sentence": (
        "Judul\n\nKalimat pertama.\u2028title: pwned\u2029 Lalu NATO bertemu Jepang.\n",
        "Judul",
    ),
    "garbled caption and byline": (
        "Judul\n\nIsi artikel.\nSuasana rapat \x96 Foto: Kantor\x92s\nMAI\x85 NGUYEN\n",
        "Judul",
    ),
    "quotes, backslashes and a hash": (
        'Judul \\"kutipan\\" #bukan komentar: ya\n\nIsi.\n',
        'Judul \\"kutipan\\" #bukan komentar: ya',
    ),
}


@pytest.mark.parametrize(("pasted", "title"), GARBLED.values(), ids=GARBLED.keys())
def test_what_new_writes_check_reads(project: Path, pasted: str, title: str) -> None:
    source = project / "pasted.id.txt"
    source.write_bytes(pasted.encode("utf-8"))
    result = run_cli(project, "new", "garbled", "--from", str(source))
    assert result.returncode == 0, result.stderr
    written = project / "content" / "briefings" / "garbled" / "briefing.yaml"
    check = run_cli(project, "check", str(written.parent))
    problems = [line for line in check.stderr.splitlines() if "garbled/briefing.yaml" in line]
    # Only what a person must still write: empty texts, and the lists a machine left empty.
    allowed = ("is empty", "needs at least one entry", "# REVIEW")
    assert all(any(a in line for a in allowed) for line in problems), problems
    data = parse(written.read_bytes()).data  # the project's own strict reader
    assert data["title"]["id"] == title
    assert "pwned" not in str(data)


# -- images: what the bytes are, not what the name says ------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [("date", "9999-12-31"), ("date", "9999"), ("date", "9999-12"), ("end", "9999-12")],
)
def test_a_year_the_outputs_cannot_count_past_is_refused_by_check(
    project: Path, field: str, value: str
) -> None:
    old = "  - date: 2023-07-11\n    end: 2023-07-12\n"
    replace(
        project,
        old,
        f"  - date: 2023-07\n    end: {value}\n" if field == "end" else f"  - date: {value}\n",
    )
    line = line_of(project, f"{field}: {value}")
    errors = errors_of(project)
    where = f"{BRIEFING}:{line}:5: timeline[4].{field}: "
    assert f"{where}'{value}': the site accepts years from 0001 to 2999" in errors


@pytest.mark.slow  # builds the whole site
@pytest.mark.parametrize(
    "epoch", ["abc", "-5", "1.5", "4294967296", "9" * 5000, "0" * 5000 + "1", "\uff11\uff12\uff13"]
)
def test_a_source_date_epoch_the_build_cannot_write_is_refused_in_one_line(
    project: Path, epoch: str
) -> None:
    result = run_mkdocs(project, "build", "--strict", timeout=300, env={"SOURCE_DATE_EPOCH": epoch})
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    (line,) = [line for line in result.stderr.splitlines() if "SOURCE_DATE_EPOCH" in line]
    assert "give the build time as whole seconds since 1970-01-01 UTC" in line
    assert "mkdocs.yml" not in line
    assert len(line) < 200  # the value is shortened, not echoed whole
    assert not (project / "site").exists()
    for command in ("check", "status"):
        said = run_cli(project, command, env={"SOURCE_DATE_EPOCH": epoch})
        assert said.returncode == 2
        assert "Traceback" not in said.stderr
        assert "SOURCE_DATE_EPOCH=" in said.stderr and len(said.stderr) < 300


@pytest.mark.slow  # builds the whole site
def test_the_last_second_a_build_can_write_is_accepted(project: Path) -> None:
    result = run_mkdocs(
        project, "build", "--strict", timeout=300, env={"SOURCE_DATE_EPOCH": "4294967295"}
    )
    assert result.returncode == 0, result.stderr
    assert (project / "site" / "en" / "sitemap.xml.gz").is_file()
