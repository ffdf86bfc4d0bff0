"""Hostile image files: what is published holds pixels and a real colour profile, no more,
and a file built to be slow to decode is refused before it is decoded."""

from __future__ import annotations

import io
import re
import struct
import zlib
from pathlib import Path

import pytest
from conftest import SEED_SLUG, run_cli
from content_edits import BRIEFING, FOLDER, errors_of, line_of, replace
from PIL import Image, ImageCms

from generator.images import (
    MAX_CHUNKS,
    MAX_PROFILE_BYTES,
    MAX_SCANS,
    MAX_SEGMENTS,
    ImageError,
    clean_image,
)

SECRETS = (b"<script>", b"https://beacon.example/", b"GPS 35.6586 N 139.7454 E")
HTML = b"<html><script>fetch('https://beacon.example/p.gif')</script>GPS 35.6586 N 139.7454 E"
SRGB = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
KINDS = [("JPEG", "photo.jpg"), ("PNG", "photo.png"), ("WEBP", "photo.webp")]


def picture(kind: str, size: tuple[int, int] = (40, 30), **options: object) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (128, 128, 128)).save(out, kind, **options)
    return out.getvalue()


def published(kind: str, name: str, profile: bytes) -> tuple[bytes, Image.Image]:
    data = clean_image(name, picture(kind, icc_profile=profile)).data
    image = Image.open(io.BytesIO(data))
    image.load()
    return data, image


