"""The one answer to "what is stale after this change" (generator.depends), on a
generated corpus loaded from disk twice."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from bench.project import make_project
from generator.corpus import Corpus
from generator.depends import LISTS, Reads, Unit, changed, edited, stale, units
from generator.load import LoadCache, load_corpus
from generator.localize import Localizer
from generator.pages import PAGE_KINDS, PlaceholderPage
from generator.related import actor_ids, related_briefings
from generator.settings import Settings


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path, 12)


def load(project: Path, cache: LoadCache) -> Corpus:
    return load_corpus(Settings(root=project), cache)


def edit(path: Path, pattern: str, replacement: str) -> None:
    text = path.read_text(encoding="utf-8")
    edited_text, count = re.subn(pattern, replacement, text, count=1, flags=re.M)
    assert count == 1, pattern
    path.write_text(edited_text, encoding="utf-8")


def test_nothing_changed_makes_nothing_stale(project: Path) -> None:
    cache = LoadCache()
    before = load(project, cache)
    after = load(project, cache)
    related = related_briefings(after.briefings)
    found = stale(before, after, related, related)
    assert not found.every and not found.units


def test_a_first_run_or_an_id_that_came_makes_everything_stale(project: Path) -> None:
    cache = LoadCache()
    before = load(project, cache)
    related = related_briefings(before.briefings)
    assert stale(None, before, {}, related).every
    with (project / "content" / "tags.yaml").open("a", encoding="utf-8") as tags:
        tags.write("tag-new: {id: Baru, en: New}\n")
    after = load(project, cache)
    assert stale(before, after, related, related_briefings(after.briefings)).every


def test_an_edited_briefing_makes_stale_what_shows_it_and_nothing_else(project: Path) -> None:
    cache = LoadCache()
    before = load(project, cache)
    target = before.briefings[0]
    edit(target.folder / "briefing.yaml", r"^title: \{id: ", "title: {id: Diubah ")
    after = load(project, cache)
    related_before = related_briefings(before.briefings)
    related_after = related_briefings(after.briefings)
    found = stale(before, after, related_before, related_after)

    showing = {Unit("briefing", target.slug), LISTS}
    showing |= {Unit("actor", a) for a in actor_ids(target.briefing)}
    showing |= {Unit("topic", t) for t in target.briefing.tags}
    showing |= {Unit("briefing", s) for s, listed in related_after.items() if target.slug in listed}
    assert found.units == showing
    assert edited(changed(before, after, related_before, related_after) or ()) == [
        Unit("briefing", target.slug)
    ]


def test_a_renamed_actor_makes_stale_every_unit_that_names_it(project: Path) -> None:
    cache = LoadCache()
    before = load(project, cache)
    edit(
        project / "content" / "actors.yaml", r"^(actor-0007:\n(?:  .*\n)*?  name: \{id: )", r"\1X "
    )
    after = load(project, cache)
    related = related_briefings(after.briefings)
    found = stale(before, after, related, related)
    naming = [b for b in after.briefings if "actor-0007" in actor_ids(b.briefing)]
    assert Unit("actor", "actor-0007") in found and LISTS in found
    for loaded in naming:
        assert Unit("briefing", loaded.slug) in found
        # Their other actors' pages list them, with this actor's name in their events.
        assert all(Unit("actor", a) in found for a in actor_ids(loaded.briefing))
    untouched = [b for b in after.briefings if Unit("briefing", b.slug) not in found.units]
    assert untouched, "a rename in a 12-briefing corpus left no briefing alone"
    reads = Reads(after, related)
    for loaded in untouched:
        assert not any(s.key == "actor-0007" for s in reads(Unit("briefing", loaded.slug)) or ())


def test_a_removed_briefing_makes_stale_the_units_that_showed_it(project: Path) -> None:
    cache = LoadCache()
    before = load(project, cache)
    gone = before.briefings[3]
    shutil.rmtree(gone.folder)
    after = load(project, cache)
    found = stale(
        before, after, related_briefings(before.briefings), related_briefings(after.briefings)
    )
    assert {Unit("actor", a) for a in actor_ids(gone.briefing)} <= found.units
    assert {Unit("topic", t) for t in gone.briefing.tags} <= found.units


def test_every_unit_kind_is_made_by_a_build(project: Path) -> None:
    corpus = load(project, LoadCache())
    assert {unit.kind for unit in units(corpus, corpus.briefings)} == {
        "briefing",
        "actor",
        "topic",
        "lists",
    }


def test_the_rebuild_corpus_makes_every_kind_of_page_but_the_placeholder(project: Path) -> None:
    # tests/test_units.py's rebuild-equals-fresh test edits a corpus made the same way:
    # each kind of page it can make is then compared with a fresh build.
    corpus = load(project, LoadCache())
    made = {type(page) for page in Localizer(corpus, Settings(root=project).language("en")).pages()}
    assert set(PAGE_KINDS) - made == {PlaceholderPage}
