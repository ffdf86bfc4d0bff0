"""Independent parts of the work on several processes: one pool, ``jobs`` processes at most.

Generation is pure Python, so threads would take turns on one core. Processes are
forked, so they share what is already loaded (the corpus, the compiled templates)
without pickling it; only each part's result travels back. Forking is safe only on
Linux and only while this process has no other thread (``mkdocs serve`` runs a server
and a watcher): elsewhere, and with ``jobs=1``, the parts run here, with the same
results in the same order.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")

# The work of the pool's processes, inherited when they are forked: a forked process
# gets its arguments without pickling, so the work can be any function, a closure too.
_work: Callable[[int], Any] | None = None


def _install(work: Callable[[int], Any]) -> None:
    global _work  # noqa: PLW0603 (set once in each forked process, before any part)
    _work = work


def _run(index: int) -> Any:
    assert _work is not None
    return _work(index)


def map_parts(function: Callable[[T], R], items: Sequence[T], jobs: int) -> list[R]:
    """``[function(item) for item in items]``, on up to ``jobs`` processes.

    Give it a few large parts, not many small ones: each result is pickled back.
    An exception in any part is raised here.
    """
    workers = min(jobs, len(items))
    if workers < 2 or not can_fork():
        return [function(item) for item in items]
    with ProcessPoolExecutor(
        workers,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_install,
        initargs=(lambda index: function(items[index]),),
    ) as pool:
        return list(pool.map(_run, range(len(items))))


def split(items: Sequence[T], parts: int) -> list[Sequence[T]]:
    """``items`` in at most ``parts`` contiguous parts, in order."""
    size = max(1, -(-len(items) // max(1, parts)))  # rounded up: every item in a part
    return [items[start : start + size] for start in range(0, len(items), size)]


def can_fork() -> bool:
    """Linux, and no thread but this one (counted by the kernel, not by ``threading``)."""
    if sys.platform != "linux":
        return False
    try:
        status = Path("/proc/self/status").read_text(encoding="ascii")
    except OSError:
        return False
    threads = [line.split()[1] for line in status.splitlines() if line.startswith("Threads:")]
    return threads == ["1"]
