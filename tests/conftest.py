"""Shared fixtures: copies of the project built with the real MkDocs, on disk."""

from __future__ import annotations

import contextlib
import fcntl
import io
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest
import yaml
from browsing import Tab
from playwright import sync_api

from bench.project import PROJECT_PARTS, ROOT, copy_parts
from bench.search import CHROMIUM_ARGS, chromium
from generator import cli

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = ROOT.parent / "shared" / "seeds" / "japan-nato-liaison-office.id.txt"
SEED_SLUG = "japan-nato-liaison-office"
HOSTILE_SLUG = "hostile"
OUTSIDER = "indonesia-joins-brics"  # the briefing add_outsider_briefing adds
# Every build of the suite is made on 1 January 2024 (what is "coming up" depends on the
# day), in this process and in the commands it runs.
BUILD_DAY = "1704067200"
os.environ["SOURCE_DATE_EPOCH"] = BUILD_DAY
# `make test-fast` tries a tenth of each property's examples: the edit loop, not the proof.
EDIT_LOOP = os.environ.get("BRIEFINGS_EDIT_LOOP") == "1"


# The sites the suite builds once (a session's, or a module's `site`) and many tests
# read: a test reading one is slow.
SITE_FIXTURES = frozenset(
    {"shipped_site", "full_site", "newsroom_site", "hostile_site", "site", "zensical_site"}
)


@pytest.hookimpl(tryfirst=True)  # before `-m "not slow"` deselects
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test reading a built site is `slow` (`make test-fast` leaves it out).

    Workers take the tests one at a time (`make test` runs `--dist load --maxschedchunk
    1`) in this order: the slow and `long` ones first, so that quick ones fill the gaps
    at the end instead of a long one starting last; a module's tests stay together, so
    that a worker makes a module's fixtures about once.
    """
    module_order: dict[str, int] = {}
    first: dict[str, bool] = {}  # by test
    for item in items:
        if SITE_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
        module_order.setdefault(item.nodeid.partition("::")[0], len(module_order))
        first[item.nodeid] = any(item.get_closest_marker(name) for name in ("slow", "long"))
    items.sort(
        key=lambda item: (not first[item.nodeid], module_order[item.nodeid.partition("::")[0]])
    )


def examples(full: int) -> int:
    """How many examples a Hypothesis property tries in this run."""
    return max(3, full // 10) if EDIT_LOOP else full


SITE_URL = "https://briefings.example.org/"  # the site the suite's builds are made for
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": SITE_URL}


def copy_project(dest: Path) -> Path:
    """The project as a contributor's fork has it, without build output."""
    copy_parts(ROOT, dest, (*PROJECT_PARTS, "content"))
    return dest


