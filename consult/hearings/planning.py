"""Suggestions an organizer can take or change: a balanced speaker list and the contested articles."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from consult.digests.models import Theme
from consult.digests.services import latest_build
from consult.extensions import db


@dataclass(frozen=True)
class Applicant:
    id: int
    stance: str | None
    district: str | None
    role: str
    article_ids: tuple[int, ...]
    created_at: datetime


@dataclass(frozen=True)
class Pick:
    id: int
    new_stance: bool
    new_district: bool
    new_role: bool
    new_articles: tuple[int, ...]


def propose_speakers(applicants: list[Applicant], slots: int) -> list[Pick]:
    """Greedy balance: each pick adds the most of what the list lacks — first a viewpoint not yet
    heard, then articles not yet covered, then districts and kinds of participant; earlier
    applications win ties."""
    stances: Counter[str | None] = Counter()
    districts: Counter[str | None] = Counter()
    roles: Counter[str] = Counter()
    covered: set[int] = set()
    remaining = sorted(applicants, key=lambda a: (a.created_at, a.id))
    picks: list[Pick] = []
    while remaining and len(picks) < slots:

        def gain(a: Applicant) -> float:
            return (
                4 / (1 + stances[a.stance])
                + 2 * len(set(a.article_ids) - covered)
                + 1 / (1 + districts[a.district])
                + 1 / (1 + roles[a.role])
            )

        best = max(remaining, key=gain)  # max keeps the first of equals: the earliest application
        remaining.remove(best)
        picks.append(
            Pick(
                best.id,
                stances[best.stance] == 0,
                districts[best.district] == 0,
                roles[best.role] == 0,
                tuple(sorted(set(best.article_ids) - covered)),
            )
        )
        stances[best.stance] += 1
        districts[best.district] += 1
        roles[best.role] += 1
        covered |= set(best.article_ids)
    return picks


@dataclass(frozen=True)
class Contested:
    article_id: int
    comments: int
    themes: int
    opposing: int

    @property
    def score(self) -> float:
        return self.comments + 5 * self.themes + 3 * self.opposing


def contested_articles(consultation_id: int, limit: int = 5) -> list[Contested]:
    """Articles ranked by attention, number of themes and opposing proposals, from the last digest."""
    build = latest_build(consultation_id)
    if build is None:
        return []
    per_article = build.stats.get("articles", {})
    themes = db.session.scalars(
        sa.select(Theme).where(
            Theme.consultation_id == consultation_id, Theme.retired.is_(False), Theme.article_id.is_not(None)
        )
    ).all()
    theme_count: Counter[int | None] = Counter()
    opposing: Counter[int | None] = Counter()
    for theme in themes:
        theme_count[theme.article_id] += 1
        opposing[theme.article_id] += (theme.kinds or {}).get("oppose", 0) + (theme.kinds or {}).get("delete", 0)
    found = [
        Contested(int(key), counts.get("total", 0), theme_count[int(key)], opposing[int(key)])
        for key, counts in per_article.items()
        if key != "general"
    ]
    found.sort(key=lambda c: (-c.score, c.article_id))
    return found[:limit]
