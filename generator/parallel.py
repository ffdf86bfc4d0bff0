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
from multiprocessing.sharedctypes import Synchronized
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")
P = TypeVar("P")  # a prepared value, kept where it was made
C = TypeVar("C")  # what a check of one tells


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


def prepare_then_commit(
    prepare: Callable[[T], P],
    check: Callable[[P], C],
    accept: Callable[[Sequence[C]], bool],
    commit: Callable[[P], R],
    items: Sequence[T],
    *,
    parallel: bool = True,
) -> tuple[list[C], list[R] | None]:
    """Prepare every item, then commit every prepared item only if ``accept`` takes
    the ``check`` of them all: (checks, commits), both in the order of ``items``, or
    (checks, None) when refused.

    With ``parallel``, up to one process a core (forked children besides this one)
    shares out the items: this process takes the first, and each process, once free,
    the next item nobody has taken, so put the longest items first. A process keeps
    what it prepared until the verdict and commits it itself; only the checks and
    the commits' results travel, never the prepared values (for the pipeline: a
    language's pages, tens of megabytes). Use this for a few large items.
    """
    workers = min(len(items), os.cpu_count() or 1)
    if not parallel or workers < 2 or not can_fork():
        prepared = [prepare(item) for item in items]
        checks = [check(value) for value in prepared]
        return (checks, [commit(value) for value in prepared]) if accept(checks) else (checks, None)
    context = multiprocessing.get_context("fork")
    taken = context.Value("i", 1)  # the next item nobody has taken: this process has the first
    children: list[tuple[BaseProcess, Connection]] = []
    verdict_sent = False
    try:
        for _ in range(workers - 1):
            here, there = context.Pipe(duplex=True)
            process = context.Process(
                target=_prepare_then_commit,
                args=(prepare, check, commit, items, taken, there),
                daemon=False,
            )
            process.start()
            there.close()
            children.append((process, here))
        mine = {0: prepare(items[0]), **_prepare_untaken(prepare, items, taken)}
        found = {index: check(value) for index, value in mine.items()}
        for child, pipe in children:
            found.update(_received(child, pipe))
        checks = [found[index] for index in range(len(items))]
        verdict = accept(checks)
        for _, pipe in children:
            pipe.send(verdict)
        verdict_sent = True
        if not verdict:
            return checks, None
        done = {index: commit(value) for index, value in mine.items()}
        for child, pipe in children:
            done.update(_received(child, pipe))
        return checks, [done[index] for index in range(len(items))]
    finally:
        for child, pipe in children:
            if not verdict_sent:  # a failure before the verdict: no child commits
                child.terminate()
            pipe.close()
            child.join()


def _prepare_untaken(
    prepare: Callable[[T], P], items: Sequence[T], taken: Synchronized[int]
) -> dict[int, P]:
    """Prepare the next item nobody has taken, until none is left: by index."""
    prepared: dict[int, P] = {}
    while True:
        with taken.get_lock():
            index = taken.value
            taken.value += 1
        if index >= len(items):
            return prepared
        prepared[index] = prepare(items[index])


def _prepare_then_commit(
    prepare: Callable[[T], P],
    check: Callable[[P], C],
    commit: Callable[[P], R],
    items: Sequence[T],
    taken: Synchronized[int],
    pipe: Connection,
) -> None:
    try:
        prepared = _prepare_untaken(prepare, items, taken)
        pipe.send((True, {index: check(value) for index, value in prepared.items()}))
        if pipe.recv():  # the verdict; EOFError if the parent gave up
            pipe.send((True, {index: commit(value) for index, value in prepared.items()}))
    except EOFError:
        pass
    except BaseException as exc:  # every failure goes back to the parent
        _send_failure(pipe, exc)
    finally:
        pipe.close()


def _received(child: BaseProcess, pipe: Connection) -> R:  # type: ignore[type-var]
    try:
        done, value = pipe.recv()
    except EOFError:
        done, value = False, RuntimeError(f"a worker process died (exit {child.exitcode})")
    if not done:
        raise value
    return value  # type: ignore[no-any-return]


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
        return _received(child, receive)  # before join: a full pipe would block the child
    finally:
        receive.close()
        child.join()


def _run(function: Callable[[T], R], item: T, send: Connection) -> None:
    try:
        send.send((True, function(item)))
    except BaseException as exc:  # every failure goes back to the parent
        _send_failure(send, exc)
    finally:
        send.close()


def _send_failure(pipe: Connection, exc: BaseException) -> None:
    try:
        pipe.send((False, exc))
    except Exception:  # an exception that cannot be pickled
        pipe.send((False, RuntimeError(f"{type(exc).__name__}: {exc}")))


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
