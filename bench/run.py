"""`make bench`: generation, builds, regeneration, output size, search bytes and memory,
for N synthetic briefings, side by side in one run on one machine. Prints a table and
writes JSON (bench/results.json by default).

    python -m bench.run --sizes 100 1000 3000
    python -m bench.run --sizes 100 1000 --skip-serve
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

from bench.compare import compare, summary
from bench.processes import run_child, timed, timed_cpu
from bench.project import ENV, PROJECT_PARTS, ROOT, copy_parts, make_project
from bench.serve import fetch, mkdocs_serve
from bench.site_figures import (
    first_query_bytes_estimate,
    html_pages,
    lunr_index_bytes,
    pages_listing,
    search_in_browser,
    tree_bytes,
)
from generator import Settings, generate
from generator.parallel import can_fork
from generator.pipeline import Caches

BUILD_RUNS = 3  # best of, at 1,000 briefings and fewer (one build above)


def fresh_copy(project: Path, target: Path) -> Path:
    """The project's sources (no output) in a new folder, for one cold build.

    Cold builds run in copies rather than in one folder emptied between them, and
    nothing is deleted until the whole run ends: on ext4, which does not reuse an
    inode within a minute or more of its file's deletion, creating thousands of
    files just after deleting thousands of others costs far more kernel time
    (measured here: writing the 6,087 generated files of 1,000 briefings took
    1.0-1.4 s into a fresh folder, 3.6-4.1 s right after deleting a tree like it).
    A fresh clone in CI pays no such cost; a build timed after a deletion would.
    """
    copy_parts(project, target, (*PROJECT_PARTS, "content"))
    return target


def file_costs(folder: Path, count: int = 2000) -> dict[str, float]:
    """Milliseconds to create a small file in a new folder, and to read one back,
    on the filesystem the benchmark writes to: generation creates thousands of
    files, the floor reads a few thousand; how the two compare is the machine's."""
    folder.mkdir(parents=True)
    files = [folder / f"{number}.md" for number in range(count)]
    started = time.perf_counter()
    for path in files:
        path.write_bytes(b"x" * 4096)
    created = time.perf_counter() - started
    started = time.perf_counter()
    for path in files:
        path.read_bytes()
    read = time.perf_counter() - started
    return {"create_file_ms": created / count * 1000, "read_file_ms": read / count * 1000}


def parse_floor(project: Path) -> float:
    """Reading and parsing the same YAML and article files with libyaml, nothing else."""
    started = time.perf_counter()
    for path in sorted((project / "content").rglob("*")):
        if path.suffix == ".yaml":
            yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)
        elif path.suffix == ".txt":
            path.read_bytes().decode("utf-8")
    return time.perf_counter() - started


def serve_edit_seconds(project: Path, edits: int = 3) -> list[tuple[float, float]]:
    """For ``edits`` edits in a row, each once the one before has settled: seconds from
    saving an edited briefing.yaml to the served page showing the edit, and to the
    whole site showing it (the browsers' next reload: see ``reloaded``)."""
    slug = "briefing-00000"
    path = project / "content" / "briefings" / slug / "briefing.yaml"
    original = path.read_text(encoding="utf-8")
    seconds = []
    with mkdocs_serve(project, "--dirty", env=ENV) as base:
        url = f"{base}/en/briefings/{slug}/"
        deadline = time.monotonic() + 1800
        while "data-pagefind-body" not in (fetch(url) or ""):
            if time.monotonic() > deadline:
                raise RuntimeError("mkdocs serve did not come up")
            time.sleep(0.5)
        for edit in range(edits):
            # Let the watcher, the search index and the preview's warm-up settle.
            time.sleep(5)
            marker = f"Served edit {edit}"
            path.write_text(
                original.replace("title: {id: ", f"title: {{id: Edited {edit} ", 1).replace(
                    ", en: ", f", en: {marker} ", 1
                ),
                encoding="utf-8",
            )
            started = time.perf_counter()
            while marker not in (page := fetch(url) or ""):
                if time.perf_counter() - started > 600:
                    raise RuntimeError("the edit never showed")
                time.sleep(0.05)
            shown = time.perf_counter() - started
            seconds.append((shown, reloaded(base, page, started) or shown))
    path.write_text(original, encoding="utf-8")
    return seconds


