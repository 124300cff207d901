"""Digest speed: N stored comments on one draft, the digest job end to end, then the digest and article pages.

    .venv/bin/python benchmarks/digest_speed.py                     # 100 000 comments, temporary SQLite file
    .venv/bin/python benchmarks/digest_speed.py --comments 1000     # smoke run
    .venv/bin/python benchmarks/digest_speed.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/test
    .venv/bin/python benchmarks/digest_speed.py --comments 1000000 --seed-only postgresql+psycopg://…/bench1m
    .venv/bin/python benchmarks/digest_speed.py --seeded postgresql+psycopg://…/bench1m   # as often as needed

Targets (issue #17): the job ≤ 10 s for 100k comments, ≤ 180 s and ≤ 4 GB for 1M, on PostgreSQL and 2 cores
(--cores pins the process); digest and article pages ≤ 200 ms at the server (p95); progress visible. A fresh database (temporary SQLite file,
or consult_bench_<pid> made on the PostgreSQL server and dropped after) gets the schema, the demo and N
seeded comments on park-regulation (30–300 chars, 20 % campaign copies, skewed over the 42 articles, 12 %
on the whole draft, varied states, sources, roles, districts, dates; tokens and cuts by prepare() as at submission,
not part of the job) in a child process, then vacuumed and analysed on PostgreSQL (as autovacuum would be
after a bulk load). The job runs in a process that has started its analysis' fork server beforehand, as a
running job worker has (consult.worker starts it with the consumer). Memory: the peak of the job's process
and its workers together (the fork server included), sampled every 200 ms.
Printed: job wall/CPU time, time per build step, themes, progress read every 0.5 s by a second thread on
its own connection; p50/p95 of 50 requests after 3 warm-ups through Flask's test client as a drafter of
the digest page, the digest of the most commented article and its public page.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import os
import random
import re
import resource
import tempfile
import threading
import time
from collections import defaultdict
from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa
from cryptography.fernet import Fernet
from memory import MemorySampler
from scratch_db import scratch_database
from server_time import server_time

from consult import create_app
from consult.accounts.models import User
from consult.accounts.services import create_user
from consult.analysis.workers import Workers, start_fork_server
from consult.comments.models import Comment
from consult.comments.text import prepare
from consult.db import utcnow
from consult.demo.loader import load_demo
from consult.digests import build, gather, services
from consult.digests.models import DigestBuild, Theme
from consult.drafts.models import Consultation
from consult.drafts.numerals import article_number
from consult.drafts.queries import load_structure
from consult.extensions import db

SLUG, EMAIL, PASSWORD = "park-regulation", "bench-drafter@example.org", "benchmark-password"
PHRASES = json.loads((Path(__file__).parent / "data" / "park_river_phrases.json").read_text("utf-8"))
CONCERNS, CAMPAIGNS = list(PHRASES["concerns"]), PHRASES["campaigns"]
CAMPAIGN_WEIGHTS = (40, 25, 15, 10, 6, 4)  # a few big campaigns, some small
SYNONYMS = {
    "建议": "希望",
    "非常": "特别",
    "很多": "不少",
    "经常": "常常",
    "应当": "应该",
    "禁止": "不准",
    "晚上": "夜里",
    "孩子": "小朋友",
    "老人": "老年人",
    "增加": "增设",
    "公园": "园区",
}
SYN_RE = re.compile("|".join(SYNONYMS))
ASIDES = ("说实话，", "我注意到", "最近", "有时候", "据我观察，", "前几天", "上个月", "邻居们也说")
STATES = {"approved": 70, "pending": 20, "rejected": 10}
SOURCES = {"web": 80, "letter": 6, "email": 6, "liaison_station": 4, "deputy": 2, "seminar": 2}
ROLES = {"citizen": 82, "enterprise": 5, "organisation": 4, "expert": 3, "other": 3, "deputy": 2, "cppcc_member": 1}
BUILD_STEPS = [
    (gather, "comment_rows"),
    (build, "digest_stats"),
    (build, "_common_tokens"),
    (build, "_place_known"),
    (build, "analyse_articles"),
    (build, "_group_afresh"),
    (build, "_references"),
    (build, "_write"),
]


def _fill(template: str, rng: random.Random, **fixed) -> str:
    values = {
        "park": rng.choice(PHRASES["parks"]),
        "river": rng.choice(PHRASES["rivers"]),
        "estate": rng.choice(PHRASES["estates"]),
        "name": rng.choice(PHRASES["names"]),
        "num": str(rng.randint(1, 40)),
        "phone": f"13{rng.randrange(10**9):09d}",
    }
    return template.format(**(values | fixed))


def organic(rng: random.Random, articles: int) -> str:
    """One resident's own words on one concern (now and then two), 30–300 characters."""
    target = min(300, max(30, int(rng.lognormvariate(4.7, 0.45))))
    concern = PHRASES["concerns"][rng.choice(CONCERNS)]
    parts = [_fill(rng.choice(PHRASES["openers"]), rng)]
    parts += [f"对{article_number(rng.randint(1, articles))}，"] if rng.random() < 0.1 else []
    while len("".join(parts)) < target:
        text = _fill(rng.choice(concern[rng.choice(("problems", "proposals", "proposals", "reasons"))]), rng)
        text = SYN_RE.sub(lambda m: SYNONYMS[m.group()] if rng.random() < 0.5 else m.group(), text)
        parts.append((rng.choice(ASIDES) if rng.random() < 0.3 else "") + text + rng.choice("。。！；"))
        concern = PHRASES["concerns"][rng.choice(CONCERNS)] if rng.random() < 0.1 else concern
    return ("".join(parts) + rng.choice(PHRASES["closers"]))[:300]


