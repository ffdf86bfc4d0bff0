"""`briefings translations`: the record of which original each translation was made from."""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from pathlib import Path

from generator.console import (
    count,
    load_or_say,
    names_briefings,
    print_problems,
    say,
    settings_from,
    within,
)
from generator.dates import FullDate
from generator.errors import display_path
from generator.settings import Settings, build_date
from generator.staged import GitError, record_staged
from generator.translations import (
    RECORD_FILE,
    confirmed,
    format_record,
    read_record,
)
from generator.write import atomic_write


def cmd_translations(args: argparse.Namespace) -> int:
    settings = settings_from(args.config)
    day = build_date(os.environ)
    today = FullDate(day.year, day.month, day.day)
    if args.staged:
        try:
            written = record_staged(settings.root, settings.briefings_dir, today)
        except GitError as exc:
            say(f"briefings translations --staged: {exc}")
            return 1
        for record, number in written:
            name = display_path(record, settings.root)
            say(f"{name}: recorded {count(number, 'translation')} changed with the original")
        return 0
    if not args.paths:
        say("briefings translations --confirm: give the briefings' folders to confirm")
        return 2
    strays = [path for path in args.paths if not names_briefings(path, settings)]
    for path in strays:
        say(f"briefings translations: {str(path)!r} is not a briefing's folder or file")
    if strays:
        return 2
    return _confirm(settings, args.paths, today)


def _confirm(settings: Settings, paths: Sequence[Path], today: FullDate) -> int:
    """Record that every translation of the given briefings matches its original."""

    def chosen(folder: Path) -> bool:  # given itself, or a file in it, or a folder above it
        name = display_path(folder, settings.root)
        inside = (display_path(path, settings.root).startswith(name + "/") for path in paths)
        return within(name, paths, settings.root) or any(inside)

    folders = [f for f in sorted(settings.briefings_dir.iterdir()) if f.is_dir() and chosen(f)]
    for folder in folders:
        # A record with unreadable lines (a hand edit, a merge) would keep its briefing
        # from loading: confirming writes it again from its readable lines.
        records, problems = read_record(folder / RECORD_FILE)
        if problems:
            atomic_write(folder / RECORD_FILE, format_record(records))
            say(
                f"{display_path(folder / RECORD_FILE, settings.root)}: "
                f"left out {count(len(problems), 'unreadable line')}"
            )
    corpus = load_or_say(settings, skip_broken=True)
    if corpus is None:
        return 1
    broken = {
        slug: found
        for slug, found in corpus.skipped.items()
        if chosen(settings.briefings_dir / slug)
    }
    print_problems([problem for found in broken.values() for problem in found])
    for loaded in corpus.briefings:
        if not chosen(loaded.folder):
            continue
        record = loaded.folder / RECORD_FILE
        before = read_record(record)[0]
        after = confirmed(loaded.texts, loaded.briefing.article.language, before, today)
        fresh = sum(1 for field, entry in after.items() if before.get(field) != entry)
        data = format_record(after)
        if (after or record.exists()) and (not record.is_file() or record.read_bytes() != data):
            atomic_write(record, data)
        say(
            f"{display_path(record, settings.root)}: {count(len(after), 'translation')} "
            f"confirmed, {fresh} recorded today",
            err=False,
        )
    if broken:
        say(f"{count(len(broken), 'briefing')} not confirmed: fix the errors above first")
        return 1
    return 0
