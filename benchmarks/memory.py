"""Memory of a process and the processes it started, together: what the machine spends on a job."""

from __future__ import annotations

import os
import threading
from pathlib import Path


class MemorySampler(threading.Thread):
    """Peak of the proportional set size (shared pages split between the processes sharing
    them) of this process and its workers together, sampled every 50 ms."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_mb = 0.0
        self.stage_peak_mb = 0.0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(0.05):
            now = sum(map(_pss_mb, _family(os.getpid())))
            self.peak_mb, self.stage_peak_mb = max(self.peak_mb, now), max(self.stage_peak_mb, now)

    def stage_peak(self) -> float:
        """The peak since the last call."""
        peak, self.stage_peak_mb = self.stage_peak_mb, 0.0
        return peak

    def stop(self) -> float:
        self._done.set()
        self.join()
        return self.peak_mb


def _family(pid: int) -> list[int]:
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return [pid]
    return [pid] + [p for child in children for p in _family(int(child))]


def _pss_mb(pid: int) -> float:
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:  # the worker ended between listing and reading
        return 0.0
    return next(int(line.split()[1]) for line in rollup.splitlines() if line.startswith("Pss:")) / 1024
