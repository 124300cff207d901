"""The public pages and open data: only published suggestions (answered or closed, not withdrawn, not
merged), only public answers, never an e-mail address; the staff withdraw and restore publication."""

import csv
import io
import json

import pytest
import sqlalchemy as sa
from suggestion_builders import account, cast, sign_in, suggestion

from consult.extensions import db
from consult.suggestions import services
from consult.suggestions.models import Suggestion, SuggestionEvent


@pytest.fixture
def world(app):
    people = cast("市水务局", "市交通局")
    made = {
        "closed": suggestion(people, "closed", "市水务局", title="河道护栏", category="城建", co=("市交通局",),
                             answer="A", rating="basic"),
        "answered": suggestion(people, "answered", "市交通局", title="公交线路", category="交通", answer="B"),
        "secret": suggestion(people, "closed", "市交通局", title="保密答复的建议", answer="C", answer_public=False),
        "withdrawn": suggestion(people, "closed", "市水务局", title="撤回公开的建议"),
        "assigned": suggestion(people, "assigned", "市水务局", title="办理中的建议"),
        "draft": suggestion(people, "draft", title="草稿建议"),
        "merged": suggestion(people, "submitted", title="并案的建议"),
    }  # fmt: skip
    made["withdrawn"].public = False
    services.merge(people.clerk, made["merged"], made["closed"])
    db.session.commit()
    return people, made


PUBLISHED = ("closed", "answered", "secret")


def test_the_list_shows_only_published_suggestions(client, world):
    _people, made = world
    page = client.get("/suggestions").text
    for name, suggestion_ in made.items():
        assert (suggestion_.title in page) == (name in PUBLISHED), name
    assert "王代表" in page and "@" not in page
    assert page.index("保密答复的建议") < page.index("河道护栏")  # newest first


def test_the_list_filters_by_unit_category_and_keyword(client, world):
    people, _made = world
    transport = people.unit("市交通局").id
    by_unit = client.get(f"/suggestions?unit={transport}").text  # lead or co-unit
    assert "河道护栏" in by_unit and "公交线路" in by_unit and "保密答复的建议" in by_unit
    water = client.get(f"/suggestions?unit={people.unit('市水务局').id}").text
    assert "河道护栏" in water and "公交线路" not in water
    assert "公交线路" in client.get("/suggestions?category=交通").text
    assert "河道护栏" not in client.get("/suggestions?category=交通").text
    blank = client.get("/suggestions?category=-").text
    assert "保密答复的建议" in blank and "公交线路" not in blank
    found = client.get("/suggestions?q=护栏").text
    assert "河道护栏" in found and "公交线路" not in found
    assert "没有符合条件的建议" in client.get("/suggestions?q=100%25").text


def test_twenty_a_page(client, app):
    people = cast("市水务局")
    for n in range(45):
        suggestion(people, "answered", "市水务局", title=f"第{n:02d}条公开建议")
    db.session.commit()
    first, third = client.get("/suggestions").text, client.get("/suggestions?page=3").text
    assert first.count("条公开建议</a>") == 20 and "第44条公开建议" in first and "第 1 页，共 3 页" in first
    assert third.count("条公开建议</a>") == 5 and "第00条公开建议" in third


def test_a_published_suggestion_shows_its_public_answers_and_latest_rating(client, world):
    _people, made = world
    page = client.get(f"/suggestions/{made['closed'].id}").text
    assert "河道护栏的内容" in page and "王代表" in page and "城建" in page
    assert "市水务局" in page and "市交通局" in page and "河道护栏的答复" in page and "A 类" in page
    assert "基本满意" in page and "@" not in page
    secret = client.get(f"/suggestions/{made['secret'].id}").text
    assert "答复不公开" in secret and "保密答复的建议的答复" not in secret and "未分类" in secret


@pytest.mark.parametrize("name", ["withdrawn", "assigned", "draft", "merged"])
def test_anything_unpublished_is_not_found(client, world, name):
    _people, made = world
    assert client.get(f"/suggestions/{made[name].id}").status_code == 404


