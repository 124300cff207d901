"""Digest speed with many stored comments: the digest job end to end, then the digest and article pages.

    .venv/bin/python benchmarks/digest_speed.py                        # 100 000 comments, temporary SQLite file
    .venv/bin/python benchmarks/digest_speed.py --comments 1000        # smoke run
    .venv/bin/python benchmarks/digest_speed.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/test

The requirement: with 100k stored comments on one draft the digest job takes ≤ 30 s end to end on
2 cores, the digest page and the article page ≤ 200 ms at the server (p50/p95), and the job's
progress is visible. The process is pinned to --cores CPUs (default 2) when the machine has more.

Set-up, not part of the job: a fresh database (a SQLite file in a temporary folder, or with a
PostgreSQL URL a database consult_bench_<pid> created on that server and dropped at the end; the
database named in the URL is only used to connect) gets the schema and the demo, then N seeded
comments on the open consultation park-regulation: 30–300 characters, 20 % campaign copies, skewed
over the 42 articles, 12 % on the whole draft, varied states, sources, roles, districts and dates.
Their tokens are made as submission makes them (consult.comments.text.prepare, once per distinct
text, in worker processes). Seeding runs in a child process, so the peak RSS printed
(resource.getrusage ru_maxrss of this process) belongs to the app and the job.

Then the job (request_build, commit, run_build): wall time, peak RSS, time per step of the build
module (wrapped with timers), themes, and the progress a second thread read through its own
connection every 0.5 s. Last, signed in as a drafter through Flask's test client (in-process, so
server time), 3 warm-ups and 50 timed requests of the digest page, the digest page of the most
commented article and that article's public page.
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

import psycopg
import sqlalchemy as sa
from cryptography.fernet import Fernet

from consult import create_app
from consult.accounts.services import create_user
from consult.comments.models import Comment
from consult.comments.text import prepare
from consult.db import utcnow
from consult.demo.loader import load_demo
from consult.digests import build, gather, services
from consult.digests.models import DigestBuild, Theme
from consult.drafts.models import Consultation
from consult.drafts.queries import load_structure
from consult.extensions import db

SLUG, PASSWORD = "park-regulation", "benchmark-password"
PHRASES = json.loads((Path(__file__).parent / "data" / "park_river_phrases.json").read_text("utf-8"))
CONCERNS = list(PHRASES["concerns"])
CAMPAIGN_WEIGHTS = (40, 25, 15, 10, 6, 4)  # a few big campaigns, some small
SYNONYMS = {"建议": ("希望", "提议", "恳请"), "非常": ("特别", "十分"), "很多": ("不少", "许多"),
            "经常": ("常常", "总是"), "应当": ("应该", "必须"), "禁止": ("不准", "严禁"), "晚上": ("夜里", "傍晚"),
            "孩子": ("小孩", "小朋友"), "老人": ("老年人", "长辈"), "增加": ("增设", "多设"), "公园": ("园区", "公园里")}
SYN_RE = re.compile("|".join(SYNONYMS))
ASIDES = ("说实话，", "我注意到", "最近", "有时候", "据我观察，", "前几天", "上个月", "邻居们也说")
STATES = {"approved": 70, "pending": 20, "rejected": 10}
SOURCES = {"web": 80, "letter": 6, "email": 6, "liaison_station": 4, "deputy": 2, "seminar": 2}
ROLES = {"citizen": 82, "enterprise": 5, "organisation": 4, "expert": 3, "other": 3, "deputy": 2, "cppcc_member": 1}


def cn_number(n: int) -> str:
    """1..99 the way articles are numbered: 第四十二条."""
    tens, ones = divmod(n, 10)
    return ("零一二三四五六七八九"[tens] if tens > 1 else "") + ("十" if tens else "") + ("零一二三四五六七八九"[ones] if ones else "")


def _fill(template: str, rng: random.Random, **fixed) -> str:
    values = {"park": rng.choice(PHRASES["parks"]), "river": rng.choice(PHRASES["rivers"]),
              "estate": rng.choice(PHRASES["estates"]), "name": rng.choice(PHRASES["names"]),
              "num": str(rng.randint(1, 40)), "phone": f"13{rng.randrange(10**9):09d}"}
    return template.format(**(values | fixed))


def organic(rng: random.Random, articles: int) -> str:
    """One resident's own words on one concern (now and then two), 30–300 characters."""
    target = min(300, max(30, int(rng.lognormvariate(4.7, 0.45))))
    concern = PHRASES["concerns"][rng.choice(CONCERNS)]
    parts = [_fill(rng.choice(PHRASES["openers"]), rng)]
    if rng.random() < 0.1:
        parts.append(f"对第{cn_number(rng.randint(1, articles))}条，")
    while len("".join(parts)) < target:
        part = rng.choice(("problems", "proposals", "proposals", "reasons"))
        text = SYN_RE.sub(lambda m: rng.choice(SYNONYMS[m.group()]) if rng.random() < 0.6 else m.group(),
                          _fill(rng.choice(concern[part]), rng))
        parts.append((rng.choice(ASIDES) if rng.random() < 0.3 else "") + text + rng.choice("。。！；"))
        if rng.random() < 0.1:
            concern = PHRASES["concerns"][rng.choice(CONCERNS)]
    return ("".join(parts) + rng.choice(PHRASES["closers"]))[:300]