def run_mkdocs(
    project: Path, *args: str, timeout: float = 600, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`mkdocs ARGS` in a project; ``env`` adds to (or overrides) ENV."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", *args, "-f", str(project / "mkdocs.yml")],
        cwd=project,
        env={**ENV, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def build(project: Path, timeout: float = 600, env: Mapping[str, str] | None = None) -> Path:
    """`mkdocs build --strict`, which must succeed; returns the site folder."""
    result = run_mkdocs(project, "build", "--strict", timeout=timeout, env=env)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return project / "site"


def run_cli(
    project: Path,
    *args: str,
    timeout: float = 300,
    env: Mapping[str, str] | None = None,
    real: bool = False,
) -> subprocess.CompletedProcess[str]:
    """The `briefings` command in a project; ``env`` adds to (or overrides) ENV.

    In this process by default, as `briefings` would run (its `main`, the project as the
    working folder, the environment, what it prints): a second each saved over starting
    Python. ``real``: the installed command in a process of its own, as contributors run
    it; each command keeps at least one test that way.
    """
    argv = ["--config", str(project / "mkdocs.yml"), *args]
    environment = {**ENV, **(env or {})}
    if real:
        return subprocess.run(
            [sys.executable, "-m", "generator.cli", *argv],
            cwd=project,
            env=environment,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    out, err = io.StringIO(), io.StringIO()
    saved = dict(os.environ)
    try:
        os.environ.clear()
        os.environ.update(environment)
        with (
            contextlib.chdir(project),
            contextlib.redirect_stdout(out),
            contextlib.redirect_stderr(err),
        ):
            try:
                code = cli.main(argv)
            except SystemExit as exc:  # argparse's usage errors, and messages given to it
                if isinstance(exc.code, str):
                    print(exc.code, file=sys.stderr)
                code = exc.code if isinstance(exc.code, int) else 1
    finally:
        os.environ.clear()
        os.environ.update(saved)
    return subprocess.CompletedProcess(argv, code, out.getvalue(), err.getvalue())


def git(repo: Path, *args: str) -> str:
    """git in a test's repository, as an author (CI's diffs, the commit hook): its output."""
    done = subprocess.run(
        ["git", "-c", "user.name=T", "-c", "user.email=t@example.org", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def pull_request_summary(
    project: Path,
    change: Callable[[], object],
    env: Mapping[str, str] | None = None,
    *,
    sites: bool = False,
) -> tuple[subprocess.CompletedProcess[str], str]:
    """The CI workflow's job-summary steps, run as GitHub runs them on a pull request whose
    one commit makes ``change`` to the project: the steps' output and the summary.

    ``sites``: also the steps that compare the built sites, after building the pull
    request's site (as `make site` does) and checking its base out into base/ (as
    actions/checkout does); the project then carries the generator, which builds the
    base's site from the base's own code."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text())
    steps = [
        s for s in workflow["jobs"]["test"]["steps"] if "GITHUB_STEP_SUMMARY" in s.get("run", "")
    ]
    if sites:
        shutil.copytree(
            ROOT / "generator", project / "generator", ignore=shutil.ignore_patterns("__pycache__")
        )
    else:
        steps = [s for s in steps if "base-site" not in s["run"]]
    git(project, "init", "-q")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "base")
    base = git(project, "rev-parse", "HEAD")
    change()
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "the pull request")
    (project / ".venv").symlink_to(ROOT / ".venv")
    if sites:
        build(project)
        git(project, "worktree", "add", "-q", "base", base)
    out = project / "summary.md"
    outputs = []
    for step in steps:
        result = subprocess.run(
            ["bash", "-e", "-c", step["run"]],
            cwd=project,
            env={
                **ENV,
                **{k: v for k, v in step.get("env", {}).items() if "${{" not in v},
                **(env or {}),
                "BASE": base,
                "GITHUB_STEP_SUMMARY": str(out),
            },
            capture_output=True,
            text=True,
            check=False,
        )
        outputs.append(result)
        if result.returncode:
            break
    result = subprocess.CompletedProcess(
        [s["name"] for s in steps],
        max(r.returncode for r in outputs),
        "".join(r.stdout for r in outputs),
        "".join(r.stderr for r in outputs),
    )
    return result, out.read_text(encoding="utf-8") if out.is_file() else ""


def require_seed() -> str:
    if not SEED.is_file():
        pytest.skip(f"the seed article is not here ({SEED.name} expected in ../shared/seeds/)")
    return SEED.read_text(encoding="utf-8")


def add_seed_article(project: Path) -> None:
    """Put the pasted seed article beside the shipped briefing, as a contributor would."""
    folder = project / "content" / "briefings" / SEED_SLUG
    (folder / "article.id.txt").write_text(require_seed(), encoding="utf-8")
    yaml_file = folder / "briefing.yaml"
    text = yaml_file.read_text(encoding="utf-8")
    yaml_file.write_text(
        text.replace("article:\n", "article:\n  file: article.id.txt\n", 1), encoding="utf-8"
    )


def add_outsider_briefing(project: Path) -> None:
    """A briefing written following only the README and the format guide."""
    source = FIXTURES / "outsider"
    shutil.copytree(
        source / OUTSIDER,
        project / "content" / "briefings" / OUTSIDER,
    )
    with (project / "content" / "actors.yaml").open("a", encoding="utf-8") as actors:
        actors.write("\n" + (source / "actors-extra.yaml").read_text(encoding="utf-8"))
    with (project / "content" / "tags.yaml").open("a", encoding="utf-8") as tags:
        tags.write((source / "tags-extra.yaml").read_text(encoding="utf-8"))


NEWSROOM = FIXTURES / "newsroom"
# The newsroom site is read on 1 August 2026, after every event its briefings record as
# happened, with events of late 2026 and 2027 coming up.
NEWSROOM_DAY = "1785542400"
# The five briefings of fixtures/newsroom: two record one event word for word (the 47th
# ASEAN Summit, 26-28 October 2025), two record the 2016 award in different words.
NEWSROOM_SLUGS = (
    "asean-summit-kuala-lumpur",
    "timor-leste-joins-asean",
    "arbitral-award-ten-years",
    "bakamla-natuna-patrols",
    "airlangga-asean-trade",
)


def add_newsroom_briefings(project: Path) -> None:
    """The five newsroom briefings and the actors and topics they name (after the
    outsider's, whose actors they name too)."""
    for slug in NEWSROOM_SLUGS:
        shutil.copytree(NEWSROOM / slug, project / "content" / "briefings" / slug)
    with (project / "content" / "actors.yaml").open("a", encoding="utf-8") as actors:
        actors.write("\n" + (NEWSROOM / "actors-extra.yaml").read_text(encoding="utf-8"))
    with (project / "content" / "tags.yaml").open("a", encoding="utf-8") as tags:
        tags.write((NEWSROOM / "tags-extra.yaml").read_text(encoding="utf-8"))


def newsroom_project(dest: Path) -> Path:
    """The shipped project, the outsider's briefing and the five newsroom briefings."""
    project = copy_project(dest)
    add_outsider_briefing(project)
    add_newsroom_briefings(project)
    return project


def built_once(factory: pytest.TempPathFactory, name: str, make: Callable[[Path], Path]) -> Path:
    """The site ``make`` builds from a project it writes where it is told: built by the
    first of the run's workers to ask for it, read by every other, which waits."""
    base = factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the run's folder, above each worker's own
    folder, made = base / name, base / f"{name}.built"
    with (base / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when closed
        if not made.is_file():
            shutil.rmtree(folder, ignore_errors=True)  # the rest of a build that failed
            made.write_text(str(make(folder / "project")), encoding="utf-8")
    return Path(made.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def shipped_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site exactly as the repository ships it."""
    return built_once(tmp_path_factory, "shipped", lambda dest: build(copy_project(dest)))


def _full(dest: Path) -> Path:
    project = copy_project(dest)
    if SEED.is_file():
        add_seed_article(project)
    add_outsider_briefing(project)
    return build(project)


@pytest.fixture(scope="session")
def full_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped site plus the seed article (when present) and an outsider's briefing."""
    return built_once(tmp_path_factory, "full", _full)


@pytest.fixture(scope="session")
def newsroom_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site of seven briefings: the shipped one, the outsider's and the newsroom's."""
    return built_once(
        tmp_path_factory,
        "newsroom",
        lambda dest: build(newsroom_project(dest), env={"SOURCE_DATE_EPOCH": NEWSROOM_DAY}),
    )


def _hostile(dest: Path) -> Path:
    project = copy_project(dest)
    folder = project / "content" / "briefings" / HOSTILE_SLUG
    folder.mkdir()
    for name in ("briefing.yaml", "article.id.md"):
        shutil.copy(FIXTURES / "hostile" / name, folder / name)
    for registry in ("actors.yaml", "tags.yaml"):
        with (project / "content" / registry).open("a", encoding="utf-8") as out:
            out.write("\n" + (FIXTURES / "hostile" / registry).read_text(encoding="utf-8"))
    return build(project)


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped site plus a briefing whose every field is an attack (fixtures/hostile)."""
    return built_once(tmp_path_factory, "hostile", _hostile)


@pytest.fixture(scope="session")
def browser() -> Iterator[sync_api.Browser]:
    """One headless Chromium for the whole run (Playwright's sync API allows one at a
    time per thread); each test opens its own pages. Skips when Chromium is missing."""
    executable = chromium()
    if executable is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path / "project")


@pytest.fixture(scope="module")
def tab(browser: sync_api.Browser) -> Iterator[Tab]:
    """One tab for a module's pages: a new page for each would cost Chromium a new
    process and cold caches every time."""
    opened = Tab(browser, [])
    yield opened
    opened.close()


# What `read_page` gives: a built page's text, by site and URL path.
Read = Callable[[Path, str], str]


@pytest.fixture
def read_page() -> Read:
    def read(site: Path, url_path: str) -> str:
        path = site / url_path.strip("/") / "index.html"
        assert path.is_file(), f"no page at /{url_path.strip('/')}/"
        return path.read_text(encoding="utf-8")

    return read


_ENTRY = re.compile(r'<li class="briefing-event.*?</li>', re.S)
_HREF = re.compile(r'href="([^"]*)"')


def broken_entry_links(site: Path) -> tuple[int, list[str]]:
    """Every link of every timeline entry in a built site: how many, and those that lead
    nowhere. Entries are finished HTML, whose links `mkdocs build --strict` does not check.
    """
    checked, broken = 0, []
    for page in sorted(site.rglob("index.html")):
        for entry in _ENTRY.findall(page.read_text(encoding="utf-8")):
            for href in _HREF.findall(entry):
                checked += 1
                if not (page.parent / href / "index.html").resolve().is_file():
                    broken.append(f"{page.relative_to(site)}: {href}")
    return checked, broken
