"""The city's time zone: times are stored in UTC and entered and shown in the city's zone."""

from __future__ import annotations

from datetime import datetime
from typing import overload
from zoneinfo import ZoneInfo

from flask import current_app


def city_zone() -> ZoneInfo:
    return ZoneInfo(current_app.config["CITY_TIMEZONE"])


def to_city_naive(moment: datetime | None) -> datetime | None:
    """A stored moment as the wall-clock time a datetime-local input shows."""
    return moment.astimezone(city_zone()).replace(tzinfo=None) if moment else None


@overload
def from_city_naive(wall_clock: datetime) -> datetime: ...
@overload
def from_city_naive(wall_clock: None) -> None: ...
def from_city_naive(wall_clock: datetime | None) -> datetime | None:
    """The wall-clock time a person typed, read in the city's zone."""
    return wall_clock.replace(tzinfo=city_zone()) if wall_clock else None
