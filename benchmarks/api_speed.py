"""Public API speed and the cursor walk: N stored comments on one draft (as digest_speed.py seeds them,
with its digest built), then the public list endpoints and a walk over every published comment while
comments keep arriving.

    .venv/bin/python benchmarks/api_speed.py                    # 100 000 comments, temporary SQLite file
    .venv/bin/python benchmarks/api_speed.py --comments 2000    # smoke run
    .venv/bin/python benchmarks/api_speed.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/test

Targets (issue #14): public list endpoints ≤ 100 ms p95 at the server with 100k comments; a walk of
10k+ rows never repeats or skips one. Printed: p50/p95 of 50 requests after 3 warm-ups through Flask's
test client (no network), then the walk: rows seen, rows there at its start, repeats, skips, arrivals.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import tempfile
import threading
import time
from pathlib import Path

import sqlalchemy as sa
from digest_speed import SLUG, make_app, run_job, seed_database
from scratch_db import scratch_database
from server_time import server_time

from consult.comments.models import Comment
from consult.comments.privacy import contact_cipher
from consult.comments.queries import public_filter
from consult.comments.services import CommentInput, submit_comment
from consult.drafts.models import Consultation
from consult.extensions import db


def measure(client, paths: list[tuple[str, str]], warmups: int = 3, runs: int = 50) -> None:
    print("\nserver time, 50 requests after 3 warm-ups (target ≤ 100 ms p95):")
    for label, path in paths:
        p50, p95, _ = server_time(client, path, warmups, runs)
        print(f"  {label:<28} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   {path}")


def keep_commenting(app, consultation_id: int, stop: threading.Event, added: list) -> None:
    """A resident commenting (approved at once) every few milliseconds, on its own connection."""
    with app.app_context():
        consultation = db.session.get(Consultation, consultation_id)
        consultation.premoderation = False
        db.session.commit()
        while not stop.is_set():
            comment, _created = submit_comment(
                consultation, None, CommentInput(body=f"走查期间到达的意见 {len(added)}"), token=f"walk-{len(added)}",
                cipher=contact_cipher(), max_chars=5000, now=consultation.opens_at,
            )  # fmt: skip
            db.session.commit()
            added.append(comment.id)
            time.sleep(0.005)


def walk(app, client, consultation_id: int) -> None:
    with app.app_context():
        before = set(
            db.session.scalars(sa.select(Comment.id).where(Comment.consultation_id == consultation_id, public_filter()))
        )
    stop, added = threading.Event(), []
    writer = threading.Thread(target=keep_commenting, args=(app, consultation_id, stop, added), daemon=True)
    writer.start()
    seen: list[int] = []
    cursor, start = "", time.perf_counter()
    while True:
        page = client.get(f"/api/v1/consultations/{SLUG}/comments?limit=200{cursor}").get_json()
        seen += [c["id"] for c in page["items"]]
        if page["next_cursor"] is None:
            break
        cursor = f"&cursor={page['next_cursor']}"
    stop.set()
    writer.join()
    elapsed = time.perf_counter() - start
    repeats = len(seen) - len(set(seen))
    skipped = before - set(seen)
    arrived_seen = len(set(seen) & set(added))
    print(
        f"\ncursor walk: {len(seen)} rows in {elapsed:.1f} s ({len(seen) // 200 + 1} pages of 200); {len(before)} "
        f"published at its start; repeats {repeats}, skipped {len(skipped)} (target 0 and 0); in order: "
        f"{seen == sorted(seen)}; {len(added)} comments arrived during the walk, {arrived_seen} of them reached by it"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for flag, default in (("--comments", 100_000), ("--cores", 2), ("--seed", 0)):
        parser.add_argument(flag, type=int, default=default)
    parser.add_argument("--database-url", default=os.environ.get("CONSULT_BENCH_DATABASE_URL"))
    args = parser.parse_args()
    os.sched_setaffinity(0, sorted(os.sched_getaffinity(0))[: args.cores])
    cores = len(os.sched_getaffinity(0))
    with tempfile.TemporaryDirectory() as workdir, scratch_database(args.database_url, Path(workdir)) as url:
        print(f"{sa.make_url(url).get_backend_name()}, {cores} cores, {args.comments} comments, seed {args.seed}")
        child = multiprocessing.get_context("fork").Process(
            target=seed_database, args=(url, args.comments, args.seed, cores)
        )
        child.start()
        child.join()
        app = make_app(url)
        consultation_id, article_id, _slug = run_job(app, url)
        client = app.test_client()
        measure(
            client,
            [
                ("consultations", "/api/v1/consultations"),
                ("articles (counts, stances)", f"/api/v1/consultations/{SLUG}/articles"),
                ("structure", f"/api/v1/consultations/{SLUG}/structure"),
                ("comments, first page", f"/api/v1/consultations/{SLUG}/comments?limit=50"),
                (
                    "comments, deep page",
                    f"/api/v1/consultations/{SLUG}/comments?limit=50&cursor={args.comments * 9 // 10}",
                ),
                ("comments of one article", f"/api/v1/consultations/{SLUG}/comments?limit=50&article={article_id}"),
            ],
        )
        walk(app, client, consultation_id)
        with app.app_context():
            db.engine.dispose()


if __name__ == "__main__":
    main()