def with_tags(tags: dict[bytes, bytes]) -> bytes:
    """The sRGB profile lcms builds, with tags replaced or added (signature -> data)."""
    count = int.from_bytes(SRGB[128:132], "big")
    table = {}
    for i in range(count):
        sig, offset, size = struct.unpack(">4sII", SRGB[132 + 12 * i : 144 + 12 * i])
        table[sig] = SRGB[offset : offset + size]
    table.update(tags)
    body, entries = b"", b""
    start = 132 + 12 * len(table)
    for sig, data in table.items():
        entries += struct.pack(">4sII", sig, start + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    profile = bytearray(SRGB[:128] + struct.pack(">I", len(table)) + entries + body)
    profile[0:4] = struct.pack(">I", len(profile))
    profile[84:100] = bytes(16)  # no profile ID, which would no longer match
    return bytes(profile)


def linear_curve(entries: int) -> bytes:
    """A 'curv' tag of straight-line values: light in, the same light out."""
    values = [round(i * 65535 / (entries - 1)) for i in range(entries)]
    return b"curv\0\0\0\0" + struct.pack(f">I{entries}H", entries, *values)


@pytest.mark.parametrize(("kind", "name"), KINDS)
def test_a_profile_that_is_html_with_a_script_is_not_published(kind: str, name: str) -> None:
    with Image.open(io.BytesIO(picture(kind, icc_profile=HTML))) as original:
        assert original.info["icc_profile"] == HTML  # Pillow carries it as it is
    data, image = published(kind, name, HTML)
    assert not any(secret in data for secret in SECRETS)
    assert "icc_profile" not in image.info
    assert image.getpixel((0, 0))[:3] == pytest.approx((128, 128, 128), abs=2)


@pytest.mark.parametrize(("kind", "name"), KINDS)
def test_a_real_srgb_profile_is_kept_and_still_parses(kind: str, name: str) -> None:
    _, image = published(kind, name, SRGB)
    assert image.info["icc_profile"] == SRGB
    kept = ImageCms.ImageCmsProfile(io.BytesIO(image.info["icc_profile"]))
    assert kept.profile.xcolor_space.strip() == "RGB"


@pytest.mark.parametrize(("kind", "name"), KINDS)
def test_html_after_a_real_profile_is_cut_off(kind: str, name: str) -> None:
    data, image = published(kind, name, SRGB + HTML)
    assert image.info["icc_profile"] == SRGB  # as lcms writes it again
    assert not any(secret in data for secret in SECRETS)


def test_html_in_a_private_tag_of_a_real_profile_is_not_published() -> None:
    profile = with_tags({b"zzzz": b"text\0\0\0\0" + HTML + b"\0"})
    ImageCms.ImageCmsProfile(io.BytesIO(profile))  # a profile lcms reads
    data, image = published("JPEG", "photo.jpg", profile)
    assert not any(secret in data for secret in SECRETS)
    assert "icc_profile" not in image.info


def test_an_oversized_real_profile_is_applied_to_the_pixels_and_dropped() -> None:
    curve = linear_curve(20_000)  # a straight line, said with far more points than needed
    profile = with_tags({b"rTRC": curve, b"gTRC": curve, b"bTRC": curve})
    assert len(profile) > MAX_PROFILE_BYTES
    ImageCms.ImageCmsProfile(io.BytesIO(profile))  # a profile lcms reads
    _, image = published("PNG", "photo.png", profile)
    assert "icc_profile" not in image.info
    # Half the light, written straight, is about 188 once written in sRGB's curve.
    assert image.getpixel((0, 0)) == pytest.approx((188, 188, 188), abs=2)


def test_a_profile_for_other_colours_than_the_pixels_is_dropped() -> None:
    gray = Image.new("L", (8, 8), 100)
    out = io.BytesIO()
    gray.save(out, "PNG", icc_profile=SRGB)  # an RGB profile on grey pixels
    image = Image.open(io.BytesIO(clean_image("photo.png", out.getvalue()).data))
    assert "icc_profile" not in image.info
    assert image.getpixel((0, 0)) == 100


# -- files built to be slow to decode -------------------------------------------------------

MARKER = re.compile(rb"\xff[^\x00\xd0-\xd7\xff]")


def many_scans(scans: int) -> bytes:
    """A small progressive JPEG with its last scan repeated until it has ``scans``."""
    raw = picture("JPEG", (64, 64), progressive=True)
    starts = [m.start() for m in MARKER.finditer(raw) if raw[m.end() - 1] == 0xDA]
    last, end = starts[-1], raw.rindex(b"\xff\xd9")
    assert 5 <= len(starts) < scans
    return raw[:end] + raw[last:end] * (scans - len(starts)) + raw[end:]


def test_a_progressive_jpeg_of_a_few_scans_is_published() -> None:
    assert clean_image("photo.jpg", many_scans(MAX_SCANS)).data


def test_a_jpeg_of_thousands_of_scans_is_refused_before_decoding() -> None:
    with pytest.raises(ImageError) as refused:
        clean_image("photo.jpg", many_scans(4_000))
    assert str(refused.value) == (
        f"'photo.jpg' is a JPEG of more than {MAX_SCANS} scans, each decoded in turn;"
        f" the limit is {MAX_SCANS} (a photo has about 10)"
    )


def test_stray_bytes_between_scans_do_not_hide_them() -> None:
    raw = many_scans(MAX_SCANS + 1)
    hidden = raw.replace(b"\xff\xda", b"junk\xff\xff\xda")  # libjpeg skips to the marker
    with pytest.raises(ImageError, match="more than 100 scans"):
        clean_image("photo.jpg", hidden)


def test_a_jpeg_of_thousands_of_segments_is_refused() -> None:
    raw = picture("JPEG")
    comments = b"\xff\xfe\x00\x02" * (MAX_SEGMENTS + 1)  # empty comment segments
    with pytest.raises(ImageError, match=f"more than {MAX_SEGMENTS:,} segments"):
        clean_image("photo.jpg", raw[:2] + comments + raw[2:])


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def test_a_png_of_thousands_of_chunks_is_refused() -> None:
    raw = picture("PNG")
    header = 8 + 25  # signature and IHDR
    padded = raw[:header] + png_chunk(b"prVt", b"") * MAX_CHUNKS + raw[header:]
    with pytest.raises(ImageError, match=f"more than {MAX_CHUNKS:,} chunks"):
        clean_image("photo.png", padded)


@pytest.mark.parametrize(("kind", "name"), [("PNG", "photo.png"), ("WEBP", "photo.webp")])
def test_an_animation_is_refused(kind: str, name: str) -> None:
    frames = [Image.new("RGB", (16, 16), (i * 40, 0, 0)) for i in range(3)]
    out = io.BytesIO()
    frames[0].save(out, kind, save_all=True, append_images=frames[1:])
    with pytest.raises(ImageError) as refused:
        clean_image(name, out.getvalue())
    assert str(refused.value) == f"'{name}' is an animation of 3 frames; use a still image"


def test_briefings_check_names_the_line_of_a_jpeg_of_thousands_of_scans(project: Path) -> None:
    (project / FOLDER / "photo.jpg").write_bytes(many_scans(4_000))
    path = project / BRIEFING
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("tags:", "image:\n  file: photo.jpg\n  credit: Test\ntags:", 1),
        encoding="utf-8",
    )
    line = text[: text.index("tags:")].count("\n") + 2  # the line of "file:"
    result = run_cli(project, "check")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert (
        f"{BRIEFING}:{line}:3: image.file: 'photo.jpg' is a JPEG of more than {MAX_SCANS} scans"
    ) in result.stderr


