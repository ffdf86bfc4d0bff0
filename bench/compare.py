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


def cold_build(tree: Path, project: Path) -> float:
    shutil.rmtree(project / "build", ignore_errors=True)
    shutil.rmtree(project / "site", ignore_errors=True)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
        cwd=project,
        env={**ENV, "PYTHONPATH": str(tree)},  # that commit's generator, not this one's
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def compare(before: str, after: str, briefings: int, runs: int) -> dict[str, object]:
    """Cold builds of ``before`` and ``after`` taking turns, ``runs`` times each."""
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
            seconds: dict[str, list[float]] = {"before": [], "after": []}
            for run in range(runs):
                for name in revs:
                    seconds[name].append(cold_build(trees[name], projects[name]))
                    print(f"{name} build {run + 1}: {seconds[name][-1]:.1f} s", flush=True)
        finally:
            for tree in trees.values():
                remove = [GIT, "-C", str(ROOT), "worktree", "remove", "--force", str(tree)]
                subprocess.run(remove, check=False, capture_output=True)
    return {
        "briefings": briefings,
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
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "compare.json")
    args = parser.parse_args(argv)
    result = compare(args.before, args.after, args.briefings, args.runs)
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(summary(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
