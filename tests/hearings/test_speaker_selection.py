"""Speaker selection: every side of every article heard, reasons given, gaps warned, the agenda kept
in step, and applicants told only when the organizer publishes."""

from datetime import datetime, timedelta, timezone

from consult.demo.hearing import APPLICANTS
from consult.extensions import db
from consult.hearings import selection
from consult.hearings.models import AgendaItem, Hearing, HearingEvent, Registration

from factories import make_hearing

T0 = datetime(2026, 1, 1, tzinfo=timezone.utc)


def _demo_pool():
    """The demo's eight speaker applicants, article numbers standing in for ids."""
    return [
        selection.Applicant(i, stance, district, role, articles, T0 + timedelta(minutes=i))
        for i, (name, kind, articles, stance, district, role, _summary) in enumerate(APPLICANTS)
        if kind == "speaker"
    ]


def test_the_only_supporter_of_the_dog_ban_is_proposed():
    """The demo once left out 黄女士, the one applicant supporting 第十三条: every 第十三条 speaker
    opposed it or asked to change it."""
    pool = _demo_pool()
    picks = selection.propose_speakers(pool, 6, [13, 12, 15])
    chosen = {p.id for p in picks}
    assert "黄女士" in {APPLICANTS[i][0] for i in chosen}
    heard = {(article, a.stance) for a in pool if a.id in chosen for article in a.article_ids}
    applied = {(article, a.stance) for a in pool for article in a.article_ids}
    assert heard == applied  # six seats are enough for all seven sides: 郑律师 takes two
    huang = next(p for p in picks if APPLICANTS[p.id][0] == "黄女士")
    assert huang.sides == ((13, "for", True),)


def test_with_too_few_seats_the_most_contested_article_keeps_its_sides():
    pool = _demo_pool()
    picks = selection.propose_speakers(pool, 3, [13, 12, 15])
    heard13 = {a.stance for a in pool if a.id in {p.id for p in picks} and 13 in a.article_ids}
    assert heard13 == {"for", "against", "amend"}
    gaps = selection.gaps(pool, {p.id for p in picks}, [13, 12, 15])
    assert (12, "for", 1) in {(g.article_id, g.stance, g.applicants) for g in gaps}
    assert (12, "against", 0) in {(g.article_id, g.stance, g.applicants) for g in gaps}


def test_after_every_side_is_heard_the_smallest_side_grows():
    pool = [
        selection.Applicant(i, stance, "A", "citizen", (1,), T0 + timedelta(minutes=i))
        for i, stance in enumerate(["for", "for", "for", "against", "against", "against"])
    ]
    picks = selection.propose_speakers(pool, 4, [1])
    stances = sorted(pool[p.id].stance for p in picks)
    assert stances == ["against", "against", "for", "for"]
    assert picks[2].evens == (1,) and picks[2].sides == ()


def test_applicants_without_a_stance_or_outside_the_hearing_still_fill_seats():
    pool = [
        selection.Applicant(0, None, None, "citizen", (9,), T0),
        selection.Applicant(1, "for", None, "citizen", (1,), T0 + timedelta(minutes=1)),
    ]
    picks = selection.propose_speakers(pool, 2, [1])
    assert [p.id for p in picks] == [1, 0]
    assert picks[1].sides == () and picks[1].evens == ()


def _ids(hearing):
    return {r.name: r.id for r in db.session.scalars(db.select(Registration).filter_by(hearing_id=hearing.id))}


def test_speakers_page_gives_reasons_and_warns_of_unheard_sides(client, login):
    hearing = make_hearing()  # 甲 for 第1条, 乙 against 第1条, 丙 against 第2条; two seats
    login("organizer")
    page = client.get(f"/staff/hearings/{hearing.id}/speakers").text
    assert "唯一的“赞成”方" in page
    assert "在建议名单中没有陈述人" in page
    assert "没有人以“建议修改”观点申请陈述" in page
    ids = _ids(hearing)
    client.post(f"/staff/hearings/{hearing.id}/speakers", data={"selected": [ids["乙"]]})
    page = client.get(f"/staff/hearings/{hearing.id}/speakers").text
    assert "在当前名单中没有陈述人" in page and "持“赞成”观点的 1 人都没有入选" in page


