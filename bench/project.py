"""The project as the benchmarks and the tests copy it: its root, its parts, the
environment its builds run in, and a generated project of any size."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from bench.corpus import write_corpus

ROOT = Path(__file__).resolve().parents[1]
# What a site is built from, without its content (a benchmark writes its own).
PROJECT_PARTS = ("mkdocs.yml", "docs", "templates", "overrides", "locales")
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "https://bench.example.org/"}


def copy_parts(source_root: Path, target: Path, parts: tuple[str, ...]) -> None:
    """``parts`` (files or folders) of ``source_root`` into a new folder ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    for part in parts:
        source = source_root / part
        if source.is_dir():
            shutil.copytree(source, target / part)
        elif source.exists():
            shutil.copy2(source, target / part)


def make_project(where: Path, count: int) -> Path:
    """The project with ``count`` generated briefings, in ``where/n<count>``."""
    project = where / f"n{count}"
    copy_parts(ROOT, project, PROJECT_PARTS)
    write_corpus(project / "content", count)
    return project
