"""Run one command and measure it as a user would feel it: whole-process wall time (start-up
included) and the peak resident memory of every process in its tree.

Peak memory is read from ``/proc/PID/status`` (``VmHWM``, the kernel's high-water mark) every
0.2 s for the process and all its descendants (worker processes started through a fork server
are descendants too), so a worker's peak is seen even though the sampling is coarse.
"""

from __future__ import annotations

import os
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import psutil


@dataclass
class Measurement:
    command: list[str]
    seconds: float
    returncode: int
    peak_rss_mb: dict[int, float] = field(default_factory=dict)  # pid → MB
    names: dict[int, str] = field(default_factory=dict)  # pid → short command line
    stderr_tail: str = ""

    @property
    def max_worker_rss_mb(self) -> float:
        return max(self.peak_rss_mb.values(), default=0.0)


def _hwm_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        return None
    return None


def run(command: list[str], interval: float = 0.2, env: dict[str, str] | None = None) -> Measurement:
    """Run ``command`` to completion; stdout is discarded (commands write their output to files)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})})
    peaks: dict[int, float] = {}
    names: dict[int, str] = {}
    root = psutil.Process(proc.pid)
    import threading

    err: list[str] = []
    reader = threading.Thread(target=lambda: err.append(proc.stderr.read()), daemon=True)  # type: ignore[union-attr]
    reader.start()
    while proc.poll() is None:
        try:
            tree = [root] + root.children(recursive=True)
        except psutil.Error:
            tree = [root]
        for p in tree:
            mb = _hwm_mb(p.pid)
            if mb is not None and mb > peaks.get(p.pid, 0.0):
                peaks[p.pid] = mb
                if p.pid not in names:
                    try:
                        names[p.pid] = " ".join(p.cmdline())[:80]
                    except psutil.Error:
                        names[p.pid] = "?"
        time.sleep(interval)
    seconds = time.perf_counter() - t0
    reader.join(timeout=5)
    return Measurement(command, seconds, proc.returncode, peaks, names, ("".join(err))[-800:])
