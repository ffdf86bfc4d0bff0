"""Work on several cores, or in a process of its own, when that is safe.

Generation is pure Python, so threads would take turns on one core. Forked
children share everything already in memory (the loaded corpus, the compiled
templates) without copying or pickling it; only their results travel back, and
all they allocated goes back to the system when they end. Forking is safe only
on Linux and only while this process has no other thread: a child of a threaded
process can deadlock on a lock another thread held (``mkdocs serve`` runs a
server and a watcher, so it renders in one process). Elsewhere everything runs
here, with the same results.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def map_in_parallel(function: Callable[[T], R], items: Sequence[T]) -> list[R]:
    """``[function(item) for item in items]``, computed by up to one process a core."""
    cores = os.cpu_count() or 1
    if len(items) < 2 or cores < 2 or not can_fork():
        return [function(item) for item in items]
    results: list[R] = []
    for start in range(0, len(items), cores):
        batch = items[start : start + cores]
        children = [_start(function, item) for item in batch[1:]]
        results.append(function(batch[0]))  # this process takes the first meanwhile
        results += [_result(*child) for child in children]
    return results


def parts_for_cores(items: Sequence[T], parallel_from: int) -> list[Sequence[T]]:
    """``items`` in contiguous parts, in order: one a core from ``parallel_from``
    items on, else one part (below it, starting a process costs more than it saves)."""
    parts = 1 if len(items) < parallel_from else (os.cpu_count() or 1)
    size = max(1, -(-len(items) // parts))  # rounded up: every item in a part
    return [items[start : start + size] for start in range(0, len(items), size)]


def in_child(function: Callable[[T], R], item: T) -> R:
    """``function(item)`` in a forked child when that is safe, else here.

    What the function allocates is handed back to the system when the child
    ends, instead of staying with this process.
    """
    if not can_fork():
        return function(item)
    return _result(*_start(function, item))


def _start(function: Callable[[T], R], item: T) -> tuple[BaseProcess, Connection]:
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_run, args=(function, item, send), daemon=False)
    child.start()
    send.close()
    return child, receive


def _result(child: BaseProcess, receive: Connection) -> R:  # type: ignore[type-var]
    try:
        done, value = receive.recv()  # before join: a full pipe would block the child
    except EOFError:
        done, value = False, RuntimeError(f"a worker process died (exit {child.exitcode})")
    finally:
        receive.close()
    child.join()
    if not done:
        raise value
    return value  # type: ignore[no-any-return]


def _run(function: Callable[[T], R], item: T, send: Connection) -> None:
    try:
        send.send((True, function(item)))
    except BaseException as exc:  # every failure goes back to the parent
        try:
            send.send((False, exc))
        except Exception:  # an exception that cannot be pickled
            send.send((False, RuntimeError(f"{type(exc).__name__}: {exc}")))
    finally:
        send.close()


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
