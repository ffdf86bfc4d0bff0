"""What contributors' editors and CI read: the JSON Schema, the workflows, the commands' help."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ENV, ROOT, run_cli
from content_edits import BRIEFING

from generator import Settings
from generator.load import load_corpus
from generator.schema import SCHEMA_FILES, render_schemas


def test_committed_schema_is_up_to_date() -> None:
    corpus = load_corpus(Settings(root=ROOT))
    for name, text in render_schemas(corpus, ("id", "en")).items():
        committed = (ROOT / "schema" / name).read_text(encoding="utf-8")
        assert committed == text, f"schema/{name} is stale: run `make schema`"


def test_schema_offers_registry_ids_and_languages() -> None:
    schema = json.loads((ROOT / "schema" / SCHEMA_FILES["briefing"]).read_text())
    assert "fumio-kishida" in schema["$defs"]["ActorRole"]["properties"]["actor"]["enum"]
    assert "nato" in schema["properties"]["tags"]["items"]["enum"]
    assert schema["properties"]["title"]["propertyNames"] == {"enum": ["id", "en"]}


def _jsonschema(schema: str, instance: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--schemafile", str(ROOT / "schema" / schema), str(instance)],
        capture_output=True, text=True, env=ENV, check=False,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("published: 2023-06-02\n", "published: 2023-06-02\npublshed: x\n"),  # unknown field
        ("  - actor: kyodo\n", "  - actor: kyodoo\n"),  # unknown actor id
        ("    end: 2023-07-12\n", "    end: 2023-07-12\n    status: planned\n"),  # not a status
        ("  - date: 2022-12\n", '  - date: "22-12"\n'),  # not a date
        ("  en: A NATO liaison office", "  eng: A NATO liaison office"),  # not a site language
        ("tags: [nato,", "tags: [NATO,"),  # not an id
        ("key_points:\n", "key_points: []\nold_key_points:\n"),  # empty required list
    ],
)
def test_committed_schema_flags_the_same_structural_mistakes(
    project: Path, old: str, new: str
) -> None:
    path = project / BRIEFING
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    assert run_cli(project, "check").returncode == 1
    assert _jsonschema(SCHEMA_FILES["briefing"], path).returncode == 1


def test_shipped_content_passes_the_committed_schema() -> None:
    for briefing in (ROOT / "content" / "briefings").glob("*/briefing.yaml"):
        result = _jsonschema(SCHEMA_FILES["briefing"], briefing)
        assert result.returncode == 0, result.stdout
    assert _jsonschema(SCHEMA_FILES["actors"], ROOT / "content" / "actors.yaml").returncode == 0
    assert _jsonschema(SCHEMA_FILES["tags"], ROOT / "content" / "tags.yaml").returncode == 0


def test_workflows_run_untrusted_code_read_only() -> None:
    ci = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text())
    pages = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text())
    triggers = ci[True]  # PyYAML reads the key `on` as True
    assert "pull_request" in triggers and "pull_request_target" not in triggers
    assert ci["permissions"] == {"contents": "read"}
    assert pages["permissions"] == {"contents": "read"}
    assert "permissions" not in pages["jobs"]["build"]
    assert pages["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    steps = [s.get("uses", "") for s in pages["jobs"]["build"]["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in steps)
    assert pages["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_workflows_pass_zizmor_with_every_action_pinned_to_a_commit() -> None:
    zizmor = Path(sys.executable).with_name("zizmor")  # a pinned dev dependency
    workflows = ROOT / ".github" / "workflows"
    result = subprocess.run(
        [str(zizmor), "--offline", str(workflows)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout
    for workflow in workflows.glob("*.yml"):
        for line in workflow.read_text(encoding="utf-8").splitlines():
            if "uses:" in line:
                assert re.search(r"uses: [\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line), line


def test_workflows_pass_actionlint() -> None:
    actionlint = shutil.which("actionlint")
    if actionlint is None:
        pytest.skip(
            "actionlint is not installed (it has no PyPI or Debian package that works here)"
        )
    result = subprocess.run([actionlint], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize(
    "command", ["check", "render", "build", "new", "status", "schema", "compare"]
)
def test_every_command_explains_itself_with_an_example(command: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "generator.cli", command, "--help"],
        capture_output=True, text=True, env=ENV, check=False,
    )  # fmt: skip
    assert result.returncode == 0
    assert "example:" in result.stdout
    assert f"briefings {command}" in result.stdout
