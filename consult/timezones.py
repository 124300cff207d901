"""The city's time zone: times are stored in UTC and entered and shown in the city's zone."""

from __future__ import annotations

from datetime import datetime
from typing import overload
from zoneinfo import ZoneInfo

from flask import current_app
from flask_babel import format_datetime, get_locale


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


# One way to write a moment for people, in the city's zone, without zone names or seconds:
# 2026年12月12日（星期六）上午9:00 / Saturday 12 December 2026, 9:00 AM; "short" for staff tables.
_PATTERNS = {
    "zh": {"moment": "y年M月d日（EEEE）ah:mm", "short": "y年M月d日 HH:mm"},
    "en": {"moment": "EEEE d MMMM y, h:mm a", "short": "d MMM y, HH:mm"},
}


def human_datetime(value: datetime | None, style: str = "moment") -> str:
    """A stored moment as the reader's language writes it ("short" drops the weekday)."""
    if value is None:
        return ""
    patterns = _PATTERNS.get(get_locale().language, _PATTERNS["en"])
    return format_datetime(value, patterns["short" if style == "short" else "moment"])
