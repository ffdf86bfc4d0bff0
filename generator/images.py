"""A briefing's own image: checked by what its bytes are, not by its name, and re-encoded.

An image file is untrusted like the rest of content: an SVG with a script can be named
``photo.jpg``, a small file can claim to be 100,000 pixels wide, a phone's photo carries
where it was taken, a "colour profile" can be any bytes at all, and a small JPEG can ask
to be decoded thousands of times over. Only still JPEG, PNG and WebP images are
published, within the limits below, and every one is decoded and encoded again, so that
what is published holds pixels and a real colour profile and nothing else.
"""

from __future__ import annotations

import io
import re
import warnings
from dataclasses import dataclass

from PIL import Image, ImageCms, ImageOps

MAX_BYTES = 10_000_000
MAX_SIDE = 8_000  # pixels, either way
MAX_PIXELS = 40_000_000
# Each scan of a JPEG is another pass over the picture's blocks; progressive encoders
# write about ten, so a hundred leaves room for any real photo.
MAX_SCANS = 100
# Other JPEG segments (tables, metadata) are each read before any pixel; real files have
# tens, and a few hundred when large metadata is split up.
MAX_SEGMENTS = 1_000
# Encoders write a PNG's pixels in chunks of kilobytes; ten thousand chunks is far above
# any real 10 MB file, and Pillow reads each one in turn.
MAX_CHUNKS = 10_000
# Real colour profiles (sRGB, Display P3, Adobe RGB) are a few KB; anything much larger
# is a printer's lookup table or a place to carry other bytes.
MAX_PROFILE_BYTES = 64 * 1024
# Tags that say what the colours mean, and the name and copyright every profile needs.
PROFILE_TAGS = frozenset(
    (
        b"desc cprt wtpt bkpt chad chrm cicp rXYZ gXYZ bXYZ rTRC gTRC bTRC kTRC "
        b"A2B0 A2B1 A2B2 B2A0 B2A1 B2A2"
    ).split()
)
# The colour space a profile must describe for each mode Pillow decodes to.
PROFILE_SPACES = {
    "RGB": "RGB",
    "RGBA": "RGB",
    "P": "RGB",
    "PA": "RGB",
    "L": "GRAY",
    "LA": "GRAY",
    "I;16": "GRAY",
    "I": "GRAY",
    "CMYK": "CMYK",
}
JPEG_QUALITY = 90

# Pillow's format name -> the file name endings that may hold it.
SUFFIXES = {"JPEG": (".jpg", ".jpeg"), "PNG": (".png",), "WEBP": (".webp",)}
NAMES = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP"}
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


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
    if found == "JPEG":
        _check_jpeg_segments(name, raw)
    elif found == "PNG":
        _check_png_chunks(name, raw)
    limit = f"the limit is {MAX_SIDE:,} pixels a side and {MAX_PIXELS // 1_000_000} megapixels"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # Pillow's own bomb warning is a refusal too
            image = Image.open(io.BytesIO(raw), formats=[found])
            width, height = image.size  # from the header, before any pixel is decoded
            if max(width, height) > MAX_SIDE or width * height > MAX_PIXELS:
                raise ImageError(f"{name!r} is {width:,} x {height:,} pixels; {limit}")
            frames = getattr(image, "n_frames", 1)
            # A JPEG's further frames (MPO: depth maps, previews) are never decoded.
            if frames > 1 and found != "JPEG":
                raise ImageError(
                    f"{name!r} is an animation of {frames:,} frames; use a still image"
                )
            image.load()
            return CleanImage(name, _encode(image, found))
    except ImageError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageError(f"{name!r} claims to be larger than a photo can be; {limit}") from None
    except Exception as exc:  # Pillow raises many kinds on broken files; all mean the same
        raise ImageError(f"{name!r} cannot be read as a {NAMES[found]} image ({exc})") from None


# The next marker as libjpeg finds it: 0xFF, then a code that is not stuffing (0x00), a
# restart marker inside a scan (0xD0-0xD7) or more 0xFF fill.
_JPEG_MARKER = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")