def reloaded(base: str, page: str, started: float) -> float | None:
    """Seconds from ``started`` to the served site's next version, None if none came
    within a minute (the page came with the whole site). The preview shows the edited
    page first, then the rest of the site (lists, related lists, feeds) follows and
    reloads the browsers again: asked here as the page's live-reload script asks."""
    found = re.search(r"livereload\((\d+),", page)
    if found is None:
        raise RuntimeError("the served page has no live-reload script")
    epoch = int(found.group(1))
    # Answered once the site's version is newer, else after MkDocs' poll timeout (60 s).
    newer = int(fetch(f"{base}/livereload/{epoch}/0", timeout=90) or epoch) > epoch
    return time.perf_counter() - started if newer else None


def measure(
    where: Path,
    counts: list[int],
    *,
    serve: bool,
    lunr: bool,
    build_runs: int = BUILD_RUNS,
) -> list[dict[str, Any]]:
    """One row of the table a size. Everything it makes stays under ``where`` (several
    copies of each site): the caller deletes it when the whole run is over.

    Generation is measured size by size; then the cold builds of all sizes, taking
    turns (see cold_builds); then what each built site gives.
    """
    projects: dict[int, Path] = {}
    rows: dict[int, dict[str, Any]] = {}
    for count in counts:
        print(f"generating {count} briefings ...", file=sys.stderr, flush=True)
        projects[count] = make_project(where, count)
        rows[count] = measure_generation(where, projects[count], count)
    builds, zensical = cold_builds(where, projects, build_runs)
    for count in counts:
        if count in zensical:
            rows[count]["zensical_build_s"] = zensical[count]
            # Against MkDocs' build of the same round, just before it.
            rows[count]["zensical_over_mkdocs"] = zensical[count] / builds[count][0][1]
        print(f"measuring the site of {count} briefings ...", file=sys.stderr, flush=True)
        measure_site(rows[count], projects[count], builds[count], serve=serve, lunr=lunr)
        print(table([rows[count]]), file=sys.stderr, flush=True)
    return [rows[count] for count in counts]


def measure_generation(where: Path, project: Path, count: int) -> dict[str, Any]:
    settings = Settings(root=project, site_url="https://bench.example.org/")
    row: dict[str, Any] = {"briefings": count}
    # Generation as `mkdocs build` does it: languages in parallel, nothing kept. This
    # machine's speed drifts from minute to minute, so the floor and generation take
    # turns, three times: each pair meets one phase of the machine, and the table gives
    # the best of each and the median of the pairs' own ratios. Nothing is deleted
    # before the run ends (see fresh_copy): each run writes a new folder.
    row["generate_forked"] = can_fork()  # else generation ran in this one process
    floors, runs = [], []
    for attempt in range(3):
        floors.append(parse_floor(project))
        runs.append(timed_cpu(generate, settings, out_dir=where / f"n{count}-gen{attempt}"))
    row["parse_floor_runs_s"] = floors
    row["parse_floor_s"] = min(floors)
    row["generate_runs_s"] = [seconds for seconds, *_ in runs]
    ratios = [run[0] / floor for run, floor in zip(runs, floors, strict=True)]
    row["generate_over_floor_runs"] = ratios
    row["generate_over_floor_median"] = statistics.median(ratios)
    row["generate_s"], user, kernel, result = min(runs, key=lambda run: run[0])
    # CPU of the best run, all processes: the kernel's share is mostly making files.
    row.update(generate_user_s=user, generate_kernel_s=kernel, generated_pages=result.pages)
    row["generate_over_floor"] = row["generate_s"] / row["parse_floor_s"]
    # As `mkdocs serve` does: in one process, keeping a cache for the runs after.
    cache = Caches()
    kept = where / f"n{count}-gen"
    row["generate_serial_s"], _ = timed(generate, settings, out_dir=kept, cache=cache)
    noop_s, noop = timed(generate, settings, out_dir=kept, cache=cache)
    row.update(noop_s=noop_s, noop_rendered=noop.rendered, noop_written=len(noop.report.written))
    edited = project / "content" / "briefings" / "briefing-00001" / "briefing.yaml"
    edited.write_text(edited.read_text().replace("title: {id: ", "title: {id: Edited ", 1))
    edit_s, edit = timed(generate, settings, out_dir=kept, cache=cache)
    row.update(edit_s=edit_s, edit_rendered=edit.rendered, edit_written=len(edit.report.written))
    row["pages_listing_edit"] = pages_listing(kept, "briefing-00001")
    return row


Build = tuple[Path, float, int, str]  # the project's copy, seconds, peak memory, log


