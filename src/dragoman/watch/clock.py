"""The watcher's clock: the system's, or a fake one that a test or a benchmark moves forward.

Everything in ``dragoman.watch`` that waits or reads the time goes through a ``Clock``: feed
intervals and their jitter, backoff, the polite delay between two requests to one host (the
``Fetcher`` is given the watcher's clock), webhook retries.  ``FakeClock.sleep`` returns at once
and moves the time on, so 30 minutes of polling run as fast as the work itself.
"""

from __future__ import annotations

import threading
import time


class Clock:
    """The system clock: ``time()`` (seconds since the epoch), ``monotonic()``, ``sleep(seconds)``."""

    def __init__(self) -> None:
        self._wake = threading.Event()

    def time(self) -> float:
        return time.time()

    def monotonic(self) -> float:
        return time.monotonic()

    def sleep(self, seconds: float) -> None:
        """Sleep, but wake early when ``wake()`` is called (a signal asking the watcher to stop)."""
        if seconds > 0:
            self._wake.wait(seconds)

    def wake(self) -> None:
        self._wake.set()


class FakeClock(Clock):
    """A clock whose time moves only when something sleeps (or ``advance`` is called)."""

    def __init__(self, start: float = 1_767_225_600.0):  # 2026-01-01T00:00:00Z
        super().__init__()
        self.now = float(start)
        self.slept = 0.0

    def time(self) -> float:
        return self.now

    def monotonic(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        if seconds > 0:
            self.now += seconds
            self.slept += seconds

    def advance(self, seconds: float) -> None:
        self.now += max(0.0, seconds)
