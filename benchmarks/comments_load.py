"""Load test of comment submission against the app served by gunicorn on 127.0.0.1.

    python benchmarks/comments_load.py                       # fresh SQLite file, 50 x 60 s
    python benchmarks/comments_load.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/test
    CONSULT_BENCH_DATABASE_URL=postgresql://... python benchmarks/comments_load.py --redis-url redis://127.0.0.1:6379/15

With a PostgreSQL URL a fresh database consult_bench_<pid> is created on that server and dropped
afterwards; the database named in the URL is only used to connect. The schema is migrated and the
demo loaded (consultation park-regulation, 42 articles), then --concurrency submitters each loop:
GET a random article page, POST a comment with a unique body, and now and then re-POST the same
form (same token), which must return the same receipt. The first --warmup seconds (jieba loads
its dictionary in every worker) count for the checks but not for the figures.

Checks: no 5xx, every acknowledged receipt stored exactly once with its body, as many new rows as
distinct receipts, re-posts answered with the first receipt, no "database is locked" and no
Traceback in the gunicorn log. Exits 1 if any check fails.
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import sqlalchemy as sa
from cryptography.fernet import Fernet
from scratch_db import scratch_database

SLUG, ARTICLES, REPOST_SHARE = "park-regulation", 42, 0.05
CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
TOKEN = re.compile(r'name="token" type="hidden" value="([^"]+)"')
RECEIPT = re.compile(r"/receipts/([0-9A-Z]+)/thanks")
MARKER = f"bench{os.getpid()}"


@dataclass
class Tally:
    """What one submitter saw; samples are (start time, milliseconds)."""

    posts: list = field(default_factory=list)
    gets: list = field(default_factory=list)
    statuses: Counter = field(default_factory=Counter)
    acks: dict = field(default_factory=dict)  # receipt -> (body, start time)
    reposts: list = field(default_factory=list)  # True when the re-post gave the same receipt

    def merge(self, other: Tally) -> None:
        self.posts += other.posts
        self.gets += other.gets
        self.statuses.update(other.statuses)
        self.acks.update(other.acks)
        self.reposts += other.reposts


class Client:
    """One resident's browser: a cookie jar and a fresh connection per request (sync workers)."""

    def __init__(self, port: int):
        self.port, self.cookies = port, {}

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, str, str]:
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if form is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            conn.request(method, path, body=form and urlencode(form), headers=headers)
            response = conn.getresponse()
            text = response.read().decode("utf-8", "replace")
            for header in response.headers.get_all("Set-Cookie") or []:
                self.cookies.update({k: m.value for k, m in SimpleCookie(header).items()})
            return response.status, response.headers.get("Location", ""), text
        finally:
            conn.close()


def submitter(port: int, number: int, stop_at: float, tally: Tally) -> None:
    client, rng, sent = Client(port), random.Random(number), 0
    while time.monotonic() < stop_at:
        article = rng.randint(1, ARTICLES)
        started = time.monotonic()
        try:
            status, _, page = client.request("GET", f"/drafts/{SLUG}/articles/{article}")
            tally.gets.append((started, (time.monotonic() - started) * 1000))
            if status != 200:
                tally.statuses[f"GET {status}"] += 1
                continue
            token, csrf = TOKEN.search(page), CSRF.search(page)
            if not (token and csrf):
                tally.statuses["GET without the form"] += 1
                continue
            sent += 1
            body = f"{MARKER}-{number}-{sent}：建议第{article}条延长公园夜间开放时间，并增加照明和巡逻。"
            form = {
                "body": body,
                "display_name": f"居民{number}",
                "contact": "",
                "district": "滨江区",
                "role": "citizen",
                "visibility": "public",
                "website": "",
                "token": token.group(1),
                "csrf_token": csrf.group(1),
            }
            path = f"/drafts/{SLUG}/articles/{article}/comments"
            started = time.monotonic()
            status, location, _ = client.request("POST", path, form)
            tally.posts.append((started, (time.monotonic() - started) * 1000))
            tally.statuses[status] += 1
            match = RECEIPT.search(location) if status == 303 else None
            if match:
                tally.acks[match.group(1)] = (body, started)
                if rng.random() < REPOST_SHARE:
                    again = client.request("POST", path, form)
                    tally.statuses[f"re-post {again[0]}"] += 1
                    tally.reposts.append(again[0] == 303 and match.group(1) in again[1])
        except (OSError, http.client.HTTPException) as error:
            tally.statuses[type(error).__name__] += 1