def test_saving_tells_nobody_until_the_result_is_published(client, login):
    hearing = make_hearing()
    login("organizer")
    ids = _ids(hearing)
    receipt = db.session.get(Registration, ids["甲"]).receipt
    saved = client.post(f"/staff/hearings/{hearing.id}/speakers", data={"selected": [ids["甲"], ids["丙"]]})
    assert saved.status_code == 302
    assert db.session.get(Registration, ids["甲"]).state == "selected"
    assert "已报名，待遴选" in client.get(f"/hearings/registrations/{receipt}").text
    assert "3 位报名人的回执还没有显示" in client.get(f"/staff/hearings/{hearing.id}/speakers").text
    published = client.post(f"/staff/hearings/{hearing.id}/speakers/publish", follow_redirects=True)
    assert "3 位报名人的回执已更新" in published.text
    assert "已确定为陈述人" in client.get(f"/hearings/registrations/{receipt}").text
    # A later change is again private until published.
    client.post(f"/staff/hearings/{hearing.id}/speakers", data={"selected": [ids["乙"], ids["丙"]]})
    assert "已确定为陈述人" in client.get(f"/hearings/registrations/{receipt}").text
    actions = db.session.scalars(db.select(HearingEvent.action).filter_by(hearing_id=hearing.id)).all()
    assert actions.count("selection_saved") == 2 and actions.count("selection_published") == 1


def test_publishing_before_any_selection_is_refused(client, login):
    hearing = make_hearing()
    login("organizer")
    response = client.post(f"/staff/hearings/{hearing.id}/speakers/publish", follow_redirects=True)
    assert "还没有保存陈述人名单" in response.text
    assert db.session.get(Hearing, hearing.id).selection_published_at is None


def test_agenda_follows_a_changed_selection(client, login):
    hearing = make_hearing()
    login("organizer")
    ids = _ids(hearing)
    item1, item2 = sorted(hearing.items, key=lambda i: i.position)
    client.post(f"/staff/hearings/{hearing.id}/speakers", data={"selected": [ids["甲"], ids["乙"]]})
    db.session.expire_all()
    assert db.session.get(AgendaItem, item1.id).speaker_ids == [ids["甲"], ids["乙"]]
    assert db.session.get(AgendaItem, item2.id).speaker_ids == []
    page = client.get(f"/staff/hearings/{hearing.id}/agenda").text
    assert "这些议题还没有陈述人：关于第2条的讨论" in page
    # 乙 out, 丙 in: 乙 leaves the 第1条 item, 丙 joins the 第2条 item.
    client.post(f"/staff/hearings/{hearing.id}/speakers", data={"selected": [ids["甲"], ids["丙"]]})
    db.session.expire_all()
    assert db.session.get(AgendaItem, item1.id).speaker_ids == [ids["甲"]]
    assert db.session.get(AgendaItem, item2.id).speaker_ids == [ids["丙"]]
    assert "还没有安排到任何议题" not in client.get(f"/staff/hearings/{hearing.id}/agenda").text


def test_speaker_with_no_item_is_reported_and_reassign_restores_the_default(client, login):
    hearing = make_hearing()
    login("organizer")
    ids = _ids(hearing)
    item1, item2 = sorted(hearing.items, key=lambda i: i.position)
    client.post(f"/staff/hearings/{hearing.id}/speakers", data={"selected": [ids["甲"], ids["丙"]]})
    db.session.expire_all()
    hearing = db.session.get(Hearing, hearing.id)
    client.post(
        f"/staff/hearings/{hearing.id}/agenda/items/{item2.id}",
        data={
            f"item{item2.id}-title": "关于第2条的讨论",
            f"item{item2.id}-duration": 25,
            f"item{item2.id}-revision": hearing.revision,
        },
    )
    page = client.get(f"/staff/hearings/{hearing.id}/agenda").text
    assert "这些陈述人还没有安排到任何议题：丙" in page
    db.session.expire_all()
    hearing = db.session.get(Hearing, hearing.id)
    client.post(f"/staff/hearings/{hearing.id}/agenda/reassign", data={"revision": hearing.revision})
    db.session.expire_all()
    assert db.session.get(AgendaItem, item2.id).speaker_ids == [ids["丙"]]


