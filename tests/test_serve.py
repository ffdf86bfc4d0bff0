"""`mkdocs serve`: editing content changes the served page without a restart."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ENV, SEED_SLUG

pytestmark = pytest.mark.slow


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            body: bytes = response.read()
            return body.decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, needle: str, seconds: float = 90) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = fetch(url)
        if body is not None and needle in body:
            return body
        time.sleep(0.3)
    raise AssertionError(f"{needle!r} did not appear at {url} within {seconds} s")


@contextlib.contextmanager
def serving(project: Path, *args: str) -> Iterator[str]:
    """`mkdocs serve` on a free port; its log goes to serve.log in the project."""
    port = free_port()
    log = project / "serve.log"
    with log.open("w", encoding="utf-8") as stderr:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "mkdocs",
                "serve",
                *args,
                "-a",
                f"127.0.0.1:{port}",
                "-f",
                str(project / "mkdocs.yml"),
            ],
            cwd=project,
            env={**ENV, "SITE_URL": f"http://127.0.0.1:{port}/"},
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            text=True,
        )
        try:
            yield f"http://127.0.0.1:{port}"
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
            if sys.exc_info()[0] is not None:
                print(log.read_text(encoding="utf-8"))


@pytest.mark.parametrize("mode", [(), ("--dirty",)], ids=["full", "dirty"])
def test_editing_briefing_yaml_changes_the_served_page(
    project: Path, mode: tuple[str, ...]
) -> None:
    yaml_file = project / "content" / "briefings" / SEED_SLUG / "briefing.yaml"
    with serving(project, *mode) as base:
        en = f"{base}/en/briefings/{SEED_SLUG}/"
        first = wait_for(en, "A NATO liaison office in Tokyo")
        assert "livereload" in first  # the page reloads itself when the build finishes
        text = yaml_file.read_text(encoding="utf-8")
        yaml_file.write_text(
            text.replace("  en: A NATO liaison office in Tokyo", "  en: Edited while serving,"),
            encoding="utf-8",
        )
        wait_for(en, "Edited while serving, brings Japan closer")
        # The shared pages follow: the English briefings index lists the new title.
        wait_for(f"{base}/en/briefings/", "Edited while serving, brings Japan closer")
        # The other language is served from the same server.
        assert "Kantor penghubung NATO" in (fetch(f"{base}/id/briefings/{SEED_SLUG}/") or "")


def test_editing_a_template_changes_the_served_page(project: Path) -> None:
    template = project / "templates" / "timeline.md.j2"
    with serving(project, "--dirty") as base:
        url = f"{base}/id/timeline/"
        wait_for(url, "Linimasa")
        template.write_text(
            template.read_text(encoding="utf-8").replace(
                '# {{ _("Timeline") }}', '# {{ _("Timeline") }}\n\nTemplate edited.'
            ),
            encoding="utf-8",
        )
        wait_for(url, "Template edited.")


def test_edits_while_serving_dirty_re_render_only_their_pages(project: Path) -> None:
    yaml_file = project / "content" / "briefings" / SEED_SLUG / "briefing.yaml"
    text = yaml_file.read_text(encoding="utf-8")
    with serving(project, "--dirty") as base:
        en = f"{base}/en/briefings/{SEED_SLUG}/"
        wait_for(en, "A NATO liaison office in Tokyo")
        for edit in ("First edit,", "Second edit,"):
            yaml_file.write_text(
                text.replace("  en: A NATO liaison office in Tokyo", f"  en: {edit}"),
                encoding="utf-8",
            )
            wait_for(en, f"{edit} brings Japan closer")
            wait_for(f"{base}/en/briefings/", f"{edit} brings Japan closer")
        log = (project / "serve.log").read_text(encoding="utf-8")
        # The second edit at least went through the languages kept in memory.
        assert "pages re-rendered in" in log


def test_a_briefing_added_while_serving_dirty_gets_its_page(project: Path) -> None:
    briefings = project / "content" / "briefings"
    with serving(project, "--dirty") as base:
        wait_for(f"{base}/en/briefings/", "A NATO liaison office in Tokyo")
        copy = briefings / "second-office"
        copy.mkdir()
        text = (briefings / SEED_SLUG / "briefing.yaml").read_text(encoding="utf-8")
        (copy / "briefing.yaml").write_text(
            text.replace("  en: A NATO liaison office in Tokyo", "  en: A second office"),
            encoding="utf-8",
        )
        wait_for(f"{base}/en/briefings/second-office/", "A second office")
        wait_for(f"{base}/en/briefings/", "A second office")


def test_editing_a_theme_override_while_serving_dirty_shows(project: Path) -> None:
    override = project / "overrides" / "main.html"
    with serving(project, "--dirty") as base:
        url = f"{base}/en/about/"
        wait_for(url, "About")
        text = override.read_text(encoding="utf-8")
        override.write_text(
            text.replace("<div data-pagefind-body>", "<div data-pagefind-body>override edited"),
            encoding="utf-8",
        )
        wait_for(url, "override edited")
