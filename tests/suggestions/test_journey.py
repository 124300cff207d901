"""A deputy writes and sends a suggestion, staff accept and assign it, its unit answers, the deputy is
not satisfied, the unit answers again, the deputy rates it 基本满意 — every step in its history; and
nobody sees what is not theirs."""

import re

import sqlalchemy as sa

from consult.accounts.services import create_user, unit_named
from consult.extensions import db
from consult.suggestions.models import Suggestion, SuggestionEvent

PASSWORD = "correct horse battery"


def _account(client, email: str, role: str, unit: str | None = None):
    user = create_user(email, role, PASSWORD, unit_name=unit)
    db.session.commit()
    return user


def _as(client, email: str):
    client.post("/staff/logout")
    assert client.post("/staff/login", data={"email": email, "password": PASSWORD}).status_code == 302


def _step(client, suggestion_id: int, action: str, **data):
    return client.post(f"/staff/suggestions/{suggestion_id}/{action}", data=data)


def test_the_whole_journey_with_a_reopening(client):
    _account(client, "deputy@example.org", "deputy")
    _account(client, "clerk@example.org", "drafter")
    _account(client, "water@example.org", "unit", unit="市水务局")
    _account(client, "parks@example.org", "unit", unit="市园林局")
    _as(client, "deputy@example.org")
    created = client.post(
        "/staff/suggestions/new", data={"title": "关于增设河道护栏的建议", "body": "大沙河沿线缺少护栏。"}
    )
    suggestion_id = int(re.search(r"/staff/suggestions/(\d+)", created.headers["Location"]).group(1))
    assert _step(client, suggestion_id, "submit").status_code == 302
    _as(client, "clerk@example.org")
    assert _step(client, suggestion_id, "accept").status_code == 302
    water, parks = unit_named("市水务局"), unit_named("市园林局")
    _past_assignment(water, "河道防洪堤需要加固", _account(client, "d2@example.org", "deputy"))
    page = client.get(f"/staff/suggestions/{suggestion_id}").text
    assert "按以往交办情况建议：市水务局" in page  # what the unit router proposes, preselected
    assigned = _step(client, suggestion_id, "assign", lead=str(water.id), co_units=[str(parks.id)])
    assert assigned.status_code == 302
    suggestion = db.session.get(Suggestion, suggestion_id)
    assert suggestion.state == "assigned" and suggestion.due_at.month == (suggestion.assigned_at.month + 2) % 12 + 1
    _as(client, "parks@example.org")  # a co-unit sees it but may not answer
    assert client.get(f"/staff/suggestions/{suggestion_id}").status_code == 200
    refused = _step(client, suggestion_id, "answer", category="A", text="协办单位的答复")
    assert refused.status_code == 302 and "这一步不由您办理" in client.get(refused.headers["Location"]).text
    _as(client, "water@example.org")
    assert _step(client, suggestion_id, "answer", category="B", text="已列入明年计划。").status_code == 302
    _as(client, "deputy@example.org")
    unhappy = _step(client, suggestion_id, "rate", rating="unsatisfied", comment="")
    assert unhappy.status_code == 422 and "请写明理由" in unhappy.text
    assert _step(client, suggestion_id, "rate", rating="unsatisfied", comment="明年太晚。").status_code == 302
    db.session.rollback()
    assert (
        db.session.get(Suggestion, suggestion_id).state == "assigned"
        and db.session.get(Suggestion, suggestion_id).round == 2
    )
    _as(client, "water@example.org")
    assert _step(client, suggestion_id, "answer", category="A", text="已于本月完成护栏安装。").status_code == 302
    _as(client, "deputy@example.org")
    assert _step(client, suggestion_id, "rate", rating="basic", comment="").status_code == 302
    page = client.get(f"/staff/suggestions/{suggestion_id}").text
    assert "已办结" in page and "已于本月完成护栏安装。" in page and "明年太晚。" in page
    db.session.rollback()
    actions = db.session.scalars(
        sa.select(SuggestionEvent.action)
        .where(SuggestionEvent.suggestion_id == suggestion_id)
        .order_by(SuggestionEvent.id)
    ).all()
    assert actions == ["submit", "accept", "assign", "answer", "reopen", "answer", "rate"]


