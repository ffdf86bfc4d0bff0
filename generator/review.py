"""Editorial warnings: what an article mentions that its briefing leaves out, and what
the registries hold that no briefing uses. Never errors; ``check --strict`` makes them so."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from pathlib import Path

from generator.corpus import Corpus, LoadedBriefing
from generator.date_mentions import find_dates
from generator.dates import PartialDate
from generator.errors import Problem, Severity, display_path
from generator.mentions import NameMention, find_actors
from generator.models import Actor


def editorial_warnings(corpus: Corpus, root: Path) -> list[Problem]:
    problems = [p for b in corpus.briefings for p in _article_mentions(b, corpus, root)]
    problems += _unused(corpus)
    return problems


def _warning(path: str, line: int, field: str, message: str) -> Problem:
    return Problem(path, line, 0, field, message, Severity.WARNING)


def _line_in(text: str, needle: str) -> int:
    for number, line in enumerate(text.splitlines(), 1):
        if needle in line:
            return number
    return 1


def _article_mentions(loaded: LoadedBriefing, corpus: Corpus, root: Path) -> Iterator[Problem]:
    ref = loaded.briefing.article
    body = loaded.articles.get(ref.language)
    if body is None or ref.file is None:
        return
    path = loaded.folder / ref.file
    name = display_path(path, root)
    text = path.read_text(encoding="utf-8", errors="replace")
    paragraphs = [*body.paragraphs, *([body.caption] if body.caption else [])]
    for mention in unlisted_actors(
        paragraphs,
        corpus.actors,
        {role.actor for role in loaded.briefing.actors},
        loaded.briefing.mentions.ignore,
    ):
        yield _warning(
            name,
            _line_in(text, mention.name),
            "actors",
            f"the article names {mention.name!r} (actor {mention.actor_id!r} in "
            f"content/actors.yaml), but {loaded.source} does not list it: add it to "
            f"actors:, or, if the article mentions it only in passing, to "
            f"mentions: {{ignore: [{mention.actor_id}]}}",
        )
    timeline = [entry.date for entry in loaded.briefing.timeline]
    reported: set[PartialDate] = set()
    for found in find_dates(paragraphs, ref.published):
        if found.date in reported or covered(found.date, timeline):
            continue
        reported.add(found.date)
        yield _warning(
            name,
            _line_in(text, found.text),
            "timeline",
            f"the article mentions {found.text!r} ({found.date.iso()}), which no timeline "
            f"entry of {loaded.source} has",
        )


def unlisted_actors(
    paragraphs: Sequence[str],
    registry: Mapping[str, Actor],
    listed: Collection[str],
    ignored: Collection[str],
) -> list[NameMention]:
    """The registry's actors the article names that the briefing neither lists nor
    ignores (``mentions.ignore``): what `check` warns about and `new --update` adds."""
    return [
        m
        for m in find_actors(paragraphs, registry)
        if m.actor_id not in listed and m.actor_id not in ignored
    ]


def covered(found: PartialDate, timeline: Iterable[PartialDate]) -> bool:
    """Whether a date the article mentions is covered by one of the timeline's dates:
    what `check` does not warn about and `new --update` does not add."""
    return any(_same_time(found, entry) for entry in timeline)


def _same_time(found: PartialDate, entry: PartialDate) -> bool:
    if found.year != entry.year:
        return False
    if not found.month or not entry.month:
        return True
    return abs(found.month - entry.month) <= (2 if not found.day and not entry.day else 0)


def _unused(corpus: Corpus) -> Iterator[Problem]:
    used_actors = {
        actor
        for b in corpus.briefings
        for actor in (
            *(r.actor for r in b.briefing.actors),
            *(a for e in b.briefing.timeline for a in e.actors),
        )
    }
    used_tags = {tag for b in corpus.briefings for tag in b.briefing.tags}
    for registry, ids, used in (
        ("actors.yaml", corpus.actors, used_actors),
        ("tags.yaml", corpus.tags, used_tags),
    ):
        for unused in sorted(set(ids) - used):
            yield _warning(
                f"content/{registry}",
                corpus.registry_line(registry, unused),
                unused,
                "not used by any briefing",
            )
