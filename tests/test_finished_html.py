"""Finished HTML kept from Python-Markdown's parser (generator/finished_html.py): the
pages are the ones Markdown itself makes of the same blocks."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ENV, add_outsider_briefing, build, copy_project

from generator.finished_html import END, START

pytestmark = pytest.mark.slow


def test_every_page_is_the_one_markdown_makes_of_the_finished_html(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    add_outsider_briefing(project)
    site = build(project)
    marked = 0
    for lang in ("id", "en"):
        tree = project / "build" / lang
        marked += sum(p.read_text(encoding="utf-8").count(START) for p in tree.rglob("*.md"))
        plain = tree / "plain.yml"  # the same language without the plugin
        plain.write_text("INHERIT: mkdocs.yml\nplugins: []\n", encoding="utf-8")
        out = tmp_path / f"plain-{lang}"
        command = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(plain), "-d", str(out)]
        subprocess.run(command, cwd=tree, env=ENV, check=True, timeout=600)
        pages = sorted(p.relative_to(out) for p in out.rglob("*.html"))
        assert pages
        for rel in pages:
            expected = (out / rel).read_text(encoding="utf-8")
            expected = expected.replace(START + "\n", "").replace("\n" + END, "")
            actual = (site / lang / rel).read_text(encoding="utf-8")
            assert _without_blank_lines(actual) == _without_blank_lines(expected), rel
    assert marked >= 10  # timelines on briefing, actor, timeline and front pages


def _without_blank_lines(html: str) -> str:
    """The page but for what no browser tells apart: a blank line between two blocks (a
    block set aside leaves none after it), and an attribute without a value written as
    md_in_html writes it inside a <div markdown> (data-pagefind-ignore="data-pagefind-ignore")."""
    html = re.sub(r'\b(data-pagefind-ignore)="\1"', r"\1", html)
    return re.sub(r"\n\s*\n", "\n", html)
