"""Years of suggestions as the city counts them: a suggestion belongs to the year it was submitted in,
on the city's wall clock (a suggestion sent at 07:00 on 1 January Beijing time is in the new year,
though it is still 31 December in UTC)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

FIRST_YEAR, LAST_YEAR = 2000, 2100  # anything else in ?year= is ignored, not an error


def year_from(value: str | None) -> int | None:
    """The year asked for in a query string, or None (every year) when missing or implausible."""
    text = (value or "").strip()
    if not text.isdigit() or len(text) != 4:
        return None
    year = int(text)
    return year if FIRST_YEAR <= year <= LAST_YEAR else None


def year_bounds(year: int, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """[start, end) of the year in the city, as aware UTC moments to compare stored times with."""
    start = datetime(year, 1, 1, tzinfo=zone).astimezone(timezone.utc)
    return start, datetime(year + 1, 1, 1, tzinfo=zone).astimezone(timezone.utc)


def years_spanned(first: datetime | None, last: datetime | None, zone: ZoneInfo) -> list[int]:
    """The city years from `first` to `last`, newest first ([] when nothing was submitted)."""
    if first is None or last is None:
        return []
    return list(range(last.astimezone(zone).year, first.astimezone(zone).year - 1, -1))


def due_window(now: datetime, remind_days: int) -> tuple[datetime, datetime]:
    """(now, the end of the reminder window): due before the first is overdue, before the second due soon."""
    return now, now + timedelta(days=int(remind_days))