def campaign_copy(campaign: dict, original: dict, rng: random.Random) -> str:
    """A campaign letter: exact, or with another signature, punctuation, an added or a changed opening."""
    r = rng.random()
    text = _fill(campaign["text"], rng, **(original if r >= 0.2 else {}))
    if 0.35 <= r < 0.5:
        text = text.replace("。", rng.choice("！；")).replace("，", rng.choice((",", " ")))
    elif 0.5 <= r < 0.65:
        text += campaign["extra"]
    elif 0.65 <= r < 0.75:
        text = rng.choice(ASIDES) + text
    return text


def generate(n: int, seed: int, articles: int) -> list[tuple[int | None, str]]:
    """(article index or None for the whole draft, text) for n comments."""
    rng = random.Random(seed)
    order = rng.sample(range(articles), articles)  # order[0] is the most commented article
    cumulative, total = [], 0.0
    for rank in range(articles):
        total += 1 / (rank + 1) ** 1.1
        cumulative.append(total)
    campaigns = PHRASES["campaigns"]
    originals = [{"name": rng.choice(PHRASES["names"]), "num": "12", "estate": rng.choice(PHRASES["estates"]),
                  "phone": "13800138000", "river": rng.choice(PHRASES["rivers"]),
                  "park": rng.choice(PHRASES["parks"])} for _ in campaigns]
    out = []
    for _ in range(n):
        if rng.random() < 0.2:
            i = rng.choices(range(len(campaigns)), CAMPAIGN_WEIGHTS)[0]
            out.append((None if i == 2 else order[i], campaign_copy(campaigns[i], originals[i], rng)))
        else:
            article = None if rng.random() < 0.12 else order[rng.choices(range(articles), cum_weights=cumulative)[0]]
            out.append((article, organic(rng, articles)))
    return out


def _pick(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), list(weights.values()))[0]


def comment_rows(texts, prepared, consultation, articles, districts, seed: int):
    rng = random.Random(seed + 1)
    opens = consultation.opens_at
    span = (utcnow() - opens).total_seconds()
    for n, (index, text) in enumerate(texts):
        normalized, tokens = prepared[text]
        state = _pick(rng, STATES)
        yield {"consultation_id": consultation.id, "version_id": consultation.version_id,
               "article_id": None if index is None else articles[index].article_id, "receipt": f"BENCH{n:07d}",
               "body": text, "body_normalized": normalized, "tokens": tokens, "state": state,
               "reject_reason": "off_topic" if state == "rejected" else None, "wants_public": rng.random() < 0.85,
               "source": _pick(rng, SOURCES), "role": _pick(rng, ROLES), "district": rng.choice(districts),
               "display_name": rng.choice(PHRASES["names"]) if rng.random() < 0.6 else None,
               "created_at": opens + timedelta(seconds=span * rng.random() ** 0.7)}


