"""Memory of a process and the processes it started, together: what the machine spends on a job."""

from __future__ import annotations

import os
import threading
from pathlib import Path

# Reading a process's proportional set size walks its page tables: every 50 ms, a job of 1 GB in three
# processes cost the sampler a quarter of a core, taken from the job it measures on 2 cores.
INTERVAL = 0.2  # seconds: about 8 % of a core then; a build's memory rises chunk by chunk, for seconds


class MemorySampler(threading.Thread):
    """Peak of the proportional set size (shared pages split between the processes sharing
    them) of this process and its workers together, sampled every ``INTERVAL`` seconds."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_mb = 0.0
        self.stage_peak_mb = 0.0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(INTERVAL):
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
