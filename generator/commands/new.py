"""`briefings new`: a briefing folder scaffolded from a pasted article, or (`--update`)
an existing one given what the registries now find."""

from __future__ import annotations

import argparse
from collections.abc import Mapping

from generator.console import (
    load_or_say,
    print_problems,
    say,
    settings_from,
)
from generator.dates import PartialDate
from generator.errors import display_path
from generator.models import Actor
from generator.rescaffold import UpdateError, update
from generator.scaffold import ScaffoldError, scaffold
from generator.settings import Settings


def cmd_new(args: argparse.Namespace) -> int:
    settings = settings_from(args.config)
    # Only the registries are needed (to find actors): other drafts may be unfinished.
    corpus = load_or_say(settings, skip_broken=True)
    if corpus is None:
        say("fix the registries first: they are needed to find actors")
        return 1
    registry = corpus.actors
    if args.update:
        return _update(settings, args, registry)
    try:
        created = scaffold(
            settings.briefings_dir,
            args.slug,
            args.source,
            languages=settings.languages,
            registry=registry,
            language=args.language,
            article_date=PartialDate.parse(args.date) if args.date else None,
        )
    except (ScaffoldError, ValueError, OSError) as exc:
        say(f"briefings new: {exc}")
        return 1
    say(
        f"created {display_path(created, settings.root)}; review the lines marked '# REVIEW',",
        err=False,
    )
    say("write the empty texts, then run: briefings check --strict", err=False)
    return 0


def _update(settings: Settings, args: argparse.Namespace, registry: Mapping[str, Actor]) -> int:
    """`briefings new --update`: what the article now gives that the briefing lacks."""
    try:
        path, added = update(
            settings,
            args.slug,
            args.source,
            registry=registry,
            language=args.language,
            article_date=PartialDate.parse(args.date) if args.date else None,
        )
    except UpdateError as exc:
        print_problems(exc.problems)
        say("briefings new --update: nothing was changed")
        return 1
    except (ScaffoldError, ValueError, OSError) as exc:
        say(f"briefings new: {exc}")
        return 1
    shown = display_path(path, settings.root)
    for entry in added:
        say(f"{shown}:{entry.line}: added {entry.what}", err=False)
    if added:
        entries = "1 entry" if len(added) == 1 else f"{len(added)} entries"
        say(f"{entries} added, marked '# REVIEW'; then run: briefings check --strict", err=False)
    else:
        say(f"{shown}: nothing to add: it has every actor and date the article gives", err=False)
    return 0
