"""axe-core in the browser tests: its serious and critical findings on a page.

axe-core is installed by `make` into .venv/node from the npm registry; without it the
checks find nothing and the tests that need it say so.
"""

from __future__ import annotations

from pathlib import Path

AXE = (
    Path(__file__).resolve().parents[1]
    / ".venv"
    / "node"
    / "node_modules"
    / "axe-core"
    / "axe.min.js"
)

AXE_SERIOUS = (
    "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
    ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
    ".map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', '))"
)


def serious_violations(page: object) -> list[str]:
    """axe-core's serious and critical findings on the page ([] without axe-core)."""
    if not AXE.is_file():
        return []
    page.add_script_tag(path=str(AXE))  # type: ignore[attr-defined]
    found: list[str] = page.evaluate(AXE_SERIOUS)  # type: ignore[attr-defined]
    return found
