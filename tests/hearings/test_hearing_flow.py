"""Residents register for a hearing; organizers select speakers, build the agenda and record it."""

import io
from datetime import datetime, timedelta, timezone

import docx

from consult.extensions import db
from consult.hearings import selection
from consult.hearings.models import AgendaItem, Hearing, Registration

from factories import make_draft, make_hearing


def _form(hearing, **fields):
    article = hearing.articles[0].id
    data = {
        "kind": "speaker",
        "name": "王五",
        "articles": [article],
        "stance": "amend",
        "summary": "建议修改第一条",
        "district": "港湾区",
        "role": "citizen",
        "contact": "13700001111",
        "token": "reg-1",
    }
    data.update(fields)
    return data


def test_register_to_speak_and_see_the_receipt(client):
    hearing = make_hearing()
    page = client.get(f"/hearings/{hearing.id}").text
    assert "测试条例立法听证会" in page and "这是第1条的正文" in page
    response = client.post(f"/hearings/{hearing.id}/register", data=_form(hearing))
    assert response.status_code == 303
    again = client.post(f"/hearings/{hearing.id}/register", data=_form(hearing))
    assert again.headers["Location"] == response.headers["Location"]
    receipt = client.get(response.headers["Location"]).text
    assert "王五" in receipt and "已报名，待遴选" in receipt and "13700001111" not in receipt
    assert db.session.scalar(db.select(db.func.count(Registration.id)).filter_by(name="王五")) == 1


def test_registration_errors_are_explained(client):
    hearing = make_hearing()
    long = client.post(f"/hearings/{hearing.id}/register", data=_form(hearing, summary="长" * 5000, token="r2"))
    assert long.status_code == 422 and "观点摘要不能超过 2000 字" in long.text and "王五" in long.text
    no_stance = client.post(f"/hearings/{hearing.id}/register", data=_form(hearing, stance="", token="r3"))
    assert no_stance.status_code == 422 and "请选择您的观点" in no_stance.text
    html = client.post(f"/hearings/{hearing.id}/register", data=_form(hearing, name="<i>x</i>", token="r4"))
    assert "<i>x</i>" not in client.get(html.headers["Location"]).text
    hearing.registration_closes_at = datetime.now(timezone.utc) - timedelta(hours=1)
    db.session.commit()
    closed = client.post(f"/hearings/{hearing.id}/register", data=_form(hearing, token="r5"))
    assert closed.status_code == 422 and "报名未开始或已截止" in closed.text


def test_draft_hearing_is_not_public(client):
    hearing = make_hearing()
    hearing.status = "draft"
    db.session.commit()
    assert client.get(f"/hearings/{hearing.id}").status_code == 404


def test_proposal_balances_viewpoints_districts_and_articles():
    now = datetime(2026, 1, 1, tzinfo=timezone.utc)
    applicants = [
        selection.Applicant(i, stance, district, "citizen", articles, now + timedelta(minutes=i))
        for i, (stance, district, articles) in enumerate(
            [
                ("for", "A", (1,)),
                ("for", "A", (1,)),
                ("for", "A", (1,)),
                ("against", "B", (1,)),
                ("amend", "C", (2,)),
                ("for", "D", (2,)),
            ]
        )
    ]
    picks = selection.propose_speakers(applicants, 3, [1, 2])
    chosen = {p.id for p in picks}
    assert {applicants[i].stance for i in chosen} == {"for", "against", "amend"}
    assert chosen & {4, 5}  # article 2 is covered
    assert len(selection.propose_speakers(applicants, 10, [1, 2])) == 6
    assert selection.propose_speakers([], 3, [1, 2]) == []


def test_selection_is_recorded_with_reasons(client, login):
    hearing = make_hearing()
    organizer = login("organizer")
    page = client.get(f"/staff/hearings/{hearing.id}/speakers").text
    assert "checked" in page  # the proposal is pre-ticked
    ids = [r.id for r in db.session.scalars(db.select(Registration).filter_by(hearing_id=hearing.id))]
    response = client.post(
        f"/staff/hearings/{hearing.id}/speakers",
        data={"selected": ids[:2], f"reason-{ids[0]}": "代表赞成观点", f"reason-{ids[1]}": "代表反对观点"},
    )
    assert response.status_code == 302
    chosen = db.session.get(Registration, ids[0])
    assert (chosen.state, chosen.selection_reason, chosen.selected_by_id) == ("selected", "代表赞成观点", organizer.id)
    assert db.session.get(Registration, ids[2]).state == "not_selected"
    too_many = client.post(f"/staff/hearings/{hearing.id}/speakers", data={"selected": ids})
    assert too_many.status_code == 422 and "最多只能选 2 位陈述人" in too_many.text


