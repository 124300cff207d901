"""The station pages: the public list and pages (no e-mail address anywhere), a station account
recording an opinion and a matter, a deputy turning a matter into a suggestion, staff keeping the
stations — and nobody reaching what is not theirs."""

import re

import sqlalchemy as sa
from station_builders import city_today, make_station, make_user, sign_in, station_with_deputy

from consult.comments.models import Comment
from consult.extensions import db
from consult.stations import services
from consult.stations.models import Station, StationMatter

from factories import make_draft


def test_the_public_list_shows_stations_with_stars_hours_and_deputies_but_no_email(client):
    station, _account, _deputy = station_with_deputy()
    services.save_station(
        services.StationInput(name=station.name, district="滨江区", kind="community", stars=3,
                              address="人民路 88 号", opening_hours="周二、周四 9:00–12:00"), station,
    )  # fmt: skip
    make_station("北山森林公园代表联络站", district="北山区", kind="park", stars=0)
    db.session.commit()
    page = client.get("/stations")
    assert page.status_code == 200
    html = page.text
    assert "人民路代表联络站" in html and "北山森林公园代表联络站" in html
    assert 'aria-label="三星级">★★★☆☆<' in html and "未评星级" in html
    assert "周二、周四 9:00–12:00" in html and "人民路 88 号" in html and "林海峰" in html
    assert "@" not in html
    assert html.count("<h1") == 1 and "<caption" in html and 'scope="col"' in html


def test_the_list_filters_by_district_and_kind(client):
    make_station("人民路代表联络站", district="滨江区", kind="community")
    make_station("滨江公园代表联络站", district="滨江区", kind="park")
    make_station("北山森林公园代表联络站", district="北山区", kind="park")
    by_district = client.get("/stations?district=北山区").text
    assert "北山森林公园代表联络站" in by_district and "人民路代表联络站" not in by_district
    both = client.get("/stations?district=滨江区&kind=park").text
    assert "滨江公园代表联络站" in both and "人民路代表联络站" not in both and "北山森林" not in both
    assert "没有符合条件的联络站" in client.get("/stations?kind=nonsense").text


def test_a_station_page_shows_its_facts_and_no_email(client):
    station, _account, _deputy = station_with_deputy()
    page = client.get(f"/stations/{station.id}")
    assert page.status_code == 200 and "林海峰" in page.text and "@" not in page.text
    assert client.get("/stations/999999").status_code == 404


def test_a_station_account_lands_on_its_page_and_records_an_opinion(client):
    station, account, _deputy = station_with_deputy()
    consultation = make_draft()
    landing = client.post("/staff/login", data={"email": account.email, "password": "correct horse battery"})
    assert landing.headers["Location"].endswith("/staff/station")
    form = client.get("/staff/station/opinions/new").text
    assert consultation.title in form and "第一条" in form
    article = db.session.scalar(sa.text("SELECT id FROM articles LIMIT 1"))
    refused = client.post("/staff/station/opinions/new", data={"consultation": str(consultation.id), "body": ""})
    assert refused.status_code == 422
    done = client.post(
        "/staff/station/opinions/new",
        data={"consultation": str(consultation.id), "article": str(article), "body": "音响八点半后应当关闭。",
              "district": "滨江区", "role": "citizen", "visibility": "public", "received_on": city_today().isoformat()},
    )  # fmt: skip
    assert done.status_code == 302, done.text
    comment = db.session.scalar(sa.select(Comment))
    assert (comment.source, comment.station_id, comment.article_id) == ("liaison_station", station.id, article)
    home = client.get("/staff/station").text
    assert comment.receipt in home and "音响八点半后应当关闭。" in home


def test_a_station_account_records_a_matter_for_its_deputy(client):
    station, account, deputy = station_with_deputy()
    sign_in(client, account.email)
    form = client.get("/staff/station/matters/new").text
    assert "林海峰" in form
    too_late = client.post("/staff/station/matters/new", data={"body": "事项", "received_on": "2999-01-01"})
    assert too_late.status_code == 422 and "不能晚于今天" in too_late.text
    done = client.post(
        "/staff/station/matters/new",
        data={
            "body": "公交站没有候车亭。老人只能站在雨里。",
            "received_on": city_today().isoformat(),
            "deputy": str(deputy.id),
        },
    )
    assert done.status_code == 302
    matter = db.session.scalar(sa.select(StationMatter))
    assert (matter.station_id, matter.deputy_id, matter.recorded_by_id) == (station.id, deputy.id, account.id)
    assert "公交站没有候车亭" in client.get("/staff/station").text
    assert client.get(f"/staff/station/matters/{matter.id}").status_code == 200


