"""One `mkdocs build` or `mkdocs serve`, hook by hook, without MkDocs' objects: what
the plugin (``generator.plugin``) forwards to.

A build generates (``generator.pipeline``), then builds and indexes each language
(``generator.build``). Serving keeps the pipeline's caches and, with ``--dirty``, the
languages' sites (``generator.preview.LiveSite``), and each build is in one phase:

- ``whole``: generate everything that is stale, then put it in the site;
- ``edited first``: a save in existing briefings' folders or the registries; their own
  pages are generated and put in the site at once, and a thread makes the rest of the
  site, then asks `mkdocs serve` for one more build so that the browsers reload;
- ``reload only``: that build: the rest is in the site already;
- ``mistake``: the content has errors; every page shows them over the last good site.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import threading
import time
from pathlib import Path
from typing import Literal

from mkdocs.livereload import LiveReloadServer

from generator.build import BuildError, build_languages, finish_site, index_site, staging_for, swap
from generator.errors import ContentError
from generator.mkdocs_internals import rebuild_soon
from generator.pipeline import Caches, generate, generate_edited
from generator.preview import Changes, LiveSite, Outcome, edited_content, error_pages
from generator.settings import Settings
from generator.write import WriteReport

log = logging.getLogger("mkdocs.plugins.briefings")

Phase = Literal["whole", "edited first", "reload only", "mistake"]


class SessionError(Exception):
    """A build cannot go on (the plugin turns it into MkDocs' PluginError)."""


class Session:
    def __init__(self, command: str, dirty: bool, settings: Settings, search: bool) -> None:
        self.command, self.dirty, self.settings, self.search = command, dirty, settings, search
        self.serving = command == "serve"
        self.final_site: Path | None = None  # where a clean `mkdocs build` swaps its output
        self.phase: Phase = "whole"
        self.cache = Caches()  # kept across `mkdocs serve` builds
        self.report: WriteReport | None = None  # what the last generation changed
        self.edited: WriteReport | None = None  # what the edited-first step wrote
        self.live: LiveSite | None = None  # the languages' sites, while serving --dirty
        self.error_pages: dict[str, bytes] = {}  # by language, in the mistake phase
        self.changes = Changes()  # the paths the watcher saw change
        self.server: LiveReloadServer | None = None
        self._rest: threading.Thread | None = None
        self._builds = 0  # builds begun
        self._indexing = threading.Lock()  # one Pagefind run at a time while serving
        self._closed = False  # shut down: no thread of ours writes into the site again

    def site_dir(self, configured: Path) -> Path:
        """Where MkDocs builds: beside the site for a clean `mkdocs build`, which is then
        swapped in, so that a failed build leaves the site as it was."""
        if self.command != "build" or self.dirty:
            return configured
        self.final_site = configured
        staging = staging_for(configured)
        shutil.rmtree(staging, ignore_errors=True)
        return staging

    # -- before MkDocs' build ----------------------------------------------------

    def before_build(self) -> None:
        self._builds += 1
        changed = self.changes.take()
        if self._rest is not None:
            self._rest.join()  # what the edit before changed; the caches are its
            self._rest = None
            if not changed:
                self.phase = "reload only"
                return
        self.edited = None
        edit = edited_content(self.settings, changed)
        if self.live is not None and edit is not None and self.phase != "mistake":
            started = time.perf_counter()
            with contextlib.suppress(OSError):  # the whole way below says what is wrong
                self.edited = generate_edited(
                    self.settings, self.cache, edit.slugs, registries=edit.registries
                )
            if self.edited is not None:
                seconds = time.perf_counter() - started
                entries = ["the registries' changed entries"] if edit.registries else []
                what = ", ".join([*edit.slugs, *entries])
                log.info(f"briefings: {what} generated first, in {seconds:.2f} seconds")
                self.phase = "edited first"
                return
        self._generate()

    def _generate(self) -> None:
        started = time.perf_counter()
        try:
            # Serving keeps what it loaded and rendered for the next build.
            result = generate(self.settings, cache=self.cache if self.serving else None)
        except ContentError as exc:
            if not self.serving:
                raise SessionError(str(exc)) from None
            log.error(str(exc))
            self.error_pages = error_pages(self.settings, exc.problems)
            self.phase = "mistake"
            return
        except OSError as exc:  # the disk or the system, not content
            where = f" {exc.filename}" if exc.filename else ""
            raise SessionError(f"briefings: cannot write{where}: {exc.strerror or exc}") from None
        self.report, self.error_pages, self.phase = result.report, {}, "whole"
        for warning in result.warnings:
            log.info(str(warning))  # missing translations and the like: never fatal
        seconds = time.perf_counter() - started
        log.info(
            f"briefings: {result.pages} pages, {result.rendered} rendered, "
            f"{len(result.report.written)} files changed in {seconds:.2f} seconds"
        )

    # -- after MkDocs' build -----------------------------------------------------

    def after_build(self, site_dir: Path, strict: bool) -> None:
        if self.phase == "reload only":
            return
        if self.phase == "edited first":
            # The edited pages alone, now; the rest of the site after this build.
            if self._update_live(self.edited) == "updated":
                args = (site_dir, strict, self._builds)
                self._rest = threading.Thread(target=self._make_rest, args=args, daemon=True)
                self._rest.start()
                return
            # The languages must be built again; with --dirty that takes every page whose
            # Markdown is newer than its HTML, the edited ones too.
            self.live = None
            self._generate()
        self._build(site_dir, strict)

    def _build(self, site_dir: Path, strict: bool) -> None:
        if self.phase == "mistake":
            return  # the error pages are served over the last good site
        try:
            outcome = self._update_live(self.report)
            if outcome != "updated":
                dirty = self.dirty and outcome != "full build"
                build_languages(self.settings, site_dir, strict=strict, dirty=dirty)
                if self.serving and self.dirty:
                    self.live = LiveSite(self.settings, site_dir)
                    threading.Thread(target=self.live.warm_up, daemon=True).start()
            finish_site(self.settings, site_dir)
            if self.search:
                default = site_dir / self.settings.default_language / "pagefind"
                if self.serving and default.is_dir():
                    # Reload the page first, bring the search index up to date a moment
                    # later rather than hold every reload for it.
                    later = threading.Thread(target=self._index_later, args=(site_dir,))
                    later.daemon = True
                    later.start()
                else:
                    index_site(site_dir, self.settings.languages)
        except BuildError as exc:
            raise SessionError(str(exc)) from None
        if self.final_site is not None:
            swap(site_dir, self.final_site)

    def _make_rest(self, site_dir: Path, strict: bool, build: int) -> None:
        """After the edited pages of ``build`` have shown: generate and put in the site
        the rest of it, then have `mkdocs serve` build again, which reloads the browsers
        (unless a build for a newer edit has started, which waits for this one and
        reloads them itself)."""
        try:
            self._generate()
            self._build(site_dir, strict)
        except SessionError as exc:
            log.error(str(exc))
        finally:
            if self.server is not None and self._builds == build:
                rebuild_soon(self.server)

    def _update_live(self, report: WriteReport | None) -> Outcome:
        """Re-render just the pages generation changed, if that can show the edit."""
        if self.live is None or report is None:
            return "build"
        started = time.perf_counter()
        outcome = self.live.update(report)
        if outcome == "updated":
            seconds = time.perf_counter() - started
            changed = len(report.written)
            log.info(
                f"briefings: changed files put in the site: {changed}, in {seconds:.2f} seconds"
            )
        return outcome

    def _index_later(self, site_dir: Path) -> None:
        # Yield the cores to the next edit: Linux keeps a niceness for each thread, and
        # Pagefind, started from this one, inherits it (elsewhere this does nothing).
        with contextlib.suppress(OSError, AttributeError):
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
        with self._indexing:
            if self._closed:
                return
            try:
                index_site(site_dir, self.settings.languages)
            except BuildError as exc:
                log.warning(str(exc))

    def build_failed(self) -> None:
        if self.final_site is not None:
            shutil.rmtree(staging_for(self.final_site), ignore_errors=True)

    def shut_down(self) -> None:
        """`mkdocs serve` removes its temporary site right after this (its builds run in
        this thread, so none is under way): every thread of ours that writes into the
        site ends first (a warmed-up page, an edit's rest, search)."""
        if self.live is not None:
            self.live.close()
        if self._rest is not None:
            self._rest.join()
        with self._indexing:
            self._closed = True

    def error_page(self, path: str) -> bytes | None:
        """In the mistake phase, the page that lists the mistakes, for a page's path."""
        pages = self.error_pages
        if not pages or path.startswith("/livereload/") or not _is_page(path):
            return None
        lang = path.strip("/").split("/", 1)[0]
        return pages.get(lang, pages[self.settings.default_language])


def _is_page(path: str) -> bool:
    """Whether a URL path asks for a page, rather than a script, style or data file."""
    name = path.rsplit("/", 1)[-1]
    return "." not in name or name.endswith(".html")
