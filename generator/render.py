"""Stage 3: page contexts in, Markdown text out, through the templates in templates/.

One Jinja2 environment for the whole run. Its loader is confined to the
templates folder and content is only ever passed in as values, never compiled
as a template. Every ``{{ value }}`` is escaped for Markdown and HTML by
``finalize`` unless it is :class:`~markupsafe.Markup` (our own markup), so a
template cannot forget to escape. Undefined names are errors, not blanks.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

import jinja2
from markupsafe import Markup, escape

from generator.i18n import Translator, translators
from generator.layout import language_url
from generator.markup import (
    escape_attribute,
    escape_inline,
    escape_line,
    escape_paragraphs,
    front_matter,
    html_text,
    trusted,
)
from generator.pages import Event, Link, LText, Page
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


# A formatted date is never broken across lines (CSS: .briefing-nowrap).
_NOWRAP = '<span class="briefing-nowrap">{}</span>'


def _date(value: str) -> Markup:
    """``{{ d|date }}``: a formatted date, escaped, kept on one line."""
    return trusted(_NOWRAP.format(escape_line(value)))


def _with_dates(sentence: str, *dates: str | None) -> Markup:
    """``{{ _("Published %(date)s", date=d)|with_dates(d) }}``: an interface sentence,
    escaped, with each of ``dates`` in it kept on one line."""
    escaped = str(escape_line(sentence))
    for value in dict.fromkeys(d for d in dates if d):
        shown = str(escape_line(value))
        escaped = escaped.replace(shown, _NOWRAP.format(shown))
    return trusted(escaped)


class _CompiledTemplates(jinja2.BytecodeCache):
    """Templates this process has compiled, by path and source: a later environment
    (a template edited while serving, the next generation in one process) compiles only
    a template whose text changed. Jinja checks the source before it reuses code."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if (code := self._code.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


# Code compiled under make_environment's settings, which every environment here shares.
_COMPILED = _CompiledTemplates()


def make_environment(templates_dir: Path) -> jinja2.Environment:
    env = jinja2.Environment(
        bytecode_cache=_COMPILED,
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
    env.filters["date"] = _date
    env.filters["with_dates"] = _with_dates
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
        self._modules: dict[tuple[str, object], Any] = {}
        # Timeline entries and the lines naming their briefings, by language, the value
        # they show, the way up and the macro (a briefing line said first or again); each value is
        # kept beside its markup, so that its identity is not reused meanwhile.
        self._fragments: dict[tuple[str, int, str, int], tuple[Event | Link, str]] = {}
        self.env.filters["text"] = self._text
        self.env.filters["timeline_entries"] = self._timeline_entries

    @classmethod
    def for_project(
        cls, settings: Settings, cache: RenderCache | None = None, fingerprint: str = ""
    ) -> Renderer:
        """The project's templates and catalogs; ``cache``'s pages are reused only if
        neither has changed since it was filled (``fingerprint``, if already known)."""
        return cls(
            settings.templates_dir,
            translators(settings.locales_dir, settings.languages),
            cache,
            fingerprint or templates_fingerprint(settings.templates_dir, settings.locales_dir),
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
            _=translator.gettext,
        )
        return RenderedPage(page.path, page.lang, text)

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

    @jinja2.pass_context
    def _timeline_entries(
        self, context: jinja2.runtime.Context, events: Iterable[Event], with_briefing: bool
    ) -> Markup:
        """``{{ events|timeline_entries(with_briefing) }}``: a timeline's entries, one a line.

        An event is listed on its briefing's page, on the merged timeline and on the
        page of each of its actors, so its entry (and the line naming its briefing) is
        rendered once for each way up to the language's root, one to three folders,
        and reused on every page at that depth: the most repeated markup of the site.
        """
        module = self._module("_timeline_entry.md.j2", context)
        page = context["page"]
        up = page.way_up
        lines = []
        before: tuple[Link, ...] = ()
        for event in events:
            entry = self._once(page.lang, event, up, module.entry)
            if with_briefing:
                # The briefings an event is from, said once for a run of events from the
                # same ones (the later ones' line is hidden, and briefings-timeline.js
                # shows it again where a filter hides the first).
                sources = (event.briefing, *event.also)
                if event.also:  # rare: not kept
                    entry += str(module.briefing_line(sources, up, sources == before))
                else:
                    line = module.briefing_line if sources != before else module.same_briefing
                    entry += self._once(page.lang, event.briefing, up, line)
                before = sources
            lines.append(entry + "</li>")
        return trusted("\n".join(lines))

    def _once(
        self, lang: str, value: Event | Link, up: Markup, macro: Callable[[Any, Markup], Markup]
    ) -> str:
        key = (lang, id(value), up, id(macro))
        known = self._fragments.get(key)
        if known is None or known[0] is not value:
            known = self._fragments[key] = (value, str(macro(value, up)))
        return known[1]

    def _module(self, name: str, context: jinja2.runtime.Context) -> Any:
        """Template ``name`` made into a module once per language, with the context's
        gettext functions: calling its macros costs less than rendering a template."""
        key = (name, context["gettext"])  # a method of the language's Translator
        module = self._modules.get(key)
        if module is None:
            i18n = {var: context[var] for var in ("_", "gettext", "ngettext")}
            module = self._modules[key] = self.env.get_template(name).make_module(i18n)
        return module

    def render_not_found(self, settings: Settings, lang: str) -> str:
        """What the 404 page of ``lang`` says under the site's header: its words, a way
        home and the other languages' home pages, by paths from the site's root."""
        # A 404 page is served at the missing address, at any depth: no relative link.
        roots = {
            code: urlsplit(language_url(settings.site_url, code)).path
            for code in settings.languages
        }
        others = [(code, settings.language_name(code)) for code in settings.languages]
        translator = self.translators[lang]
        return self.env.get_template("not_found.html.j2").render(
            lang=lang,
            roots=roots,
            others=[(code, name) for code, name in others if code != lang],
            _=translator.gettext,
            gettext=translator.gettext,
        )

    def render_root(self, settings: Settings) -> str:
        """The page at ``/``: sends readers to the language they prefer."""
        return self.env.get_template("root.html.j2").render(
            default_language=settings.default_language,
            languages=[(code, settings.language_name(code)) for code in settings.languages],
        )
