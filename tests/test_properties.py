"""Property-based: any YAML a contributor can write is either built or refused with file and line."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml
from conftest import SEED_SLUG, copy_project, examples
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import ContentError, Settings, generate
from generator.related import most_shared

FIELDS = [
    "title", "summary", "published", "updated", "article", "file", "language", "image", "url",
    "tags", "key_points", "actors", "actor", "role", "timeline", "date", "event", "status",
    "approximate", "date_label", "sources", "id", "en", "fr", "caption", "credit",
]  # fmt: skip
HOSTILE = [
    "<script>alert(1)</script>", "{{ 7*7 }}", "[x](javascript:y)", "{: onclick=x }", "\n# h\n",
    "2023-02-30", "2023-01", "no", "yes", "~", "&#x61;", "\u202e", "--8<--", "!!! note", "*",
    "fumio-kishida", "nato", "happened", "expected", "https://example.org", "javascript:x",
]  # fmt: skip

scalars = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=40),
    st.booleans(),
    st.none(),
    st.integers(),
)
values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.one_of(st.sampled_from(FIELDS), st.text(max_size=8)), children, max_size=5
        ),
    ),
    max_leaves=25,
)
documents = st.one_of(
    values.map(lambda v: yaml.safe_dump(v, allow_unicode=True)),
    st.dictionaries(st.sampled_from(FIELDS), values, max_size=12).map(
        lambda v: yaml.safe_dump(v, allow_unicode=True)
    ),
    st.text(max_size=300),
    st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
)


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_project(tmp_path_factory.mktemp("props") / "project")


@pytest.mark.long
@settings(
    max_examples=examples(200),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(document=documents)
def test_every_input_builds_or_is_refused_with_file_and_line(sandbox: Path, document: str) -> None:
    target = sandbox / "content" / "briefings" / SEED_SLUG / "briefing.yaml"
    target.write_bytes(document.encode("utf-8", errors="surrogatepass"))
    out = sandbox / "out"
    try:
        generate(Settings(root=sandbox), out_dir=out)
    except ContentError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.path.startswith("content/")
            if problem.path.endswith(".yaml"):
                assert problem.line >= 1, problem
    finally:
        shutil.rmtree(out, ignore_errors=True)


@pytest.mark.long
@settings(
    max_examples=examples(150),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(text=st.text(min_size=1, max_size=200))
def test_any_text_in_a_field_renders_or_is_refused(sandbox: Path, text: str) -> None:
    target = sandbox / "content" / "briefings" / SEED_SLUG / "briefing.yaml"
    shipped = Path(__file__).parents[1] / "content" / "briefings" / SEED_SLUG / "briefing.yaml"
    quoted = yaml.safe_dump(text, allow_unicode=True).removesuffix("\n...\n").strip()
    title = "  en: A NATO liaison office in Tokyo brings Japan closer, not into the alliance"
    target.write_text(
        shipped.read_text(encoding="utf-8").replace(title, f"  en: {quoted}"), encoding="utf-8"
    )
    out = sandbox / "out"
    try:
        generate(Settings(root=sandbox), out_dir=out)
        page = (out / "en" / "docs" / "briefings" / f"{SEED_SLUG}.md").read_text(encoding="utf-8")
        heading = next(line for line in page.splitlines() if line.startswith("# "))
        assert "<" not in heading.replace("<span", "").replace("</span>", "")
    except ContentError as exc:
        assert all(p.line >= 1 for p in exc.problems if p.path.endswith(".yaml"))
    finally:
        shutil.rmtree(out, ignore_errors=True)


@given(
    st.lists(st.frozensets(st.integers(0, 40), max_size=30), max_size=12),
    st.integers(0, 40),
    st.integers(1, 6),
)
def test_most_shared_ranks_as_counting_each_pair_would(
    sets: list[frozenset[int]], itself: int, limit: int
) -> None:
    counts = Counter(member for members in sets for member in members if member != itself)
    expected = sorted(counts, key=lambda member: (-counts[member], member))[:limit]
    as_bits = [sum(1 << member for member in members) for members in sets]
    assert most_shared(as_bits, 1 << itself, limit) == expected
