"""How the benchmark times a step: wall and CPU seconds in this process, and a child
command's wall seconds and the peak memory of its whole process tree (Linux /proc)."""

from __future__ import annotations

import resource
import subprocess
import threading
import time
from pathlib import Path
from typing import Any

from bench.project import ENV


def timed(function: Any, *args: Any, **kwargs: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - started, result


def timed_cpu(function: Any, *args: Any, **kwargs: Any) -> tuple[float, float, float, Any]:
    """Wall seconds, then user and kernel CPU seconds of this process and of the
    children it waited for (generation's forked processes), then the result."""
    before = _cpu()
    seconds, result = timed(function, *args, **kwargs)
    after = _cpu()
    return seconds, after[0] - before[0], after[1] - before[1], result


def _cpu() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + children.ru_utime, own.ru_stime + children.ru_stime


def run_child(args: list[str], cwd: Path) -> tuple[float, int, str]:
    """Wall seconds, peak memory in bytes, stderr of a command.

    Peak memory is the largest sum of the memory of the command and all its
    descendants alive at the same moment, sampled every 50 ms: a build whose
    process waits while Pagefind runs holds both in memory at once, which the
    largest single process (``ru_maxrss``) would understate.
    """
    started = time.perf_counter()
    with subprocess.Popen(
        args, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    ) as process:
        peak = [0]
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.05):
                peak[0] = max(peak[0], tree_memory(process.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        assert process.stderr is not None
        stderr = process.stderr.read()
        process.wait()
        done.set()
        sampler.join()
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed:\n{stderr[-3000:]}")
    return seconds, peak[0], stderr


def tree_memory(root: int) -> int:
    """Memory of a process and all its descendants, now (Linux /proc), in bytes.

    Each process counts its proportional set size: pages it shares with another
    (a forked child and its parent, before either writes to them) are split
    between them rather than counted twice, so the sum is the memory in use.
    """
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # the process ended meanwhile
        parent = int(stat[stat.rindex(")") + 2 :].split()[1])
        children.setdefault(parent, []).append(int(entry.name))
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += _pss(pid)
        todo += children.get(pid, [])
    return total


def _pss(pid: int) -> int:
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0  # ended meanwhile
    for line in rollup.splitlines():
        if line.startswith("Pss:"):
            return int(line.split()[1]) * 1024
    return 0
