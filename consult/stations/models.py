"""代表联络站: the places where residents meet deputies, the deputies attached to each, and the matters
residents raise there that are not about a draft (opinions on a draft in consultation become comments
with the station as their channel, Comment.station_id)."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from consult.db import UTCDateTime, utcnow
from consult.extensions import Model

STATION_KINDS = ("community", "park", "industrial", "sector", "other")  # 社区、公园、园区、行业、其他


class Station(Model):
    __tablename__ = "stations"
    __table_args__ = (
        sa.CheckConstraint(sa.column("kind").in_(STATION_KINDS), name="kind"),
        sa.CheckConstraint("stars BETWEEN 0 AND 5", name="stars"),  # 星级; 0: not yet rated
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(100), unique=True)
    district: Mapped[str] = mapped_column(sa.String(40))
    kind: Mapped[str] = mapped_column(sa.String(12), default="community")
    stars: Mapped[int] = mapped_column(default=0)
    address: Mapped[str] = mapped_column(sa.String(200), default="")
    opening_hours: Mapped[str] = mapped_column(sa.String(200), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class StationDeputy(Model):
    __tablename__ = "station_deputies"

    station_id: Mapped[int] = mapped_column(sa.ForeignKey("stations.id"), primary_key=True)
    deputy_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"), primary_key=True, index=True)


class StationMatter(Model):
    """A matter a resident raised at a station, for a deputy who may turn it into a suggestion."""

    __tablename__ = "station_matters"

    id: Mapped[int] = mapped_column(primary_key=True)
    station_id: Mapped[int] = mapped_column(sa.ForeignKey("stations.id"), index=True)
    recorded_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    deputy_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"), index=True)
    body: Mapped[str] = mapped_column(sa.Text)
    received_on: Mapped[date] = mapped_column(sa.Date)
    suggestion_id: Mapped[int | None] = mapped_column(sa.ForeignKey("suggestions.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
