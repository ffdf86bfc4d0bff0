"""`make scaffold-eval`: how well `briefings new` reads Indonesian news, against an editor.

Each article in tests/fixtures/scaffold/ (written for the project: wire stories,
analyses, an interview) comes with the names and dates an editor would pick
(expected.yaml). `briefings new` scaffolds each one in a scratch copy of the project,
with the project's own actors.yaml; the names it writes (registry actors and names
not in the registry) and the dates of its timeline entries, a range as start/end,
are compared with the editor's. Prints precision and recall of each, micro-averaged
over all articles, and what it got wrong.

    python -m bench.scaffold_eval [--json FILE]
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import re
import shutil
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.cli import main as briefings

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "tests" / "fixtures" / "scaffold"
GOAL = {"recall": 0.9, "precision": 0.8}


@dataclass
class Score:
    found: int = 0  # picked by the machine and by the editor
    picked: int = 0  # picked by the machine
    expected: int = 0  # picked by the editor
    wrong: list[str] = field(default_factory=list)  # picked by the machine only
    missed: list[str] = field(default_factory=list)  # picked by the editor only

    @property
    def precision(self) -> float:
        return self.found / self.picked if self.picked else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    def add(self, article: str, picked: list[str], expected: list[str]) -> None:
        """``expected`` entries may list forms ("Joko Widodo|Jokowi"): any one counts,
        and further forms of an entry already found count neither way."""
        forms = [set(entry.split("|")) for entry in expected]
        matched = [False] * len(forms)
        for item in dict.fromkeys(picked):
            hits = [i for i, names in enumerate(forms) if item in names]
            if not hits:
                self.wrong.append(f"{article}: {item}")
                self.picked += 1
            elif not matched[hits[0]]:
                matched[hits[0]] = True
                self.found += 1
                self.picked += 1
        self.expected += len(forms)
        self.missed += [
            f"{article}: {e}" for e, hit in zip(expected, matched, strict=True) if not hit
        ]


def scaffolded(project: Path, case: dict[str, Any]) -> tuple[list[str], list[str]]:
    """The names and dates `briefings new` writes for one article."""
    slug = re.sub(r"[^a-z0-9]+", "-", case["file"].split(".")[0].lower()).strip("-")
    args = [
        "--config",
        str(project / "mkdocs.yml"),
        "new",
        slug,
        "--from",
        str(ARTICLES / case["file"]),
    ]
    if case.get("date"):
        args += ["--date", str(case["date"])]
    with contextlib.redirect_stdout(io.StringIO()):  # its "created ..." lines
        status = briefings(args)
    if status != 0:
        raise RuntimeError(f"briefings new failed on {case['file']}")
    text = (project / "content" / "briefings" / slug / "briefing.yaml").read_text(encoding="utf-8")
    names = re.findall(r'# REVIEW: named as "([^"]+)"', text)
    names += re.findall(r'^#   "([^"]+)":', text, re.M)
    dates = []
    for entry in re.finditer(r'^  - date: "([0-9-]+)".*\n(?:    end: "([0-9-]+)"\n)?', text, re.M):
        dates.append(f"{entry.group(1)}/{entry.group(2)}" if entry.group(2) else entry.group(1))
    return names, dates


def evaluate() -> dict[str, Score]:
    """Scores of names and dates over all articles, and over the held-out ones alone
    (written after the reading was tuned, and not used to tune it since)."""
    cases = yaml.safe_load((ARTICLES / "expected.yaml").read_text(encoding="utf-8"))
    scores = {kind: Score() for kind in ("names", "dates", "held-out names", "held-out dates")}
    with tempfile.TemporaryDirectory() as scratch:
        project = Path(scratch)
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        (project / "content" / "briefings").mkdir(parents=True)
        for folder in ("overrides", "docs"):  # mkdocs.yml names them
            (project / folder).mkdir()
        for registry in ("actors.yaml", "tags.yaml"):
            shutil.copy(ROOT / "content" / registry, project / "content" / registry)
        for case in cases:
            names, dates = scaffolded(project, case)
            expected = {"names": case["names"], "dates": [str(d) for d in case["dates"]]}
            for prefix in ("", "held-out ") if case.get("held_out") else ("",):
                scores[f"{prefix}names"].add(case["file"], names, expected["names"])
                scores[f"{prefix}dates"].add(case["file"], dates, expected["dates"])
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="also write the scores to this file")
    args = parser.parse_args(argv)
    scores = evaluate()
    for kind, score in scores.items():
        print(
            f"{kind}: precision {score.precision:.2f} ({score.found}/{score.picked}), "
            f"recall {score.recall:.2f} ({score.found}/{score.expected})"
        )
        if kind.startswith("held-out"):
            continue  # its mistakes are among all's
        for line in score.wrong:
            print(f"  not an editor's pick: {line}")
        for line in score.missed:
            print(f"  missed: {line}")
    if args.json:
        data = {
            kind: {"precision": s.precision, "recall": s.recall, "found": s.found,
                   "picked": s.picked, "expected": s.expected}
            for kind, s in scores.items()
        }  # fmt: skip
        args.json.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    met = all(
        getattr(scores[kind], goal) >= bar
        for kind in ("names", "dates")
        for goal, bar in GOAL.items()
    )
    print("goal (recall >= 0.9, precision >= 0.8 for both):", "met" if met else "NOT met")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