def campaign_copy(campaign: dict, original: dict, rng: random.Random) -> str:
    """A campaign letter: exact, or with another signature, punctuation, an added or a changed opening."""
    r = rng.random()
    text = _fill(campaign["text"], rng, **(original if r >= 0.2 else {}))
    if 0.35 <= r < 0.5:
        text = text.replace("。", rng.choice("！；")).replace("，", rng.choice((",", " ")))
    elif 0.5 <= r < 0.75:
        text = text + campaign["extra"] if r < 0.65 else rng.choice(ASIDES) + text
    return text


def generate(n: int, seed: int, articles: int) -> list[tuple[int | None, str]]:
    """(article index or None for the whole draft, text) for n comments."""
    rng = random.Random(seed)
    order = rng.sample(range(articles), articles)  # order[0] is the most commented article
    cumulative = [sum(1 / (r + 1) ** 1.1 for r in range(rank + 1)) for rank in range(articles)]
    originals = [
        {
            "num": "12",
            "phone": "13800138000",
            **{k: rng.choice(PHRASES[f"{k}s"]) for k in ("name", "estate", "river", "park")},
        }
        for _ in CAMPAIGNS
    ]
    out = []
    for _ in range(n):
        if rng.random() < 0.2:
            i = rng.choices(range(len(CAMPAIGNS)), CAMPAIGN_WEIGHTS)[0]
            out.append((None if i == 2 else order[i], campaign_copy(CAMPAIGNS[i], originals[i], rng)))
        else:
            article = None if rng.random() < 0.12 else order[rng.choices(range(articles), cum_weights=cumulative)[0]]
            out.append((article, organic(rng, articles)))
    return out


def comment_rows(texts, prepared, consultation, articles, districts, seed: int, cuts: bool = True):
    rng = random.Random(seed + 1)
    opens, span = consultation.opens_at, (utcnow() - consultation.opens_at).total_seconds()
    for n, (index, text) in enumerate(texts):
        normalized, tokens, cut = prepared[text]
        state, source, role = (rng.choices(list(w), list(w.values()))[0] for w in (STATES, SOURCES, ROLES))
        yield {
            "consultation_id": consultation.id,
            "version_id": consultation.version_id,
            "article_id": None if index is None else articles[index].article_id,
            "receipt": f"BENCH{n:07d}",
            "body": text,
            "body_normalized": normalized,
            "tokens": tokens,
            "cut": cut if cuts else None,
            "state": state,
            "reject_reason": "off_topic" if state == "rejected" else None,
            "wants_public": rng.random() < 0.85,
            "source": source,
            "role": role,
            "district": rng.choice(districts),
            "display_name": rng.choice(PHRASES["names"]) if rng.random() < 0.6 else None,
            "created_at": opens + timedelta(seconds=span * rng.random() ** 0.7),
        }


def make_app(url: str):
    return create_app(
        {
            "SQLALCHEMY_DATABASE_URI": url,
            "SECRET_KEY": Fernet.generate_key().decode(),
            "CONTACT_KEYS": (Fernet.generate_key().decode(),),
            "WTF_CSRF_ENABLED": False,
            "RATELIMIT_ENABLED": False,
            "JOBS_INLINE": True,
        }
    )


