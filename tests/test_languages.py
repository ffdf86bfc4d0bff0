"""Languages come from configuration and catalogs: a third one needs no code change."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from conftest import SEED_SLUG, build, run_cli

from generator.i18n import catalog_path


def add_french(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("languages: [id, en]", "languages: [id, en, fr]"))
    source = catalog_path(project / "locales", "en")
    with source.open("rb") as po:
        catalog = read_po(po, locale="fr")
    for message in catalog:
        if message.id == "Key points":
            message.string = "Points clés"
        elif message.id == "not yet translated":
            message.string = "pas encore traduit"
    target = catalog_path(project / "locales", "fr")
    target.parent.mkdir(parents=True)
    with target.open("wb") as po:
        write_po(po, catalog)
    shutil.copytree(project / "docs" / "en", project / "docs" / "fr")


@pytest.mark.slow  # builds the whole site
def test_a_third_language_by_configuration_and_catalog(project: Path) -> None:
    add_french(project)
    site = build(project)
    html = (site / "fr" / "briefings" / SEED_SLUG / "index.html").read_text(encoding="utf-8")
    assert '<html lang="fr"' in html
    assert "Points clés" in html
    # No French text in the content: the default language's text, marked, with a notice.
    assert '<span lang="id">Kantor penghubung NATO di Tokyo' in html
    assert "pas encore traduit" in html
    assert 'hreflang="fr"' in (site / "en" / "timeline" / "index.html").read_text()
    # Babel formats the dates in French.
    assert "2 juin 2023" in html


def test_a_language_missing_from_content_is_only_a_warning(project: Path) -> None:
    add_french(project)
    result = run_cli(project, "check")
    assert result.returncode == 0
    assert "warning: title: missing translation: no 'fr' text" in result.stderr


def test_render_writes_plain_markdown_without_mkdocs(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = run_cli(project, "render", "--out", str(out), real=True)
    assert first.returncode == 0, first.stderr
    page = out / "en" / "docs" / "briefings" / f"{SEED_SLUG}.md"
    assert page.read_text(encoding="utf-8").startswith('---\ntitle: "A NATO liaison office')
    assert (out / "id" / "mkdocs.yml").is_file()
    # A second run with nothing changed rewrites nothing.
    stamp = page.stat().st_mtime_ns
    second = run_cli(project, "render", "--out", str(out))
    assert "0 written" in second.stderr
    assert page.stat().st_mtime_ns == stamp


@pytest.mark.slow  # builds the whole site
def test_hand_written_page_missing_in_a_language_gets_a_page_that_says_so(project: Path) -> None:
    (project / "docs" / "en" / "contribute" / "scaling.md").unlink()
    site = build(project)
    html = (site / "en" / "contribute" / "scaling" / "index.html").read_text(encoding="utf-8")
    assert "This page is not yet translated. It exists in Indonesian." in html
    assert 'href="../../../id/contribute/scaling/"' in html
    assert not (project / "docs" / "en" / "contribute" / "scaling.md").exists()  # nothing written
