"""Share cards: the 1200 by 630 picture a link preview shows for a briefing, one a language.

A briefing with its own photo gets the photo, with its title on a band over it; one
without, a drawn card (so does one whose image is an ``image.url``, never fetched).
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
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path, PurePosixPath

from PIL import Image, ImageDraw, ImageFont, ImageOps, PngImagePlugin

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


BAND = (20, 24, 48)  # the band under a photo card's title: white on it at 16:1
BAND_TOP = 330  # a photo card's band, to the bottom: room for three lines of title
PHOTO_TITLE_SIZES = (56, 48, 42)
PHOTO_LINES = 3


@dataclass(frozen=True)
class Card:
    title: str
    date: str  # formatted in the card's language
    site_name: str
    kind: str = ""  # the label of its kind of work, in the card's language
    photo: bytes | None = None  # its own image, re-encoded (generator.images)

    @property
    def key(self) -> str:
        parts: tuple[str, ...] = (VERSION, self.title, self.date, self.site_name)
        if self.kind or self.photo is not None:  # cards drawn before either keep their key
            photo = hashlib.sha256(self.photo).hexdigest() if self.photo is not None else ""
            parts += (self.kind, photo)
        text = "\x00".join(parts)
        return hashlib.sha256(text.encode()).hexdigest()

    @property
    def kicker(self) -> str:
        """What the card says above its title: the site's name, and its kind of work."""
        return f"{self.site_name} · {self.kind}" if self.kind else self.site_name


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


def _title_lines(
    title: str, width: int, sizes: Sequence[int] = TITLE_SIZES, most: int = MAX_LINES
) -> tuple[ImageFont.FreeTypeFont, list[str]]:
    for size in sizes:
        font = _font("Bold", size)
        lines = list(_lines(title, font, width))
        if len(lines) <= most:
            return font, lines
    shown = lines[:most]
    last = shown[-1]
    while last and font.getlength(last + " …") > width:
        last = last.rpartition(" ")[0] or last[:-1]
    return font, [*shown[:-1], f"{last} …"]


def draw(card: Card) -> bytes:
    """The card as PNG bytes."""
    if card.photo is not None:
        return _draw_photo(card, card.photo)
    image = Image.new("L", SIZE, 0)
    pen = ImageDraw.Draw(image)
    small = _font("Regular", 36)
    width = SIZE[0] - 2 * MARGIN
    pen.text((MARGIN, 64), card.kicker, font=small, fill=200)
    pen.rectangle((MARGIN, 124, MARGIN + 96, 130), fill=255)
    font, lines = _title_lines(card.title, width)
    pen.multiline_text((MARGIN, 168), "\n".join(lines), font=font, fill=255, spacing=14)
    pen.text((MARGIN, SIZE[1] - 64 - 36), card.date, font=small, fill=255)
    image.putpalette(PALETTE)  # the shades become the palette's indexes, in place
    return _png(image, card)


def _draw_photo(card: Card, photo: bytes) -> bytes:
    """The photo filling the card, and the title in white on a dark band over its lower
    part (the photo is the briefing's own, already checked and re-encoded)."""
    with Image.open(io.BytesIO(photo)) as opened:
        image = ImageOps.fit(opened.convert("RGB"), SIZE, Image.Resampling.LANCZOS)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, BAND_TOP, SIZE[0], SIZE[1]), fill=BAND)
    small = _font("Regular", 32)
    width = SIZE[0] - 2 * MARGIN
    pen.text((MARGIN, BAND_TOP + 28), card.kicker, font=small, fill=(210, 214, 235))
    font, lines = _title_lines(card.title, width, PHOTO_TITLE_SIZES, PHOTO_LINES)
    pen.multiline_text(
        (MARGIN, BAND_TOP + 76), "\n".join(lines), font=font, fill=FOREGROUND, spacing=10
    )
    pen.text((MARGIN, SIZE[1] - 36 - 32), card.date, font=small, fill=FOREGROUND)
    # 256 colours: a photo card of a third of the bytes, the band and text still exact.
    return _png(image.quantize(256, dither=Image.Dither.NONE), card)


def _png(image: Image.Image, card: Card) -> bytes:
    stamp = PngImagePlugin.PngInfo()
    stamp.add_text(STAMP, card.key)  # written before the pixels: see _unchanged
    out = io.BytesIO()
    # Level 6 takes twice as long for a file a quarter smaller.
    image.save(out, "PNG", compress_level=1, pnginfo=stamp)
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
    kinds: Mapping[str, str] | None = None,
) -> dict[PurePosixPath, bytes]:
    """Each briefing's card in ``language``, by its path in the language's docs tree;
    ``previous``: that tree as the last build left it. ``known``: the cards of the last
    run, by key, for a caller that runs again and again (serve), which then reads no
    file for an unchanged card; updated to this run's. ``kinds``: each kind of work's label
    in ``language``."""
    cards, made = {}, {}
    last = known if known is not None else {}
    for loaded in briefings:
        b = loaded.briefing
        card = Card(
            language.text(b.title),
            language.date(b.published),
            site_name,
            (kinds or {}).get(b.kind, "") if b.kind else "",
            loaded.image.data if loaded.image is not None else None,
        )
        path = card_file(loaded.slug)
        data = last.get(card.key) or _unchanged(previous / path, card) or draw(card)
        cards[path] = made[card.key] = data
    if known is not None:
        known.clear()
        known.update(made)
    return cards
