"""A digest's counts: counted by kind of row, they are what counting row by row gives, in any zone."""

import random
from collections import Counter, defaultdict
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from consult.digests.gather import Row
from consult.digests.stats import digest_stats


def _row_by_row(rows, zone):
    per_article, totals, days = defaultdict(Counter), Counter(), Counter()
    for row in rows:
        status = "rejected" if row.state == "rejected" else "pending" if row.state == "pending" else None
        status = status or ("published" if row.public else "private")
        for counter in (per_article["general" if row.article_id is None else str(row.article_id)], totals):
            counter.update(["total", f"source:{row.source}", status])
        days[row.created_at.replace(tzinfo=ZoneInfo("UTC")).astimezone(zone).date().isoformat()] += 1
    return {
        "totals": dict(totals),
        "articles": {k: dict(c) for k, c in per_article.items()},
        "days": sorted(days.items()),
    }


def _rows(n: int, seed: int) -> list[Row]:
    rng = random.Random(seed)
    # Around the changes of daylight saving time in New York (2026-03-08, 2026-11-01) and midnights.
    starts = [datetime(2026, 3, 8, 5), datetime(2026, 11, 1, 4), datetime(2026, 6, 30, 15), datetime(2026, 7, 9, 1)]
    return [
        Row(
            id=i,
            article_id=rng.choice([None, 1, 2, 3]),
            text="",
            tokens="",
            cut=None,
            state=rng.choice(["approved", "pending", "rejected"]),
            public=rng.random() < 0.8,
            source=rng.choice(["web", "letter", "email"]),
            role=rng.choice(["citizen", "expert"]),
            district=rng.choice([None, "南山区", "福田区"]),
            created_at=rng.choice(starts) + timedelta(seconds=rng.randrange(6 * 3600)),
        )
        for i in range(n)
    ]


@pytest.mark.parametrize("zone", ["Asia/Shanghai", "America/New_York", "Asia/Kolkata", "Asia/Kathmandu"])
def test_counts_by_kind_of_row_are_the_counts_row_by_row(zone):
    rows = _rows(3000, seed=len(zone))
    stats = digest_stats(rows, ZoneInfo(zone))
    expected = _row_by_row(rows, ZoneInfo(zone))
    assert stats["totals"] == expected["totals"] and stats["totals"]["total"] == 3000
    assert stats["articles"] == expected["articles"]
    assert stats["days"] == expected["days"] and len(stats["days"]) >= 5
    assert dict(stats["districts"]) == Counter(r.district or "" for r in rows)
