"""The templates' environment: escaping, interface strings, strict names, compiling."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest
from conftest import copy_project
from markupsafe import Markup

from generator.i18n import translators
from generator.pages import PAGE_KINDS
from generator.render import Renderer, make_environment


def test_templates_escape_every_value_and_keep_our_markup(tmp_path: Path) -> None:
    (tmp_path / "t.md.j2").write_text(
        "{% macro m() %}<b>{% endmacro %}{{ text }}|{{ number }}|{{ ours }}|{{ m() }}"
    )
    env = make_environment(tmp_path)
    shown = env.get_template("t.md.j2").render(text="<i>*x*</i>", number=3, ours=Markup("<hr>"))
    assert shown == "&lt;i&gt;&#42;x&#42;&lt;/i&gt;|3|<hr>|<b>"


def test_interface_strings_are_translated_formatted_and_escaped(tmp_path: Path) -> None:
    (tmp_path / "t.md.j2").write_text(
        '{% for n in [1, 2] %}{{ _("Updated %(date)s", date=d) }} {{ ngettext("%(num)d a",'
        ' "%(num)d as", n) }} {{ f(n) }};{% endfor %}'
    )
    env = make_environment(tmp_path)
    catalog = {"Updated %(date)s": "Diperbarui %(date)s"}
    shown = env.get_template("t.md.j2").render(
        _=lambda message, **values: catalog[message] % values,
        ngettext=lambda one, more, n: (one if n == 1 else more) % {"num": n},
        f=lambda n: f"<{n}>",
        d="1 *Mei*",
    )
    assert shown == (
        "Diperbarui 1 &#42;Mei&#42; 1 a &lt;1&gt;;Diperbarui 1 &#42;Mei&#42; 2 as &lt;2&gt;;"
    )


def test_a_misspelt_or_undefined_name_stops_rendering_naming_it(tmp_path: Path) -> None:
    (tmp_path / "typo.md.j2").write_text("{{ page.titel }}")
    (tmp_path / "missing.md.j2").write_text("{{ nothing.title }}")
    env = make_environment(tmp_path)
    with pytest.raises(jinja2.UndefinedError, match="titel"):
        env.get_template("typo.md.j2").render(page=SimpleNamespace(title="A"))
    with pytest.raises(jinja2.UndefinedError, match="nothing"):
        env.get_template("missing.md.j2").render()


def test_templates_are_compiled_before_any_page(tmp_path: Path) -> None:
    # Generation compiles every template before it forks, so that the processes
    # rendering pages inherit them: none is compiled again once rendering starts.
    project = copy_project(tmp_path / "project")
    locales = translators(project / "locales", ("id", "en"))
    renderer = Renderer(project / "templates", locales)
    renderer.compile_templates()

    def compile_again(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"compiled again: {args[1:2]}")

    renderer.env.compile = compile_again  # type: ignore[method-assign,assignment]
    names = renderer.env.list_templates(extensions=["j2"])
    assert "briefing.md.j2" in names and "_timeline_entry.md.j2" in names
    for name in names:
        renderer.env.get_template(name)
    # A broken template stops generation before any page, even one no page uses yet,
    # naming its file and line.
    (project / "templates" / "unused.md.j2").write_text("ok\n{% if %}\n", encoding="utf-8")
    with pytest.raises(jinja2.TemplateSyntaxError) as raised:
        Renderer(project / "templates", locales).compile_templates()
    assert raised.value.name == "unused.md.j2" and raised.value.lineno == 2


def test_every_page_template_has_exactly_one_kind_of_page() -> None:
    templates = Path(__file__).parents[1] / "templates"
    pages = {p.name for p in templates.glob("*.md.j2") if not p.name.startswith("_")}
    kinds = [kind.template for kind in PAGE_KINDS]
    assert sorted(kinds) == sorted(pages)  # each template once, none without a kind


def test_an_environment_compiles_again_only_the_templates_edited_since_the_last(
    tmp_path: Path,
) -> None:
    # Each generation makes its environment anew (a template edited while serving, the
    # next generation in one process), and reuses the code of every unchanged template.
    (tmp_path / "edited.md.j2").write_text("first {{ x }}")
    (tmp_path / "kept.md.j2").write_text("kept {{ x }}")
    first = make_environment(tmp_path)
    assert [first.get_template(n).render(x=1) for n in ("edited.md.j2", "kept.md.j2")] == [
        "first 1",
        "kept 1",
    ]
    (tmp_path / "edited.md.j2").write_text("second {{ x }}")
    second = make_environment(tmp_path)
    compiled: list[str] = []
    compile_now = second.compile

    def compile_noted(source: str, name: str | None = None, *args: object) -> object:
        compiled.append(str(name))
        return compile_now(source, name, *args)  # type: ignore[call-overload]

    second.compile = compile_noted  # type: ignore[method-assign,assignment]
    assert second.get_template("edited.md.j2").render(x=2) == "second 2"
    assert second.get_template("kept.md.j2").render(x=2) == "kept 2"
    assert compiled == ["edited.md.j2"]
