"""Editing a copy of the project as a contributor would, and reading what `check` says."""

from __future__ import annotations

from pathlib import Path

from conftest import SEED_SLUG, run_cli

BRIEFING = f"content/briefings/{SEED_SLUG}/briefing.yaml"
FOLDER = f"content/briefings/{SEED_SLUG}"


def line_of(project: Path, needle: str, rel: str = BRIEFING) -> int:
    lines = (project / rel).read_text(encoding="utf-8", errors="replace").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def errors_of(project: Path) -> str:
    result = run_cli(project, "check")
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    return result.stderr


def replace(project: Path, old: str, new: str, rel: str = BRIEFING) -> None:
    path = project / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {rel}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
