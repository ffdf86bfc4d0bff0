"""The MkDocs plugin: glue between ``mkdocs build``/``serve`` and the generator.

The root ``mkdocs.yml`` builds no page of its own: each hook forwards to a
``generator.session.Session``, which generates, builds and indexes the languages, and
while serving keeps caches and shows an edit first. Here only what MkDocs hands over:
its options, its config, its server.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files

from generator.mkdocs_internals import unsupported, with_reload_script
from generator.session import Session, SessionError
from generator.settings import Masthead, PageSizes, Settings, build_date


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
        self.command, self.dirty = "", False
        self.session: Session | None = None  # made once, kept across serve's builds

    # Defining on_startup keeps this instance across `mkdocs serve` rebuilds.
    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command, self.dirty = command, dirty
        reason = unsupported() if command == "serve" else None
        if reason is not None:
            raise PluginError(reason)

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        settings = settings_for(config, self)
        if self.session is None:
            self.session = Session(self.command, self.dirty, settings, self.config.search)
        # Serving reads mkdocs.yml again at every build; the caches know other settings.
        self.session.settings = settings
        config.site_dir = str(self.session.site_dir(Path(config.site_dir)))
        # The root build only orchestrates: no theme pages (404, sitemap) of its own.
        config.theme.static_templates.clear()
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        with _as_plugin_error():
            self._session().before_build()

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        return Files([])

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        with _as_plugin_error():
            self._session().after_build(Path(config.site_dir), bool(config.strict))

    def on_build_error(self, *, error: Exception) -> None:
        if self.session is not None:  # None: on_config itself failed
            self.session.build_failed()

    def on_shutdown(self) -> None:
        if self.session is not None:
            self.session.shut_down()

    def on_serve(
        self, server: LiveReloadServer, *, config: MkDocsConfig, builder: Any
    ) -> LiveReloadServer:
        session = self._session()
        settings = session.settings
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
                server.observer.schedule(session.changes, where, recursive=True)
        session.server = server
        serve_site = server.serve_request

        def serve_request(environ: dict[str, Any], start_response: Any) -> Any:
            page = session.error_page(str(environ.get("PATH_INFO", "/")))
            if page is None:
                return serve_site(environ, start_response)
            # 200: a 4xx or 5xx would put a warning in the terminal at every page view.
            start_response("200 OK", [("Content-Type", "text/html; charset=utf-8")])
            return [with_reload_script(server, page)]

        server.set_app(serve_request)
        return server

    def _session(self) -> Session:
        if self.session is None:  # pragma: no cover - MkDocs always calls on_config first
            raise PluginError("briefings: plugin used before on_config")
        return self.session


@contextlib.contextmanager
def _as_plugin_error() -> Iterator[None]:
    try:
        yield
    except SessionError as exc:
        raise PluginError(str(exc)) from None


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
