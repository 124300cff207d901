"""What each station has done: opinions recorded there (in all, and lately), matters recorded, matters
turned into suggestions, deputies attached. Three grouped queries for all stations together."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, fields
from datetime import datetime, timedelta

import sqlalchemy as sa

from consult.comments.models import Comment
from consult.extensions import db
from consult.stations.models import StationDeputy, StationMatter

RECENT_DAYS = 90


@dataclass
class StationFigures:
    opinions: int = 0
    recent_opinions: int = 0  # recorded in the last RECENT_DAYS days
    matters: int = 0
    suggestions: int = 0  # matters a deputy turned into a suggestion
    deputies: int = 0


def station_figures(now: datetime, days: int = RECENT_DAYS) -> dict[int, StationFigures]:
    """Station id → its figures; a station with nothing recorded has all zeros."""
    since = now - timedelta(days=days)
    figures: dict[int, StationFigures] = defaultdict(StationFigures)
    recent = sa.func.sum(sa.case((Comment.created_at >= since, 1), else_=0))
    opinions = db.session.execute(
        sa.select(Comment.station_id, sa.func.count(), recent)
        .where(Comment.station_id.is_not(None))
        .group_by(Comment.station_id)
    )
    for station_id, total, fresh in opinions:
        figures[station_id].opinions, figures[station_id].recent_opinions = total, int(fresh or 0)
    matters = db.session.execute(
        sa.select(StationMatter.station_id, sa.func.count(), sa.func.count(StationMatter.suggestion_id)).group_by(
            StationMatter.station_id
        )
    )
    for station_id, total, turned in matters:
        figures[station_id].matters, figures[station_id].suggestions = total, turned
    deputies = db.session.execute(
        sa.select(StationDeputy.station_id, sa.func.count()).group_by(StationDeputy.station_id)
    )
    for station_id, count in deputies:
        figures[station_id].deputies = count
    return figures


def total(rows: list[StationFigures]) -> StationFigures:
    """The sum of every figure over these stations."""
    return StationFigures(**{f.name: sum(getattr(row, f.name) for row in rows) for f in fields(StationFigures)})
