"""Generation's stages in this one process, for counting their instructions.

This machine's speed drifts by half from one quarter of an hour to the next, so
small changes are compared by instructions, which do not drift with its speed: run a
stage under Valgrind's cachegrind and subtract the count of ``--stage none`` (the
same imports and the same seeded corpus, nothing measured)::

    valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null \\
        .venv/bin/python -m bench.stages --briefings 200 --stage render

Counts are not exact either: the same code counted up to 0.1 billion apart from one
run to the next (two checkouts, with and without a fixed PYTHONHASHSEED; the corpus's
temporary folder has a random name), so trust differences larger than that, or count
each side twice.

Each stage runs those before it (``render`` loads and localizes first); ``floor``
runs alone. One language is localized, rendered and exported: the other costs about
as much.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
from pathlib import Path

from bench.project import make_project
from bench.run import parse_floor
from generator import Settings, load
from generator.export import data_files
from generator.localize import Localizer
from generator.render import Renderer

STAGES = ("none", "floor", "load", "localize", "render", "data")


def run_stage(project: Path, stage: str, lang: str) -> int:
    """Run ``stage`` (and the stages it needs) over ``project``; return how many
    pages it localized or rendered (0 before localizing)."""
    if stage == "floor":
        parse_floor(project)
        return 0
    if stage == "none":
        return 0
    # As generation runs: without the cycle collector (pipeline._without_cycle_collection),
    # but loading in this one process (jobs=1), so that one count covers it.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run(project, stage, lang)
    finally:
        if collecting:
            gc.enable()


def _run(project: Path, stage: str, lang: str) -> int:
    settings = Settings(root=project, site_url="https://bench.example.org/", jobs=1)
    corpus = load.load_corpus(settings)
    if stage == "load":
        return 0
    localizer = Localizer(corpus, settings.language(lang), settings.page_sizes)
    pages = list(localizer.pages())
    if stage == "localize":
        return len(pages)
    renderer = Renderer.for_project(settings)
    for page in pages:
        renderer.render(page, settings.languages)
    if stage == "data":
        data_files(corpus, settings.language(lang), settings.site_name, settings.today)
    return len(pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--briefings", type=int, default=200)
    parser.add_argument("--stage", choices=STAGES, required=True)
    parser.add_argument("--lang", default="id", help="the language to localize and render")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="briefings-stages-") as where:
        project = make_project(Path(where), args.briefings)
        pages = run_stage(project, args.stage, args.lang)
    print(f"{args.stage}: {args.briefings} briefings, {pages} pages ({args.lang})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
