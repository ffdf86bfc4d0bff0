"""The pre-commit side of translations.txt: a translation changed in the same commit as
its original was made from that original, so the commit records it.

git's index (what is being committed) is compared with HEAD, briefing by briefing. A
field whose original and translation both differ (or are both new) is recorded with
today's date; any other field's line is left as it is, so an original changed alone
stays out of date until someone confirms its translations.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Mapping
from pathlib import Path

from pydantic import ValidationError

from generator.checks import texts_of
from generator.dates import FullDate
from generator.load import BRIEFING_FILE
from generator.models import Briefing
from generator.strict_yaml import Loc, YamlError, parse
from generator.translations import (
    RECORD_FILE,
    Entry,
    fingerprint,
    format_record,
    read_record,
    translated,
)
from generator.write import atomic_write


class GitError(Exception):
    """git is missing, or this is not a repository."""


def _git(root: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    git = shutil.which("git")
    if git is None:
        raise GitError("git is not installed")
    return subprocess.run([git, *args], cwd=root, capture_output=True, check=False, timeout=60)


def staged_briefings(root: Path, briefings_dir: Path) -> list[str]:
    """The briefing.yaml files added or changed in git's index, relative to ``root``."""
    folder = briefings_dir.relative_to(root).as_posix()
    found = _git(
        root,
        *("diff", "--cached", "--name-only", "--relative", "--diff-filter=AM", "-z"),
        "--",
        f"{folder}/*/{BRIEFING_FILE}",
    )
    if found.returncode != 0:
        raise GitError(found.stderr.decode("utf-8", "replace").strip() or "git diff failed")
    return sorted(name for name in found.stdout.decode("utf-8").split("\0") if name)


def _texts(root: Path, revision: str, path: str) -> tuple[str, dict[Loc, Mapping[str, str]]]:
    """(original language, texts by place) of a briefing.yaml as ``revision:path`` has
    it; none when it is not there or not valid (`briefings check` says why)."""
    shown = _git(root, "show", f"{revision}:./{path}")
    if shown.returncode != 0:
        return "", {}
    try:
        briefing = Briefing.model_validate(parse(shown.stdout).data)
    except (YamlError, ValidationError):
        return "", {}
    return briefing.article.language, dict(texts_of(briefing))


def record_staged(root: Path, briefings_dir: Path, today: FullDate) -> list[tuple[Path, int]]:
    """Record every staged translation that changed with its original, and stage the
    record files; (record file, fields recorded) for each file written."""
    written = []
    for path in staged_briefings(root, briefings_dir):
        original_lang, now = _texts(root, "", path)
        if not now:
            continue
        before_lang, before = _texts(root, "HEAD", path)
        if before_lang != original_lang:  # other originals: nothing before compares
            before = {}
        changed = []
        for text in translated(list(now.items()), original_lang):
            old = before.get(text.loc[:-1], {})
            translation = now[text.loc[:-1]][text.lang]
            if old.get(original_lang) != text.original and old.get(text.lang) != translation:
                changed.append(text)
        if not changed:
            continue
        record = root / Path(path).parent / RECORD_FILE
        records = read_record(record)[0]  # its readable lines: the rest are check's
        for text in changed:
            records[text.field] = Entry(fingerprint(text.original), today)
        data = format_record(records)
        if record.is_file() and record.read_bytes() == data:
            continue
        atomic_write(record, data)
        added = _git(root, "add", "--", str(record.relative_to(root)))
        if added.returncode != 0:
            raise GitError(added.stderr.decode("utf-8", "replace").strip() or "git add failed")
        written.append((record, len(changed)))
    return written
