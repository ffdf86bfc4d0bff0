"""`mkdocs serve`: editing content changes the served page without a restart."""

from __future__ import annotations

import contextlib
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ENV, SEED_SLUG
from playwright import sync_api

from bench.search import chromium
from bench.serve import fetch, mkdocs_serve, wait_for

pytestmark = pytest.mark.slow


@contextlib.contextmanager
def serving(project: Path, *args: str) -> Iterator[str]:
    """`mkdocs serve` on a free port; its log goes to serve.log in the project."""
    log = project / "serve.log"
    with log.open("w", encoding="utf-8") as stderr:
        try:
            with mkdocs_serve(project, *args, env=ENV, stderr=stderr) as base:
                yield base
        except BaseException:
            print(log.read_text(encoding="utf-8"))
            raise


@contextlib.contextmanager
def preview_of(project: Path) -> Iterator[str]:
    """`mkdocs serve --dirty` showing the seed briefing."""
    with serving(project, "--dirty") as base:
        wait_for(f"{base}/en/briefings/{SEED_SLUG}/", "A NATO liaison office in Tokyo")
        yield base


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
        # Saves in quick succession, each maybe while the last one's lists are made.
        for edit in ("Third edit,", "Fourth edit,", "Fifth edit,"):
            yaml_file.write_text(
                text.replace("  en: A NATO liaison office in Tokyo", f"  en: {edit}"),
                encoding="utf-8",
            )
            time.sleep(0.7)
        wait_for(en, "Fifth edit, brings Japan closer")
        wait_for(f"{base}/en/briefings/", "Fifth edit, brings Japan closer")
        log = (project / "serve.log").read_text(encoding="utf-8")
        # The second edit at least went through the languages kept in memory, its
        # briefing's page first.
        assert f"briefings: {SEED_SLUG} generated first" in log
        assert "briefings: changed files put in the site: " in log


def test_a_registry_edit_shows_on_the_actors_page_then_on_the_briefing(project: Path) -> None:
    registry = project / "content" / "actors.yaml"
    text = registry.read_text(encoding="utf-8")
    with serving(project, "--dirty") as base:
        actor = f"{base}/en/actors/fumio-kishida/"
        wait_for(actor, "Fumio Kishida")
        registry.write_text(
            text.replace("en: Fumio Kishida}", "en: Kishida Fumio (renamed)}"), encoding="utf-8"
        )
        wait_for(actor, "Kishida Fumio (renamed)")
        wait_for(f"{base}/en/briefings/{SEED_SLUG}/", "Kishida Fumio (renamed)")
    log = (project / "serve.log").read_text(encoding="utf-8")
    assert "briefings: the registries' changed entries generated first" in log


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


# A misspelt actor id, and a stray field whose name is an attack on the error page.
MISTAKE = ("  - actor: fumio-kishida\n", "  - actor: fumio-kishda\n")
HOSTILE_FIELD = ("title:", "<img src=x onerror=alert(1)>: 1\ntitle:")


def test_a_mistake_while_serving_shows_on_every_page_until_fixed(project: Path) -> None:
    yaml_file = project / "content" / "briefings" / SEED_SLUG / "briefing.yaml"
    text = yaml_file.read_text(encoding="utf-8")
    with serving(project, "--dirty") as base:
        en = f"{base}/en/briefings/{SEED_SLUG}/"
        wait_for(en, "A NATO liaison office in Tokyo")
        yaml_file.write_text(text.replace(*MISTAKE, 1), encoding="utf-8")
        page = wait_for(en, "The preview stopped at a mistake", seconds=10)
        where = f"content/briefings/{SEED_SLUG}/briefing.yaml:"
        assert re.search(rf"<code>{re.escape(where)}\d+:\d+</code>", page)
        assert "fumio-kishda" in page
        # A mistake that quotes an attack from the content shows it as text.
        yaml_file.write_text(text.replace(*HOSTILE_FIELD, 1), encoding="utf-8")
        page = wait_for(en, "&lt;img src=x onerror=alert(1)&gt;", seconds=10)
        assert "<img" not in page
        assert "livereload" in page  # it reloads itself when the content is fixed
        # Every page, in the language of its address; scripts and styles as they were.
        other = wait_for(f"{base}/id/timeline/", "Pratinjau berhenti karena ada kesalahan", 5)
        assert '<html lang="id">' in other
        assert "Pratinjau berhenti" in (fetch(f"{base}/id/no-such-page/") or "")
        assert "stopped" not in (fetch(f"{base}/en/assets/stylesheets/briefings.css") or "x")
        yaml_file.write_text(text, encoding="utf-8")
        wait_for(en, "A NATO liaison office in Tokyo", seconds=30)


