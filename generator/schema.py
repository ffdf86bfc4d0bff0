"""JSON Schema for editors: the models' own schema, plus the ids of the registries.

Generated from the same pydantic models the generator validates with, so an
editor with a YAML extension flags the same structural mistakes as
``briefings check`` and completes actor ids, tag ids and language codes.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from generator.corpus import Corpus
from generator.models import LANG_PATTERN, json_schemas

SCHEMA_FILES = {
    "briefing": "briefing.schema.json",
    "actors": "actors.schema.json",
    "tags": "tags.schema.json",
}


def _walk(node: Any) -> list[dict[str, Any]]:
    found = []
    stack = [node]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            found.append(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def schemas(corpus: Corpus, languages: Sequence[str]) -> dict[str, dict[str, Any]]:
    result = json_schemas()
    actor_ids = sorted(corpus.actors)
    tag_ids = sorted(corpus.tags)
    briefing = result["briefing"]
    defs = briefing["$defs"]
    defs["ActorRole"]["properties"]["actor"]["enum"] = actor_ids
    defs["TimelineEntry"]["properties"]["actors"]["items"]["enum"] = actor_ids
    defs["Mentions"]["properties"]["ignore"]["items"]["enum"] = actor_ids
    briefing["properties"]["tags"]["items"]["enum"] = tag_ids
    for schema in result.values():
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        for node in _walk(schema):
            # Language maps: keys are the site's languages.
            if LANG_PATTERN in node.get("patternProperties", {}):
                node["propertyNames"] = {"enum": list(languages)}
    return result


def render_schemas(corpus: Corpus, languages: Sequence[str]) -> dict[str, str]:
    return {
        SCHEMA_FILES[name]: json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"
        for name, schema in schemas(corpus, languages).items()
    }


def write_schemas(folder: Path, corpus: Corpus, languages: Sequence[str]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in render_schemas(corpus, languages).items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written.append(path)
    return written