def photo(kind: str = "JPEG", size: tuple[int, int] = (40, 30), **options: object) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(out, kind, **options)
    return out.getvalue()


def with_image(project: Path, name: str, data: bytes) -> None:
    (project / FOLDER / name).write_bytes(data)
    replace(project, "tags:", f"image:\n  file: {name}\n  credit: Test\ntags:")


def huge_png_header(width: int = 100_000, height: int = 100_000) -> bytes:
    """A valid 1x1 PNG whose header claims another size."""
    raw = bytearray(photo("PNG", (1, 1)))
    ihdr = raw.index(b"IHDR")
    raw[ihdr + 4 : ihdr + 12] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(raw[ihdr : ihdr + 17]))
    raw[ihdr + 17 : ihdr + 21] = struct.pack(">I", crc)
    return bytes(raw)


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        (
            "photo.jpg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "'photo.jpg' is markup (SVG, XML or HTML), which can hold a script",
        ),
        ("photo.jpg", photo("PNG"), "'photo.jpg' holds a PNG image; name it with .png"),
        ("photo.png", photo("GIF"), "'photo.png' is a GIF image; use a JPEG, PNG or WebP image"),
        (
            "photo.png",
            huge_png_header(),
            "'photo.png' claims to be larger than a photo can be; the limit",
        ),
        ("photo.png", huge_png_header(9_000, 10), "'photo.png' is 9,000 x 10 pixels; the limit"),
        ("photo.jpg", photo()[:200], "'photo.jpg' cannot be read as a JPEG image"),
        (
            "photo.webp",
            b"RIFF\x00\x00\x00\x00WEBPVP8 junk",
            "'photo.webp' cannot be read as a WebP image",
        ),
    ],
)
def test_images_are_judged_by_their_bytes(
    project: Path, name: str, data: bytes, message: str
) -> None:
    with_image(project, name, data)
    line = line_of(project, f"file: {name}")
    assert f"{BRIEFING}:{line}:3: image.file: {message}" in errors_of(project)


def test_an_image_over_the_size_limit_is_not_read(project: Path) -> None:
    with_image(project, "photo.jpg", b"\xff\xd8\xff" + b"\x00" * 10_000_000)
    assert f"{FOLDER}/photo.jpg: file is 10,000,003 bytes; the limit is 10,000,000" in errors_of(
        project
    )


def test_published_images_carry_no_metadata(project: Path) -> None:
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"  # Make
    exif[0x013B] = "Photographer at home"  # Artist
    original = photo(exif=exif.tobytes(), comment=b"taken at home")
    with Image.open(io.BytesIO(original)) as image:
        assert image.getexif()
    with_image(project, "photo.jpg", original)
    result = run_cli(project, "render", "--out", str(project / "out"))
    assert result.returncode == 0, result.stderr
    for lang in ("id", "en"):
        published = project / "out" / lang / "docs" / "briefings" / SEED_SLUG / "photo.jpg"
        with Image.open(published) as image:
            assert image.format == "JPEG" and image.size == (40, 30)
            assert not image.getexif()
            assert "comment" not in image.info
        assert b"taken at home" not in published.read_bytes()


def test_a_photo_taken_sideways_is_published_upright(project: Path) -> None:
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: rotate 90 degrees to show
    with_image(project, "photo.jpg", photo(exif=exif.tobytes()))
    result = run_cli(project, "render", "--out", str(project / "out"))
    assert result.returncode == 0, result.stderr
    published = project / "out" / "en" / "docs" / "briefings" / SEED_SLUG / "photo.jpg"
    with Image.open(published) as image:
        assert image.size == (30, 40)
