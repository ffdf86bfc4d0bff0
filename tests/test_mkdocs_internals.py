"""The preview leans on MkDocs' private internals (generator.mkdocs_internals): this
fails at once on a MkDocs it was not written for, naming what moved."""

from __future__ import annotations

import inspect

import mkdocs
from mkdocs.commands import build
from mkdocs.livereload import LiveReloadServer

from generator.mkdocs_internals import MKDOCS_VERSION, unsupported


def test_the_installed_mkdocs_is_the_one_the_preview_was_written_for() -> None:
    assert mkdocs.__version__ == MKDOCS_VERSION
    assert unsupported() is None


def test_the_private_page_functions_take_what_the_preview_passes() -> None:
    assert list(inspect.signature(build._populate_page).parameters)[:3] == [
        "page",
        "config",
        "files",
    ]
    assert list(inspect.signature(build._build_page).parameters)[:5] == [
        "page",
        "config",
        "doc_files",
        "nav",
        "env",
    ]


def test_the_live_reload_server_has_what_the_preview_reads_and_sets() -> None:
    source = inspect.getsource(LiveReloadServer)
    for name in ("_rebuild_cond", "_want_rebuild", "_visible_epoch"):
        assert f"self.{name} =" in source, name
    assert list(inspect.signature(LiveReloadServer._inject_js_into_html).parameters) == [
        "self",
        "content",
        "epoch",
    ]
