"""Deadline reminders: one e-mail per kind and deadline to every account of the lead unit, none to
anyone else, none twice (a second run, or a second worker), new ones after 重新办理 sets a new deadline."""

from datetime import timedelta

import pytest
import sqlalchemy as sa
from smtp_inbox import body_of

from consult.accounts.services import create_user, unit_named
from consult.db import utcnow
from consult.extensions import db
from consult.suggestions import reminders, services
from consult.suggestions.models import SuggestionReminder


@pytest.fixture
def app_config(inbox):
    return {"SMTP_URL": f"smtp://127.0.0.1:{inbox.port}", "PUBLIC_URL": "http://consult.example"}


def _assigned(title: str, due_in_days: int, deputy, clerk, unit):
    suggestion = services.create(deputy, title, "正文。")
    services.submit(deputy, suggestion)
    services.accept(clerk, suggestion)
    services.assign(clerk, suggestion, unit, [])
    suggestion.due_at = utcnow() + timedelta(days=due_in_days)
    return suggestion


def test_due_soon_and_overdue_are_mailed_once_to_the_lead_unit(app, inbox):
    deputy, clerk = (
        create_user("d@example.org", "deputy", "pw-12345678"),
        create_user("c@example.org", "drafter", "pw-12345678"),
    )
    create_user("water1@example.org", "unit", "pw-12345678", unit_name="市水务局")
    create_user("water2@example.org", "unit", "pw-12345678", unit_name="市水务局")
    create_user("parks@example.org", "unit", "pw-12345678", unit_name="市园林局")
    water = unit_named("市水务局")
    soon = _assigned("关于护栏的建议", 5, deputy, clerk, water)
    late = _assigned("关于照明的建议", -3, deputy, clerk, water)
    _assigned("关于绿道的建议", 60, deputy, clerk, water)  # far off: nothing yet
    db.session.commit()
    assert reminders.send_reminders() == 2
    assert reminders.send_reminders() == 0  # recorded: never twice
    assert len(inbox.to("water1@example.org")) == 2 and len(inbox.to("water2@example.org")) == 2
    assert inbox.to("parks@example.org") == [] and inbox.to("d@example.org") == []
    mails = {m["Subject"]: m for m in inbox.to("water1@example.org")}
    assert set(mails) == {f"第 {soon.id} 号代表建议即将到期", f"第 {late.id} 号代表建议已超过答复期限"}
    first = mails[f"第 {soon.id} 号代表建议即将到期"]
    assert f"http://consult.example/staff/suggestions/{soon.id}" in body_of(first) and "关于护栏的建议" in body_of(
        first
    )
    assert "List-Unsubscribe" not in first  # work mail to a staff account, not a subscription
    rows = db.session.scalars(sa.select(SuggestionReminder).order_by(SuggestionReminder.id)).all()
    assert [(r.suggestion_id, r.kind, r.recipients) for r in rows] == [
        (soon.id, "due_soon", 2),
        (late.id, "overdue", 2),
    ]


def test_a_new_deadline_earns_new_reminders(app, inbox):
    deputy, clerk = (
        create_user("d@example.org", "deputy", "pw-12345678"),
        create_user("c@example.org", "drafter", "pw-12345678"),
    )
    create_user("water@example.org", "unit", "pw-12345678", unit_name="市水务局")
    suggestion = _assigned("关于护栏的建议", 3, deputy, clerk, unit_named("市水务局"))
    db.session.commit()
    assert reminders.send_reminders() == 1
    suggestion.due_at = utcnow() + timedelta(days=2)  # as 重新办理 sets a new deadline
    db.session.commit()
    assert reminders.send_reminders() == 1
    assert len(inbox.to("water@example.org")) == 2


def test_without_a_mail_server_reminders_are_recorded_and_flagged_not_sent(app, inbox):
    app.config["SMTP_URL"] = None
    deputy, clerk = (
        create_user("d@example.org", "deputy", "pw-12345678"),
        create_user("c@example.org", "drafter", "pw-12345678"),
    )
    create_user("water@example.org", "unit", "pw-12345678", unit_name="市水务局")
    _assigned("关于护栏的建议", 3, deputy, clerk, unit_named("市水务局"))
    db.session.commit()
    assert reminders.send_reminders() == 1
    assert db.session.scalar(sa.select(SuggestionReminder.recipients)) == 0 and inbox.messages == []


def test_the_deputy_written_title_is_escaped_in_the_html_part(app, inbox):
    deputy, clerk = (
        create_user("d@example.org", "deputy", "pw-12345678"),
        create_user("c@example.org", "drafter", "pw-12345678"),
    )
    create_user("water@example.org", "unit", "pw-12345678", unit_name="市水务局")
    _assigned('关于<a href="http://evil.example">护栏</a>的建议', 3, deputy, clerk, unit_named("市水务局"))
    db.session.commit()
    assert reminders.send_reminders() == 1
    html = body_of(inbox.to("water@example.org")[0], "html")
    assert "&lt;a href=" in html and '<a href="http://evil.example">' not in html
