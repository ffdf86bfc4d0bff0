"""`mkdocs serve` started and stopped the way a person does it, for the tests and `make bench`.

MkDocs removes its temporary site folder (`mkdocs_*` in the system's temporary folder,
up to 100 MB) only when it shuts down on Ctrl-C; terminated or killed, it leaves it.
So the server runs in a process group of its own and is stopped with SIGINT, which it
must not ignore: a command started in the background by a shell without job control (a
CI runner's, `cmd &` in a script) ignores SIGINT, and so would every process it starts.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import IO

# For "Shutting down..." (0.1 s when idle; the preview's threads end first, some seconds
# on a loaded machine), then the group is killed.
STOP_SECONDS = 90


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def fetch(url: str, timeout: float = 5) -> str | None:
    """The page's text, or None while nothing answers there."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:  # noqa: S310 - loopback
            body: bytes = response.read()
            return body.decode("utf-8")
    except OSError:  # refused, reset or timed out: URLError is one too
        return None


def wait_for(url: str, needle: str, seconds: float = 90) -> str:
    """The page at ``url`` once it contains ``needle``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        body = fetch(url)
        if body is not None and needle in body:
            return body
        time.sleep(0.3)
    raise AssertionError(f"{needle!r} did not appear at {url} within {seconds} s")


@contextlib.contextmanager
def mkdocs_serve(
    project: Path,
    *args: str,
    env: Mapping[str, str],
    stderr: IO[str] | int = subprocess.DEVNULL,
) -> Iterator[str]:
    """`mkdocs serve *args` for ``project`` on a free port: its address while it runs."""
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            *args,
            "-a",
            f"127.0.0.1:{port}",
            "-f",
            str(project / "mkdocs.yml"),
        ],
        cwd=project,
        env={**env, "SITE_URL": f"http://127.0.0.1:{port}/"},
        stdout=subprocess.DEVNULL,
        stderr=stderr,
        text=True,
        start_new_session=True,  # a group of its own: Ctrl-C reaches the server alone
        preexec_fn=_hear_ctrl_c,  # noqa: PLW1509 - one async-signal-safe call
    )
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)


def _hear_ctrl_c() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Python then raises KeyboardInterrupt


def stop(process: subprocess.Popen[str]) -> None:
    """Ctrl-C to the server's process group; killed only if it has not ended in time."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGINT)
    try:
        process.wait(timeout=STOP_SECONDS)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
