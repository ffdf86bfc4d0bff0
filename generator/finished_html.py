"""The language builds' one plugin: finished HTML skips Python-Markdown's HTML parser.

A drawn timeline (``timeline()`` in templates/_macros.md.j2) is HTML the generator has
finished: escaped, its links by URL, nothing in it for Markdown to do. Yet Python-Markdown
reads every tag of a raw HTML block to find where it ends, and those lists hold most of
the tags of briefing, actor and timeline pages. The template marks each such block; this
plugin sets it aside before Markdown (``on_page_markdown``) and puts it back, byte for
byte, after (``on_page_content``). Without the plugin (Zensical) the marks are comments
and the block is read as before: the page is the same.
"""

from __future__ import annotations

import re
import secrets

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

NAME = "briefings-finished"  # its entry point (pyproject.toml), in the languages' mkdocs.yml
START = "<!-- briefings:finished -->"
END = "<!-- /briefings:finished -->"
_BLOCK = re.compile(re.escape(START) + r"\n(.*?)\n" + re.escape(END), re.S)


class FinishedHtmlPlugin(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
    def __init__(self) -> None:
        # Unguessable, so no text of a page can stand for a block it does not have.
        self._token = f"briefingsfinished{secrets.token_hex(8)}x"
        self._blocks: dict[str, list[str]] = {}

    def on_page_markdown(
        self, markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        blocks: list[str] = []

        def set_aside(found: re.Match[str]) -> str:
            blocks.append(found.group(1))
            return f"\n\n{self._token}{len(blocks) - 1}\n\n"

        markdown = _BLOCK.sub(set_aside, markdown)
        if blocks:
            self._blocks[page.file.src_uri] = blocks
        return markdown

    def on_page_content(
        self, html: str, /, *, page: Page, config: MkDocsConfig, files: Files
    ) -> str:
        blocks = self._blocks.pop(page.file.src_uri, None)
        if not blocks:
            return html

        pattern = re.compile(rf"<p>{self._token}(\d+)</p>|{self._token}(\d+)")
        return pattern.sub(lambda m: blocks[int(m.group(1) or m.group(2))], html)
