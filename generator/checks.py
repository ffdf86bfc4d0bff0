"""What loading checks in a briefing beyond its form: that every text is in the site's
languages, that it names only actors and topics the registries have, and that its
timeline agrees with the build's day."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from pydantic import BaseModel

from generator.corpus import LoadedBriefing
from generator.dates import PartialDate, Precision
from generator.errors import Severity
from generator.models import Actor, Briefing, Tag, TimelineEntry
from generator.report import Report
from generator.strict_yaml import Loc, YamlDocument
from generator.wording import suggest

# Texts that are by nature in one language: the original headline of the article.
ONE_LANGUAGE_FIELDS = {("article", "title")}


def texts_of(value: object, loc: Loc = ()) -> list[tuple[Loc, dict[str, str]]]:
    """Every Text (a language map) inside a validated model, with its location, in order."""
    found: list[tuple[Loc, dict[str, str]]] = []
    _collect_texts(value, loc, found)
    return found


def _collect_texts(value: object, loc: Loc, found: list[tuple[Loc, dict[str, str]]]) -> None:
    if type(value) is str or value is None:  # most values: nothing inside
        return
    if isinstance(value, BaseModel):
        fields = type(value).model_fields
        root = getattr(value, "root", None)
        if root is not None and not fields.keys() - {"root"}:
            _collect_texts(root, loc, found)
            return
        for name in fields:
            _collect_texts(getattr(value, name), (*loc, name), found)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            _collect_texts(item, (*loc, index), found)
    elif isinstance(value, dict):
        if value and all(isinstance(v, str) for v in value.values()):
            found.append((loc, value))
        else:
            for key, item in value.items():
                _collect_texts(item, (*loc, key), found)


def check_text_languages(
    loc: Loc, text: Mapping[str, str], path: Path, doc: YamlDocument, report: Report
) -> None:
    languages = report.settings.languages
    for lang in text:
        if lang not in languages:
            report.at(
                path,
                doc,
                (*loc, lang),
                f"{lang!r} is not a language of this site ({', '.join(languages)})",
            )
    if loc in ONE_LANGUAGE_FIELDS:
        return
    for lang in languages:
        if lang not in text:
            report.at(
                path,
                doc,
                loc,
                f"missing translation: no {lang!r} text (the page shows another language)",
                severity=Severity.WARNING,
            )


def check_references(
    briefing: Briefing,
    actors: Mapping[str, Actor],
    tags: Mapping[str, Tag],
    path: Path,
    doc: YamlDocument,
    report: Report,
) -> None:
    known_actors = report.known_ids.get("actors.yaml", actors)
    known_tags = report.known_ids.get("tags.yaml", tags)

    def actor(actor_id: str, loc: Loc) -> None:
        if known_actors is not None and actor_id not in known_actors:
            message = f"unknown actor {actor_id!r}: not in content/actors.yaml"
            report.at(path, doc, loc, message + suggest(actor_id, actors))

    listed = set()
    for i, role in enumerate(briefing.actors):
        actor(role.actor, ("actors", i, "actor"))
        if role.actor in listed:
            report.at(path, doc, ("actors", i, "actor"), f"actor {role.actor!r} is listed twice")
        listed.add(role.actor)
    for i, entry in enumerate(briefing.timeline):
        for j, actor_id in enumerate(entry.actors):
            actor(actor_id, ("timeline", i, "actors", j))
    for i, actor_id in enumerate(briefing.mentions.ignore):
        actor(actor_id, ("mentions", "ignore", i))
    for i, tag in enumerate(briefing.tags):
        if known_tags is not None and tag not in known_tags:
            report.at(
                path,
                doc,
                ("tags", i),
                f"unknown tag {tag!r}: not in content/tags.yaml" + suggest(tag, tags),
            )


def check_timeline_against_today(
    briefing: Briefing, path: Path, doc: YamlDocument, report: Report
) -> None:
    """Warn where the timeline says what the build's day contradicts: an event still
    expected after its last possible day, or one that happened but lies ahead."""
    today = report.settings.today
    for i, entry in enumerate(briefing.timeline):
        if entry.status_on(today) == "unrecorded":
            report.at(
                path,
                doc,
                ("timeline", i),
                f"expected {_when(entry.date, entry.end)}, which has passed: record what happened "
                "(status: happened or cancelled) or move the date",
                severity=Severity.WARNING,
            )
        elif entry.status == "happened" and entry.date.first_day() > today:
            report.at(
                path,
                doc,
                ("timeline", i),
                f"marked as happened {_when(entry.date, entry.end)}, which is after today "
                f"({today.isoformat()}): "
                "write status: expected, or correct the date",
                severity=Severity.WARNING,
            )


def _when(date: PartialDate, end: PartialDate | None) -> str:
    """'in July 2023', 'on July 11, 2023', 'from ... to ...': a date in a sentence."""
    if end is not None and end != date:
        return f"from {date.format('en')} to {end.format('en')}"
    return f"{'on' if date.precision is Precision.DAY else 'in'} {date.format('en')}"


def check_event_ids(
    briefings: Iterable[tuple[Path, YamlDocument, LoadedBriefing]], report: Report
) -> None:
    """Entries of several briefings that share an event id record one event, shown once:
    each must give the date (and end) of the first one found with that id."""
    first: dict[str, tuple[Path, YamlDocument, int, TimelineEntry]] = {}
    for path, doc, loaded in briefings:
        for i, entry in enumerate(loaded.briefing.timeline):
            if entry.id is None:
                continue
            other_path, other_doc, j, other = first.setdefault(entry.id, (path, doc, i, entry))
            if other is entry or (other.date, other.end) == (entry.date, entry.end):
                continue
            where = other_doc.position(("timeline", j, "date"))
            report.at(
                path,
                doc,
                ("timeline", i, "id"),
                f"event {entry.id!r} is here {_when(entry.date, entry.end)} but "
                f"{_when(other.date, other.end)} in {report.name(other_path)}:{where.line}:"
                f"{where.column} (timeline[{j}]); entries with one id are one event: "
                "give them the same date, or different ids",
            )
