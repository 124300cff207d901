"""The figures: per unit and per category (blank = 未分类), overdue and nearly due, and a year counted on
the city's calendar."""

from datetime import datetime, timedelta, timezone

import pytest
from suggestion_builders import account, cast, sign_in, suggestion

from consult.db import utcnow
from consult.extensions import db
from consult.suggestions import services
from consult.suggestions.figures import dashboard
from consult.suggestions.periods import year_bounds, year_from
from consult.timezones import city_zone


@pytest.fixture
def known(app):
    """Six suggestions sent in 2026 across two units and two categories (one blank), one merged."""
    people = cast("市水务局", "市交通局")
    made = {
        "late": suggestion(people, "assigned", "市水务局", category="城建"),
        "soon": suggestion(people, "assigned", "市水务局", category="城建"),
        "open": suggestion(people, "assigned", "市交通局"),
        "a": suggestion(people, "closed", "市水务局", category="城建", answer="A", rating="basic"),
        "c": suggestion(people, "reopened", "市交通局", answer="C"),
        "b": suggestion(people, "answered", "市交通局", category="教育", answer="B"),
        "accepted": suggestion(people, "accepted", category="教育"),
    }
    merged = suggestion(people, "submitted", category="教育")
    services.merge(people.clerk, merged, made["a"])
    made["late"].due_at = utcnow() - timedelta(days=3)
    made["soon"].due_at = utcnow() + timedelta(days=13)
    for s in [*made.values(), merged]:
        s.submitted_at = datetime(2026, 3, 1, tzinfo=timezone.utc)
    db.session.commit()
    return people, made


def test_figures_per_category_with_blank_as_its_own_row(known):
    board = dashboard(utcnow(), None, 14)
    rows = {f.name: f for f in board.by_category}
    assert [f.name for f in board.by_category] == ["城建", "教育", ""]  # 未分类 last
    town, school, blank = rows["城建"], rows["教育"], rows[""]
    assert (town.received, town.assigned, town.answered, town.overdue, town.due_soon) == (3, 3, 1, 1, 1)
    assert (town.rated, town.satisfied, town.share("A")) == (1, 1, 1.0)
    assert (school.received, school.assigned, school.answered, school.share("B")) == (3, 1, 1, 1.0)
    assert (blank.received, blank.assigned, blank.answered, blank.rated, blank.satisfied) == (2, 2, 0, 1, 0)
    assert board.total.received == 8 and board.merged == 1 and board.total.assigned == 6
    assert (board.total.overdue, board.total.due_soon) == (1, 1)
    units = {f.name: (f.assigned, f.answered, f.overdue, f.due_soon) for f in board.by_unit}
    assert units == {"市水务局": (3, 1, 1, 1), "市交通局": (3, 1, 0, 0)}


def test_nearly_due_follows_the_reminder_window(known):
    assert dashboard(utcnow(), None, 14).total.due_soon == 1
    assert dashboard(utcnow(), None, 7).total.due_soon == 0


def test_a_year_is_the_city_year_of_submission(app):
    people = cast("市水务局")
    # 2025-12-31 17:30 UTC is 2026-01-01 01:30 in Beijing: a 2026 suggestion.
    for hour in (17, 15):  # 01:30 on 1 January, 23:30 on 31 December in the city
        suggestion(people, "assigned", "市水务局", submitted_at=datetime(2025, 12, 31, hour, 30, tzinfo=timezone.utc))
    db.session.commit()
    assert dashboard(utcnow(), 2026, 14).total.assigned == 1
    assert dashboard(utcnow(), 2025, 14).total.assigned == 1
    assert dashboard(utcnow(), 2024, 14).total.assigned == 0
    assert dashboard(utcnow(), None, 14).years == [2026, 2025]
    start, end = year_bounds(2026, city_zone())
    assert (start.hour, start.day, end.year) == (16, 31, 2026)


@pytest.mark.parametrize("text, year", [("2026", 2026), ("", None), ("abc", None), ("1999", None), ("20261", None)])
def test_an_implausible_year_means_every_year(text, year):
    assert year_from(text) == year


def test_the_page_shows_units_categories_deadlines_and_the_year(client, known):
    people, _made = known
    sign_in(client, people.clerk)
    page = client.get("/staff/suggestions/figures").text
    assert "各类别" in page and "未分类" in page and "城建" in page and "教育" in page
    assert "逾期未答复" in page and "即将到期" in page and "?due=overdue" in page
    assert '<option value="2026"' in page and "/staff/suggestions/report.docx" in page
    assert "/staff/suggestions/lists.xlsx" in page
    year_page = client.get("/staff/suggestions/figures?year=2026").text
    assert "2026 年" in year_page and "report.docx?year=2026" in year_page and "lists.xlsx?year=2026" in year_page
    empty = client.get("/staff/suggestions/figures?year=2020").text
    assert "市水务局" not in empty


@pytest.mark.parametrize("role", ["deputy", "unit"])
def test_deputies_and_units_have_no_figures(client, role):
    user = account(f"{role}@example.org", role, unit="市水务局" if role == "unit" else None)
    sign_in(client, user)
    assert client.get("/staff/suggestions/figures").status_code == 403
