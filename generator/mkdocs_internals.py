"""Every use of MkDocs' private internals, in one place, for the version they were read
from (``MKDOCS_VERSION``; MkDocs is pinned, and ``tests/test_mkdocs_internals.py`` fails
at once on another version).

The preview re-renders edited pages with the two page functions MkDocs' own ``build``
uses, after gathering what ``build`` gathers before it writes (``LoadedSite``); it asks
the live-reload server for another build the way its watcher does (``rebuild_soon``),
and gives the error page the server's own reload script (``with_reload_script``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import mkdocs
from jinja2 import Environment
from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.nav import Navigation, get_navigation
from mkdocs.structure.pages import Page

MKDOCS_VERSION = "1.6.1"


def unsupported() -> str | None:
    """Why this MkDocs cannot be used by the preview, or None."""
    if mkdocs.__version__ != MKDOCS_VERSION:
        return (
            f"the preview was written for MkDocs {MKDOCS_VERSION}, and this is "
            f"{mkdocs.__version__}: install the pinned version (make serve)"
        )
    return None


@dataclass
class LoadedSite:
    """One MkDocs site as its last build left it: configuration, files, navigation and
    theme, with every page on disk."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: Environment

    @classmethod
    def load(cls, tree: Path, site_dir: Path) -> LoadedSite:
        """What MkDocs' build gathers before it writes (the first half of
        ``mkdocs.commands.build.build``), without reading any page."""
        config = load_config(str(tree / "mkdocs.yml"), site_dir=str(site_dir))
        config = config.plugins.on_config(config)
        files = get_files(config)
        env = config.theme.get_env()
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        nav = get_navigation(files, config)
        nav = config.plugins.on_nav(nav, config=config, files=files)
        for file in files.documentation_pages():
            if file.page is None:
                Page(None, file, config)
        env = config.plugins.on_env(env, config=config, files=files)
        return cls(config, files, nav, env)

    def rebuild(self, changed: Iterable[str]) -> bool:
        """Write the pages and files at these source paths again; False if one is new."""
        found = [self.files.get_file_from_path(src_uri) for src_uri in changed]
        if any(file is None for file in found):
            return False
        doc_files = self.files.documentation_pages(inclusion=InclusionLevel.is_in_serve)
        for file in found:
            assert file is not None
            if file.page is None:
                file.copy_file()
                continue
            _populate_page(file.page, self.config, self.files)
            _build_page(file.page, self.config, doc_files, self.nav, self.env)
        return True


def rebuild_soon(server: LiveReloadServer) -> None:
    """Ask ``mkdocs serve`` for another build, as its watcher does when a file changes:
    browsers reload once that build ends, and until then their requests wait."""
    with server._rebuild_cond:
        server._want_rebuild = True
        server._rebuild_cond.notify_all()


def with_reload_script(server: LiveReloadServer, page: bytes) -> bytes:
    """``page`` with the server's live-reload script, so that it reloads itself once a
    build succeeds."""
    return server._inject_js_into_html(page, server._visible_epoch)  # type: ignore[no-any-return,no-untyped-call]
