"""One way to write a moment: the city's wall clock, the weekday, no zone names, no seconds."""

from datetime import datetime, timezone

import pytest
from flask_babel import force_locale

from consult.timezones import human_datetime

NINE_IN_SHANGHAI = datetime(2026, 12, 12, 1, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize(
    "locale, style, expected",
    [
        ("zh_Hans", "moment", "2026年12月12日（星期六）上午9:00"),
        ("zh_Hans", "short", "2026年12月12日 09:00"),
        ("en", "moment", "Saturday 12 December 2026, 9:00 AM"),
        ("en", "short", "12 Dec 2026, 09:00"),
    ],
)
def test_moments_read_like_people_write_them(app, locale, style, expected):
    with app.test_request_context(), force_locale(locale):
        assert human_datetime(NINE_IN_SHANGHAI, style) == expected


def test_pages_show_no_zone_names_or_seconds(client):
    from factories import make_hearing

    hearing = make_hearing()
    page = client.get(f"/hearings/{hearing.id}").text
    assert "中国标准时间" not in page and "+0800" not in page and ":00:00" not in page
    assert "（星期日）" in page  # 20 December 2026, 09:30 in the city
