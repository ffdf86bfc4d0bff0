"""Cold builds of two commits side by side: ``python -m bench.compare --before REV``.

Each commit is checked out into a temporary git worktree with its own copy of the
benchmark's corpus, and `mkdocs build --strict` runs in each in turn (before, after,
before, after, ...), so that both meet the same phases of this machine, whose speed
drifts from minute to minute. It prints every build's seconds, the best and the median
of each, and writes them to a JSON file.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.corpus import write_corpus
from bench.project import ENV, PROJECT_PARTS, ROOT, copy_parts

GIT = shutil.which("git") or "git"


def checkout(rev: str, where: Path) -> Path:
    subprocess.run(
        [GIT, "-C", str(ROOT), "worktree", "add", "--detach", str(where), rev],
        check=True,
        capture_output=True,
    )
    return where


def cold_build(tree: Path, project: Path, cards: Path | None = None) -> float:
    """One `mkdocs build` from nothing; with ``cards``, from nothing but the share cards
    kept there (as the Pages workflow restores them from the Actions cache)."""
    shutil.rmtree(project / "build", ignore_errors=True)
    shutil.rmtree(project / "site", ignore_errors=True)
    if cards is not None and cards.is_dir():
        shutil.copytree(cards, project / "build")
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
        cwd=project,
        env={**ENV, "PYTHONPATH": str(tree)},  # that commit's generator, not this one's
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def keep_cards(tree: Path, project: Path, where: Path) -> Path:
    """The share cards a first build draws (none before they existed), kept in
    ``where`` as build/<lang>/docs/cards."""
    cold_build(tree, project)
    for cards in (project / "build").glob("*/docs/cards"):
        shutil.copytree(cards, where / cards.relative_to(project / "build"))
    return where


def compare(
    before: str, after: str, briefings: int, runs: int, cards_kept: bool = False
) -> dict[str, object]:
    """Cold builds of ``before`` and ``after`` taking turns, ``runs`` times each; with
    ``cards_kept``, each with the share cards it drew in a first, untimed build."""
    with tempfile.TemporaryDirectory(prefix="briefings-compare-") as temporary:
        where = Path(temporary)
        revs = {"before": before, "after": after}
        trees, projects = {}, {}
        try:
            for name, rev in revs.items():
                trees[name] = checkout(rev, where / f"{name}-tree")
                projects[name] = where / f"{name}-project"
                copy_parts(trees[name], projects[name], PROJECT_PARTS)
                write_corpus(projects[name] / "content", briefings)
            cards = {
                name: keep_cards(trees[name], projects[name], where / f"{name}-cards")
                if cards_kept
                else None
                for name in revs
            }
            seconds: dict[str, list[float]] = {"before": [], "after": []}
            for run in range(runs):
                for name in revs:
                    seconds[name].append(cold_build(trees[name], projects[name], cards[name]))
                    print(f"{name} build {run + 1}: {seconds[name][-1]:.1f} s", flush=True)
        finally:
            for tree in trees.values():
                remove = [GIT, "-C", str(ROOT), "worktree", "remove", "--force", str(tree)]
                subprocess.run(remove, check=False, capture_output=True)
    return {
        "briefings": briefings,
        "cards_kept": cards_kept,
        "cores": os.cpu_count(),
        **{f"{name}_rev": rev for name, rev in revs.items()},
        **{f"{name}_build_runs_s": runs for name, runs in seconds.items()},
        **{f"{name}_best_s": min(runs) for name, runs in seconds.items()},
        **{f"{name}_median_s": statistics.median(runs) for name, runs in seconds.items()},
    }


def summary(result: dict[str, Any]) -> str:
    return "\n".join(
        f"{name} ({result[f'{name}_rev']}): best {result[f'{name}_best_s']:.1f} s, "
        f"median {result[f'{name}_median_s']:.1f} s"
        for name in ("before", "after")
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--before", required=True, help="the commit to compare against")
    parser.add_argument("--after", default="HEAD")
    parser.add_argument("--briefings", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--cards-kept",
        action="store_true",
        help="keep the share cards of a first build, as the Pages workflow restores them",
    )
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "compare.json")
    args = parser.parse_args(argv)
    result = compare(args.before, args.after, args.briefings, args.runs, args.cards_kept)
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(summary(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
