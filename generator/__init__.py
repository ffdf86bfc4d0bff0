"""Bilingual briefing pages: YAML and articles in, plain Markdown for MkDocs out.

The stages are modules: :mod:`.load` reads content strictly, :mod:`.models`
declares and validates it, :mod:`.localize` turns a briefing and a language into
page contexts, :mod:`.render` fills the Jinja2 templates and :mod:`.write`
puts only changed files on disk. :mod:`.pipeline` runs them in order; the
MkDocs plugin in :mod:`.plugin` is a thin wrapper around it.
"""

from generator.errors import ContentError, Problem, Severity
from generator.pipeline import GenerateResult, generate, load_and_check
from generator.settings import Settings

__all__ = [
    "ContentError",
    "GenerateResult",
    "Problem",
    "Settings",
    "Severity",
    "generate",
    "load_and_check",
]
