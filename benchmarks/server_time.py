"""Server time of a page through Flask's test client (no network): the one way the benchmarks measure
pages, so their p50/p95 figures mean the same thing everywhere."""

from __future__ import annotations

import time


def server_time(client, path: str, warmups: int = 3, runs: int = 50):
    """(p50 ms, p95 ms, the last response) of `runs` GETs after `warmups`; every answer must be a 200."""
    samples, response = [], None
    for i in range(warmups + runs):
        start = time.perf_counter()
        response = client.get(path)
        samples += [(time.perf_counter() - start) * 1000] if i >= warmups else []
        assert response.status_code == 200, (path, response.status_code, response.text[:200])
    samples.sort()
    return samples[runs // 2], samples[int(runs * 0.95)], response
