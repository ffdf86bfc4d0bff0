"""Stage 3: page contexts in, Markdown text out, through the templates in templates/.

One Jinja2 environment for the whole run. Its loader is confined to the
templates folder and content is only ever passed in as values, never compiled
as a template. Every ``{{ value }}`` is escaped for Markdown and HTML by
``finalize`` unless it is :class:`~markupsafe.Markup` (our own markup), so a
template cannot forget to escape. Undefined names are errors, not blanks.
"""

from __future__ import annotations

import hashlib
import keyword
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import jinja2
import jinja2.compiler
import jinja2.nodes
from markupsafe import Markup, escape

from generator.i18n import Translator, translators
from generator.layout import url_depth
from generator.localize import Event, Link, LText, Page
from generator.markup import (
    escape_attribute,
    escape_inline,
    escape_line,
    escape_paragraphs,
    front_matter,
    html_text,
    trusted,
)
from generator.settings import Settings


@dataclass
class RenderCache:
    """Pages rendered by an earlier run, reused when neither context nor templates changed.

    Owned by whoever runs the pipeline repeatedly (the MkDocs plugin across
    `mkdocs serve` rebuilds, the benchmark); a fresh one renders everything.
    Page contexts are frozen and compared whole, so a reused page is exactly
    the page that would be rendered.
    """

    fingerprint: str = ""
    pages: dict[tuple[str, PurePosixPath], tuple[Page, str]] = field(default_factory=dict)
    rendered: int = 0  # pages rendered by the last run (not reused)