def make_app(url: str):
    return create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": Fernet.generate_key().decode(),
                       "CONTACT_KEYS": (Fernet.generate_key().decode(),), "WTF_CSRF_ENABLED": False,
                       "RATELIMIT_ENABLED": False, "JOBS_INLINE": True})


def seed_database(url: str, n: int, seed: int, processes: int) -> None:
    """Schema, demo and n comments; runs in a child process."""
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
        print(f"generated {n} comments ({len(distinct)} distinct texts, mean "
              f"{sum(len(t) for _a, t in texts) / max(1, n):.0f} chars) in {time.perf_counter() - start:.1f} s")
        start = time.perf_counter()
        with multiprocessing.get_context("fork").Pool(processes) as pool:
            prepared = dict(zip(distinct, pool.imap(prepare, distinct, chunksize=256)))
        print(f"prepared tokens (as at submission, not part of the job) in {time.perf_counter() - start:.1f} s")
        start = time.perf_counter()
        rows = comment_rows(texts, prepared, consultation, articles, [*app.config["DISTRICTS"], None], seed)
        batch = []
        for row in rows:
            batch.append(row)
            if len(batch) == 5000:
                db.session.execute(sa.insert(Comment), batch)
                batch = []
        if batch:
            db.session.execute(sa.insert(Comment), batch)
        db.session.commit()
        stored = db.session.scalar(sa.select(sa.func.count()).where(Comment.consultation_id == consultation.id))
        print(f"inserted in {time.perf_counter() - start:.1f} s: {stored} comments on {SLUG}")
        db.engine.dispose()


@contextlib.contextmanager
def database(url: str | None, workdir: Path):
    """A fresh database URL: a SQLite file in workdir, or a temporary PostgreSQL database."""
    if not url or url.startswith("sqlite"):
        yield f"sqlite:///{workdir / 'bench.sqlite3'}"
        return
    server = sa.make_url(url).set(drivername="postgresql+psycopg")
    name = f"consult_bench_{os.getpid()}"
    admin = server.set(drivername="postgresql").render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class ProgressSampler(threading.Thread):
    """Reads the build's progress through its own engine every `every` seconds, as the page does."""

    def __init__(self, url: str, build_id: int, every: float = 0.5):
        super().__init__(daemon=True)
        self.url, self.build_id, self.every = url, build_id, every
        self.stop, self.seen, self.started = threading.Event(), [], time.perf_counter()

    def run(self) -> None:
        engine = sa.create_engine(self.url)
        query = sa.select(DigestBuild.progress, DigestBuild.stage, DigestBuild.state).where(
            DigestBuild.id == self.build_id)
        with engine.connect() as connection:
            while True:
                progress, stage, state = connection.execute(query).one()
                connection.rollback()  # a new snapshot on the next read (SQLite WAL)
                if not self.seen or self.seen[-1][1:] != (progress, stage):
                    self.seen.append((time.perf_counter() - self.started, progress, stage))
                if state in ("done", "failed") or self.stop.is_set():
                    break
                self.stop.wait(self.every)
        engine.dispose()


