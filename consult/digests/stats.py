"""The counts and series a digest shows, computed once per build and stored with it."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from consult.digests.gather import Row

UTC = ZoneInfo("UTC")
EPOCH = datetime(1970, 1, 1)  # naive, like the rows' times (UTC)
# Every zone's offset, and every change of it, falls on a quarter hour: within one quarter of UTC
# every moment has the same local date.
QUARTER = timedelta(minutes=15)


def digest_stats(rows: list[Row], zone: ZoneInfo) -> dict:
    """JSON-ready: totals, per article counts (keys are article ids as strings, "general" for the
    whole draft), by district, by role, by source and submissions per day in the city's zone.
    Counted by kind of row first (a few hundred kinds for 100k rows), then spread out."""
    per_article: dict[str, Counter] = defaultdict(Counter)
    totals: Counter = Counter()
    for (article_id, source, state, public), n in Counter(
        (r.article_id, r.source, r.state, r.public) for r in rows
    ).items():
        status = (
            "rejected"
            if state == "rejected"
            else "pending"
            if state == "pending"
            else "published"
            if public
            else "private"
        )
        for counter in (per_article["general" if article_id is None else str(article_id)], totals):
            counter["total"] += n
            counter[f"source:{source}"] += n
            counter[status] += n
    days: Counter = Counter()
    for quarter, n in Counter((row.created_at - EPOCH) // QUARTER for row in rows).items():
        days[(EPOCH + quarter * QUARTER).replace(tzinfo=UTC).astimezone(zone).date().isoformat()] += n
    return {
        "totals": dict(totals),
        "articles": {key: dict(counter) for key, counter in per_article.items()},
        "districts": Counter(row.district or "" for row in rows).most_common(),
        "roles": Counter(row.role for row in rows).most_common(),
        "days": sorted(days.items()),
    }
