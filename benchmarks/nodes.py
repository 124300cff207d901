"""Two web nodes and two job workers sharing one PostgreSQL and one Redis, as a real deployment runs
(issue #17): each check is one line, and the script exits 1 if any fails.

    .venv/bin/python benchmarks/nodes.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/test \\
        --redis-url redis://127.0.0.1:6379/13

A fresh database (consult_bench_<pid>, dropped after) gets the demo and --build-comments comments on
park-regulation; two gunicorns (2 workers each, different ports) and two huey consumers start on it.

  rate limit    one address sends comments to the two nodes in turn: it is refused (429) after the limit
                for that address, not after twice the limit (the counters live in Redis)
  one build     a drafter on each node asks for a new digest at the same moment: one build is queued, and
                no two builds of the consultation ever run at once (watched every 0.1 s)
  worker lost   the worker running that build is killed (SIGKILL); the other worker marks it lost and
                finishes a retry within --recovery-bound seconds
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import sqlalchemy as sa
from comments_load import CSRF, SLUG, TOKEN, Client, app_env, gunicorn
from digest_speed import seed_database
from scratch_db import scratch_database

CONSUMER = Path(sys.executable).with_name("huey_consumer")
LIMIT = 12  # comments per address per minute, for the rate-limit check
DRAFTER, PASSWORD = "drafter@example.org", "consult-demo-2026"


def _comment_form(client: Client) -> dict:
    status, _, page = client.request("GET", f"/drafts/{SLUG}/articles/3")
    assert status == 200, status
    return {"body": f"第三条的意见 {time.monotonic_ns()}", "display_name": "", "contact": "", "district": "",
            "role": "citizen", "visibility": "public", "website": "", "token": TOKEN.search(page).group(1),
            "csrf_token": CSRF.search(page).group(1)}  # fmt: skip


def rate_limit_check(ports: list[int]) -> bool:
    client, accepted, refused_at = Client(ports[0]), 0, None
    for attempt in range(3 * LIMIT):
        client.port = ports[attempt % 2]  # the same browser, one request to each node in turn
        status = client.request("POST", f"/drafts/{SLUG}/articles/3/comments", _comment_form(client))[0]
        if status == 303:
            accepted += 1
        elif status == 429:
            refused_at = attempt
            break
    ok = accepted == LIMIT and refused_at == LIMIT
    print(f"{'PASS' if ok else 'FAIL'}  rate limit    {accepted} accepted across both nodes, then "
          f"{'429' if refused_at is not None else 'never refused'} (limit {LIMIT} per minute)", flush=True)  # fmt: skip
    return ok


def _signed_in(port: int) -> Client:
    client = Client(port)
    page = client.request("GET", "/staff/login")[2]
    form = {"email": DRAFTER, "password": PASSWORD, "csrf_token": CSRF.search(page).group(1)}
    assert client.request("POST", "/staff/login", form)[0] == 302
    return client


def _ask_for_digest(client: Client, consultation_id: int, start: threading.Barrier, statuses: list) -> None:
    page = client.request("GET", f"/staff/digests/{consultation_id}")[2]
    form = {"csrf_token": CSRF.search(page).group(1)}
    start.wait(timeout=30)
    statuses.append(client.request("POST", f"/staff/digests/{consultation_id}/build", form)[0])


class RunningWatch:
    """Polls how many builds of the consultation are running; keeps the most seen at once."""

    def __init__(self, engine: sa.Engine, consultation_id: int):
        self.engine, self.consultation_id, self.most = engine, consultation_id, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        query = sa.text("SELECT count(*) FROM digest_builds WHERE consultation_id = :c AND state = 'running'")
        while not self._stop.wait(0.1):
            with self.engine.connect() as connection:
                self.most = max(self.most, connection.execute(query, {"c": self.consultation_id}).scalar_one())

    def stop(self) -> int:
        self._stop.set()
        self._thread.join(timeout=5)
        return self.most


def _cpu_ticks(pid: int) -> int:
    """CPU time of a process and its live descendants: a big build runs in the worker's processes."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:  # ended meanwhile
        return 0
    return int(fields[11]) + int(fields[12]) + sum(_cpu_ticks(int(child)) for child in children)  # utime + stime


def busiest(workers: list[subprocess.Popen]) -> subprocess.Popen:
    """The worker running the build: the one using the CPU (itself or the processes it started)."""
    before = [_cpu_ticks(w.pid) for w in workers]
    time.sleep(1.5)
    used = [_cpu_ticks(w.pid) - b for w, b in zip(workers, before, strict=True)]
    return workers[used.index(max(used))]


def _row(engine: sa.Engine, sql: str, **params):
    with engine.connect() as connection:
        return connection.execute(sa.text(sql), params).first()


