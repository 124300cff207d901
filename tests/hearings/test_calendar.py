"""A hearing as an .ics file: the meeting in the city's time zone at its venue, the registration deadline."""

from datetime import datetime, timezone

from icalendar import Calendar

from consult.extensions import db

from factories import make_hearing


def test_a_hearing_adds_to_a_calendar_in_the_city_time_zone(client):
    hearing = make_hearing()
    hearing.registration_closes_at = datetime(2026, 12, 15, 10, 0, tzinfo=timezone.utc)
    db.session.commit()
    page = client.get(f"/hearings/{hearing.id}").text
    assert f"/hearings/{hearing.id}/calendar.ics" in page
    response = client.get(f"/hearings/{hearing.id}/calendar.ics")
    assert response.status_code == 200 and response.content_type.startswith("text/calendar")
    calendar = Calendar.from_ical(response.data)
    meeting, deadline = [c for c in calendar.walk("VEVENT")]
    start = meeting.decoded("dtstart")
    assert str(start.tzinfo) == "Asia/Shanghai" and (start.hour, start.minute) == (9, 30)  # 01:30 UTC
    assert (meeting.decoded("dtend") - start).total_seconds() == 50 * 60  # its two 25-minute items
    assert str(meeting["location"]) == "第一会议室" and str(meeting["summary"]) == "测试条例立法听证会"
    assert "报名截止" in str(deadline["summary"]) and deadline.decoded("dtend").hour == 18
    assert calendar.walk("VTIMEZONE")  # the zone travels with the file


def test_an_unannounced_hearing_has_no_calendar(client):
    hearing = make_hearing()
    hearing.status = "draft"
    db.session.commit()
    assert client.get(f"/hearings/{hearing.id}/calendar.ics").status_code == 404
