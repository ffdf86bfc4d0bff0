"""The preview's language sites, kept in memory between edits.

``mkdocs build --dirty`` still starts a process, loads the theme, lists every file
and builds the whole navigation before it skips the unchanged pages: work that grows
with the archive and that every edit repeats. While ``mkdocs serve`` runs, each
language's MkDocs site (configuration, files, navigation, theme templates) is
instead loaded once, in this process, and an edit re-renders only the pages whose
Markdown the generator changed. Anything else (a page added or removed, a
language's ``mkdocs.yml`` or the theme overrides changed) makes ``update`` say so,
and the caller builds the languages again the usual way: with ``--dirty``, or,
after a theme change, which every page shows, in full.

Saving a briefing's files (and nothing else) shows its page first: MkDocs' watcher
only says that something changed, so ``Changes`` keeps which paths did, and the
plugin generates and renders the edited briefing's own pages before the rest of the
site (lists, related lists, feeds), which follows in the background and reloads the
browsers again when done, as Hugo's fast render mode puts the page in view first.

What this needs of MkDocs' internals is in ``generator.mkdocs_internals``.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Literal

from jinja2 import Environment, FileSystemLoader
from watchdog.events import FileSystemEvent, FileSystemEventHandler

from generator.errors import Problem, errors_only
from generator.i18n import translators
from generator.load import REGISTRIES
from generator.mkdocs_internals import LoadedSite
from generator.settings import Settings
from generator.write import WriteReport

log = logging.getLogger("mkdocs.plugins.briefings")

# What ``LiveSite.update`` did: shown the edit, or left it to a dirty or a full build.
Outcome = Literal["updated", "build", "full build"]


class LiveSite:
    """Every language's site as the last full build left it, ready for small edits."""

    def __init__(self, settings: Settings, site_dir: Path) -> None:
        self.settings = settings
        self.site_dir = site_dir
        self._languages: dict[str, LoadedSite] = {}
        self._theme = _theme_state(settings.overrides_dir)
        self._lock = threading.Lock()
        self._closed = False

    def warm_up(self) -> None:
        """Load every language now, so that the first edit does not wait for it; meant
        for a thread of its own. Rendering the home page again compiles the theme's
        templates, which would otherwise hold up the first edit."""
        with self._lock:
            for lang in self.settings.languages:
                if self._closed:
                    return
                if lang not in self._languages:
                    self._languages[lang] = self._load(lang)
                    self._languages[lang].rebuild(["index.md"])

    def close(self) -> None:
        """Write nothing more: the server is removing the site (waits for a warm-up)."""
        self._closed = True
        with self._lock:
            pass

    def update(self, report: WriteReport) -> Outcome:
        """Re-render what ``report`` says generation changed, or say which build of the
        languages can show it (which the caller then runs)."""
        theme = _theme_state(self.settings.overrides_dir)
        by_language = _changed_sources(report, self.settings.languages)
        with self._lock:
            if theme != self._theme:
                self._theme = theme
                self._languages.clear()
                return "full build"
            if by_language is None:
                self._languages.clear()
                return "build"
            for lang, changed in by_language.items():
                if lang not in self._languages:
                    self._languages[lang] = self._load(lang)
                if not self._languages[lang].rebuild(changed):
                    self._languages.clear()
                    return "build"
        return "updated"

    def _load(self, lang: str) -> LoadedSite:
        return LoadedSite.load(self.settings.out_dir / lang, self.site_dir / lang)


class Changes(FileSystemEventHandler):
    """The paths the watcher saw change since they were last taken, for a handler
    beside MkDocs' own, which only asks for a build."""

    def __init__(self) -> None:
        self._paths: set[Path] = set()
        self._lock = threading.Lock()

    def on_any_event(self, event: FileSystemEvent) -> None:
        with self._lock:
            for path in (event.src_path, event.dest_path):
                if path:
                    self._paths.add(Path(os.fsdecode(path)))

    def take(self) -> set[Path]:
        with self._lock:
            paths, self._paths = self._paths, set()
        return paths


@dataclass(frozen=True)
class Edit:
    """What a save changed, when it is only content: the briefings whose folders hold
    changed files, and whether a registry changed."""

    slugs: tuple[str, ...]
    registries: bool


def edited_content(settings: Settings, paths: Iterable[Path]) -> Edit | None:
    """The edit ``paths`` make, or None if one is anywhere else than a briefing's folder
    (the folder itself or a file directly in it) or a registry, or if there are none.
    Other files directly in the content folder (an editor's swap file) are not read."""
    slugs, registries, seen = set(), False, False
    for path in paths:
        try:
            parts = path.relative_to(settings.content_dir).parts
        except ValueError:
            return None
        if len(parts) == 1 and parts[0] in REGISTRIES:
            registries = seen = True
        elif len(parts) in (0, 1):
            continue  # the content folder, or a file in it that nothing reads
        elif parts[0] != settings.briefings_dir.name or len(parts) not in (2, 3):
            return None  # a briefing folder came or went, or a folder inside one changed
        else:
            slugs.add(parts[1])
            seen = True
    return Edit(tuple(sorted(slugs)), registries) if seen else None


def _changed_sources(report: WriteReport, languages: Iterable[str]) -> dict[str, list[str]] | None:
    """Changed Markdown and data files by language, as paths in its docs folder;
    None if a file was removed or a language's configuration changed."""
    if report.removed:
        return None
    changed: dict[str, list[str]] = {lang: [] for lang in languages}
    for path in report.written:
        lang, *rest = path.parts
        if lang not in changed or not rest:
            continue  # the top folder's page, which finish_site copies
        if rest[0] != "docs":
            return None  # mkdocs.yml
        changed[lang].append(PurePosixPath(*rest[1:]).as_posix())
    return changed


def _theme_state(overrides: Path) -> tuple[tuple[str, int, int], ...]:
    """The theme overrides' paths, sizes and modification times."""
    if not overrides.is_dir():
        return ()
    return tuple(
        (path.as_posix(), stat.st_size, stat.st_mtime_ns)
        for path in sorted(overrides.rglob("*"))
        if path.is_file() and (stat := path.stat())
    )


ERROR_TEMPLATE = "preview_error.html.j2"


def error_pages(settings: Settings, problems: Iterable[Problem]) -> dict[str, bytes]:
    """The page the preview shows while content has mistakes, in each language: every
    problem with its place, as `briefings check` prints it. Made once a failed build,
    not at every request."""
    env = Environment(
        loader=FileSystemLoader(settings.templates_dir),
        autoescape=True,  # problems quote the content, which is untrusted
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
    )
    template = env.get_template(ERROR_TEMPLATE)
    errors = errors_only(problems)
    pages = {}
    for lang, translator in translators(settings.locales_dir, settings.languages).items():
        context = {"_": translator.gettext, "gettext": translator.gettext}
        pages[lang] = template.render(lang=lang, problems=errors, **context).encode()
    return pages
