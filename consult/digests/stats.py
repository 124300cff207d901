"""The counts and series a digest shows, computed once per build and stored with it."""

from __future__ import annotations

from collections import Counter, defaultdict
from zoneinfo import ZoneInfo

from consult.digests.gather import Row


def digest_stats(rows: list[Row], zone: ZoneInfo) -> dict:
    """JSON-ready: totals, per article counts (keys are article ids as strings, "general" for the
    whole draft), by district, by role, by source and submissions per day in the city's zone."""
    per_article: dict[str, Counter] = defaultdict(Counter)
    totals: Counter = Counter()
    days: Counter = Counter()
    for row in rows:
        key = "general" if row.article_id is None else str(row.article_id)
        bucket = per_article[key]
        for counter in (bucket, totals):
            counter["total"] += 1
            counter[f"source:{row.source}"] += 1
            counter[
                "rejected"
                if row.state == "rejected"
                else "pending"
                if row.state == "pending"
                else "published"
                if row.public
                else "private"
            ] += 1
        local = row.created_at.replace(tzinfo=ZoneInfo("UTC")).astimezone(zone)
        days[local.date().isoformat()] += 1
    return {
        "totals": dict(totals),
        "articles": {key: dict(counter) for key, counter in per_article.items()},
        "districts": Counter(row.district or "" for row in rows).most_common(),
        "roles": Counter(row.role for row in rows).most_common(),
        "days": sorted(days.items()),
    }
