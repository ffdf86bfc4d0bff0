"""`make bench` keeps working: one small corpus through every measurement it takes.

The figures themselves are the benchmark's business (docs/en/contribute/performance.md); here
only what must hold at any size: a no-op regenerates nothing, an edit re-renders only
what lists the briefing, the build logs its generation time, search finds a briefing
by its title.
"""

from __future__ import annotations

import gc
import shutil
from pathlib import Path

import pytest
import yaml

from bench import run, search, stages

pytestmark = pytest.mark.slow


def test_benchmark_measures_a_small_corpus(tmp_path: Path) -> None:
    (row,) = run.measure(tmp_path, [4], serve=False, lunr=False, build_runs=1)
    assert row["generated_pages"] > 4 * 2
    assert row["generate_user_s"] > 0 and row["generate_kernel_s"] > 0  # it made files
    assert (row["noop_rendered"], row["noop_written"]) == (0, 0)
    assert 1 <= row["edit_rendered"] <= row["pages_listing_edit"]
    ratios = row["generate_over_floor_runs"]  # the floor and generation take turns
    assert len(ratios) == len(row["parse_floor_runs_s"]) == len(row["generate_runs_s"]) == 3
    assert min(ratios) <= row["generate_over_floor_median"] <= max(ratios)
    assert 0 < row["generate_in_build_s"] < row["build_s"]
    shares = row["generate_share_of_build_runs"]  # one a build, each from its own log
    assert len(shares) == len(row["build_runs_s"]) and all(0 < share < 1 for share in shares)
    assert min(shares) <= row["generate_share_of_build_median"] <= max(shares)
    assert row["site_pages"] >= row["generated_pages"]
    assert row["search_first_query_bytes"] > 0
    if search.chromium() is not None:
        assert row["search_measured_in"] == "chromium"
        assert row["search_title_ranks"] == "1/1"
    assert row["zensical_build_s"] > 0  # the same corpus, the second engine
    assert row["zensical_over_mkdocs"] == row["zensical_build_s"] / row["build_runs_s"][0]
    made = sorted(p.name for p in tmp_path.iterdir())
    generated = [f"n4-gen{suffix}" for suffix in ("", "0", "1", "2")]
    assert made == ["n4", "n4-build0", *generated, "n4-zensical"]
    assert not (tmp_path / "n4" / "site").exists(), "builds run in fresh copies"


def test_file_costs_are_timed_on_the_benchmark_disk(tmp_path: Path) -> None:
    costs = run.file_costs(tmp_path / "probe", count=50)
    assert sorted(costs) == ["create_file_ms", "read_file_ms"]
    assert all(ms > 0 for ms in costs.values())
    assert len(list((tmp_path / "probe").iterdir())) == 50


def test_every_stage_runs_for_counting(capsys: pytest.CaptureFixture[str]) -> None:
    for stage in stages.STAGES:
        assert stages.main(["--briefings", "2", "--stage", stage]) == 0
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == "none: 2 briefings, 0 pages (id)"
    pages = [int(line.split(", ")[1].split()[0]) for line in printed]
    assert pages[3] == pages[4] == pages[5] > 2  # localize, render, data: the same pages
    assert gc.isenabled(), "the cycle collector is back on"


def test_parse_floor_reads_every_content_file(tmp_path: Path) -> None:
    project = run.make_project(tmp_path, 2)
    assert run.parse_floor(project) > 0
    (project / "content" / "briefings" / "briefing-00000" / "briefing.yaml").write_text(
        "title: [unclosed\n", encoding="utf-8"
    )
    with pytest.raises(yaml.YAMLError, match="flow sequence"):
        run.parse_floor(project)
    shutil.rmtree(project)
