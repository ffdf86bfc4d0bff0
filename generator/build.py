"""The site from the generated trees: one engine build per language, then search.

The boundary between the generator and the engine: generation writes each
language's Markdown and ``mkdocs.yml`` into ``build/<lang>/``; here each language is
built into ``<site>/<lang>/`` by an engine (MkDocs, or Zensical, which reads the same
configuration) in a process of its own, the top folder gets its page and 404, and
Pagefind indexes each language. ``build_site`` runs it all for the ``briefings
build`` command, beside the site, then swaps it in; the MkDocs plugin calls the same
pieces from MkDocs' own build and serve.
"""

from __future__ import annotations

import functools
import json
import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from generator.layout import NOT_FOUND, TIMELINEJS, TOP_FILES
from generator.pipeline import GenerateResult, generate
from generator.settings import Settings

log = logging.getLogger("mkdocs.plugins.briefings")

ENGINES = ("mkdocs", "zensical")

# TimelineJS as `make` installs it from the npm registry, into the virtualenv that runs
# the build; its files that the timeline pages load (the rest are its sources and demos).
TIMELINEJS_PACKAGE = Path(sys.prefix, "node", "node_modules", "@knight-lab", "timelinejs")
TIMELINEJS_FILES = (
    "LICENSE",
    "dist/js/timeline.js",
    "dist/js/timeline.js.LICENSE.txt",
    "dist/css/timeline.css",
    "dist/css/icons",
)
TIMELINEJS_MISSING = (
    "briefings: TimelineJS is not installed (`make` installs it with npm): the timeline "
    "pages show their events as a list only"
)


class BuildError(Exception):
    """A language's build or the search index failed; its output says why."""


def build_site(
    settings: Settings, site_dir: Path, *, strict: bool = True, engine: str = "mkdocs"
) -> GenerateResult:
    """Generate, build every language and index it beside ``site_dir``, then swap it in:
    a failed build leaves ``site_dir`` as it was. Raises ContentError or BuildError."""
    # Absolute: the engines read a relative output folder from their configuration's.
    site_dir = site_dir.absolute()
    staging = staging_for(site_dir)
    shutil.rmtree(staging, ignore_errors=True)
    try:
        result = generate(settings)
        build_languages(settings, staging, strict=strict, dirty=False, engine=engine)
        finish_site(settings, staging)
        index_site(staging, settings.languages)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    swap(staging, site_dir)
    return result


def staging_for(site_dir: Path) -> Path:
    return site_dir.with_name(f".{site_dir.name}.building")


def finish_site(settings: Settings, site_dir: Path) -> None:
    """The top folder's files: its page (which sends a reader to a language), sitemap
    index, robots.txt, the favicon browsers ask the top folder for, and its 404 page:
    the default language's, whose script shows another language's for its addresses."""
    for name in TOP_FILES:
        shutil.copyfile(settings.out_dir / name, site_dir / name)
    not_found = site_dir / settings.default_language / NOT_FOUND
    if not_found.is_file():
        shutil.copyfile(not_found, site_dir / NOT_FOUND)
    favicon = settings.overrides_dir / "favicon.ico"
    if favicon.is_file():
        shutil.copyfile(favicon, site_dir / "favicon.ico")
    copy_timelinejs(TIMELINEJS_PACKAGE, site_dir / TIMELINEJS, settings.languages)


def copy_timelinejs(package: Path, target: Path, languages: Sequence[str]) -> bool:
    """TimelineJS's script, styles, icons, license and the languages' locale files (English
    is in the script), from its npm ``package`` into ``target``, in the layout of its
    ``dist`` folder, which its styles' links to the icons expect. False, said once, when
    the package is not there: the timeline pages then show their lists alone."""
    if not (package / "dist" / "js" / "timeline.js").is_file():
        _say_missing()
        return False
    locales = [f"dist/js/locale/{lang}.json" for lang in languages]
    for rel in (*TIMELINEJS_FILES, *locales):
        source = package / rel
        dest = target / rel.removeprefix("dist/")
        dest.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            shutil.copytree(source, dest, dirs_exist_ok=True)
        elif source.is_file():
            shutil.copyfile(source, dest)
    return True


@functools.cache  # said once a process: serving builds again and again
def _say_missing() -> None:
    log.info(TIMELINEJS_MISSING)