def templates_fingerprint(*folders: Path) -> str:
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                digest.update(path.relative_to(folder).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


# Where a timeline entry's links start, until the entry is placed on a page. Escaped
# text can hold no NUL (markup.escape_inline replaces it), so every NUL in an entry
# is one the template put there.
ROOT = Markup("\x00")
# Where an entry names its briefing, on pages merging several briefings' events. Escaped
# text holds no "<", so this comment in an entry is always the template's own.
BRIEFING_SLOT = Markup("<!-- briefing -->")


@dataclass(frozen=True)
class RenderedPage:
    path: PurePosixPath  # inside the language's docs tree
    lang: str
    text: str


def _front_matter(**values: object) -> Markup:
    """Front matter for the theme, which inserts title and description unescaped."""
    # Markup (the JSON-LD) is already safe where the theme puts it; text is escaped.
    clean = {
        k: str(v) if isinstance(v, Markup) else html_text(str(v))
        for k, v in values.items()
        if v not in (None, "")
    }
    return trusted(front_matter(clean))  # values HTML-escaped, then YAML-dumped


def _paragraphs(value: LText | str) -> Markup:
    return escape_paragraphs(value.text if isinstance(value, LText) else value)


def _finalize(value: object) -> Markup:
    """Every ``{{ value }}`` as safe text: Markup as it is, anything else escaped."""
    if type(value) is str:  # most values (not isinstance: Markup is a str too)
        return escape_line(value)
    if isinstance(value, Markup):  # macro results, trusted() values
        return value
    if hasattr(value, "__html__"):
        return escape(value)  # it knows its HTML
    return escape_inline(value)  # also str(value) for numbers, and StrictUndefined's error


class _CodeGenerator(jinja2.compiler.CodeGenerator):
    """Compiles ``{{ value }}`` to ``finalize(value)`` instead of ``escape(finalize(value))``,
    calls of the gettext functions directly (see visit_Call), and ``a.b`` to Python's
    attribute access (see visit_Getattr).

    With autoescape, Jinja escapes what finalize returns: for our finalize, always
    Markup, which escape() only copies. That copy of each of some 600,000 values a
    language took a tenth of rendering. Relies on two private methods of Jinja2 and
    on its visitor's visit_Call and visit_Getattr (pinned in pyproject.toml); should
    a later Jinja2 drop them, templates compile as before: slower, and escaped the
    same. Unit tests check that the shortcuts are in force.
    """

    def _output_child_pre(
        self, node: jinja2.nodes.Expr, frame: jinja2.compiler.Frame, finalize: Any
    ) -> None:
        if _finalize_only(frame, finalize):
            self.write(finalize.src)
        else:
            super()._output_child_pre(node, frame, finalize)

    def _output_child_post(
        self, node: jinja2.nodes.Expr, frame: jinja2.compiler.Frame, finalize: Any
    ) -> None:
        if _finalize_only(frame, finalize):
            self.write(")")
        else:
            super()._output_child_post(node, frame, finalize)

    def visit_Call(  # noqa: N802 (the name Jinja2's node visitor dispatches to)
        self, node: jinja2.nodes.Call, frame: jinja2.compiler.Frame, forward_caller: bool = False
    ) -> None:
        """``_("...")`` calls the language's gettext directly, not through
        ``context.call``, which first asks the callee whether it wants the context:
        the interface strings are some 40,000 calls a language, and gettext wants
        nothing. Every other call compiles as Jinja2 compiles it."""
        plain = not (forward_caller or self.environment.is_async or self.environment.sandboxed)
        if plain and _plain_gettext_call(node):
            self.write("(")
            self.visit(node.node, frame)
            self.write(")(")
            for index, argument in enumerate((*node.args, *node.kwargs)):
                self.write(", " if index else "")
                self.visit(argument, frame)
            self.write(")")
        else:
            super().visit_Call(node, frame, forward_caller=forward_caller)

    def visit_Getattr(  # noqa: N802 (the name Jinja2's node visitor dispatches to)
        self, node: jinja2.nodes.Getattr, frame: jinja2.compiler.Frame
    ) -> None:
        """``page.title`` is Python's attribute access, not ``environment.getattr``,
        a Python function that tries the attribute, then an item of that name, then
        makes an Undefined: some 400,000 calls a language. What templates read
        attributes of are frozen dataclasses, so the two fallbacks only ever hid a
        misspelt name, which now fails at once with Python's AttributeError naming
        it (an Undefined value still raises as it did; `is defined` on a missing
        attribute raises too, see the README)."""
        if self.environment.is_async or self.environment.sandboxed or not _plain_name(node.attr):
            super().visit_Getattr(node, frame)
            return
        self.write("(")
        self.visit(node.node, frame)
        self.write(f").{node.attr}")


# The names under which templates get the language's gettext functions (see render()).
GETTEXT_NAMES = frozenset({"_", "gettext", "ngettext"})


def _plain_gettext_call(node: jinja2.nodes.Call) -> bool:
    return (
        isinstance(node.node, jinja2.nodes.Name)
        and node.node.name in GETTEXT_NAMES
        and node.dyn_args is None
        and node.dyn_kwargs is None
        and not any(keyword.iskeyword(kwarg.key) for kwarg in node.kwargs)
    )


def _plain_name(attr: str) -> bool:
    # Not "_private" or "__dunder__": Jinja2's getattr would reach those too, but a
    # template has no business with them, so they keep Jinja2's own path.
    return attr.isidentifier() and not keyword.iskeyword(attr) and not attr.startswith("_")


def _finalize_only(frame: jinja2.compiler.Frame, finalize: Any) -> bool:
    # Only where Jinja would write escape(environment.finalize(...)): autoescape
    # known at compile time, and our finalize, which needs no context.
    return bool(
        frame.eval_ctx.autoescape
        and not frame.eval_ctx.volatile
        and finalize.src == "environment.finalize("
    )


class _Environment(jinja2.Environment):
    code_generator_class = _CodeGenerator


def make_environment(templates_dir: Path) -> jinja2.Environment:
    env = _Environment(
        loader=jinja2.FileSystemLoader(templates_dir),
        undefined=jinja2.StrictUndefined,
        # autoescape makes macro results Markup; finalize does the real escaping
        # (Markdown and HTML) before it, for every value that is not Markup.
        autoescape=True,
        finalize=_finalize,
        extensions=["jinja2.ext.i18n"],
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
    )
    env.filters["attr_value"] = escape_attribute
    env.filters["paragraphs"] = _paragraphs
    env.globals["front_matter"] = _front_matter
    return env


class Renderer:
    def __init__(
        self,
        templates_dir: Path,
        translators: dict[str, Translator],
        cache: RenderCache | None = None,
        fingerprint: str = "",
    ) -> None:
        self.env = make_environment(templates_dir)
        self.translators = translators
        self.cache = cache if cache is not None else RenderCache()
        if self.cache.fingerprint != fingerprint:
            self.cache.pages.clear()
            self.cache.fingerprint = fingerprint
        self.cache.rendered = 0
        # Timeline entries and briefing lines by language and the identity of the value
        # they show, which is kept beside them so that the identity stays its own.
        self._fragments: dict[tuple[str, int], tuple[Event | Link, str]] = {}
        self._modules: dict[tuple[str, object], Any] = {}
        self.env.filters["timeline_entries"] = self._timeline_entries
        self.env.filters["text"] = self._text

    @classmethod
    def for_project(cls, settings: Settings, cache: RenderCache | None = None) -> Renderer:
        """The project's templates and catalogs; ``cache``'s pages are reused only if
        neither has changed since it was filled."""
        return cls(
            settings.templates_dir,
            translators(settings.locales_dir, settings.languages),
            cache,
            templates_fingerprint(settings.templates_dir, settings.locales_dir),
        )

    def compile_templates(self) -> None:
        """Compile every template now rather than at its first page: processes forked
        after this inherit them compiled."""
        for name in self.env.list_templates(extensions=["j2"]):
            self.env.get_template(name)

    def render(self, page: Page, languages: tuple[str, ...]) -> RenderedPage:
        key = (page.lang, page.path)
        cached = self.cache.pages.get(key)
        if cached is not None and cached[0] == page:
            return RenderedPage(page.path, page.lang, cached[1])
        rendered = self._render(page, languages)
        self.cache.pages[key] = (page, rendered.text)
        self.cache.rendered += 1
        return rendered

    def _render(self, page: Page, languages: tuple[str, ...]) -> RenderedPage:
        translator = self.translators[page.lang]
        template = self.env.get_template(page.template)
        text = template.render(
            page=page,
            languages=languages,
            gettext=translator.gettext,
            ngettext=translator.ngettext,
            # The i18n extension's own `_` looks `gettext` up in the context and calls
            # it through the context on every use (tens of thousands a language).
            _=translator.gettext,
        )
        return RenderedPage(page.path, page.lang, text)

    @jinja2.pass_context
    def _timeline_entries(
        self, context: jinja2.runtime.Context, events: Iterable[Event], with_briefing: bool
    ) -> Markup:
        """``{{ events|timeline_entries(with_briefing) }}``: the entries of a timeline,
        one a line (a filter: one call a timeline, not one an event).

        Entries are the most repeated markup of the site: an event is listed on its
        briefing's page, the merged timeline and the page of each of its actors, one
        to three folders deep. Its links start at the language's root, so its entry
        is rendered once with ROOT where they start (see _once), and ROOT is
        replaced by the page's way up: one string replacement a timeline, not a
        render an entry. The same goes for the line naming its briefing.
        """
        if with_briefing:
            entries = "\n".join(
                self._entry(context, e).replace(BRIEFING_SLOT, self._briefing(context, e.briefing))
                for e in events
            )
        else:
            entries = "\n".join(self._entry(context, e) for e in events)
            entries = entries.replace(BRIEFING_SLOT, "")
        return trusted(entries.replace(ROOT, "../" * url_depth(context["page"].path)))

    def _entry(self, context: jinja2.runtime.Context, event: Event) -> str:
        return self._once(context, event, lambda m: m.entry(event, ROOT, BRIEFING_SLOT))

    def _briefing(self, context: jinja2.runtime.Context, link: Link) -> str:
        return self._once(context, link, lambda m: m.briefing_line(link, ROOT))

    def _once(
        self, context: jinja2.runtime.Context, value: Event | Link, macro: Callable[[Any], Markup]
    ) -> str:
        """A macro of _timeline_entry.md.j2 for ``value``, with ROOT for its links' way
        up: rendered once a language, however many pages show it."""
        key = (context["page"].lang, id(value))
        known = self._fragments.get(key)
        if known is not None and known[0] is value:
            return known[1]
        fragment = str(macro(self._module("_timeline_entry.md.j2", context)))  # our markup
        self._fragments[key] = (value, fragment)
        return fragment

    @jinja2.pass_context
    def _text(self, context: jinja2.runtime.Context, text: LText) -> Markup:
        """``{{ t|text }}``: a text in the page's language, escaped; one shown in another
        language goes through untranslated() of _macros.md.j2, which marks it.

        A filter, not a macro: calling a macro costs several times as much, and texts
        are shown some 50,000 times a language.
        """
        if not text.missing:
            return escape_line(text.text)
        return trusted(self._module("_macros.md.j2", context).untranslated(text))  # our macro

    def _module(self, name: str, context: jinja2.runtime.Context) -> Any:
        """Template ``name`` made into a module once per language, with the context's
        gettext functions: calling its macros costs less than rendering a template."""
        key = (name, context["gettext"])  # a method of the language's Translator
        module = self._modules.get(key)
        if module is None:
            i18n = {var: context[var] for var in ("_", "gettext", "ngettext")}
            module = self._modules[key] = self.env.get_template(name).make_module(i18n)
        return module

    def render_root(self, settings: Settings) -> str:
        """The page at ``/``: sends readers to the default language."""
        return self.env.get_template("root.html.j2").render(
            default_language=settings.default_language,
            languages=[(code, settings.language_name(code)) for code in settings.languages],
        )
