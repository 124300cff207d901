"""Standing fault suite: the app under load while its parts fail.

    .venv/bin/python benchmarks/faults.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/test \\
        --redis-url redis://127.0.0.1:6379/14

A fresh database (consult_bench_<pid> on the PostgreSQL server, dropped after; SQLite without a URL) gets
the schema, the demo and --build-comments comments on park-regulation. Then, one after the other:

  worker kills   gunicorn (4 workers) under 50 residents; a worker is killed (SIGKILL) every 5 s
  job worker     a huey consumer is killed (SIGKILL) in the middle of a digest build; a new one is
                 started, and the build must recover by itself (marked lost, retried) within the bound
  redis down     rate limits in Redis behind a proxy; the proxy is closed a third of the way in
  pg kills       every backend of the database is terminated (pg_terminate_backend) every 2 s

Residents behave as browsers and people do: a connection error or a 503 is retried with the same form
(same token), a few times. Each load fault passes when no acknowledged comment is lost or stored twice,
no answer is a 500, and every stored comment of the fault is whole. One line per fault; exit 1 on any loss.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
from comments_load import ARTICLES, CSRF, RECEIPT, SLUG, TOKEN, Client, app_env, gunicorn
from digest_speed import seed_database
from fault_tools import RedisProxy, fault_running, kill_a_worker, terminate_backends
from scratch_db import scratch_database

CONSUMER = Path(sys.executable).with_name("huey_consumer")
FAULTS = ("worker-kills", "job-worker", "redis-down", "pg-kills")


@dataclass
class Outcome:
    statuses: Counter = field(default_factory=Counter)
    acks: dict = field(default_factory=dict)  # receipt -> body
    retried: int = 0
    given_up: int = 0


def resident(port: int, marker: str, number: int, stop_at: float, outcome: Outcome, lock: threading.Lock) -> None:
    client, rng, sent = Client(port), random.Random(number), 0
    while time.monotonic() < stop_at:
        article = rng.randint(1, ARTICLES)
        try:
            status, _, page = client.request("GET", f"/drafts/{SLUG}/articles/{article}")
        except (OSError, http.client.HTTPException):
            time.sleep(0.2)
            continue
        token, csrf = TOKEN.search(page), CSRF.search(page)
        if status != 200 or not (token and csrf):
            time.sleep(0.2)
            continue
        sent += 1
        body = f"{marker}-{number}-{sent}：建议第{article}条写明夜间开放时间，并增加照明和巡逻。"
        form = {
            "body": body,
            "display_name": "",
            "contact": "",
            "district": "",
            "role": "citizen",
            "visibility": "public",
            "website": "",
            "token": token.group(1),
            "csrf_token": csrf.group(1),
        }
        receipt = _post_with_retries(client, f"/drafts/{SLUG}/articles/{article}/comments", form, outcome, lock)
        with lock:
            if receipt:
                outcome.acks[receipt] = body
            else:
                outcome.given_up += 1


def _post_with_retries(client: Client, path: str, form: dict, outcome: Outcome, lock: threading.Lock) -> str | None:
    for attempt in range(6):
        try:
            status, location, _ = client.request("POST", path, form)
        except (OSError, http.client.HTTPException) as error:
            status, location = type(error).__name__, ""
        with lock:
            outcome.statuses[status] += 1
            outcome.retried += attempt > 0
        match = RECEIPT.search(location) if status == 303 else None
        if match:
            return match.group(1)
        if status not in (502, 503) and isinstance(status, int):
            return None  # a 4xx or a 500: the resident would read the page, not press again
        time.sleep(0.2 * (attempt + 1))
    return None


def run_residents(port: int, marker: str, seconds: float, concurrency: int) -> Outcome:
    outcome, lock, stop_at = Outcome(), threading.Lock(), time.monotonic() + seconds
    threads = [
        threading.Thread(target=resident, args=(port, marker, n, stop_at, outcome, lock)) for n in range(concurrency)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcome


def judge(url: str, marker: str, outcome: Outcome) -> tuple[bool, str]:
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        rows = connection.execute(
            sa.text("SELECT receipt, body, tokens FROM comments WHERE body LIKE :m"), {"m": f"{marker}-%"}
        ).all()
    engine.dispose()
    receipts, bodies = Counter(r for r, _b, _t in rows), Counter(b for _r, b, _t in rows)
    by_receipt = {r: b for r, b, _t in rows}
    lost = sum(1 for r, b in outcome.acks.items() if by_receipt.get(r) != b)
    doubled = sum(n - 1 for n in bodies.values() if n > 1) + sum(n - 1 for n in receipts.values() if n > 1)
    broken = sum(1 for _r, _b, tokens in rows if not tokens)
    errors = sum(n for s, n in outcome.statuses.items() if s == 500)
    ok = lost == doubled == broken == errors == 0 and len(outcome.acks) > 0
    answers = ", ".join(f"{s}: {n}" for s, n in sorted(outcome.statuses.items(), key=str))
    return ok, (
        f"{len(outcome.acks)} acknowledged, {lost} lost, {doubled} doubled, {broken} half-written, "
        f"{errors} × 500, {outcome.retried} retries, {outcome.given_up} given up, "
        f"{len(rows) - len(outcome.acks)} stored without an answer [{answers}]"
    )


def load_fault(name: str, args, env: dict, url: str, workdir: Path, *, redis_url=None, fault=None) -> bool:
    served: list[subprocess.Popen] = []
    log = workdir / f"{name.replace(' ', '-')}.log"
    with gunicorn(env, 4, redis_url, log, served) as port:
        started = time.monotonic()
        with fault(served[0]) if fault else contextlib.nullcontext() as note:
            outcome = run_residents(port, f"fault{os.getpid()}{name.replace(' ', '')}", args.seconds, args.concurrency)
    ok, line = judge(url, f"fault{os.getpid()}{name.replace(' ', '')}", outcome)
    extra = note() if callable(note) else ""
    print(f"{'PASS' if ok else 'FAIL'}  {name:<13} {extra}{line} in {time.monotonic() - started:.0f} s", flush=True)
    return ok


def job_worker_fault(args, env: dict, url: str) -> bool:
    """Kill the consumer at ≥ 15 % of a build; a fresh consumer must see the build lost and finish a retry."""
    env = {
        **env,
        "CONSULT_REDIS_URL": args.redis_url,
        "CONSULT_HUEY_NAME": f"faults{os.getpid()}",
        "CONSULT_DIGEST_HEARTBEAT_SECONDS": "1",
        "CONSULT_DIGEST_BUILD_TIMEOUT": str(args.build_timeout),
    }
    start_consumer = [str(CONSUMER), "consult.worker.huey", "-w", "1", "-k", "thread", "-q"]
    engine = sa.create_engine(url)

    def build_row(build_id: int):
        with engine.connect() as connection:
            return connection.execute(
                sa.text("SELECT state, progress, error FROM digest_builds WHERE id = :i"), {"i": build_id}
            ).one()

    first = subprocess.Popen(start_consumer, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    enqueue = (
        "from consult import create_app\nfrom consult.digests import services, tasks\nfrom consult.drafts.models "
        "import Consultation\nfrom consult.extensions import db\napp = create_app()\nwith app.app_context():\n"
        f"    c = db.session.scalar(db.select(Consultation).filter_by(slug='{SLUG}'))\n"
        "    b = services.request_build(c)\n    db.session.commit()\n    tasks.enqueue(b)\n    print(b.id)\n"
    )
    build_id = int(
        subprocess.run(
            [sys.executable, "-c", enqueue], env=env, check=True, capture_output=True, text=True
        ).stdout.split()[-1]
    )
    deadline, progress = time.monotonic() + 120, 0
    while time.monotonic() < deadline:
        state, progress, _ = build_row(build_id)
        if state == "running" and progress >= 15 or state in ("done", "failed"):
            break
        time.sleep(0.2)
    first.send_signal(signal.SIGKILL)
    first.wait()
    killed_at = time.monotonic()
    second = subprocess.Popen(start_consumer, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        recovered = None
        while time.monotonic() - killed_at < args.recovery_bound:
            with engine.connect() as connection:
                done = connection.execute(
                    sa.text("SELECT id FROM digest_builds WHERE id > :i AND state = 'done' ORDER BY id LIMIT 1"),
                    {"i": build_id},
                ).scalar()
            if done:
                recovered = time.monotonic() - killed_at
                break
            time.sleep(1)
        state, _, error = build_row(build_id)
    finally:
        second.terminate()
        second.wait(timeout=30)
        engine.dispose()
    ok = recovered is not None and (state, error) == ("failed", "worker_lost")
    print(
        f"{'PASS' if ok else 'FAIL'}  {'job worker':<13} killed at {progress} %; the build was marked {state} "
        f"({error or '-'}); a retry finished "
        + (f"{recovered:.0f} s after the kill" if recovered is not None else f"not within {args.recovery_bound:.0f} s"),
        flush=True,
    )
    return ok


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("CONSULT_BENCH_DATABASE_URL"))
    parser.add_argument("--redis-url", default=os.environ.get("CONSULT_BENCH_REDIS_URL", "redis://127.0.0.1:6379/14"))
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30, help="length of each load fault")
    parser.add_argument("--build-comments", type=int, default=30000)
    parser.add_argument("--build-timeout", type=int, default=8, help="heartbeat timeout given to the job worker")
    parser.add_argument("--recovery-bound", type=float, default=150, help="seconds a lost build may take to recover")
    parser.add_argument("--only", nargs="*", default=list(FAULTS), choices=FAULTS, help="run only these faults")
    parser.add_argument("--logs", type=Path, help="keep the gunicorn logs in this folder")
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    with (
        tempfile.TemporaryDirectory(prefix="consult-faults-") as tmp,
        scratch_database(args.database_url, Path(tmp)) as url,
    ):
        workdir, env = args.logs or Path(tmp), app_env(url)
        workdir.mkdir(parents=True, exist_ok=True)
        seed_database(url, args.build_comments if "job-worker" in args.only else 0, seed=7, processes=2)
        kills: list[float] = []

        @contextlib.contextmanager
        def worker_kills(master):
            with fault_running(5, lambda: kill_a_worker(master, kills)):
                yield lambda: f"{len(kills)} workers killed; "

        @contextlib.contextmanager
        def redis_stops(_master):
            timer = threading.Timer(args.seconds / 3, proxy.close)
            timer.start()
            yield lambda: f"Redis gone after {args.seconds / 3:.0f} s; "
            timer.cancel()

        @contextlib.contextmanager
        def backend_kills(_master):
            with fault_running(2, lambda: terminate_backends(url)):
                yield lambda: "backends terminated every 2 s; "

        results = []
        if "worker-kills" in args.only:
            results.append(
                load_fault("worker kills", args, env, url, workdir, redis_url=args.redis_url, fault=worker_kills)
            )
        if "job-worker" in args.only:
            results.append(job_worker_fault(args, env, url))
        if "redis-down" in args.only:
            proxy = RedisProxy(args.redis_url)
            results.append(load_fault("redis down", args, env, url, workdir, redis_url=proxy.url, fault=redis_stops))
        if "pg-kills" in args.only and url.startswith("postgresql"):
            results.append(
                load_fault("pg kills", args, env, url, workdir, redis_url=args.redis_url, fault=backend_kills)
            )
        elif "pg-kills" in args.only:
            print("SKIP  pg kills      (SQLite has no server connections to kill)")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
