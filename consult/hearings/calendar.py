"""A hearing as an iCalendar file (RFC 5545), for residents' and participants' calendars: the meeting in
the city's time zone at its venue, and the registration deadline as an event of its own."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from consult.hearings.models import Hearing

DEFAULT_MINUTES = 120  # a hearing whose agenda is not set yet


def _event(uid: str, start: datetime, end: datetime, summary: str, stamp: datetime, **fields: str) -> Event:
    event = Event()
    event.add("uid", uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", summary)
    for name, value in fields.items():
        if value:
            event.add(name, value)
    return event


def hearing_calendar(hearing: Hearing, *, zone: ZoneInfo, url: str, host: str, now: datetime, labels: dict) -> bytes:
    """`labels`: the translated words ("registration deadline", the hearing's kind…) the file shows."""
    calendar = Calendar()
    calendar.add("prodid", "-//Consult//open-door legislation//ZH")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    minutes = sum(item.duration_minutes for item in hearing.items) or DEFAULT_MINUTES
    start = hearing.starts_at.astimezone(zone)
    meeting = _event(
        f"hearing-{hearing.id}@{host}",
        start,
        start + timedelta(minutes=minutes),
        hearing.title,
        now,
        location=hearing.venue,
        url=url,
        description=f"{labels['kind']}\n{url}",
        status="CANCELLED" if hearing.status == "cancelled" else "CONFIRMED",
    )
    calendar.add_component(meeting)
    if hearing.registration_closes_at:
        deadline = hearing.registration_closes_at.astimezone(zone)
        calendar.add_component(
            _event(
                f"hearing-{hearing.id}-registration@{host}",
                deadline - timedelta(minutes=30),
                deadline,
                f"{labels['deadline']}：{hearing.title}",
                now,
                url=url,
            )
        )
    calendar.add_missing_timezones()
    return calendar.to_ical()
