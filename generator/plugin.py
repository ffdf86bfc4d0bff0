"""The MkDocs plugin: glue between ``mkdocs build``/``serve`` and the generator.

The root ``mkdocs.yml`` builds no page of its own. Before MkDocs' build the
pipeline generates (``generator.pipeline``); after it, each language is built and
indexed (``generator.build``). ``mkdocs serve`` watches content, templates,
catalogs and theme overrides and does all of this again on a change, keeping the
pipeline's caches, so that a rebuild does work in proportion to the edit; with
``--dirty`` the languages' sites stay loaded and an edit re-renders only the pages
whose Markdown changed (``generator.preview``). A save in one briefing's folder
shows that briefing's pages first; the rest of the site follows in a thread, which
then asks for one more (empty) build, so that the browsers reload again.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import threading
import time
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files

from generator.build import (
    BuildError,
    build_languages,
    finish_site,
    index_site,
    staging_for,
    swap,
)
from generator.errors import ContentError
from generator.mkdocs_internals import rebuild_soon, unsupported, with_reload_script
from generator.pipeline import Caches, generate, generate_edited
from generator.preview import (
    Changes,
    LiveSite,
    Outcome,
    edited_content,
    error_pages,
)
from generator.settings import Masthead, PageSizes, Settings, build_date
from generator.write import WriteReport

log = logging.getLogger("mkdocs.plugins.briefings")


class BriefingsConfig(Config):  # type: ignore[no-untyped-call]
    languages = c.ListOfItems(c.Type(str), default=["id", "en"])
    language_names = c.Type(dict, default={})
    search = c.Type(bool, default=True)
    # How many entries a listing page holds before it continues on a next page:
    # briefings, actor_briefings, timeline_events (see generator.settings.PageSizes).
    per_page = c.Type(dict, default={})
    # Processes that generate at once; 0: one a core.
    jobs = c.Type(int, default=0)
    # Who the About page, bylines, feeds and JSON-LD name (generator.settings.Masthead):
    # the publisher (default: site_name), a contact (an email or https:// address) and
    # the desk that signs briefings without authors (default: the publisher).
    publisher = c.Type(str, default="")
    contact = c.Type(str, default="")
    desk = c.Type(str, default="")


class BriefingsPlugin(BasePlugin[BriefingsConfig]):  # type: ignore[no-untyped-call]
    """``plugins: [briefings: {languages: [id, en]}]`` in the root mkdocs.yml."""

    def __init__(self) -> None:
        self.dirty = False
        self.command = ""
        self.settings: Settings | None = None
        self.final_site: Path | None = None  # where a clean `mkdocs build` swaps its output
        self.cache = Caches()  # kept across `mkdocs serve` rebuilds
        self.report: WriteReport | None = None  # what the last generation changed
        self.live: LiveSite | None = None  # the languages' sites, while serving --dirty
        # While serving content with mistakes: the page that lists them, by language.
        self.error_pages: dict[str, bytes] = {}
        self._indexing = threading.Lock()  # one Pagefind run at a time while serving
        # Previewing: the paths that changed, and the briefings generated first (see
        # generator.preview), whose rest of the site a thread then makes.
        self.changes = Changes()
        self.server: LiveReloadServer | None = None
        self.edited: WriteReport | None = None
        self._rest: threading.Thread | None = None
        self.skip = False  # the build after the rest: nothing to do but reload
        self._builds = 0  # builds begun
        self._closed = False  # shut down: no thread of ours writes into the site again

    # Defining on_startup keeps this instance across `mkdocs serve` rebuilds.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        self.dirty = dirty
        reason = unsupported() if command == "serve" else None
        if reason is not None:
            raise PluginError(reason)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.settings = settings_for(config, self)
        if self.command == "build" and not self.dirty:
            # Build beside the site, then swap: a failed build leaves site/ as it was.
            self.final_site = Path(config.site_dir)
            staging = staging_for(self.final_site)
            shutil.rmtree(staging, ignore_errors=True)
            config.site_dir = str(staging)
        # The root build only orchestrates: no theme pages (404, sitemap) of its own.
        config.theme.static_templates.clear()
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self._builds += 1
        changed = self.changes.take()
        if self._rest is not None:
            self._rest.join()  # what the edit before changed; the caches are its
            self._rest = None
            if not changed:
                self.skip = True  # the build the rest asked for, to reload the browsers
                return
        self.skip = False
        self.edited = None
        settings = self._settings()
        edit = edited_content(settings, changed)
        if self.live is not None and edit is not None and not self.error_pages:
            started = time.perf_counter()
            with contextlib.suppress(OSError):  # the whole way below says what is wrong
                self.edited = generate_edited(
                    settings, self.cache, edit.slugs, registries=edit.registries
                )
            if self.edited is not None:
                seconds = time.perf_counter() - started
                entries = ["the registries' changed entries"] if edit.registries else []
                what = ", ".join([*edit.slugs, *entries])
                log.info(f"briefings: {what} generated first, in {seconds:.2f} seconds")
                return
        self._generate(settings)

    def _generate(self, settings: Settings) -> None:
        started = time.perf_counter()
        try:
            # Serving keeps what it loaded and rendered for the next rebuild.
            result = generate(settings, cache=self.cache if self.command == "serve" else None)
        except ContentError as exc:
            if self.command != "serve":
                raise PluginError(str(exc)) from None
            # Previewing: every page shows the mistakes until they are fixed (on_serve),
            # over the last good build, which stays.
            log.error(str(exc))
            self.error_pages = error_pages(settings, exc.problems)
            return
        except OSError as exc:  # the disk or the system, not content
            where = f" {exc.filename}" if exc.filename else ""
            raise PluginError(f"briefings: cannot write{where}: {exc.strerror or exc}") from None
        self.report = result.report
        self.error_pages = {}
        for warning in result.warnings:
            # Missing translations and the like: shown, never fatal to a build.
            log.info(str(warning))
        seconds = time.perf_counter() - started
        log.info(
            f"briefings: {result.pages} pages, {result.rendered} rendered, "
            f"{len(result.report.written)} files changed in {seconds:.2f} seconds"
        )

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        return Files([])

    def on_shutdown(self) -> None:
        # `mkdocs serve` removes its temporary site right after this (its builds run in
        # this thread, so none is under way): every thread of ours that writes into the
        # site ends first (a warmed-up page, an edit's rest, search).
        if self.live is not None:
            self.live.close()
        if self._rest is not None:
            self._rest.join()
        with self._indexing:
            self._closed = True

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        settings = self._settings()
        ours = (
            settings.content_dir,
            settings.templates_dir,
            settings.locales_dir,
            settings.overrides_dir,
        )
        for folder in ours:
            if folder.is_dir():
                server.watch(str(folder))
        # Beside MkDocs' handler on each watch, its own and these: which paths changed.
        # The same path (MkDocs keys them by abspath) shares MkDocs' watch.
        watched = [Path(config.docs_dir), *ours]
        if config.config_file_path:
            watched.append(Path(config.config_file_path))
        for path in watched:
            if path.exists():
                where = os.path.abspath(path)  # noqa: PTH100
                server.observer.schedule(self.changes, where, recursive=True)
        self.server = server
        serve_site = server.serve_request

        def serve_request(environ: dict[str, Any], start_response: Any) -> Any:
            path = str(environ.get("PATH_INFO", "/"))
            pages = self.error_pages
            if not pages or path.startswith("/livereload/") or not _is_page(path):
                return serve_site(environ, start_response)
            lang = path.strip("/").split("/", 1)[0]
            page = pages.get(lang, pages[settings.default_language])
            page = with_reload_script(server, page)
            # 200: a 4xx or 5xx would put a warning in the terminal at every page view.
            start_response("200 OK", [("Content-Type", "text/html; charset=utf-8")])
            return [page]

        server.set_app(serve_request)
        return server

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.skip:
            return
        if self.edited is not None:
            # The edited pages alone, now; the rest of the site after this build.
            if self._update_live(self.edited) == "updated":
                args = (config, self._builds)
                self._rest = threading.Thread(target=self._make_rest, args=args, daemon=True)
                self._rest.start()
                return
            # The languages must be built again; with --dirty that takes every page whose
            # Markdown is newer than its HTML, the edited ones too.
            self.live = None
            self._generate(self._settings())
        self._build(config)

    def _build(self, config: MkDocsConfig) -> None:
        if self.error_pages:
            return  # previewing a mistake: nothing to build (see on_pre_build)
        settings = self._settings()
        site_dir = Path(config.site_dir)
        try:
            outcome = self._update_live(self.report)
            if outcome != "updated":
                dirty = self.dirty and outcome != "full build"
                build_languages(settings, site_dir, strict=bool(config.strict), dirty=dirty)
                if self.command == "serve" and self.dirty:
                    self.live = LiveSite(settings, site_dir)
                    threading.Thread(target=self.live.warm_up, daemon=True).start()
            finish_site(settings, site_dir)
            if self.config.search:
                if (
                    self.command == "serve"
                    and (site_dir / settings.default_language / "pagefind").is_dir()
                ):
                    # Previewing: reload the page first, bring the search index up to
                    # date a moment later rather than hold every reload for it.
                    threading.Thread(
                        target=self._index_later, args=(site_dir,), daemon=True
                    ).start()
                else:
                    index_site(site_dir, settings.languages)
        except BuildError as exc:
            raise PluginError(str(exc)) from None
        if self.final_site is not None:
            swap(site_dir, self.final_site)

    def _make_rest(self, config: MkDocsConfig, build: int) -> None:
        """After the edited pages of ``build`` have shown: generate and render the rest
        of the site, then have ``mkdocs serve`` build again, which reloads the browsers
        (unless a build for a newer edit has started, which waits for this one and
        reloads them itself)."""
        try:
            self._generate(self._settings())
            self._build(config)
        except PluginError as exc:
            log.error(str(exc))
        finally:
            if self.server is not None and self._builds == build:
                rebuild_soon(self.server)

    def _update_live(self, report: WriteReport | None) -> Outcome:
        """Previewing: re-render just the pages generation changed, if that can show
        the edit (see generator.preview)."""
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
                index_site(site_dir, self._settings().languages)
            except BuildError as exc:
                log.warning(str(exc))

    def on_build_error(self, *, error: Exception) -> None:
        if self.final_site is not None:
            shutil.rmtree(staging_for(self.final_site), ignore_errors=True)

    def _settings(self) -> Settings:
        if self.settings is None:  # pragma: no cover - MkDocs always calls on_config first
            raise PluginError("briefings: plugin used before on_config")
        return self.settings


def _is_page(path: str) -> bool:
    """Whether a URL path asks for a page, rather than a script, style or data file."""
    name = path.rsplit("/", 1)[-1]
    return "." not in name or name.endswith(".html")


def settings_for(config: MkDocsConfig, plugin: BriefingsPlugin) -> Settings:
    """Settings from the root mkdocs.yml and the plugin's options in it."""
    try:
        today = build_date(os.environ)
    except ValueError as exc:  # the environment's, not mkdocs.yml's
        raise PluginError(f"briefings: {exc}") from None
    try:
        return Settings(
            root=Path(config.config_file_path or "mkdocs.yml").resolve().parent,
            languages=tuple(plugin.config.languages),
            language_names=dict(plugin.config.language_names),
            site_url=config.site_url or "",
            site_name=config.site_name,
            page_sizes=PageSizes.from_option(plugin.config.per_page),
            masthead=Masthead(plugin.config.publisher, plugin.config.contact, plugin.config.desk),
            jobs=plugin.config.jobs or os.cpu_count() or 1,
            today=today,
        )
    except ValueError as exc:
        raise PluginError(f"briefings plugin options in mkdocs.yml: {exc}") from None
