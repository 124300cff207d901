"""The contested articles of a consultation, from its last digest: what a hearing should discuss first."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import sqlalchemy as sa

from consult.digests.models import Theme
from consult.digests.services import latest_build
from consult.extensions import db


@dataclass(frozen=True)
class Contested:
    article_id: int
    comments: int
    themes: int
    opposing: int

    @property
    def score(self) -> float:
        return self.comments + 5 * self.themes + 3 * self.opposing


def contested_articles(consultation_id: int, limit: int | None = 5) -> list[Contested]:
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


def by_contention(consultation_id: int, article_ids: list[int]) -> list[int]:
    """The given articles, most contested first; articles without comments keep their order at the end."""
    rank = {c.article_id: index for index, c in enumerate(contested_articles(consultation_id, limit=None))}
    return sorted(article_ids, key=lambda article: (rank.get(article, len(rank)), article_ids.index(article)))