def _signin_rows(data: bytes):
    import io

    import openpyxl

    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_organizer_reaches_applicants_with_an_audited_look_at_contacts(app, client, login):
    hearing = make_hearing()
    login("organizer")
    ids = _ids(hearing)
    client.post(f"/staff/hearings/{hearing.id}/speakers", data={"selected": [ids["甲"], ids["丙"]]})
    page = client.get(f"/staff/hearings/{hearing.id}/registrations")
    assert page.status_code == 200 and "乙" in page.text and "13800138000" not in page.text
    assert "no-store" in page.headers["Cache-Control"]
    shown = client.post(f"/staff/hearings/{hearing.id}/registrations").text
    assert "13800138000" in shown and "13800138001" in shown
    rows = _signin_rows(client.get(f"/staff/hearings/{hearing.id}/sign-in.xlsx").data)
    assert rows[0][0] == "测试条例立法听证会签到表"
    assert rows[1] == ["序号", "姓名", "参加方式", "所在区", "身份", "回执号", "签名"]
    assert [row[1] for row in rows[2:]] == ["甲", "丙"]  # 乙 was not selected
    with_contacts = _signin_rows(client.post(f"/staff/hearings/{hearing.id}/sign-in.xlsx").data)
    assert "联系方式" in with_contacts[1] and "13800138002" in with_contacts[3]
    csv = client.get(f"/staff/hearings/{hearing.id}/sign-in.csv")
    assert csv.data.startswith("\ufeff序号,姓名".encode()) and "13800138" not in csv.data.decode()
    assert "filename*=UTF-8''" in csv.headers["Content-Disposition"]
    actions = db.session.scalars(db.select(HearingEvent.action).filter_by(hearing_id=hearing.id)).all()
    assert actions.count("contacts_viewed") == 1 and actions.count("contacts_exported") == 1
    overview = client.get(f"/staff/hearings/{hearing.id}").text
    assert "查看报名人联系方式" in overview and "导出含联系方式的签到表" in overview


def test_roles_outside_contact_roles_never_see_contacts(app, client, login):
    hearing = make_hearing()
    app.config["CONTACT_ROLES"] = ("admin",)
    login("organizer")
    page = client.get(f"/staff/hearings/{hearing.id}/registrations").text
    assert "显示联系方式" not in page
    assert "13800138000" not in client.post(f"/staff/hearings/{hearing.id}/registrations").text
    rows = _signin_rows(client.post(f"/staff/hearings/{hearing.id}/sign-in.xlsx").data)
    assert "联系方式" not in rows[1]
    assert db.session.scalar(db.select(db.func.count(HearingEvent.id))) == 0


def test_registrations_are_for_organizers_only(client, login):
    hearing = make_hearing()
    login("moderator")
    assert client.get(f"/staff/hearings/{hearing.id}/registrations").status_code == 403
    assert client.get(f"/staff/hearings/{hearing.id}/sign-in.csv").status_code == 403


def test_an_article_nobody_applied_for_is_one_warning(client, login):
    hearing = make_hearing()
    for registration in db.session.scalars(db.select(Registration).filter_by(hearing_id=hearing.id)):
        registration.article_ids = [hearing.articles[0].id]
    db.session.commit()
    login("organizer")
    page = client.get(f"/staff/hearings/{hearing.id}/speakers").text
    assert page.count("没有人申请就这一条陈述") == 1
    assert "没有人以“赞成”观点申请陈述" not in page