def test_nobody_sees_what_is_not_theirs(client):
    one = _account(client, "one@example.org", "deputy")
    _account(client, "two@example.org", "deputy")
    _account(client, "water@example.org", "unit", unit="市水务局")
    _account(client, "parks@example.org", "unit", unit="市园林局")
    clerk = _account(client, "clerk@example.org", "drafter")
    from consult.suggestions import services

    draft = services.create(one, "草稿建议", "还没提交")
    sent = services.create(one, "已提交的建议", "内容")
    services.submit(one, sent)
    services.accept(clerk, sent)
    services.assign(clerk, sent, unit_named("市水务局"), [])
    db.session.commit()
    _as(client, "two@example.org")
    assert client.get(f"/staff/suggestions/{draft.id}").status_code == 404
    assert client.get(f"/staff/suggestions/{sent.id}").status_code == 404
    assert "草稿建议" not in client.get("/staff/suggestions").text
    assert _step(client, sent.id, "rate", rating="satisfied").status_code == 404
    _as(client, "parks@example.org")
    assert client.get(f"/staff/suggestions/{sent.id}").status_code == 404
    assert "已提交的建议" not in client.get("/staff/suggestions").text
    _as(client, "clerk@example.org")
    assert client.get(f"/staff/suggestions/{draft.id}").status_code == 404  # a deputy's draft is theirs alone
    assert "已提交的建议" in client.get("/staff/suggestions").text
    _as(client, "water@example.org")
    assert client.get("/staff/").status_code == 403  # units have no staff pages
    assert "已提交的建议" in client.get("/staff/suggestions").text


def test_an_illegal_step_is_refused_with_a_message_and_changes_nothing(client):
    deputy = _account(client, "deputy@example.org", "deputy")
    _account(client, "clerk@example.org", "drafter")
    from consult.suggestions import services

    suggestion = services.create(deputy, "建议", "内容")
    db.session.commit()
    _as(client, "clerk@example.org")
    assert client.get(f"/staff/suggestions/{suggestion.id}").status_code == 404  # still a draft
    services.submit(deputy, suggestion)
    db.session.commit()
    refused = _step(client, suggestion.id, "assign", lead="1")
    assert refused.status_code == 302
    assert "不能进行这一步" in client.get(refused.headers["Location"]).text  # 已提交，待审查: accept it first
    db.session.rollback()
    assert db.session.get(Suggestion, suggestion.id).state == "submitted"
    assert db.session.scalar(sa.select(sa.func.count(SuggestionEvent.id))) == 1  # the submit only


def test_the_command_creates_deputy_and_unit_accounts(runner):
    result = runner.invoke(args=["users", "create", "u@example.org", "--role", "unit", "--unit", "市交通局"])
    assert result.exit_code == 0, result.output
    refused = runner.invoke(args=["users", "create", "d@example.org", "--role", "deputy", "--unit", "市交通局"])
    assert refused.exit_code != 0 and "--unit is only for --role unit" in refused.output
    assert runner.invoke(args=["users", "create", "d@example.org", "--role", "deputy"]).exit_code == 0


def test_figures_count_answers_ratings_categories_and_the_overdue(client):
    from datetime import timedelta

    from consult.db import utcnow
    from consult.suggestions import services
    from consult.suggestions.figures import unit_figures

    deputy = _account(client, "deputy@example.org", "deputy")
    clerk = _account(client, "clerk@example.org", "drafter")
    water = _account(client, "water@example.org", "unit", unit="市水务局")
    made = []
    for n in range(4):
        suggestion = services.create(deputy, f"建议{n}", "内容")
        services.submit(deputy, suggestion)
        services.accept(clerk, suggestion)
        services.assign(clerk, suggestion, unit_named("市水务局"), [])
        made.append(suggestion)
    services.answer(water, made[0], "A", "已解决")
    services.rate(deputy, made[0], "basic")
    services.answer(water, made[1], "C", "暂难解决")
    services.rate(deputy, made[1], "unsatisfied", "请重新办理")  # back to the unit: assigned again
    made[2].due_at = utcnow() - timedelta(days=1)
    db.session.commit()
    [row], total = unit_figures(utcnow())
    assert (row.name, row.assigned, row.answered, row.overdue) == ("市水务局", 4, 1, 1)
    assert row.answer_rate == 0.25 and row.rated == 2 and row.satisfaction_rate == 0.5
    assert row.share("A") == 0.5 and row.share("C") == 0.5 and total.assigned == 4
    client.post("/staff/logout")
    _as(client, "clerk@example.org")
    page = client.get("/staff/suggestions/figures").text
    assert "市水务局" in page and "25.0%" in page and "50.0%" in page


def _past_assignment(unit, title: str, deputy) -> None:
    from consult.suggestions.models import Suggestion as Row

    db.session.add(Row(deputy_id=deputy.id, title=title, body=title, state="closed", lead_unit_id=unit.id))
    db.session.commit()
