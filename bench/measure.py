"""Run one command and measure it as a user would feel it: whole-process wall time (start-up
included) and the peak resident memory of every process in its tree.

CPU time (user + system) is summed over the process tree from the last sample of each process
(a process's final 0.2 s may be missed): unlike wall time, it is hardly changed by other work on a
shared machine, so the ratio of CPU times is the steadier figure there.

Peak memory is read from ``/proc/PID/status`` (``VmHWM``, the kernel's high-water mark) every
0.2 s for the process and all its descendants (worker processes started through a fork server
are descendants too), so a worker's peak is seen even though the sampling is coarse.
"""

from __future__ import annotations

import os
import resource
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
    cpu_seconds: float = 0.0  # user + system time of the whole process tree (load-robust)
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
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **(env or {})})
    peaks: dict[int, float] = {}
    names: dict[int, str] = {}
    cpu: dict[int, float] = {}
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
            try:
                t = p.cpu_times()
                cpu[p.pid] = max(cpu.get(p.pid, 0.0), t.user + t.system)
            except psutil.Error:
                pass
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
    # the root's exact figure comes from the kernel once it is waited for; it includes the
    # descendants it waited for itself (those started through a fork server may not be)
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    waited = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    root_seen = cpu.pop(proc.pid, 0.0)
    others = sum(cpu.values())
    total = waited if waited >= root_seen + 0.8 * others else waited + others
    return Measurement(command, seconds, proc.returncode, peak_rss_mb=peaks, cpu_seconds=total, names=names,
                       stderr_tail=("".join(err))[-800:])
