"""The station services: clear refusals, an opinion stored as a comment of the station's channel, a
matter turned into a suggestion draft once and only by its deputy."""

from datetime import date, timedelta

import pytest
import sqlalchemy as sa
from station_builders import make_station, make_user, station_with_deputy

from consult.comments.models import Comment, ModerationEvent
from consult.comments.privacy import contact_cipher
from consult.comments.services import CommentInput
from consult.db import utcnow
from consult.extensions import db
from consult.stations import services
from consult.stations.models import StationDeputy
from consult.suggestions.models import Suggestion

from factories import make_draft

TODAY = date(2026, 5, 20)


def _refusal(data: services.StationInput, station=None) -> str:
    with pytest.raises(services.StationError) as refused:
        services.save_station(data, station)
    return refused.value.code


def test_a_station_needs_a_free_name_a_district_a_known_kind_and_stars_from_0_to_5(app):
    make_station("人民路代表联络站")
    assert _refusal(services.StationInput(name="  ", district="滨江区")) == "name_missing"
    assert _refusal(services.StationInput(name="人民路代表联络站", district="港湾区")) == "name_taken"
    assert _refusal(services.StationInput(name="新站", district="")) == "district_missing"
    assert _refusal(services.StationInput(name="新站", district="滨江区", kind="mall")) == "bad_kind"
    assert _refusal(services.StationInput(name="新站", district="滨江区", stars=6)) == "bad_stars"
    assert _refusal(services.StationInput(name="新站", district="滨江区", stars=-1)) == "bad_stars"
    assert _refusal(services.StationInput(name="新站", district="滨江区", address="路" * 201)) == "field_too_long"


def test_a_station_keeps_its_own_name_when_edited(app):
    station = make_station("人民路代表联络站", stars=2)
    services.save_station(
        services.StationInput(name="人民路代表联络站", district="滨江区", kind="park", stars=5), station
    )
    db.session.commit()
    assert (station.kind, station.stars) == ("park", 5)
    other = make_station("海港社区代表联络站")
    assert _refusal(services.StationInput(name="人民路代表联络站", district="滨江区"), other) == "name_taken"


def test_only_deputies_are_attached_and_attaching_twice_changes_nothing(app):
    station = make_station()
    clerk = make_user("clerk@example.org", "drafter")
    deputy = make_user("deputy@example.org", "deputy")
    with pytest.raises(services.StationError, match="not_a_deputy"):
        services.attach_deputy(station, clerk)
    services.attach_deputy(station, deputy)
    services.attach_deputy(station, deputy)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(StationDeputy)) == 1
    services.detach_deputy(station, deputy)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(StationDeputy)) == 0


def _record(actor, consultation, body="建议写明广场舞音响的使用时段。", article_id=None):
    return services.record_opinion(
        actor, consultation, article_id, CommentInput(body=body, district="滨江区", role="citizen"),
        cipher=contact_cipher(), max_chars=5000, now=utcnow(),
    )  # fmt: skip


def test_an_opinion_lands_in_the_comment_store_as_the_stations(app):
    station, account, _deputy = station_with_deputy()
    consultation = make_draft()
    comment = _record(account, consultation)
    db.session.commit()
    stored = db.session.get(Comment, comment.id)
    assert (stored.source, stored.station_id, stored.recorded_by_id) == ("liaison_station", station.id, account.id)
    assert (stored.district, stored.consultation_id, stored.article_id) == ("滨江区", consultation.id, None)
    assert stored.state == "pending"  # the draft is pre-moderated: a moderator reads it first
    assert (
        db.session.scalar(sa.select(ModerationEvent.action).where(ModerationEvent.comment_id == comment.id)) == "record"
    )


def test_an_opinion_is_refused_on_a_closed_draft_by_a_non_station_or_on_a_foreign_article(app):
    _station, account, deputy = station_with_deputy()
    with pytest.raises(services.StationError, match="closed"):
        _record(account, make_draft(slug="closed", status="closed"))
    consultation = make_draft(slug="open")
    with pytest.raises(services.StationError, match="not_a_station"):
        _record(deputy, consultation)
    with pytest.raises(services.StationError, match="unknown_article"):
        _record(account, consultation, article_id=999999)
    with pytest.raises(services.StationError, match="empty"):
        _record(account, consultation, body="   ")


def test_a_matter_goes_to_a_deputy_of_the_station_only(app):
    station, account, deputy = station_with_deputy()
    stranger = make_user("other@example.org", "deputy")
    matter = services.record_matter(account, "公交站没有候车亭。", TODAY, deputy, today=TODAY)
    assert (matter.station_id, matter.recorded_by_id, matter.deputy_id) == (station.id, account.id, deputy.id)
    unassigned = services.record_matter(account, "校门口车辆乱停。", TODAY, None, today=TODAY)
    assert unassigned.deputy_id is None
    for body, received, to, code in (
        ("事项", TODAY, stranger, "deputy_not_at_station"),
        ("  ", TODAY, deputy, "body_missing"),
        ("事项", None, deputy, "date_missing"),
        ("事项", TODAY + timedelta(days=1), deputy, "date_in_future"),
    ):
        with pytest.raises(services.StationError, match=code):
            services.record_matter(account, body, received, to, today=TODAY)


def test_a_matter_becomes_a_suggestion_draft_once_and_only_by_its_deputy(app):
    _station, account, deputy = station_with_deputy()
    other = make_user("other@example.org", "deputy")
    matter = services.record_matter(
        account, "  公交站没有候车亭。下雨天老人只能站在雨里等车。", TODAY, deputy, today=TODAY
    )
    with pytest.raises(services.StationError, match="not_your_matter"):
        services.turn_into_suggestion(other, matter)
    suggestion = services.turn_into_suggestion(deputy, matter)
    db.session.commit()
    assert matter.suggestion_id == suggestion.id
    assert (suggestion.title, suggestion.state, suggestion.deputy_id) == ("公交站没有候车亭", "draft", deputy.id)
    assert "下雨天老人只能站在雨里等车" in suggestion.body and "人民路代表联络站" in suggestion.body
    with pytest.raises(services.StationError, match="already_suggestion"):
        services.turn_into_suggestion(deputy, matter)
    assert db.session.scalar(sa.select(sa.func.count(Suggestion.id))) == 1
    unassigned = services.record_matter(account, "没有指定代表的事项。", TODAY, None, today=TODAY)
    with pytest.raises(services.StationError, match="not_your_matter"):
        services.turn_into_suggestion(deputy, unassigned)


def test_the_title_is_the_first_sentence_trimmed():
    assert services.suggestion_title("\n 菜市场占道经营严重！建议划定摊位。") == "菜市场占道经营严重"
    long = services.suggestion_title("长" * 100 + "。后面")
    assert len(long) == services.TITLE_LIMIT and long.endswith("…")
    assert services.suggestion_title("没有句号的一句话") == "没有句号的一句话"
