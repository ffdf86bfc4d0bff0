"""Pydantic's validation errors told in contributors' words, at the field they concern."""

from __future__ import annotations

import difflib
from collections.abc import Collection, Mapping
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from generator.models import (
    FIELD_NAMES,
    ID_PATTERN,
    LANG_PATTERN,
    MAX_ID_LENGTH,
    id_problem,
    shorten,
)
from generator.report import Report
from generator.strict_yaml import YamlDocument

M = TypeVar("M", bound=BaseModel)


def validate(
    model: type[M], path: Path, doc: YamlDocument, report: Report, skip: Collection[str] = ()
) -> M | None:
    """The model, or None after reporting each error but those of the ``skip`` types."""
    try:
        return model.model_validate(doc.data)
    except ValidationError as exc:
        errors = [e for e in exc.errors(include_url=False) if e["type"] not in skip]
        # A key that is wrong says what happened; its value's own error would only repeat it.
        wrong_keys = {tuple(e["loc"][:-1]) for e in errors if e["loc"][-1:] == ("[key]",)}
        for error in errors:
            if error["loc"][-1:] != ("[key]",) and tuple(error["loc"]) in wrong_keys:
                continue
            loc = tuple(p for p in error["loc"] if p != "[key]")
            report.at(path, doc, loc, message(error))
        return None


_MESSAGES = {
    "missing": "required field is missing",
    "extra_forbidden": "unknown field; check its spelling against the format guide",
    "bool_type": "write true or false",
    "string_type": "expected text",
    "dict_type": "expected a mapping of fields",
    "list_type": "expected a list",
    "model_type": "expected a mapping of fields",
    "too_short": "needs at least one entry",
    "string_too_short": "is empty; write the text or remove the field",
}


def message(error: Any) -> str:
    kind = error["type"]
    if kind == "value_error":
        return str(error["msg"]).removeprefix("Value error, ")
    special = _form_message(error)
    if special:
        return special
    if kind == "extra_forbidden" and error["loc"]:
        close = difflib.get_close_matches(str(error["loc"][-1]), FIELD_NAMES, n=1, cutoff=0.7)
        if close:
            return f"unknown field; did you mean {close[0]!r}?"
    if kind == "literal_error":
        return f"{error.get('input')!r} is not allowed; expected {error['ctx']['expected']}"
    if kind == "too_long":
        return str(error["msg"])
    return _MESSAGES.get(kind, str(error["msg"]))


def _form_message(error: Any) -> str | None:
    """What is wrong with an id or a language code, in the contributor's terms."""
    ctx = error.get("ctx", {})
    value = str(error.get("input"))
    if ctx.get("pattern") == ID_PATTERN or ctx.get("max_length") == MAX_ID_LENGTH:
        return f"{shorten(value)!r} is not a valid id: {id_problem(value)}"
    if error["type"] != "string_pattern_mismatch":
        return None
    if ctx["pattern"] != LANG_PATTERN:
        return f"{value!r} does not have the expected form ({ctx['pattern']})"
    if " " in value.strip():  # {id: Menteri, tuan rumah, en: ...}: the comma split the text
        return (
            f"{shorten(value)!r} is not a language code: a comma inside {{...}} ended the "
            "text before it, and the words after it became a key; put the whole text in "
            'quotes: id: "..., ..."'
        )
    return f"{value!r} is not a language code (two or three lowercase letters: id, en)"


def kind_name(value: object) -> str:
    return {list: "list", str: "text", bool: "true/false", dict: "mapping"}.get(
        type(value), type(value).__name__
    )


def suggest(value: str, choices: Mapping[str, object]) -> str:
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""
