"""Share cards: the 1200 by 630 picture a link preview shows for a briefing, one a language.

Drawn with Pillow in Source Sans Pro, a font the ``font-source-sans-pro`` package ships,
so every machine draws the same pixels from the same title, date and site name. Each
card carries the hash of what it shows, and a card of the previous build with the same
hash is taken as it is: drawing every card of a large archive anew would add seconds to
each build for pictures that did not change.
"""

from __future__ import annotations

import functools
import hashlib
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path, PurePosixPath

from PIL import Image, ImageDraw, ImageFont, PngImagePlugin

from generator.corpus import LoadedBriefing
from generator.layout import card_file
from generator.settings import Language

SIZE = (1200, 630)
MARGIN = 80
BACKGROUND = (48, 63, 159)  # the site's indigo, a little darker: white on it at 9:1
FOREGROUND = (255, 255, 255)
# The card is drawn in 256 shades between the two colours and saved with that palette:
# a third of the time of a full-colour picture, and a smaller file.
PALETTE = [
    round(BACKGROUND[c] + (FOREGROUND[c] - BACKGROUND[c]) * shade / 255)
    for shade in range(256)
    for c in range(3)
]
TITLE_SIZES = (68, 58, 50)  # the largest in which the title fits in MAX_LINES
MAX_LINES = 4
VERSION = "1"  # change to draw every card again (a new layout)
STAMP = "briefings-card"  # the PNG text chunk that holds a card's key


@dataclass(frozen=True)
class Card:
    title: str
    date: str  # formatted in the card's language
    site_name: str

    @property
    def key(self) -> str:
        text = "\x00".join((VERSION, self.title, self.date, self.site_name))
        return hashlib.sha256(text.encode()).hexdigest()


@functools.cache
def _font(style: str, size: int) -> ImageFont.FreeTypeFont:
    path = files("font_source_sans_pro") / "files" / f"SourceSansPro-{style}.ttf"
    return ImageFont.truetype(str(path), size)


def _lines(text: str, font: ImageFont.FreeTypeFont, width: int) -> Iterator[str]:
    """``text`` broken between words into lines at most ``width`` pixels wide (a word
    wider than that on a line of its own)."""
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if line and font.getlength(candidate) > width:
            yield line
            line = word
        else:
            line = candidate
    if line:
        yield line


def _title_lines(title: str, width: int) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    for size in TITLE_SIZES:
        font = _font("Bold", size)
        lines = list(_lines(title, font, width))
        if len(lines) <= MAX_LINES:
            return font, lines
    shown = lines[:MAX_LINES]
    last = shown[-1]
    while last and font.getlength(last + " …") > width:
        last = last.rpartition(" ")[0] or last[:-1]
    return font, [*shown[:-1], f"{last} …"]


def draw(card: Card) -> bytes:
    """The card as PNG bytes."""
    image = Image.new("L", SIZE, 0)
    pen = ImageDraw.Draw(image)
    small = _font("Regular", 36)
    width = SIZE[0] - 2 * MARGIN
    pen.text((MARGIN, 64), card.site_name, font=small, fill=200)
    pen.rectangle((MARGIN, 124, MARGIN + 96, 130), fill=255)
    font, lines = _title_lines(card.title, width)
    pen.multiline_text((MARGIN, 168), "\n".join(lines), font=font, fill=255, spacing=14)
    pen.text((MARGIN, SIZE[1] - 64 - 36), card.date, font=small, fill=255)
    shades = Image.frombytes("P", SIZE, image.tobytes())
    shades.putpalette(PALETTE)
    stamp = PngImagePlugin.PngInfo()
    stamp.add_text(STAMP, card.key)  # written before the pixels: see _unchanged
    out = io.BytesIO()
    # Level 6 takes twice as long for a file a quarter smaller.
    shades.save(out, "PNG", compress_level=1, pnginfo=stamp)
    return out.getvalue()


def _unchanged(previous: Path, card: Card) -> bytes | None:
    """The card at ``previous`` if it shows what ``card`` does, else None."""
    try:
        data = previous.read_bytes()
    except OSError:
        return None
    stamp = f"{STAMP}\x00{card.key}".encode()
    return data if stamp in data[:256] else None


def card_files(
    briefings: Sequence[LoadedBriefing],
    language: Language,
    site_name: str,
    previous: Path,
    known: dict[str, bytes] | None = None,
) -> dict[PurePosixPath, bytes]:
    """Each briefing's card in ``language``, by its path in the language's docs tree;
    ``previous``: that tree as the last build left it. ``known``: the cards of the last
    run, by key, for a caller that runs again and again (serve), which then reads no
    file for an unchanged card; updated to this run's."""
    cards, made = {}, {}
    last = known if known is not None else {}
    for loaded in briefings:
        b = loaded.briefing
        card = Card(language.text(b.title), language.date(b.published), site_name)
        path = card_file(loaded.slug)
        data = last.get(card.key) or _unchanged(previous / path, card) or draw(card)
        cards[path] = made[card.key] = data
    if known is not None:
        known.clear()
        known.update(made)
    return cards