def _check_jpeg_segments(name: str, raw: bytes) -> None:
    """Refuse a JPEG of more scans or segments than a photo has, before decoding it.

    The walk skips each segment by its length and each scan's data to the next marker,
    and resynchronises on stray bytes as libjpeg does, so it sees the scans libjpeg would.
    """
    scans = segments = 0
    pos = 2
    while (found := _JPEG_MARKER.search(raw, pos)) is not None:
        code = raw[found.end() - 1]
        pos = found.end()
        if code == 0xD9:  # end of image: nothing after it is decoded
            return
        if code == 0x01:  # a marker without a length
            continue
        if code == 0xDA:
            scans += 1
            if scans > MAX_SCANS:
                raise ImageError(
                    f"{name!r} is a JPEG of more than {MAX_SCANS} scans, each decoded in turn;"
                    f" the limit is {MAX_SCANS} (a photo has about 10)"
                )
        else:
            segments += 1
            if segments > MAX_SEGMENTS:
                raise ImageError(
                    f"{name!r} is a JPEG of more than {MAX_SEGMENTS:,} segments;"
                    f" the limit is {MAX_SEGMENTS:,}"
                )
        pos += int.from_bytes(raw[pos : pos + 2], "big")


def _check_png_chunks(name: str, raw: bytes) -> None:
    """Refuse a PNG of more chunks than a photo has, before Pillow reads them one by one."""
    chunks = 0
    pos = 8
    while pos + 8 <= len(raw):
        chunks += 1
        if chunks > MAX_CHUNKS:
            raise ImageError(
                f"{name!r} is a PNG of more than {MAX_CHUNKS:,} chunks; the limit is {MAX_CHUNKS:,}"
            )
        if raw[pos + 4 : pos + 8] == b"IEND":
            return
        pos += 12 + int.from_bytes(raw[pos : pos + 4], "big")  # length, type, data, CRC


def _encode(image: Image.Image, found: str) -> bytes:
    """Pixels (turned upright, as the camera meant) and a real colour profile; no EXIF,
    GPS, comments or text chunks."""
    upright, profile = _colour(ImageOps.exif_transpose(image), image.info.get("icc_profile"))
    upright.info = {}  # a copy's info is what Pillow would save with it
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


def _colour(image: Image.Image, data: object) -> tuple[Image.Image, bytes | None]:
    """The pixels and the profile to publish with them.

    A profile is kept as lcms writes it again (what follows its tags is gone) when it
    is small, holds only colour tags and fits the pixels. Another real profile is
    applied, turning the pixels into sRGB, which needs no profile; bytes that are no
    profile mean nothing for the colours and are dropped.
    """
    if not isinstance(data, bytes) or not data:
        return image, None
    try:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(data))
        kept = profile.tobytes()
    except (OSError, ValueError, ImageCms.PyCMSError):
        return image, None
    space = profile.profile.xcolor_space.strip()
    if (
        len(kept) <= MAX_PROFILE_BYTES
        and _profile_tags(kept) <= PROFILE_TAGS
        and PROFILE_SPACES.get(image.mode) == space
    ):
        return image, kept
    return _to_srgb(image, profile), None


def _profile_tags(profile: bytes) -> set[bytes]:
    """The signatures in an ICC profile's tag table (a count, then 12 bytes a tag)."""
    count = int.from_bytes(profile[128:132], "big")
    return {profile[132 + 12 * i : 136 + 12 * i] for i in range(count)}


def _to_srgb(image: Image.Image, profile: ImageCms.ImageCmsProfile) -> Image.Image:
    """The pixels in sRGB, alpha kept; as they are when the profile does not fit them."""
    try:
        if image.mode not in ("RGB", "RGBA", "L", "LA", "CMYK"):
            image = image.convert("RGBA" if image.has_transparency_data else "RGB")
        alpha = image.getchannel("A") if image.mode in ("RGBA", "LA") else None
        base = image.convert(image.mode[0]) if alpha else image  # RGBA -> RGB, LA -> L
        converted = ImageCms.profileToProfile(base, profile, SRGB, outputMode="RGB")
    except (OSError, ValueError, ImageCms.PyCMSError):
        return image
    assert converted is not None  # None only when converting in place
    if alpha:
        converted.putalpha(alpha)
    return converted
