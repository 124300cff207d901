"""Public pages of a draft that has drawn N comments (issue #17: ≤ 200 ms p95 with 1M on the draft).

    .venv/bin/python benchmarks/pages_at_scale.py --comments 1000000 \\
        --database-url postgresql+psycopg://postgres@127.0.0.1:5432/test

A fresh database gets the demo and N comments on park-regulation (digest_speed.seed_database: realistic
texts, states, articles weighted as real consultations are). Printed: p50/p95 over 30 requests after 3
warm-ups, through Flask's test client (server time, no network), of the draft page, the article with the
most comments (its first page and a deep page), the whole-draft comments and a receipt.

Seeding 1M takes about 9 minutes; `--seed-only URL` seeds a database you created and keeps it, then
`--seeded URL` measures it as often as needed. After seeding, PostgreSQL's table is vacuumed and analysed,
as autovacuum would do soon after a bulk load (right after one, without it, the same pages take seconds).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa
from digest_speed import SLUG, make_app, seed_database
from scratch_db import scratch_database
from server_time import server_time

from consult.comments.models import Comment
from consult.drafts.models import Consultation
from consult.drafts.queries import load_structure
from consult.extensions import db


def measure(client, label: str, path: str) -> None:
    p50, p95, _ = server_time(client, path, runs=30)
    print(f"  {label:<32} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   {path}", flush=True)


def busiest_article(app) -> tuple[str, int]:
    with app.app_context():
        consultation = db.session.scalar(sa.select(Consultation).filter_by(slug=SLUG))
        article_id, count = db.session.execute(
            sa.select(Comment.article_id, sa.func.count())
            .where(Comment.consultation_id == consultation.id, Comment.article_id.is_not(None))
            .group_by(Comment.article_id).order_by(sa.func.count().desc()).limit(1)
        ).one()  # fmt: skip
        slug = next(a.slug for a in load_structure(consultation.version_id).articles if a.article_id == article_id)
        db.session.remove()
    return slug, count


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("CONSULT_BENCH_DATABASE_URL"))
    parser.add_argument("--comments", type=int, default=100_000)
    parser.add_argument("--seeded", help="a database this script seeded before (--seed-only): measure only")
    parser.add_argument("--seed-only", help="seed this (empty) database and keep it, for --seeded runs")
    args = parser.parse_args()
    if args.seed_only:
        seed_database(args.seed_only, args.comments, seed=7, processes=2)
        settle(args.seed_only)
        return 0
    if args.seeded:
        measure_pages(args.seeded)
        return 0
    with tempfile.TemporaryDirectory() as tmp, scratch_database(args.database_url, Path(tmp)) as url:
        started = time.perf_counter()
        seed_database(url, args.comments, seed=7, processes=2)
        settle(url)
        print(f"seeded in {time.perf_counter() - started:.0f} s; {url.split(':')[0]}", flush=True)
        measure_pages(url)
    return 0


def settle(url: str) -> None:
    """VACUUM ANALYZE the comments on PostgreSQL (outside a transaction, as VACUUM requires)."""
    if not url.startswith("postgresql"):
        return
    engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(sa.text("VACUUM ANALYZE comments"))
    engine.dispose()


def measure_pages(url: str) -> None:
    app = make_app(url)
    slug, count = busiest_article(app)
    client = app.test_client()
    print(f"server time, 30 requests after 3 warm-ups (target ≤ 200 ms p95); article {slug} has {count} comments")
    measure(client, "draft page", f"/drafts/{SLUG}")
    measure(client, "busiest article, page 1", f"/drafts/{SLUG}/articles/{slug}")
    measure(client, "busiest article, page 200", f"/drafts/{SLUG}/articles/{slug}?page=200")
    measure(client, "whole-draft comments, page 1", f"/drafts/{SLUG}?page=1")
    measure(client, "a receipt", "/receipts/BENCH0000042")
    with app.app_context():
        db.engine.dispose()


if __name__ == "__main__":
    sys.exit(main())
