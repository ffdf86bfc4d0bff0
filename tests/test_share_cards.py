"""Share cards, the pictures link previews show: drawn per briefing and language, drawn again only when what they show changes, reused when restored."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import (
    SEED_SLUG,
    copy_project,
)
from PIL import Image

from generator import Settings, cards, generate


@pytest.mark.parametrize("lang", ["id", "en"])
def test_each_briefing_has_a_share_card_in_each_language(full_site: Path, lang: str) -> None:
    title = {"id": "Indonesia bergabung dengan BRICS", "en": "Indonesia joins BRICS"}[lang]
    with Image.open(full_site / lang / "cards" / "indonesia-joins-brics.png") as card:
        assert card.format == "PNG" and card.size == (1200, 630)
        card.load()
        # The briefing has a photo: the card shows it (as published), the title over it.
        photo = (
            full_site / lang / "briefings" / "indonesia-joins-brics" / "photo.png"
        ).read_bytes()
        expected = cards.Card(title, _published(lang), "Briefings", photo=photo)
        assert card.info[cards.STAMP] == expected.key
        # Drawn, not blank: white text on the band.
        assert card.convert("RGB").getcolors(2**16) is not None
        assert (255, 255, 255) in {c for _, c in card.convert("RGB").getcolors(2**16) or []}


def _published(lang: str) -> str:
    return {"id": "10 Januari 2025", "en": "January 10, 2025"}[lang]


def test_a_share_card_is_drawn_again_only_when_what_it_shows_changes(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "p")
    settings = Settings(root=project)
    generate(settings)
    card = project / "build" / "en" / "docs" / "cards" / f"{SEED_SLUG}.png"
    # A card the next build keeps shows it was not drawn again: these extra bytes stay.
    card.write_bytes(card.read_bytes() + b"kept")
    generate(settings)
    assert card.read_bytes().endswith(b"kept")
    briefing = project / "content" / "briefings" / SEED_SLUG / "briefing.yaml"
    text = briefing.read_text(encoding="utf-8")
    briefing.write_text(text.replace("en: A NATO liaison office", "en: A NATO office"), "utf-8")
    generate(settings)
    assert not card.read_bytes().endswith(b"kept")
    with Image.open(card) as drawn:
        drawn.load()
        assert (
            drawn.info[cards.STAMP]
            == cards.Card(
                "A NATO office in Tokyo brings Japan closer, not into the alliance",
                "June 2, 2023",
                "Briefings",
            ).key
        )


def test_cards_restored_alone_into_a_fresh_clone_are_reused_as_the_pages_workflow_does(
    tmp_path: Path,
) -> None:
    # The Pages workflow restores only build/*/docs/cards from the Actions cache.
    first = copy_project(tmp_path / "first")
    generate(Settings(root=first))
    fresh = copy_project(tmp_path / "fresh")
    for lang in ("id", "en"):
        cards_dir = Path(lang, "docs", "cards")
        shutil.copytree(first / "build" / cards_dir, fresh / "build" / cards_dir)
    card = fresh / "build" / "en" / "docs" / "cards" / f"{SEED_SLUG}.png"
    card.write_bytes(card.read_bytes() + b"kept")
    generate(Settings(root=fresh))
    assert card.read_bytes().endswith(b"kept")  # checked by its stamp, not drawn again
