"""A briefing's own image: checked by what its bytes are, not by its name, and re-encoded.

An image file is untrusted like the rest of content: an SVG with a script can be named
``photo.jpg``, a small file can claim to be 100,000 pixels wide, and a phone's photo
carries where it was taken. Only JPEG, PNG and WebP are published, within the limits
below, and every one is decoded and encoded again, so that what is published holds
pixels and a colour profile and nothing else.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps

MAX_BYTES = 10_000_000
MAX_SIDE = 8_000  # pixels, either way
MAX_PIXELS = 40_000_000
JPEG_QUALITY = 90

# Pillow's format name -> the file name endings that may hold it.
SUFFIXES = {"JPEG": (".jpg", ".jpeg"), "PNG": (".png",), "WEBP": (".webp",)}
NAMES = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}


class ImageError(ValueError):
    """Why an image file cannot be published, as a sentence."""


@dataclass(frozen=True)
class CleanImage:
    name: str  # the file name beside briefing.yaml, kept for the published copy
    data: bytes  # re-encoded, without metadata


def _sniff(raw: bytes) -> str:
    """The format the bytes say they are, whatever the file is called."""
    if raw.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if raw.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if raw[:4] == b"RIFF" and raw[8:12] == b"WEBP":
        return "WEBP"
    if raw.startswith((b"GIF87a", b"GIF89a")):
        return "a GIF image"
    head = raw[:512].lstrip().lower()
    if head.startswith((b"<?xml", b"<svg", b"<!doctype", b"<html", b"<")):
        return "markup (SVG, XML or HTML), which can hold a script"
    return "not an image this site publishes"


def clean_image(name: str, raw: bytes) -> CleanImage:
    """The image ``name`` re-encoded without metadata, or ImageError saying why not."""
    if len(raw) > MAX_BYTES:
        raise ImageError(f"{name!r} is {len(raw):,} bytes; the limit is {MAX_BYTES:,}")
    found = _sniff(raw)
    if found not in SUFFIXES:
        raise ImageError(f"{name!r} is {found}; use a JPEG, PNG or WebP image")
    if not name.lower().endswith(SUFFIXES[found]):
        raise ImageError(
            f"{name!r} holds a {NAMES[found]} image; name it with {' or '.join(SUFFIXES[found])}"
        )
    limit = f"the limit is {MAX_SIDE:,} pixels a side and {MAX_PIXELS // 1_000_000} megapixels"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # Pillow's own bomb warning is a refusal too
            image = Image.open(io.BytesIO(raw), formats=[found])
            width, height = image.size  # from the header, before any pixel is decoded
            if max(width, height) > MAX_SIDE or width * height > MAX_PIXELS:
                raise ImageError(f"{name!r} is {width:,} x {height:,} pixels; {limit}")
            image.load()
            return CleanImage(name, _encode(image, found))
    except ImageError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageError(f"{name!r} claims to be larger than a photo can be; {limit}") from None
    except Exception as exc:  # Pillow raises many kinds on broken files; all mean the same
        raise ImageError(f"{name!r} cannot be read as a {NAMES[found]} image ({exc})") from None


def _encode(image: Image.Image, found: str) -> bytes:
    """Pixels (turned upright, as the camera meant) and the colour profile; no EXIF, GPS,
    comments or text chunks."""
    profile = image.info.get("icc_profile")
    upright = ImageOps.exif_transpose(image)  # a copy, whose info alone Pillow would save
    upright.info = {}
    out = io.BytesIO()
    options: dict[str, object] = {"icc_profile": profile} if profile else {}
    if found == "JPEG":
        if upright.mode not in ("RGB", "L", "CMYK"):
            upright = upright.convert("RGB")
        upright.save(out, "JPEG", quality=JPEG_QUALITY, **options)
    elif found == "PNG":
        upright.save(out, "PNG", **options)
    else:
        upright.save(out, "WEBP", quality=JPEG_QUALITY, **options)
    return out.getvalue()