@pytest.mark.skipif(
    chromium() is None, reason="Chromium is not installed (apt-get install chromium)"
)
def test_a_browser_on_the_preview_shows_the_mistake_and_comes_back_by_itself(
    project: Path, browser: sync_api.Browser
) -> None:
    yaml_file = project / "content" / "briefings" / SEED_SLUG / "briefing.yaml"
    text = yaml_file.read_text(encoding="utf-8")
    with preview_of(project) as base:
        page = browser.new_page()
        page.goto(f"{base}/en/briefings/{SEED_SLUG}/")
        heading = page.locator("h1")
        sync_api.expect(heading).to_contain_text("Japan closer")
        yaml_file.write_text(text.replace(*MISTAKE, 1), encoding="utf-8")
        sync_api.expect(heading).to_have_text("The preview stopped at a mistake", timeout=15_000)
        yaml_file.write_text(text, encoding="utf-8")
        sync_api.expect(heading).to_contain_text("Japan closer", timeout=30_000)


@pytest.mark.skipif(
    chromium() is None, reason="Chromium is not installed (apt-get install chromium)"
)
def test_open_pages_reload_with_the_edit_its_page_first_then_the_lists(
    project: Path, browser: sync_api.Browser
) -> None:
    yaml_file = project / "content" / "briefings" / SEED_SLUG / "briefing.yaml"
    text = yaml_file.read_text(encoding="utf-8")
    with preview_of(project) as base:
        briefing, archive = browser.new_page(), browser.new_page()
        briefing.goto(f"{base}/en/briefings/{SEED_SLUG}/")
        archive.goto(f"{base}/en/briefings/")
        sync_api.expect(archive.locator("article")).to_contain_text("A NATO liaison office")
        yaml_file.write_text(
            text.replace("  en: A NATO liaison office in Tokyo", "  en: Saved once,"),
            encoding="utf-8",
        )
        edited = "Saved once, brings Japan closer"
        sync_api.expect(briefing.locator("h1")).to_contain_text(edited, timeout=15_000)
        # The list follows by itself, without the reader going anywhere.
        sync_api.expect(archive.locator("article")).to_contain_text(edited, timeout=30_000)
    log = (project / "serve.log").read_text(encoding="utf-8")
    assert f"briefings: {SEED_SLUG} generated first" in log


def test_a_stopped_preview_leaves_no_temporary_site_behind(project: Path, tmp_path: Path) -> None:
    # MkDocs serves from a `mkdocs_*` folder in the temporary folder, up to 100 MB each,
    # and removes it only when stopped as by Ctrl-C.
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as stderr:
        env = {**ENV, "TMPDIR": str(temporary)}
        with mkdocs_serve(project, "--dirty", env=env, stderr=stderr) as base:
            wait_for(f"{base}/en/briefings/{SEED_SLUG}/", "A NATO liaison office in Tokyo")
            assert [p.name for p in temporary.iterdir() if p.name.startswith("mkdocs_")]
    assert list(temporary.iterdir()) == [], log.read_text(encoding="utf-8")[-3000:]
