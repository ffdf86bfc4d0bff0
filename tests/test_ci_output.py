"""What `briefings` prints where CI reads it: the log (with GitHub's workflow commands)
and the pull request's job summary (GitHub's Markdown). Contributors name folders and
write keys; none of it may become a command, a terminal escape, markup or a link."""

from __future__ import annotations

import html
import json
import re
import subprocess
from pathlib import Path

import cmarkgfm
from cmarkgfm.cmark import Options
from conftest import examples, pull_request_summary, run_cli, run_mkdocs
from content_edits import BRIEFING
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.terminal import (
    annotation,
    command_data,
    command_property,
    log_line,
    summary_text,
    visible,
)

CI = {"GITHUB_ACTIONS": "true"}
# A misspelt key, in a YAML double-quoted scalar: a newline, then every way into the log.
HOSTILE_KEY = (
    "titel\n::error title=All checks passed::gotcha\n::stop-commands::token\r"
    "##[warning]old syntax\x1b[2J\x1b]8;;http://evil.example\x07link\x1b]8;;\x07"
    "\x85next\u2028line\u202eesrever\u2066"
)
HOSTILE_FOLDER = "bad\n::notice title=All checks passed::hi\x1b[31m ##[error]x"
# What GitHub's runner obeys (actions/runner, ActionCommand.TryParseV2 and TryParse).
COMMAND_V2 = re.compile(r"^\s*::")
COMMAND_V1 = "##["
ANNOTATION = re.compile(r"^::(error|warning) file=([^:,]*)(?:,line=(\d+))?(?:,col=(\d+))?::(.*)$")
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def unescape_property(text: str) -> str:
    """The runner's UnescapeProperty, in its order."""
    for token, code in (("\r", "%0D"), ("\n", "%0A"), (":", "%3A"), (",", "%2C"), ("%", "%25")):
        text = text.replace(code, token)
    return text


def unescape_data(text: str) -> str:
    for token, code in (("\r", "%0D"), ("\n", "%0A"), ("%", "%25")):
        text = text.replace(code, token)
    return text


def add_hostile_key(project: Path) -> None:
    with (project / BRIEFING).open("a", encoding="utf-8") as out:
        out.write(f"{json.dumps(HOSTILE_KEY)}: 1\n")  # a JSON string is YAML's "..." form


def add_hostile_folder(project: Path, name: str = HOSTILE_FOLDER) -> Path:
    folder = project / "content" / "briefings" / name
    folder.mkdir()
    (folder / "briefing.yaml").write_bytes((project / BRIEFING).read_bytes())
    return folder


def assert_log_is_inert(result: subprocess.CompletedProcess[str]) -> list[re.Match[str]]:
    """No workflow command but the command's own annotations, no control character:
    returns the annotations, each checked to parse."""
    annotations = []
    for stream in (result.stdout, result.stderr):
        assert not UNSAFE.search(stream), repr(UNSAFE.search(stream))
        assert COMMAND_V1 not in stream
        for line in stream.splitlines():
            if COMMAND_V2.match(line):
                found = ANNOTATION.match(line)
                assert found, f"a workflow command not the command's own: {line!r}"
                annotations.append(found)
    return annotations


def test_hostile_key_and_folder_name_stay_text_in_the_ci_log(project: Path) -> None:
    add_hostile_key(project)
    add_hostile_folder(project)
    result = run_cli(project, "check", env=CI, real=True)
    assert result.returncode == 1
    annotations = assert_log_is_inert(result)
    problems = [line for line in result.stderr.splitlines() if line.startswith("content/")]
    assert len(annotations) == len(problems) == 2  # one per problem, none invented
    files = {unescape_property(found.group(2)) for found in annotations}
    assert BRIEFING in files  # the real file, so that GitHub puts the error on its line
    key = next(found for found in annotations if unescape_property(found.group(2)) == BRIEFING)
    assert unescape_data(key.group(5)).startswith(f"{visible(HOSTILE_KEY)}: unknown field")
    # The folder is named with its control characters as escapes, in the log line too.
    assert f"content/briefings/{visible(HOSTILE_FOLDER)}: folder name " in result.stderr


def test_the_site_builds_log_stays_inert_with_hostile_content(project: Path) -> None:
    # `make site` in CI and the Pages workflow: MkDocs logs the plugin's problems.
    add_hostile_key(project)
    add_hostile_folder(project)
    result = run_mkdocs(project, "build", "--strict", timeout=300, env=CI)
    assert result.returncode == 1
    assert assert_log_is_inert(result) == []
    assert f"{visible(HOSTILE_KEY)}: unknown field" in result.stderr