def test_a_station_account_sees_nothing_of_another_station_and_no_staff_page(client):
    _ours, account, _deputy = station_with_deputy()
    theirs, their_account, their_deputy = station_with_deputy("海港社区代表联络站", "s2@example.org", "d2@example.org")
    matter = services.record_matter(their_account, "别站的事项。", city_today(), their_deputy, today=city_today())
    db.session.commit()
    sign_in(client, account.email)
    assert client.get(f"/staff/station/matters/{matter.id}").status_code == 404
    assert "别站的事项" not in client.get("/staff/station").text
    for url in ("/staff/stations", f"/staff/stations/{theirs.id}/edit", "/staff/stations/matters", "/staff/",
                "/staff/suggestions"):  # fmt: skip
        assert client.get(url).status_code == 403, url
    assert client.post(f"/staff/stations/matters/{matter.id}/suggestion").status_code == 403


def test_residents_reach_no_station_staff_page(client):
    for url in ("/staff/stations", "/staff/station", "/staff/stations/matters", "/staff/station/opinions/new"):
        response = client.get(url)
        assert response.status_code == 302 and "/staff/login" in response.headers["Location"], url


def test_a_deputy_turns_a_matter_into_a_suggestion_draft_once(client):
    _station, account, deputy = station_with_deputy()
    matter = services.record_matter(
        account, "菜市场占道经营严重。建议划定摊位。", city_today(), deputy, today=city_today()
    )
    db.session.commit()
    sign_in(client, deputy.email)
    assert "菜市场占道经营严重" in client.get("/staff/stations/matters").text
    turned = client.post(f"/staff/stations/matters/{matter.id}/suggestion")
    assert turned.status_code == 302
    suggestion_id = int(re.search(r"/staff/suggestions/(\d+)$", turned.headers["Location"]).group(1))
    assert "菜市场占道经营严重" in client.get(f"/staff/suggestions/{suggestion_id}").text
    again = client.post(f"/staff/stations/matters/{matter.id}/suggestion")
    assert again.status_code == 302 and "已经转为建议" in client.get(again.headers["Location"]).text
    assert f"已转为第 {suggestion_id} 号建议" in client.get("/staff/stations/matters").text


def test_another_deputy_cannot_turn_the_matter(client):
    _station, account, deputy = station_with_deputy()
    make_user("other@example.org", "deputy")
    matter = services.record_matter(account, "滨江步道骑行太快。", city_today(), deputy, today=city_today())
    db.session.commit()
    sign_in(client, "other@example.org")
    assert client.post(f"/staff/stations/matters/{matter.id}/suggestion").status_code == 404
    assert "滨江步道骑行太快" not in client.get("/staff/stations/matters").text
    db.session.rollback()
    assert db.session.get(StationMatter, matter.id).suggestion_id is None


def test_staff_add_edit_and_attach_deputies_with_figures(client, login):
    login("drafter")
    deputy = make_user("deputy@example.org", "deputy", display_name="林海峰")
    refused = client.post(
        "/staff/stations/new", data={"name": "人民路代表联络站", "district": "", "kind": "community", "stars": "3"}
    )
    assert refused.status_code == 422 and "请填写所在区" in refused.text
    created = client.post(
        "/staff/stations/new",
        data={"name": "人民路代表联络站", "district": "滨江区", "kind": "community", "stars": "4",
              "opening_hours": "周二 9:00–12:00"},
    )  # fmt: skip
    assert created.status_code == 302
    station = db.session.scalar(sa.select(Station))
    taken = client.post(
        "/staff/stations/new", data={"name": "人民路代表联络站", "district": "滨江区", "kind": "park", "stars": "1"}
    )
    assert taken.status_code == 422 and "已有一个叫“人民路代表联络站”的联络站" in taken.text
    assert client.post(f"/staff/stations/{station.id}/deputies", data={"deputy": str(deputy.id)}).status_code == 302
    edited = client.post(
        f"/staff/stations/{station.id}/edit",
        data={"name": "人民路街道代表联络站", "district": "滨江区", "kind": "community", "stars": "5"},
    )
    assert edited.status_code == 302
    page = client.get("/staff/stations").text
    assert "人民路街道代表联络站" in page and "★★★★★" in page and "<caption" in page
    assert "林海峰" in client.get(f"/staff/stations/{station.id}/edit").text
    detached = client.post(f"/staff/stations/{station.id}/deputies/{deputy.id}/detach")
    assert detached.status_code == 302 and "还没有代表联系本站" in client.get(detached.headers["Location"]).text