def seed_database(url: str, n: int, seed: int, processes: int, cuts: bool = True) -> None:
    """Schema, demo and n comments (runs in a child process); ``cuts``: store each comment's cut, as
    submission does (without: every comment is cut by the rules in the job, as one stored before
    the cuts were)."""
    app = make_app(url)
    with app.app_context():
        db.create_all()
        load_demo()
        db.session.commit()
        consultation = db.session.scalar(sa.select(Consultation).filter_by(slug=SLUG))
        articles = load_structure(consultation.version_id).articles
        db.engine.dispose()  # the tokenizing workers are forked next
        start = time.perf_counter()
        texts = generate(n, seed, len(articles))
        distinct = list(dict.fromkeys(text for _a, text in texts))
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            prepared = dict(zip(distinct, pool.imap(prepare, distinct, chunksize=256)))
        mean = sum(len(t) for _a, t in texts) / max(1, n)
        print(
            f"generated {n} comments ({len(distinct)} distinct texts, mean {mean:.0f} chars) and their tokens as "
            f"at submission (not part of the job) in {time.perf_counter() - start:.1f} s"
        )
        start = time.perf_counter()
        districts = [*app.config["DISTRICTS"], None]
        rows = list(comment_rows(texts, prepared, consultation, articles, districts, seed, cuts))
        for at in range(0, len(rows), 5000):  # executemany, 5000 rows at a time
            db.session.execute(sa.insert(Comment), rows[at : at + 5000])
        db.session.commit()
        stored = db.session.scalar(sa.select(sa.func.count()).where(Comment.consultation_id == consultation.id))
        print(f"inserted in {time.perf_counter() - start:.1f} s: {stored} comments on {SLUG}")
        if db.engine.dialect.name == "postgresql":  # what autovacuum does after a bulk load, at once
            with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
                connection.execute(sa.text("VACUUM ANALYZE"))


def sample_progress(url: str, build_id: int, stop: threading.Event, seen: list, every: float = 0.5) -> None:
    """(seconds, progress, stage) each time they change, read through an engine of its own as a page would."""
    engine, started = sa.create_engine(url), time.perf_counter()
    query = sa.select(DigestBuild.progress, DigestBuild.stage, DigestBuild.state).where(DigestBuild.id == build_id)
    with engine.connect() as connection:
        while True:
            progress, stage, state = connection.execute(query).one()
            connection.rollback()  # the next read takes a new snapshot (SQLite WAL)
            if not seen or seen[-1][1:] != (progress, stage):
                seen.append((time.perf_counter() - started, progress, stage))
            if state in ("done", "failed") or stop.is_set():
                break
            stop.wait(every)
    engine.dispose()


@contextlib.contextmanager
def step_timers():
    """Seconds spent in each step of the build, by wrapping the module functions `_build` calls."""
    spent: dict[str, float] = defaultdict(float)
    originals = [(module, name, getattr(module, name)) for module, name in BUILD_STEPS if hasattr(module, name)]
    for module, name, original in originals:

        def timed(*args, _original=original, _name=name, **kwargs):
            start = time.perf_counter()
            try:
                return _original(*args, **kwargs)
            finally:
                spent[_name] += time.perf_counter() - start

        setattr(module, name, timed)
    try:
        yield spent
    finally:
        for module, name, original in originals:
            setattr(module, name, original)


def running_worker() -> None:
    """Be the job worker a build meets in production: one that started its analysis' fork server when it
    started (consult.worker), so the server has the analysis loaded by the time a build needs workers."""
    start_fork_server()
    with Workers(2, start="forkserver") as pool:
        list(pool.map(abs, [(0,), (0,)]))  # returns once the server has loaded and forked


