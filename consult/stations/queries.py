"""Read-side of 代表联络站: stations with their deputies' names, what one station recorded, the matters
passed to one deputy. Each list is one query (or one per kind of row), never one per station."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa

from consult.accounts.models import User
from consult.comments.models import Comment
from consult.drafts.models import Consultation
from consult.drafts.queries import load_structure, public_consultations
from consult.extensions import db
from consult.stations.models import Station, StationDeputy, StationMatter


def stations(district: str = "", kind: str = "") -> list[Station]:
    """Every station, by district then name; only those of `district` and `kind` when given."""
    query = sa.select(Station).order_by(Station.district, Station.name)
    if district:
        query = query.where(Station.district == district)
    if kind:
        query = query.where(Station.kind == kind)
    return list(db.session.scalars(query))


def districts() -> list[str]:
    return list(db.session.scalars(sa.select(Station.district).distinct().order_by(Station.district)))


def station_named(name: str) -> Station | None:
    return db.session.scalar(sa.select(Station).where(Station.name == name.strip()))


def deputy_names(station_ids: list[int]) -> dict[int, list[str]]:
    """Station id → the display names of its deputies (never their e-mail addresses)."""
    names: dict[int, list[str]] = defaultdict(list)
    if not station_ids:
        return names
    rows = db.session.execute(
        sa.select(StationDeputy.station_id, User.display_name)
        .join(User, User.id == StationDeputy.deputy_id)
        .where(StationDeputy.station_id.in_(station_ids))
        .order_by(User.display_name)
    )
    for station_id, name in rows:
        names[station_id].append(name)
    return names


def deputies_of(station_id: int) -> list[User]:
    return list(
        db.session.scalars(
            sa.select(User)
            .join(StationDeputy, StationDeputy.deputy_id == User.id)
            .where(StationDeputy.station_id == station_id)
            .order_by(User.display_name)
        )
    )


def deputies_not_at(station_id: int) -> list[User]:
    """The deputies who could be attached to the station: every active deputy not there yet."""
    attached = sa.select(StationDeputy.deputy_id).where(StationDeputy.station_id == station_id)
    return list(
        db.session.scalars(
            sa.select(User)
            .where(User.role == "deputy", User.active.is_(True), User.id.not_in(attached))
            .order_by(User.display_name)
        )
    )


def is_attached(station_id: int, deputy_id: int) -> bool:
    return db.session.get(StationDeputy, (station_id, deputy_id)) is not None


def open_consultations(now: datetime) -> list[Consultation]:
    """The drafts residents may comment on now, the ones a station records opinions on."""
    return [c for c in public_consultations(now) if c.accepts_comments(now)]


def article_choices(consultations: list[Consultation]) -> dict[int, list[tuple[int, str]]]:
    """Consultation id → its articles as (article id, number), in the order of the draft."""
    return {c.id: [(a.article_id, a.number) for a in load_structure(c.version_id).articles] for c in consultations}


def article_numbers(comments: list[Comment]) -> dict[tuple[int, int], str]:
    """(version id, article id) → the article's number, for the versions these comments are on."""
    numbers: dict[tuple[int, int], str] = {}
    for version_id in {c.version_id for c in comments if c.article_id}:
        numbers.update({(version_id, a.article_id): a.number for a in load_structure(version_id).articles})
    return numbers


def opinions_of(station_id: int, limit: int = 200) -> list[Comment]:
    """The opinions recorded at this station, newest first."""
    return list(
        db.session.scalars(
            sa.select(Comment).where(Comment.station_id == station_id).order_by(Comment.id.desc()).limit(limit)
        )
    )


@dataclass(frozen=True)
class MatterRow:
    matter: StationMatter
    station_name: str
    deputy_name: str | None


def _matter_rows(condition) -> list[MatterRow]:
    deputy = sa.orm.aliased(User)
    rows = db.session.execute(
        sa.select(StationMatter, Station.name, deputy.display_name)
        .join(Station, Station.id == StationMatter.station_id)
        .outerjoin(deputy, deputy.id == StationMatter.deputy_id)
        .where(condition)
        .order_by(StationMatter.received_on.desc(), StationMatter.id.desc())
    )
    return [MatterRow(matter, station_name, deputy_name) for matter, station_name, deputy_name in rows]


def matters_of(station_id: int) -> list[MatterRow]:
    """The matters recorded at this station, latest received first."""
    return _matter_rows(StationMatter.station_id == station_id)


def matters_for(deputy_id: int) -> list[MatterRow]:
    """The matters passed to this deputy, from any station."""
    return _matter_rows(StationMatter.deputy_id == deputy_id)


def matter_row(matter_id: int) -> MatterRow | None:
    rows = _matter_rows(StationMatter.id == matter_id)
    return rows[0] if rows else None
