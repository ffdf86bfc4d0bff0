"""Stage 4: put the generated tree on disk, touching only files whose bytes changed.

``mkdocs serve --dirty`` rebuilds only pages whose source is newer than their
output, so rewriting an unchanged file would cost a rebuild. The writer keeps
a manifest of what it wrote: it removes only files it generated itself and
that are no longer generated, never anything else in the folder.
"""

from __future__ import annotations

import functools
import json
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.parallel import map_parts, split

MANIFEST = ".briefings-manifest.json"


@dataclass(frozen=True)
class WriteReport:
    written: tuple[PurePosixPath, ...]
    unchanged: int
    removed: tuple[PurePosixPath, ...]


@dataclass(frozen=True)
class WrittenFiles:
    written: tuple[PurePosixPath, ...]
    unchanged: int


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
    written in place, without a temporary file and a rename, which cost a fresh tree
    much of its writing time. Should the file appear
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


# Writing a fresh tree is mostly the kernel making files (some 6,000 for 1,000
# briefings), which the cores share out from this many files on; below it, starting
# a process costs more than it saves (a `mkdocs serve` rebuild compares, and writes few).
WRITE_IN_PARALLEL_FROM = 512


def write_tree(
    out_dir: Path,
    files: Mapping[PurePosixPath, bytes],
    jobs: int = 1,
    written: Mapping[PurePosixPath, bytes] | None = None,
) -> WriteReport:
    """Make ``out_dir`` hold ``files``; return what changed. ``written``: what an earlier
    run of this process wrote there, taken to be on disk still (files with the same
    bytes are not read again)."""
    changed = (
        {rel: data for rel, data in files.items() if written.get(rel) != data} if written else files
    )
    done = write_files(out_dir, changed, jobs)
    known = WrittenFiles((), len(files) - len(changed))
    return finish_tree(out_dir, files.keys(), [done, known])


def write_files(out_dir: Path, files: Mapping[PurePosixPath, bytes], jobs: int = 1) -> WrittenFiles:
    """Write those of ``files`` whose bytes differ from the disk's; remove nothing."""
    out_dir.mkdir(parents=True, exist_ok=True)
    jobs = jobs if len(files) >= WRITE_IN_PARALLEL_FROM else 1
    parts = split(sorted(files.items()), jobs)
    done = map_parts(functools.partial(_write_files, out_dir), parts, jobs)
    written = tuple(rel for part in done for rel in part.written)
    return WrittenFiles(written, sum(part.unchanged for part in done))


def finish_tree(
    out_dir: Path, generated: Iterable[PurePosixPath], parts: Sequence[WrittenFiles]
) -> WriteReport:
    """Remove what an earlier run generated and this one did not, and note what it
    did generate (every path of ``generated``, written in ``parts``)."""
    written = tuple(sorted(rel for part in parts for rel in part.written))
    current = {str(rel) for rel in generated}
    removed = []
    inside = out_dir.resolve()  # once: a change of layout leaves thousands of stale files
    for stale in sorted(_read_manifest(out_dir) - current):
        target = out_dir / stale
        # The manifest is ours, but check it still points inside out_dir.
        if inside in target.resolve().parents and target.is_file():
            target.unlink()
            removed.append(PurePosixPath(stale))
            _prune_empty_dirs(target.parent, out_dir)
    manifest = json.dumps(sorted(current), indent=0).encode()
    if written or removed or not (out_dir / MANIFEST).is_file():
        atomic_write(out_dir / MANIFEST, manifest)
    unchanged = sum(part.unchanged for part in parts)
    return WriteReport(written, unchanged, tuple(removed))


def _write_files(out_dir: Path, files: Sequence[tuple[PurePosixPath, bytes]]) -> WrittenFiles:
    """Write the files whose bytes differ from those on disk."""
    written = []
    unchanged = 0
    # Each folder once, by whether this run made it: a file in a folder that did not
    # exist cannot be on disk, so it is written without first trying to read it (a
    # failed open a file, some 6,000 of them in a fresh tree).
    made: dict[Path, bool] = {}
    for rel, data in files:
        target = out_dir / rel
        fresh = made.get(target.parent)
        if fresh is None:
            fresh = made[target.parent] = _make_folder(target.parent)
        existing = None if fresh else _on_disk(target)
        if existing == data:
            unchanged += 1
            continue
        if existing is not None:
            atomic_write(target, data)
        else:
            _write_new(target, data)
        written.append(rel)
    return WrittenFiles(tuple(written), unchanged)


def _make_folder(folder: Path) -> bool:
    """Make ``folder`` and its parents; whether it did not exist. Another process
    writing part of the tree may make it first: then, for this one, it existed."""
    try:
        folder.mkdir(parents=True)
    except FileExistsError:
        return False
    return True


def _prune_empty_dirs(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
