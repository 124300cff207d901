"""Comment submission beside its floor (issue #17): the same load generator, the same gunicorn (workers,
address) and the same two requests per resident (the article page, then the POST), first against a bare
Flask app doing nothing (hello_app.py), then against Consult on the chosen database — in one run, so the
ratio says what Consult itself adds on this machine.

    .venv/bin/python benchmarks/submission_path.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/test \\
        --redis-url redis://127.0.0.1:6379/12

Printed: POST p50/p95/p99 and comments per second for each, and the ratio of the p99s. The target of
issue #17 is a Consult POST p99 ≤ 300 ms at 50 submitters on PostgreSQL.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from comments_load import _pct, app_env, gunicorn, prepare_schema, run_load
from scratch_db import scratch_database

HERE = Path(__file__).resolve().parent


def _measure(label: str, env: dict, args, log: Path, **server) -> float:
    with gunicorn(env, args.workers, args.redis_url, log, **server) as port:
        since = time.monotonic() + args.warmup
        tally = run_load(port, args.concurrency, args.warmup + args.seconds)
    posts = [ms for started, ms in tally.posts if started >= since]
    acked = sum(1 for _, started in tally.acks.values() if started >= since)
    p99 = _pct(posts, 99)
    print(f"  {label:<22} POST p50 {_pct(posts, 50):6.0f} ms   p95 {_pct(posts, 95):6.0f} ms   p99 {p99:6.0f} ms   "
          f"{acked / args.seconds:6.1f} comments/s   {dict(tally.statuses)}", flush=True)  # fmt: skip
    return p99


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("CONSULT_BENCH_DATABASE_URL"))
    parser.add_argument("--redis-url")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=40)
    parser.add_argument("--warmup", type=float, default=5)
    args = parser.parse_args()
    with (
        tempfile.TemporaryDirectory(prefix="consult-path-") as tmp,
        scratch_database(args.database_url, Path(tmp)) as url,
    ):
        env = app_env(url)
        prepare_schema(env)
        print(f"{url.split(':')[0]}: {args.workers} gunicorn workers, {args.concurrency} submitters, "
              f"{args.warmup:.0f} s warm-up + {args.seconds:.0f} s each")  # fmt: skip
        hello = {**env, "PYTHONPATH": str(HERE)}
        floor = _measure("bare Flask (floor)", hello, args, Path(tmp) / "hello.log", app="hello_app:app")
        consult = _measure("Consult", env, args, Path(tmp) / "consult.log")
    print(f"  ratio of the POST p99s: {consult / floor:.1f}× the floor")
    return 0


if __name__ == "__main__":
    sys.exit(main())