def cold_builds(
    where: Path, projects: dict[int, Path], runs: int
) -> tuple[dict[int, list[Build]], dict[int, float]]:
    """Cold builds (nothing generated or built before), each in a fresh copy: ``runs``
    of each size up to 1,000 briefings, one of each larger size.

    The sizes take turns, in an order reversed every round (100, 1000, 3000; then
    1000, 100; then 100, 1000), so that the builds of every size meet the same
    phases of the machine: the linear-growth ratio compares sizes, and this
    machine's speed drifts by half from one quarter of an hour to the next.

    In the first round, each size up to 1,000 is also built once with Zensical right
    after MkDocs (``briefings build --engine zensical``): their seconds, by size.
    """
    builds: dict[int, list[Build]] = {count: [] for count in projects}
    zensical: dict[int, float] = {}
    for attempt in range(runs):
        order = sorted(projects, reverse=attempt % 2 == 1)
        for count in order:
            if attempt > 0 and count > 1000:
                continue
            print(f"building {count} briefings ({attempt + 1}) ...", file=sys.stderr, flush=True)
            copy = fresh_copy(projects[count], where / f"n{count}-build{attempt}")
            command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
            builds[count].append((copy, *run_child(command, copy)))
            if attempt == 0 and count <= 1000:
                print(f"building {count} briefings with Zensical ...", file=sys.stderr, flush=True)
                copy = fresh_copy(projects[count], where / f"n{count}-zensical")
                command = [sys.executable, "-m", "generator.cli", "build", "--engine", "zensical"]
                zensical[count] = run_child(command, copy)[0]
    return builds, zensical


def measure_site(
    row: dict[str, Any], project: Path, builds: list[Build], *, serve: bool, lunr: bool
) -> None:
    """Add what the builds of one size give to its row: the best build, generation's
    share of it and of every build (as the plugin logs it), the site's size, search
    and serving."""
    row["build_runs_s"] = [seconds for _, seconds, _, _ in builds]
    built, row["build_s"], _, log = min(builds, key=lambda build: build[1])
    row["build_peak_bytes"] = max(peak for _, _, peak, _ in builds)
    row["generate_in_build_s"] = logged_generation(log)
    # Each build's own share: generation and the rest of a build meet the same phase
    # of the machine, so the shares vary less than either time does.
    shares = [logged_generation(log) / seconds for _, seconds, _, log in builds]
    row["generate_share_of_build_runs"] = shares
    row["generate_share_of_build_median"] = statistics.median(shares)
    site = built / "site"
    row["site_pages"] = html_pages(site)
    row["site_bytes"] = tree_bytes(site)
    row["bytes_per_page"] = row["site_bytes"] / row["site_pages"]
    row["build_s_per_page"] = row["build_s"] / row["site_pages"]
    row["median_build_s_per_page"] = statistics.median(row["build_runs_s"]) / row["site_pages"]
    row["generate_share_of_build"] = row["generate_in_build_s"] / row["build_s"]
    row["search_first_query_bytes_estimate"] = first_query_bytes_estimate(site, "en")
    row.update(search_in_browser(built, site, row["search_first_query_bytes_estimate"]))
    if lunr:
        row["lunr_index_bytes"], _ = lunr_index_bytes(built, "en")
        row["search_share_of_lunr"] = row["search_first_query_bytes"] / row["lunr_index_bytes"]
    if serve:
        # The median of three edits in a row, against the best cold build.
        edits = serve_edit_seconds(project)
        row["serve_edit_runs_s"] = [shown for shown, _ in edits]
        row["serve_edit_s"] = statistics.median(row["serve_edit_runs_s"])
        row["serve_share_of_build"] = row["serve_edit_s"] / row["build_s"]
        row["serve_settled_runs_s"] = [settled for _, settled in edits]
        row["serve_settled_s"] = statistics.median(row["serve_settled_runs_s"])


def logged_generation(log: str) -> float:
    """Generation's seconds in a build, from the plugin's line in the build's log."""
    logged = re.search(r"briefings: .* in ([0-9.]+) seconds", log)
    if logged is None:
        raise RuntimeError(f"the build did not log its generation time:\n{log}")
    return float(logged.group(1))


