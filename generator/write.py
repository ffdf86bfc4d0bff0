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
    """Write via a temporary file and rename, so no reader sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        Path(tmp).replace(path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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
    for rel, data in sorted(files.items()):
        target = out_dir / rel
        try:
            if target.read_bytes() == data:
                unchanged += 1
                continue
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            pass
        atomic_write(target, data)
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
