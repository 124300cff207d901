"""Speed of the deputies' suggestion pages and documents: N suggestions across U units in every state
(drafts, sent, accepted, merged, with their units, answered, closed, rated 不满意 and handled again;
co-units, 重点督办, 附议, some overdue and some nearly due, sent over two years), made through the real
services in a fresh database.

    .venv/bin/python benchmarks/suggestions_speed.py                      # 1 000 suggestions, 60 units, SQLite
    .venv/bin/python benchmarks/suggestions_speed.py --suggestions 200    # smoke run
    .venv/bin/python benchmarks/suggestions_speed.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/test

Targets: pages ≤ 200 ms p95 at the server, the yearly report ≤ 5 s. Printed: p50/p95 of 50 requests
after 3 warm-ups through Flask's test client (no network) of the staff list (page 1) as a drafter and as
the busiest unit, the figures page, the public list; then the .docx report and the .xlsx lists of the
latest year (5 runs each): wall time and size.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import tempfile
import time
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

import sqlalchemy as sa
from cryptography.fernet import Fernet
from scratch_db import scratch_database
from server_time import server_time

from consult import create_app
from consult.accounts.services import create_user, unit_named
from consult.db import utcnow
from consult.extensions import db
from consult.suggestions import services
from consult.suggestions.models import Suggestion, SuggestionCosigner

PASSWORD = "benchmark-password"
SENT_FROM = datetime(2025, 1, 1, tzinfo=timezone.utc)
CATEGORIES = ["城市建设", "交通出行", "教育", "医疗卫生", "生态环境", "社会保障", "文化旅游", "食品安全", "营商环境",
              "养老服务", "住房保障", "公共安全", "农业农村", "科技创新", ""]  # fmt: skip
# Share of suggestions left in each state (reopened: rated 不满意, with its unit again; again: answered after that).
PLAN = {"draft": 4, "submitted": 5, "accepted": 5, "merged": 3, "assigned": 30, "answered": 15, "closed": 30,
        "reopened": 4, "again": 4}  # fmt: skip


def make_app(url: str):
    return create_app({
        "SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": Fernet.generate_key().decode(),
        "CONTACT_KEYS": (Fernet.generate_key().decode(),), "WTF_CSRF_ENABLED": False, "RATELIMIT_ENABLED": False,
        "JOBS_INLINE": True,
    })  # fmt: skip


def people(units: int, deputies: int):
    """The clerk, (unit account, its unit) for each unit, the deputies."""
    clerk = create_user("bench-clerk@example.org", "drafter", PASSWORD)
    handlers = []
    for n in range(units):
        name = f"市第{n:02d}局"
        handlers.append((create_user(f"unit{n}@example.org", "unit", PASSWORD, unit_name=name), unit_named(name)))
    members = [
        create_user(f"d{n}@example.org", "deputy", PASSWORD, display_name=f"代表{n:03d}") for n in range(deputies)
    ]
    return clerk, handlers, members


def advance(s, plan: str, deputy, clerk, lead, co_units, rng: random.Random, previous) -> None:
    """Take suggestion `s` through the services to the state `plan` names."""
    lead_user, lead_unit = lead
    if plan == "draft":
        return
    services.submit(deputy, s)
    s.submitted_at = SENT_FROM + timedelta(days=rng.randint(0, 700))
    if plan == "merged" and previous is not None:
        return services.merge(clerk, s, previous)
    if plan == "submitted":
        return
    services.accept(clerk, s)
    if plan == "accepted":
        return
    services.assign(clerk, s, lead_unit, co_units, key=rng.random() < 0.15, supervisor="城建环资工委")
    s.assigned_at = utcnow() - timedelta(days=rng.randint(1, 120))
    s.due_at = s.assigned_at + timedelta(days=rng.choice((60, 85, 90, 100, 180)))  # some past, some close
    if plan == "assigned":
        return
    services.answer(lead_user, s, rng.choice("AABBC"), "答复内容。" * 40, public=rng.random() > 0.1)
    if plan in ("reopened", "again"):
        services.rate(deputy, s, "unsatisfied", "请重新办理。")
        if plan == "again":
            services.answer(lead_user, s, "A", "已重新办理。" * 20)
        return
    if plan == "closed":
        services.rate(deputy, s, rng.choice(("satisfied", "satisfied", "basic", "unsatisfied")), "意见")


def seed(n: int, units: int, seed_: int) -> Counter:
    rng = random.Random(seed_)
    db.create_all()
    clerk, handlers, members = people(units, 40)
    plans = [p for p, weight in PLAN.items() for _ in range(weight)]
    counts: Counter = Counter()
    previous = None
    for i in range(n):
        deputy = rng.choice(members)
        s = services.create(deputy, f"关于第{i}项工作的建议", "建议内容。" * 60, category=rng.choice(CATEGORIES))
        for other in rng.sample([m for m in members if m is not deputy], rng.randint(0, 3)):
            db.session.add(SuggestionCosigner(suggestion_id=s.id, deputy_id=other.id,
                                              confirmed_at=utcnow() if rng.random() < 0.7 else None))  # fmt: skip
        lead = handlers[min(int(rng.expovariate(1 / (units / 4))), units - 1)]  # a few units get most
        co = [unit for user, unit in rng.sample(handlers, rng.randint(0, 2)) if unit is not lead[1]]
        plan = plans[i % len(plans)]
        advance(s, plan, deputy, clerk, lead, co, rng, previous)
        previous = s if s.state not in ("draft", "submitted", "merged") else previous
        counts[plan] += 1
        if i % 200 == 199:
            db.session.commit()
    db.session.commit()
    return counts


def measure(client, label: str, path: str) -> None:
    p50, p95, response = server_time(client, path)
    listed = re.search(r"共 (\d+) 条", response.text)  # how many the list holds, for the list pages
    rows = f"({listed.group(1)} listed)" if listed else ""
    print(f"  {label:<30} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   {path} {rows}")


def build(client, label: str, path: str, runs: int = 5) -> None:
    times, size = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(path)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, (path, response.status_code)
        size = len(response.data)
    print(f"  {label:<30} best {min(times):5.2f} s   worst {max(times):5.2f} s   {size // 1024} KB   {path}")


def first_in(app, state: str) -> int:
    with app.app_context():
        found = db.session.scalar(sa.select(Suggestion.id).where(Suggestion.state == state).order_by(Suggestion.id))
        db.session.remove()
    assert found is not None, state
    return found


def signed_in(app, email: str):
    client = app.test_client()
    assert client.post("/staff/login", data={"email": email, "password": PASSWORD}).status_code == 302
    return client


def run(url: str, args) -> None:
    app = make_app(url)
    with app.app_context():
        start = time.perf_counter()
        counts = seed(args.suggestions, args.units, args.seed)
        print(f"seeded {sum(counts.values())} suggestions in {time.perf_counter() - start:.1f} s: {dict(counts)}")
        db.session.remove()
    busiest = "unit0@example.org"  # the exponential draw gives the first unit the most
    clerk, unit, public = signed_in(app, "bench-clerk@example.org"), signed_in(app, busiest), app.test_client()
    year = 2026  # suggestions are sent over 2025 and 2026 (SENT_FROM + up to 700 days)
    print("\nserver time, 50 requests after 3 warm-ups (target ≤ 200 ms p95):")
    measure(clerk, "staff list, drafter", "/staff/suggestions")
    measure(clerk, "staff list, drafter, overdue", "/staff/suggestions?due=overdue")
    measure(unit, "staff list, busiest unit", "/staff/suggestions")
    measure(clerk, "figures", "/staff/suggestions/figures")
    measure(clerk, "figures, one year", f"/staff/suggestions/figures?year={year}")
    for state in ("submitted", "accepted"):  # the page proposes duplicates / trains the unit router
        measure(clerk, f"one suggestion, {state}", f"/staff/suggestions/{first_in(app, state)}")
    measure(public, "public list", "/suggestions")
    measure(public, "public list, keyword", "/suggestions?q=工作")
    print("\ndocuments, 5 runs each (target: the report ≤ 5 s):")
    build(clerk, "yearly report .docx", f"/staff/suggestions/report.docx?year={year}")
    build(clerk, "report .docx, every year", "/staff/suggestions/report.docx")
    build(clerk, "lists .xlsx", f"/staff/suggestions/lists.xlsx?year={year}")
    with app.app_context():
        db.engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for flag, default in (("--suggestions", 1000), ("--units", 60), ("--seed", 0)):
        parser.add_argument(flag, type=int, default=default)
    parser.add_argument("--database-url", default=os.environ.get("CONSULT_BENCH_DATABASE_URL"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir, scratch_database(args.database_url, Path(workdir)) as url:
        print(f"{url.split(':')[0]}, {args.suggestions} suggestions, {args.units} units, seed {args.seed}")
        run(url, args)


if __name__ == "__main__":
    main()