def build_checks(ports: list[int], workers: list[subprocess.Popen], url: str, recovery_bound: float) -> list[bool]:
    engine = sa.create_engine(url)
    consultation_id = _row(engine, "SELECT id FROM consultations WHERE slug = :s", s=SLUG)[0]
    before = _row(engine, "SELECT coalesce(max(id), 0) FROM digest_builds")[0]
    # The workers' periodic rebuild (every 5 minutes) may have queued one already: the asks must join it.
    active = "SELECT id FROM digest_builds WHERE consultation_id = :c AND state IN ('queued', 'running')"
    already = [r[0] for r in _all(engine, active, c=consultation_id)]
    watch = RunningWatch(engine, consultation_id)
    drafters, start, statuses = [_signed_in(p) for p in ports], threading.Barrier(len(ports)), []
    askers = [threading.Thread(target=_ask_for_digest, args=(d, consultation_id, start, statuses)) for d in drafters]
    for asker in askers:
        asker.start()
    for asker in askers:
        asker.join(timeout=60)
    asked = {r[0] for r in _all(engine, "SELECT id FROM digest_builds WHERE id > :b", b=before)}
    queued = sorted(asked | set(already))
    one = len(queued) == 1 and statuses == [302, 302]
    print(f"{'PASS' if one else 'FAIL'}  one build     both nodes asked at once ({statuses}): {len(queued)} build(s) "
          f"queued{' (one the periodic rebuild had queued, joined)' if already else ''}", flush=True)  # fmt: skip
    lost_ok = _kill_the_busy_worker(engine, queued[0], workers, recovery_bound) if queued else False
    most = watch.stop()
    engine.dispose()
    never_two = most <= 1
    print(f"{'PASS' if never_two else 'FAIL'}  never two     at most {most} build(s) of the consultation running at "
          "once, all along", flush=True)  # fmt: skip
    return [one, lost_ok, never_two]


def _all(engine: sa.Engine, sql: str, **params) -> list:
    with engine.connect() as connection:
        return list(connection.execute(sa.text(sql), params))


def _kill_the_busy_worker(engine, build_id: int, workers: list[subprocess.Popen], recovery_bound: float) -> bool:
    deadline, progress = time.monotonic() + 120, 0
    while time.monotonic() < deadline:
        state, progress = _row(engine, "SELECT state, progress FROM digest_builds WHERE id = :i", i=build_id)
        if state == "running" and progress >= 15 or state in ("done", "failed"):
            break
        time.sleep(0.2)
    victim = busiest(workers)
    victim.send_signal(signal.SIGKILL)
    victim.wait()
    killed_at, recovered = time.monotonic(), None
    while time.monotonic() - killed_at < recovery_bound and recovered is None:
        done = _row(engine, "SELECT id FROM digest_builds WHERE id > :i AND state = 'done'", i=build_id)
        recovered = time.monotonic() - killed_at if done else None
        time.sleep(1)
    state, error = _row(engine, "SELECT state, error FROM digest_builds WHERE id = :i", i=build_id)
    ok = recovered is not None and (state, error) == ("failed", "worker_lost")
    print(f"{'PASS' if ok else 'FAIL'}  worker lost   worker {victim.pid} killed at {progress} %; build {state} "
          f"({error or '-'}); the other worker finished a retry "
          + (f"{recovered:.0f} s after the kill" if recovered is not None else f"not within {recovery_bound:.0f} s"),
          flush=True)  # fmt: skip
    return ok


@contextlib.contextmanager
def job_workers(env: dict, count: int):
    command = [str(CONSUMER), "consult.worker.huey", "-w", "1", "-k", "thread", "-q"]
    workers = [subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
               for _ in range(count)]  # fmt: skip
    try:
        yield workers
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.terminate()
                worker.wait(timeout=30)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("CONSULT_BENCH_DATABASE_URL"))
    parser.add_argument("--redis-url", default=os.environ.get("CONSULT_BENCH_REDIS_URL", "redis://127.0.0.1:6379/13"))
    parser.add_argument("--build-comments", type=int, default=30000)
    parser.add_argument("--recovery-bound", type=float, default=150, help="seconds a lost build may take to recover")
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    with (
        tempfile.TemporaryDirectory(prefix="consult-nodes-") as tmp,
        scratch_database(args.database_url, Path(tmp)) as url,
    ):
        seed_database(url, args.build_comments, seed=7, processes=2)
        env = {**app_env(url), "CONSULT_REDIS_URL": args.redis_url, "CONSULT_HUEY_NAME": f"nodes{os.getpid()}",
               "CONSULT_DIGEST_HEARTBEAT_SECONDS": "1", "CONSULT_DIGEST_BUILD_TIMEOUT": "8"}  # fmt: skip
        subprocess.run(["redis-cli", "-u", args.redis_url, "FLUSHDB"], check=False, capture_output=True)
        limits = {"COMMENT_RATE_LIMIT": f"{LIMIT} per minute"}
        with (
            gunicorn(env, 2, args.redis_url, Path(tmp) / "node-a.log", **limits) as port_a,
            gunicorn(env, 2, args.redis_url, Path(tmp) / "node-b.log", **limits) as port_b,
            job_workers(env, 2) as workers,
        ):
            results = [
                rate_limit_check([port_a, port_b]),
                *build_checks([port_a, port_b], workers, url, args.recovery_bound),
            ]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