@contextlib.contextmanager
def stage_timers():
    """Seconds spent in each step of the build, by wrapping the functions `_build` calls."""
    spent: dict[str, float] = defaultdict(float)
    steps = [(gather, "comment_rows"), (build, "digest_stats"), (gather, "pinned_members"),
             (gather, "current_members"), (build, "_place_article"), (build, "_references"), (build, "_write")]
    originals = [(module, name, getattr(module, name)) for module, name in steps]
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


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def run_job(app, url: str) -> tuple[int, int, str]:
    """The digest job end to end; returns (consultation id, most commented article id, its slug)."""
    with app.app_context():
        consultation = db.session.scalar(sa.select(Consultation).filter_by(slug=SLUG))
        structure = load_structure(consultation.version_id)
        before = peak_rss_mb()
        queued = services.request_build(consultation)
        db.session.commit()
        sampler = ProgressSampler(url, queued.id)
        sampler.start()
        with stage_timers() as spent:
            start = time.perf_counter()
            build.run_build(queued.id)
            wall = time.perf_counter() - start
        sampler.stop.set()
        sampler.join()
        db.session.expire_all()
        done = db.session.get(DigestBuild, queued.id)
        themes = db.session.execute(sa.select(sa.func.count(), sa.func.count(sa.distinct(Theme.article_id))).where(
            Theme.consultation_id == consultation.id, Theme.retired.is_(False))).one()
        print(f"\ndigest job: {done.state} in {wall:.1f} s wall ({done.comment_count} comments; target ≤ 30 s), "
              f"peak RSS {peak_rss_mb():.0f} MB (ru_maxrss; {before:.0f} MB before the job)")
        for name, seconds in sorted(spent.items(), key=lambda item: -item[1]):
            print(f"  {name:<16} {seconds:6.2f} s")
        print(f"  {'(rest)':<16} {wall - sum(spent.values()):6.2f} s")
        print(f"themes: {themes[0]} live, on {themes[1]} articles (the whole draft counted as one)")
        print("progress seen every 0.5 s: " + " → ".join(f"{p}% {s} @{t:.1f}s" for t, p, s in sampler.seen))
        counts = {key: value.get("total", 0) for key, value in done.stats["articles"].items() if key != "general"}
        top = int(max(counts, key=counts.get))
        article = next(a for a in structure.articles if a.article_id == top)
        print(f"most commented article: {article.number} ({counts[str(top)]} comments)")
        return consultation.id, top, article.slug


def page_times(client, path: str, warmups: int = 3, runs: int = 50) -> tuple[float, float]:
    for _ in range(warmups):
        assert client.get(path).status_code == 200, path
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(path)
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    samples.sort()
    return samples[len(samples) // 2], samples[min(len(samples) - 1, int(len(samples) * 0.95))]


def measure_pages(app, consultation_id: int, article_id: int, slug: str) -> None:
    # Requests run outside any app context, so each one gets its own session as in production.
    with app.app_context():
        create_user("bench-drafter@example.org", "drafter", PASSWORD)
        db.session.commit()
    client = app.test_client()
    response = client.post("/staff/login", data={"email": "bench-drafter@example.org", "password": PASSWORD})
    assert response.status_code == 302, response.status_code
    print("\npage times at the server, 50 requests after 3 warm-ups (target ≤ 200 ms):")
    for label, path in (("digest page", f"/staff/digests/{consultation_id}"),
                        ("article digest page", f"/staff/digests/{consultation_id}/articles/{article_id}"),
                        ("public article page", f"/drafts/{SLUG}/articles/{slug}")):
        p50, p95 = page_times(client, path)
        print(f"  {label:<20} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--comments", type=int, default=100_000)
    parser.add_argument("--database-url", default=os.environ.get("CONSULT_BENCH_DATABASE_URL"))
    parser.add_argument("--cores", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    cpus = sorted(os.sched_getaffinity(0))
    if len(cpus) > args.cores:
        os.sched_setaffinity(0, cpus[:args.cores])  # children (tokenizing workers) inherit it
    with tempfile.TemporaryDirectory() as workdir, database(args.database_url, Path(workdir)) as url:
        print(f"database {sa.make_url(url).get_backend_name()}, {len(os.sched_getaffinity(0))} cores, "
              f"{args.comments} comments, seed {args.seed}")
        child = multiprocessing.get_context("spawn").Process(
            target=seed_database, args=(url, args.comments, args.seed, len(os.sched_getaffinity(0))))
        child.start()
        child.join()
        if child.exitcode != 0:
            raise SystemExit(f"seeding failed (exit code {child.exitcode})")
        app = make_app(url)
        consultation_id, article_id, slug = run_job(app, url)
        measure_pages(app, consultation_id, article_id, slug)
        with app.app_context():
            db.engine.dispose()


if __name__ == "__main__":
    main()