def test_two_organizers_editing_the_agenda(client, login):
    hearing = make_hearing()
    login("organizer")
    stale_revision = hearing.revision
    first = client.post(
        f"/staff/hearings/{hearing.id}/agenda/items",
        data={"title": "第一位添加的议题", "duration": 15, "revision": stale_revision},
    )
    assert first.status_code == 302
    second = client.post(
        f"/staff/hearings/{hearing.id}/agenda/items",
        data={"title": "第二位添加的议题", "duration": 15, "revision": stale_revision},
    )
    assert second.status_code == 409
    assert "刚刚被另一位工作人员修改过" in second.text and "第二位添加的议题" in second.text
    titles = db.session.scalars(db.select(AgendaItem.title).filter_by(hearing_id=hearing.id)).all()
    assert "第一位添加的议题" in titles and "第二位添加的议题" not in titles


def test_agenda_suggestion_move_and_delete(client, login):
    hearing = make_hearing()
    for item in list(hearing.items):
        db.session.delete(item)
    db.session.commit()
    login("organizer")
    assert "争议较大的条文" in client.get(f"/staff/hearings/{hearing.id}/agenda").text
    client.post(f"/staff/hearings/{hearing.id}/agenda/suggested", data={"revision": hearing.revision})
    db.session.expire_all()
    hearing = db.session.get(Hearing, hearing.id)
    assert len(hearing.items) == 2
    first, second = hearing.items
    client.post(
        f"/staff/hearings/{hearing.id}/agenda/items/{second.id}", data={"action": "up", "revision": hearing.revision}
    )
    db.session.expire_all()
    assert db.session.get(AgendaItem, second.id).position == 1
    hearing = db.session.get(Hearing, hearing.id)
    client.post(
        f"/staff/hearings/{hearing.id}/agenda/items/{first.id}", data={"action": "delete", "revision": hearing.revision}
    )
    assert db.session.get(AgendaItem, first.id) is None


def test_record_minutes_and_export_the_report(client, login):
    hearing = make_hearing()
    login("organizer")
    registration = db.session.scalar(db.select(Registration))
    item = hearing.items[0]
    response = client.post(
        f"/staff/hearings/{hearing.id}/record",
        data={
            "attended": [registration.id],
            f"minutes-{item.id}": "甲发言：赞成本条。",
            "report": "听证会认为应当修改第一条。",
        },
    )
    assert response.status_code == 302
    assert db.session.get(Registration, registration.id).attended is True
    document = docx.Document(io.BytesIO(client.get(f"/staff/hearings/{hearing.id}/report.docx").data))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "甲发言：赞成本条。" in text and "听证会认为应当修改第一条。" in text and "这是第1条的正文" in text


def test_create_hearing_through_the_form(client, login):
    consultation = make_draft(articles=3)
    login("organizer")
    from consult.drafts.queries import load_structure

    article = load_structure(consultation.version_id).article("2").article_id
    response = client.post(
        f"/staff/hearings/new/{consultation.id}",
        data={
            "kind": "seminar",
            "title": "专家论证会",
            "starts_at": "2026-12-30T14:30",
            "venue": "会议室",
            "capacity": 20,
            "speaker_slots": 5,
            "articles": [article],
            "announcement": "公告",
        },
    )
    assert response.status_code == 302
    hearing = db.session.scalar(db.select(Hearing).filter_by(title="专家论证会"))
    assert hearing.kind == "seminar" and [a.id for a in hearing.articles] == [article]
    assert hearing.starts_at == datetime(2026, 12, 30, 6, 30, tzinfo=timezone.utc)
    bad = client.post(
        f"/staff/hearings/new/{consultation.id}",
        data={
            "kind": "seminar",
            "title": "x",
            "starts_at": "2026-12-30T14:30",
            "venue": "v",
            "capacity": 1,
            "speaker_slots": 1,
            "registration_closes_at": "2026-12-31T00:00",
        },
    )
    assert bad.status_code == 422 and "报名截止时间不能晚于会议开始时间" in bad.text
