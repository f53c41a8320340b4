"""Run `reportgen build --watch` in a process and stop it with Ctrl-C once it has said what
the test waits for. Waiting for a file is not enough: the watch moves a built file into
place before it says so, and a Ctrl-C between the two loses the line."""

from __future__ import annotations

import signal
import subprocess
import time
from collections.abc import Mapping, Sequence
from pathlib import Path


def watch_until(
    command: Sequence[str],
    *,
    cwd: Path,
    log: Path,
    said: Sequence[str],
    env: Mapping[str, str] | None = None,
    timeout: float = 120,
) -> tuple[int, str]:
    """Start `command`, wait until its stderr holds every text of `said`, send Ctrl-C, and
    return its status and everything it printed on stderr."""
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(command, cwd=cwd, stderr=out, env=env)
        try:
            deadline = time.monotonic() + timeout
            while not all(text in log.read_text(encoding="utf-8") for text in said):
                assert process.poll() is None, log.read_text(encoding="utf-8")
                assert time.monotonic() < deadline, log.read_text(encoding="utf-8")
                time.sleep(0.1)
            process.send_signal(signal.SIGINT)
            status = process.wait(timeout=30)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    return status, log.read_text(encoding="utf-8")