def run_job(app, url: str) -> tuple[int, int, str]:
    """The digest job end to end; returns (consultation id, most commented article id, its slug)."""
    with app.app_context():
        consultation = db.session.scalar(sa.select(Consultation).filter_by(slug=SLUG))
        articles = load_structure(consultation.version_id).articles
        queued = services.request_build(consultation)
        db.session.commit()
        running_worker()
        stop, seen = threading.Event(), []
        sampler = threading.Thread(target=sample_progress, args=(url, queued.id, stop, seen), daemon=True)
        sampler.start()
        memory = MemorySampler()
        memory.start()
        with step_timers() as spent:
            before, start = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
            build.run_build(queued.id)
            wall, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_SELF)
        peak = memory.stop()
        stop.set()
        sampler.join()
        done = db.session.get(DigestBuild, queued.id, populate_existing=True)
        themes = dict(
            db.session.execute(
                sa.select(Theme.article_id, sa.func.count())
                .where(Theme.consultation_id == consultation.id, Theme.retired.is_(False))
                .group_by(Theme.article_id)
            ).all()
        )
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        print(
            f"\ndigest job: {done.state}, {wall:.1f} s wall (targets: 100k ≤ 10 s, 1M ≤ 180 s and ≤ 4 GB), {cpu:.1f} s "
            f"CPU in this process, {done.comment_count} comments, load average {os.getloadavg()[0]:.1f}; peak memory "
            f"{peak:.0f} MB with its worker processes (proportional set size); this process's peak RSS "
            f"{after.ru_maxrss / 1024:.0f} MB ({before.ru_maxrss / 1024:.0f} MB before the job)"
        )
        steps = sorted(spent.items(), key=lambda item: -item[1]) + [("the rest", wall - sum(spent.values()))]
        print("  steps: " + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in steps))
        print(
            f"themes: {sum(themes.values())} live, on {len(themes) - (None in themes)} articles "
            f"and {themes.get(None, 0)} on the whole draft"
        )
        print("progress read every 0.5 s: " + " → ".join(f"{p}% {s} @{t:.1f}s" for t, p, s in seen))
        counts = {int(key): value.get("total", 0) for key, value in done.stats["articles"].items() if key != "general"}
        top = max(counts, key=counts.get)
        article = next(a for a in articles if a.article_id == top)
        print(f"most commented article: {article.number} ({counts[top]} comments)")
        return consultation.id, top, article.slug


def measure_pages(app, consultation_id: int, article_id: int, slug: str, warmups: int = 3, runs: int = 50) -> None:
    # Requests run outside any app context, so each gets its own database session as in production.
    with app.app_context():
        if db.session.scalar(sa.select(User).filter_by(email=EMAIL)) is None:  # a --seeded database has one
            create_user(EMAIL, "drafter", PASSWORD)
            db.session.commit()
    client = app.test_client()
    assert client.post("/staff/login", data={"email": EMAIL, "password": PASSWORD}).status_code == 302
    print("\nserver time, 50 requests after 3 warm-ups (target ≤ 200 ms):")
    for label, path in (
        ("digest page", f"/staff/digests/{consultation_id}"),
        ("article digest page", f"/staff/digests/{consultation_id}/articles/{article_id}"),
        ("public article page", f"/drafts/{SLUG}/articles/{slug}"),
    ):
        p50, p95, _ = server_time(client, path, warmups, runs)
        print(f"  {label:<20} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for flag, default in (("--comments", 100_000), ("--cores", 2), ("--seed", 0)):
        parser.add_argument(flag, type=int, default=default)
    parser.add_argument("--database-url", default=os.environ.get("CONSULT_BENCH_DATABASE_URL"))
    parser.add_argument("--seed-only", help="seed this (empty) database and keep it, for --seeded runs")
    parser.add_argument("--seeded", help="a database seeded before (--seed-only): run the job and the pages there")
    parser.add_argument(
        "--without-cuts", action="store_true", help="seed comments without their cuts (see seed_database)"
    )
    args = parser.parse_args()
    os.sched_setaffinity(0, sorted(os.sched_getaffinity(0))[: args.cores])  # the seeding child inherits it
    cores = len(os.sched_getaffinity(0))
    if args.seed_only:
        seed_database(args.seed_only, args.comments, args.seed, cores, not args.without_cuts)
        return
    if args.seeded:
        measure(args.seeded)
        return
    with tempfile.TemporaryDirectory() as workdir, scratch_database(args.database_url, Path(workdir)) as url:
        print(
            f"{sa.make_url(url).get_backend_name()}, {cores} cores, {args.comments} comments, seed {args.seed}, "
            f"{'without' if args.without_cuts else 'with'} stored cuts, "
            f"load average {os.getloadavg()[0]:.1f}"
        )
        seeding = (url, args.comments, args.seed, cores, not args.without_cuts)
        child = multiprocessing.get_context("spawn").Process(target=seed_database, args=seeding)
        child.start()
        child.join()
        if child.exitcode != 0:
            raise SystemExit(f"seeding failed (exit code {child.exitcode})")
        measure(url)


def measure(url: str) -> None:
    app = make_app(url)
    consultation_id, article_id, slug = run_job(app, url)
    measure_pages(app, consultation_id, article_id, slug)
    with app.app_context():
        db.engine.dispose()


if __name__ == "__main__":
    main()