def test_open_data_holds_the_published_set_and_public_answers_only(client, world):
    _people, made = world
    response = client.get("/suggestions/open-data.csv")
    assert response.status_code == 200 and response.data.startswith("\ufeff".encode())
    assert 'filename="open-data-suggestions.csv"' in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert [int(r["id"]) for r in rows] == sorted(made[name].id for name in PUBLISHED)
    by_id = {int(r["id"]): r for r in rows}
    closed = by_id[made["closed"].id]
    assert (closed["deputy"], closed["lead_unit"], closed["co_units"]) == ("王代表", "市水务局", "市交通局")
    assert (closed["answer_category"], closed["answer_text"], closed["rating"]) == ("A", "河道护栏的答复", "基本满意")
    secret = by_id[made["secret"].id]
    assert secret["answer_text"] == "" and secret["answer_category"] == ""
    data = json.loads(client.get("/suggestions/open-data.json").data)
    assert {d["id"] for d in data} == {made[name].id for name in PUBLISHED}
    for body in (response.data.decode("utf-8-sig"), json.dumps(data, ensure_ascii=False)):
        assert "@" not in body and "保密答复的建议的答复" not in body and "撤回公开的建议" not in body


def test_staff_withdraw_and_restore_publication(client, world):
    people, made = world
    target = made["closed"]
    sign_in(client, people.clerk)
    response = client.post(f"/staff/suggestions/{target.id}/publication", data={"public": "0"})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/staff/suggestions/{target.id}")
    client.post("/staff/logout")
    assert client.get(f"/suggestions/{target.id}").status_code == 404
    assert "河道护栏" not in client.get("/suggestions/open-data.csv").data.decode("utf-8-sig")
    sign_in(client, people.clerk)
    client.post(f"/staff/suggestions/{target.id}/publication", data={"public": "1"})
    assert client.get(f"/suggestions/{target.id}").status_code == 200
    db.session.rollback()
    actions = db.session.scalars(sa.select(SuggestionEvent.action).where(SuggestionEvent.suggestion_id == target.id))
    assert [a for a in actions if a.endswith("publish")] == ["unpublish", "publish"]


@pytest.mark.parametrize("role", ["deputy", "unit", "moderator", "organizer", "station"])
def test_publication_is_refused_to_everyone_but_drafters(client, world, role):
    _people, made = world
    user = account(f"other-{role}@example.org", role, unit="市水务局" if role == "unit" else None)
    sign_in(client, user)
    assert client.post(f"/staff/suggestions/{made['closed'].id}/publication", data={"public": "0"}).status_code == 403
    db.session.rollback()
    assert db.session.get(Suggestion, made["closed"].id).public is True


def test_a_draft_cannot_be_published_by_anyone(client, world):
    _people, made = world
    sign_in(client, account("admin@example.org", "admin"))
    assert client.post(f"/staff/suggestions/{made['draft'].id}/publication", data={"public": "1"}).status_code == 404


def test_the_publication_form_says_where_the_suggestion_stands(app, world):
    from flask import render_template
    from flask_login import login_user

    people, made = world
    include = "suggestions/_publication.html"
    with app.test_request_context():
        login_user(people.clerk)
        published = render_template(include, suggestion=made["closed"])
        withdrawn = render_template(include, suggestion=made["withdrawn"])
        assigned = render_template(include, suggestion=made["assigned"])
        login_user(people.units["市水务局"])
        as_unit = render_template(include, suggestion=made["closed"])
    assert f"/staff/suggestions/{made['closed'].id}/publication" in published
    assert (
        'name="public" value="0"' in published
        and "撤回公开" in published
        and f"/suggestions/{made['closed'].id}" in published
    )
    assert 'name="public" value="1"' in withdrawn and "恢复公开" in withdrawn
    assert "答复后将在公众网页" in assigned and as_unit.strip() == ""


def test_a_deputy_without_a_name_is_not_published_under_their_address(client, world):
    people, _made = world
    unnamed = account("zhang.wei.1970@example.org", "deputy")  # display name: the address's local part
    mine = suggestion(people, "answered", "市水务局", title="无署名的建议", deputy=unnamed)
    db.session.commit()
    for body in (
        client.get("/suggestions").text,
        client.get(f"/suggestions/{mine.id}").text,
        client.get("/suggestions/open-data.csv").data.decode("utf-8-sig"),
        client.get("/suggestions/open-data.json").data.decode(),
    ):
        assert "无署名的建议" in body and "zhang.wei" not in body