def swap(built: Path, final: Path) -> None:
    """Put the finished site in place of the previous one, in two renames."""
    previous = final.with_name(f".{final.name}.previous")
    shutil.rmtree(previous, ignore_errors=True)
    if final.exists():
        final.rename(previous)
    built.rename(final)
    shutil.rmtree(previous, ignore_errors=True)


def build_languages(
    settings: Settings, site_dir: Path, *, strict: bool, dirty: bool, engine: str = "mkdocs"
) -> None:
    """Build each language's site into ``site_dir/<lang>/``, each in a process of its own.

    As many at once as there are cores: the languages share nothing, and Python
    builds a site on one core. A process of its own also hands all of a build's
    memory back when it ends.
    """
    if engine not in ENGINES:
        raise BuildError(f"unknown engine {engine!r}: one of {', '.join(ENGINES)}")

    def build_one(lang: str) -> subprocess.CompletedProcess[str]:
        tree = settings.out_dir / lang
        if engine == "zensical":
            return _zensical(tree, site_dir / lang, strict=strict)
        options = ["--strict"] if strict else []
        options += ["--dirty"] if dirty else []
        command = [sys.executable, "-m", "mkdocs", "build", "-f", str(tree / "mkdocs.yml")]
        return subprocess.run(
            [*command, "-d", str(site_dir / lang), *options],
            capture_output=True,
            text=True,
            check=False,
        )

    jobs = max(1, min(len(settings.languages), os.cpu_count() or 1))
    with ThreadPoolExecutor(jobs) as pool:
        results = list(pool.map(build_one, settings.languages))
    failed = []
    for lang, completed in zip(settings.languages, results, strict=True):
        _relay(lang, completed.stderr)
        if completed.returncode != 0:
            failed.append(lang)
    if failed:
        raise BuildError(f"building the site failed for: {', '.join(failed)} (see above)")


def _zensical(tree: Path, target: Path, *, strict: bool) -> subprocess.CompletedProcess[str]:
    """Build one language's tree with Zensical, which reads the same mkdocs.yml.

    Zensical takes no output folder on its command line and wants it inside the
    configuration's folder: a small configuration on top of the generated one
    points it at ``.site`` there, moved into place afterwards.
    """
    config = tree / ".zensical.yml"
    # Zensical runs no MkDocs plugin: finished HTML is read as the comments mark it.
    config.write_text("INHERIT: mkdocs.yml\nsite_dir: .site\nplugins: []\n", encoding="utf-8")
    shutil.rmtree(tree / ".site", ignore_errors=True)
    command = [sys.executable, "-m", "zensical", "build", "-f", str(config)]
    completed = subprocess.run(
        [*command, *(["--strict"] if strict else [])],
        capture_output=True,
        text=True,
        check=False,
    )
    # Zensical reports on stdout and fails with a traceback on stderr.
    output = completed.stdout + completed.stderr
    if completed.returncode == 0:
        shutil.rmtree(target, ignore_errors=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        (tree / ".site").rename(target)
    return subprocess.CompletedProcess(command, completed.returncode, "", output)


def _relay(lang: str, output: str) -> None:
    """A language build's log lines, into this build's log at their own level."""
    level = logging.INFO
    for line in output.splitlines():
        prefix, _, message = line.partition(" -  ")
        if message and prefix.strip() in ("DEBUG", "INFO", "WARNING", "ERROR"):
            level = logging.getLevelName(prefix.strip())
        else:
            message = line  # a message's continuation keeps its level
        if message.strip():
            log.log(level, f"[{lang}] {message}")


def index_site(site_dir: Path, languages: Sequence[str]) -> None:
    """Build the Pagefind search bundle of each language into site/<lang>/pagefind/.

    One bundle per language: each language's search loads only its own index,
    Pagefind stems it by the pages' <html lang>, and indexing one language at a
    time halves Pagefind's peak memory.
    """
    for lang in languages:
        completed = subprocess.run(
            [
                *(sys.executable, "-m", "pagefind", "--site", str(site_dir / lang), "--silent"),
                # Headings' permalinks (¶) are no words of the page.
                *("--exclude-selectors", ".headerlink"),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if completed.returncode != 0:
            raise BuildError(f"Pagefind failed:\n{completed.stdout}{completed.stderr}")
        # Pagefind writes its entry file in hash-map order; sort it so that the
        # same input always gives byte-identical output.
        entry = site_dir / lang / "pagefind" / "pagefind-entry.json"
        data = json.loads(entry.read_text(encoding="utf-8"))
        entry.write_text(json.dumps(data, sort_keys=True, separators=(",", ":")), encoding="utf-8")
