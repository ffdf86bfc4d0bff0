"""One function over a few items, on several cores when that is safe.

Generation is pure Python, so threads would take turns on one core. Forked
children share everything already in memory (the loaded corpus, the compiled
templates) without copying or pickling it; only their results travel back.
Forking is safe only on Linux and only while this process has no other thread:
a child of a threaded process can deadlock on a lock another thread held
(``mkdocs serve`` runs a server and a watcher, so it renders in one process).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection
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
        results += _batch(function, items[start : start + cores])
    return results


def _batch(function: Callable[[T], R], items: Sequence[T]) -> list[R]:
    context = multiprocessing.get_context("fork")
    children = []
    for item in items[1:]:
        receive, send = context.Pipe(duplex=False)
        child = context.Process(target=_run, args=(function, item, send), daemon=True)
        child.start()
        send.close()
        children.append((child, receive))
    results = [function(items[0])]  # this process takes the first item meanwhile
    for child, receive in children:
        try:
            done, value = receive.recv()  # before join: a full pipe would block the child
        except EOFError:
            done, value = False, RuntimeError(f"a worker process died (exit {child.exitcode})")
        finally:
            receive.close()
        child.join()
        if not done:
            raise value
        results.append(value)
    return results


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