def run_load(port: int, concurrency: int, seconds: float) -> Tally:
    stop_at, tallies = time.monotonic() + seconds, [Tally() for _ in range(concurrency)]
    threads = [threading.Thread(target=submitter, args=(port, n, stop_at, t)) for n, t in enumerate(tallies)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    total = Tally()
    for tally in tallies:
        total.merge(tally)
    return total


def app_env(url: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONSULT_")}
    env.update(
        CONSULT_DATABASE_URL=url,
        CONSULT_SECRET_KEY=Fernet.generate_key().decode(),
        CONSULT_CONTACT_KEY=Fernet.generate_key().decode(),
    )
    return env


def prepare_schema(env: dict) -> None:
    for command in (["db", "upgrade"], ["demo", "load"]):
        subprocess.run(
            [sys.executable, "-m", "flask", "--app", "consult", *command],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )


@contextlib.contextmanager
def gunicorn(env: dict, workers: int, redis_url: str | None, log: Path, served: list | None = None, app=None, **config):
    """Yield the port of a gunicorn serving the app (or `app`, a gunicorn app spec); `served` receives the
    process (its master). Rate limits are lifted (this measures submissions, not refusals) unless `config`
    sets them."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = {
        "COMMENT_RATE_LIMIT": "1000000 per minute",
        "RECEIPT_RATE_LIMIT": "1000000 per minute",
        "RATELIMIT_STORAGE_URI": redis_url or "memory://",
        **config,
    }
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "-w",
        str(workers),
        "-b",
        f"127.0.0.1:{port}",
        app or f"consult:create_app({config!r})",
    ]
    with log.open("w") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    if served is not None:
        served.append(process)
    try:
        _wait_healthy(port, process)
        yield port
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_healthy(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("gunicorn exited before it became healthy; see its log")
        with contextlib.suppress(OSError):
            if Client(port).request("GET", "/healthz")[0] == 200:
                return
        time.sleep(0.2)
    raise SystemExit("gunicorn did not answer /healthz within 30 s")


def stored_comments(url: str) -> list[tuple[str, str]]:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        rows = [tuple(row) for row in conn.execute(sa.text("SELECT receipt, body FROM comments"))]
    engine.dispose()
    return rows


def verify(url: str, tally: Tally, baseline: int, log: str) -> list[tuple[str, bool, str]]:
    every = stored_comments(url)
    total, rows = len(every), [(r, b) for r, b in every if b.startswith(f"{MARKER}-")]
    stored = Counter(receipt for receipt, _ in rows)
    bodies = Counter(body for _, body in rows)
    by_receipt = dict(rows)
    once = all(stored[r] == 1 and bodies[b] == 1 and by_receipt[r] == b for r, (b, _) in tally.acks.items())
    server_errors = sum(n for s, n in tally.statuses.items() if str(s).split()[-1].startswith("5"))
    others = sum(n for s, n in tally.statuses.items() if s not in (303, "re-post 303"))
    return [
        ("no 5xx responses", server_errors == 0, f"{server_errors} 5xx"),
        ("every POST acknowledged with 303", others == 0, f"{others} other outcomes"),
        ("every acknowledged receipt stored exactly once", once, f"{len(tally.acks)} receipts"),
        (
            "new rows == distinct acknowledged receipts",
            total - baseline == len(tally.acks),
            f"{total - baseline} rows, {len(tally.acks)} receipts",
        ),
        ("re-posts return the first receipt", all(tally.reposts), f"{len(tally.reposts)} re-posts"),
        ("no 'database is locked' in gunicorn log", "database is locked" not in log, ""),
        ("no Traceback in gunicorn log", "Traceback" not in log, ""),
    ]


def _pct(samples: list[float], p: int) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[p - 1] if len(samples) > 1 else float("nan")


def report(tally: Tally, since: float, seconds: float, checks: list) -> bool:
    posts = [ms for started, ms in tally.posts if started >= since]
    gets = [ms for started, ms in tally.gets if started >= since]
    acked = sum(1 for _, started in tally.acks.values() if started >= since)
    print(f"POST requests            {len(tally.posts)} ({len(posts)} in the measured {seconds:.0f} s)")
    print(f"acknowledged comments    {len(tally.acks)} ({acked} measured), re-posts {len(tally.reposts)}")
    print(f"throughput               {acked / seconds:.1f} comments/s")
    print(f"POST latency ms          p50 {_pct(posts, 50):.0f}  p95 {_pct(posts, 95):.0f}  p99 {_pct(posts, 99):.0f}")
    print(f"page GET latency ms      p50 {_pct(gets, 50):.0f}  p99 {_pct(gets, 99):.0f}")
    print("responses                " + ", ".join(f"{s}: {n}" for s, n in sorted(tally.statuses.items(), key=str)))
    for name, ok, detail in checks:
        print(f"{'PASS' if ok else 'FAIL'}  {name}" + (f" ({detail})" if detail else ""))
    return all(ok for _, ok, _ in checks)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("CONSULT_BENCH_DATABASE_URL"))
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--warmup", type=float, default=5)
    parser.add_argument("--redis-url")
    return parser.parse_args()


def main() -> int:
    args = parse_args()
    with (
        tempfile.TemporaryDirectory(prefix="consult-bench-") as tmp,
        scratch_database(args.database_url, Path(tmp)) as url,
    ):
        env, log = app_env(url), Path(tmp) / "gunicorn.log"
        prepare_schema(env)
        baseline = len(stored_comments(url))
        print(
            f"{sa.make_url(url).get_backend_name()}: {args.workers} gunicorn workers, "
            f"{args.concurrency} submitters, {args.warmup:.0f} s warm-up + {args.seconds:.0f} s"
        )
        with gunicorn(env, args.workers, args.redis_url, log) as port:
            since = time.monotonic() + args.warmup
            tally = run_load(port, args.concurrency, args.warmup + args.seconds)
        text = log.read_text(errors="replace")
        passed = report(tally, since, args.seconds, verify(url, tally, baseline, text))
        if not passed:
            print("--- gunicorn log (last 40 lines) ---\n" + "\n".join(text.splitlines()[-40:]))
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