COLUMNS = [
    ("briefings", "N", "{:d}"),
    ("site_pages", "pages", "{:d}"),
    ("parse_floor_s", "floor s", "{:.2f}"),
    ("generate_s", "generate s", "{:.2f}"),
    ("generate_over_floor", "gen/floor", "{:.1f}×"),
    ("generate_over_floor_median", "gen/floor median", "{:.1f}×"),
    ("generate_user_s", "gen CPU user s", "{:.2f}"),
    ("generate_kernel_s", "gen CPU kernel s", "{:.2f}"),
    ("generate_serial_s", "gen 1 core s", "{:.2f}"),
    ("build_s", "build s", "{:.1f}"),
    ("generate_in_build_s", "gen in build s", "{:.2f}"),
    ("generate_share_of_build", "gen/build", "{:.0%}"),
    ("generate_share_of_build_median", "gen/build median", "{:.0%}"),
    ("build_s_per_page", "s/page", "{:.4f}"),
    ("bytes_per_page", "bytes/page", "{:,.0f}"),
    ("site_bytes", "site bytes", "{:,d}"),
    ("noop_rendered", "no-op rendered", "{:d}"),
    ("noop_written", "no-op written", "{:d}"),
    ("edit_rendered", "edit rendered", "{:d}"),
    ("edit_written", "edit written", "{:d}"),
    ("pages_listing_edit", "pages listing it", "{:d}"),
    ("search_first_query_bytes", "search KB", "{:,.0f}"),
    ("search_share_of_lunr", "search/lunr", "{:.1%}"),
    ("search_title_ranks", "title rank en/id", "{}"),
    ("zensical_build_s", "Zensical build s", "{:.1f}"),
    ("zensical_over_mkdocs", "Zensical/MkDocs", "{:.1f}×"),
    ("serve_edit_s", "serve edit s", "{:.2f}"),
    ("serve_share_of_build", "serve/build", "{:.0%}"),
    ("serve_settled_s", "serve whole site s", "{:.2f}"),
    ("build_peak_bytes", "peak MB", "{:,.0f}"),
]


def table(rows: list[dict[str, Any]]) -> str:
    header = "| " + " | ".join(label for _, label, _ in COLUMNS) + " |"
    lines = [header, "|" + "---|" * len(COLUMNS)]
    for row in rows:
        cells = []
        for key, _, fmt in COLUMNS:
            value = row.get(key)
            if value is None:
                cells.append("–")
            elif key == "search_first_query_bytes":
                cells.append(fmt.format(value / 1024))
            elif key == "build_peak_bytes":
                cells.append(fmt.format(value / 1024 / 1024))
            else:
                cells.append(fmt.format(value))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 3000])
    parser.add_argument("--skip-serve", action="store_true", help="do not time `mkdocs serve`")
    parser.add_argument(
        "--skip-lunr", action="store_true", help="do not build a lunr index to compare"
    )
    parser.add_argument(
        "--before",
        metavar="REV",
        help="then also cold builds of REV and of HEAD at the largest size, taking turns",
    )
    parser.add_argument("--json", type=Path, default=ROOT / "bench" / "results.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="briefings-bench-") as where:
        costs = file_costs(Path(where) / "file-costs")
        rows = measure(Path(where), args.sizes, serve=not args.skip_serve, lunr=not args.skip_lunr)
    before_after = cards_kept = None
    if args.before:
        print(f"cold builds of {args.before} and HEAD ...", file=sys.stderr, flush=True)
        before_after = compare(args.before, "HEAD", max(args.sizes), BUILD_RUNS)
        # As the Pages workflow builds: the share cards restored from the Actions cache.
        cards_kept = compare(args.before, "HEAD", max(args.sizes), BUILD_RUNS, cards_kept=True)
    by_size = {row["briefings"]: row for row in rows}
    ratios = {}
    if 100 in by_size and 1000 in by_size:
        small, large = by_size[100], by_size[1000]
        ratios = {
            "build_s_per_page_1000_over_100": large["build_s_per_page"] / small["build_s_per_page"],
            "median_build_s_per_page_1000_over_100": large["median_build_s_per_page"]
            / small["median_build_s_per_page"],
            "bytes_per_page_1000_over_100": large["bytes_per_page"] / small["bytes_per_page"],
        }
    machine = {
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        **costs,
    }
    results = {
        "machine": machine,
        "rows": rows,
        "ratios": ratios,
        "before_after": before_after,
        "before_after_cards_kept": cards_kept,
    }
    args.json.write_text(json.dumps(results, indent=2))
    print(table(rows))
    for compared in (before_after, cards_kept):
        if compared is not None:
            print(summary(compared))
    for name, value in ratios.items():
        print(f"{name}: {value:.2f}")
    print(f"machine: {machine}; JSON in {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
