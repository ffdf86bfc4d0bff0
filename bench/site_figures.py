"""What a built site weighs and how its search serves a first query: the benchmark's
figures read off the site and the generated tree."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

from bench import search
from bench.processes import run_child
from generator.layout import briefing_page, briefing_url


def pages_listing(tree: Path, slug: str) -> int:
    """Generated pages that mention a briefing: the most an edit of it should re-render.
    (Markdown links name its file, the HTML of timeline entries its URL.)"""
    names = (str(briefing_page(slug)), briefing_url(slug))
    texts = (page.read_text(encoding="utf-8") for page in tree.rglob("*.md"))
    return sum(1 for text in texts if any(name in text for name in names))


def tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def html_pages(site: Path) -> int:
    return sum(1 for p in site.rglob("*.html") if "pagefind" not in p.parts)


def first_query_bytes_estimate(site: Path, lang: str) -> int:
    """What Pagefind's UI would download for a first query in one language, from the
    bundle's files, where no browser can measure it.

    The fixed part (entry, script, UI, the language's WASM and metadata), the
    largest index chunk (a query loads the chunk of its word) and five result
    fragments of average size (the first page of results).
    """
    bundle = site / lang / "pagefind"
    fixed = ["pagefind-entry.json", "pagefind.js", "pagefind-ui.js", "pagefind-ui.css"]
    size = sum((bundle / name).stat().st_size for name in fixed)
    size += (bundle / f"wasm.{lang}.pagefind").stat().st_size
    size += sum(p.stat().st_size for p in bundle.glob(f"pagefind.{lang}_*.pf_meta"))
    chunks = [p.stat().st_size for p in (bundle / "index").glob(f"{lang}_*.pf_index")]
    fragments = [p.stat().st_size for p in (bundle / "fragment").glob(f"{lang}_*.pf_fragment")]
    size += max(chunks, default=0)
    size += 5 * (sum(fragments) // max(len(fragments), 1))
    return size


def lunr_index_bytes(project: Path, lang: str) -> tuple[int, float]:
    """The size of Material's monolithic lunr index for the same language site."""
    config = project / "build" / lang / "mkdocs.lunr.yml"
    config.write_text(
        f"INHERIT: mkdocs.yml\nsite_dir: {project / 'lunr-site'}\nplugins:\n  - search\n",
        encoding="utf-8",
    )
    seconds, _, _ = run_child(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config)], project
    )
    index = project / "lunr-site" / "search" / "search_index.json"
    return index.stat().st_size, seconds


def search_in_browser(project: Path, site: Path, estimate: int) -> dict[str, Any]:
    """A first one-word query in each language, measured in a browser, and a search for
    the whole title of the first briefing, which should find it first. Without a
    browser, the estimate from the bundle's files stands in for the bytes."""
    slug = "briefing-00000"
    briefing = yaml.safe_load(
        (project / "content" / "briefings" / slug / "briefing.yaml").read_text()
    )
    row: dict[str, Any] = {}
    for lang in ("en", "id"):
        title = briefing["title"][lang].rstrip(".")
        word = title.split()[0].lower()
        found = search.probe(site, lang, word, title, f"/{lang}/briefings/{slug}/")
        if found is None:
            return {"search_measured_in": "estimate", "search_first_query_bytes": estimate}
        row[f"search_{lang}_word"] = word
        row[f"search_{lang}_first_query_bytes"] = found.first_query_bytes
        row[f"search_{lang}_first_query_results"] = found.first_query_results
        row[f"search_{lang}_title_rank"] = found.title_rank
    row["search_measured_in"] = "chromium"
    row["search_first_query_bytes"] = row["search_en_first_query_bytes"]
    row["search_title_ranks"] = f"{row['search_en_title_rank']}/{row['search_id_title_rank']}"
    return row