def test_status_names_a_hostile_folder_quoted_and_escaped(project: Path) -> None:
    add_hostile_folder(project)
    add_hostile_folder(project, "::error title=Passed::no newline at all")
    result = run_cli(project, "status", env=CI, real=True)
    assert result.returncode == 0, result.stderr
    assert assert_log_is_inert(result) == []
    assert f"{visible(repr(HOSTILE_FOLDER))}  not readable yet: " in result.stdout
    assert "'::error title=Passed::no newline at all'  not readable yet: " in result.stdout


def test_check_of_a_hostile_folder_by_name_is_inert(project: Path) -> None:
    folder = add_hostile_folder(project)
    result = run_cli(project, "check", str(folder.relative_to(project)), env=CI)
    assert result.returncode == 1
    assert len(assert_log_is_inert(result)) >= 1
    assert "1 briefing checked: with errors" in result.stderr


def rendered(markdown: str) -> str:
    """The job summary as GitHub's Markdown renders it, raw HTML kept (GitHub's sanitiser
    keeps images and links, so none may come from content at all)."""
    return cmarkgfm.github_flavored_markdown_to_html(markdown, options=Options.CMARK_OPT_UNSAFE)


def text_of(fragment: str) -> str:
    """The text a reader sees in an HTML fragment that must hold no element."""
    without_comments = fragment.replace("<!---->", "")
    assert "<" not in without_comments, fragment
    return html.unescape(without_comments)


def run_summary_step(project: Path, *names: str) -> str:
    """The CI workflow's summary step, run as GitHub would on a pull request that adds
    folders with these names: the summary it writes."""
    result, summary = pull_request_summary(
        project, lambda: [add_hostile_folder(project, name) for name in names], CI
    )
    assert result.returncode == 0, result.stderr
    assert_log_is_inert(result)
    return summary


def test_job_summary_shows_hostile_folder_names_as_text(project: Path) -> None:
    names = [
        # Folder names hold no '/': a relative image, an email, a `www.` autolink.
        "x`![All checks passed](beacon.png)`y",
        "<img src=x onerror=alert(1)>|<script>alert(1)<\\script>",
        "mail me@evil.example, see www.evil.example or [x](javascript:alert(1))",
        HOSTILE_FOLDER,
        "a-good-slug",
    ]
    summary = run_summary_step(project, *names)
    assert not UNSAFE.search(summary)
    assert not any(COMMAND_V2.match(line) for line in summary.splitlines())  # no annotations
    page = rendered(summary)
    assert "<img" not in page and "<a " not in page and "<script" not in page
    cells = re.findall(r"<tr>\n<td>(.*?)</td>", page)
    assert "<code>a-good-slug</code>" in cells  # a slug is safe in a code span
    shown = {text_of(cell) for cell in cells if cell != "<code>a-good-slug</code>"}
    assert shown == {visible(repr(name)) for name in names[:-1]}  # quoted, as typed
    problems = [text_of(item) for item in re.findall(r"<li>(.*?)</li>", page)]
    folder = f"content/briefings/{visible(HOSTILE_FOLDER)}: folder name "
    assert any(problem.startswith(folder) for problem in problems), problems


def test_a_mistyped_path_is_an_error_not_a_pass(project: Path) -> None:
    for path in ("content/briefings/typo", "content/actors.yaml", "content/briefings/x\n::y"):
        result = run_cli(project, "check", "--markdown", path, env=CI)
        assert result.returncode == 2, result.stderr
        assert "checked" not in result.stderr and result.stdout == ""
        assert f"briefings check: {visible(repr(path))} " in result.stderr
        assert_log_is_inert(result)
    whole = run_cli(project, "check", ".")
    assert whole.returncode == 0 and "1 briefing checked: OK" in whole.stderr


# The escaping functions themselves, over any text.
ANY_TEXT = st.text(st.characters(exclude_categories=()), max_size=40) | st.sampled_from(
    [HOSTILE_KEY, HOSTILE_FOLDER, "::x", " \t::x", "\u3000::x", "##[x]", "###[x]", "a@b.co"]
)


@settings(max_examples=examples(300), deadline=None)
@given(ANY_TEXT)
def test_every_text_is_inert_where_it_goes(text: str) -> None:
    line = log_line(text)
    assert not UNSAFE.search(line) and "\n" not in line
    assert not COMMAND_V2.match(line) and COMMAND_V1 not in line
    message = command_data(text)
    assert unescape_data(message) == visible(text) and "\n" not in message
    place = command_property(text)
    assert ":" not in place and "," not in place and unescape_property(place) == visible(text)
    assert ANNOTATION.match(annotation("error", text, file=text, line=3))
    cell = text_of(
        re.findall(r"<td>(.*?)</td>", rendered(f"| a |\n| - |\n| {summary_text(text)} |"), re.S)[0]
    )
    item = text_of(re.findall(r"<p>(.*?)</p>", rendered(f"x {summary_text(text)}"), re.S)[0])
    assert cell == visible(text).strip(" ") and item == f"x {visible(text)}".rstrip(" ")
