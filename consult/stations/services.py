"""Changes to 代表联络站: staff keep the stations and their deputies; a station account records what
residents raise there (an opinion on a draft in consultation, or a matter for a deputy); a deputy turns
a matter into a suggestion draft. Services flush; the view or command commits."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa

from consult.accounts.models import User
from consult.comments import services as comment_services
from consult.comments.models import Comment
from consult.comments.privacy import ContactCipher
from consult.drafts.models import Consultation
from consult.errors import DomainError
from consult.extensions import db
from consult.stations import queries
from consult.stations.models import STATION_KINDS, Station, StationDeputy, StationMatter
from consult.suggestions import services as suggestion_services
from consult.suggestions.models import Suggestion

MATTER_LIMIT = 5000
TITLE_LIMIT = 60  # a suggestion's title is read in lists: the first sentence, cut if it runs on
_SENTENCE_END = re.compile(r"[。！？!?；;\n]")


class StationError(DomainError):
    pass


@dataclass(frozen=True)
class StationInput:
    name: str
    district: str
    kind: str = "community"
    stars: int = 0
    address: str = ""
    opening_hours: str = ""


def _required(value: str | None, limit: int, code: str) -> str:
    value = (value or "").strip()
    if not value or len(value) > limit:
        raise StationError(code, limit=limit)
    return value


def _optional(value: str | None, limit: int, field: str) -> str:
    value = (value or "").strip()
    if len(value) > limit:
        raise StationError("field_too_long", limit=limit, field=field)
    return value


def save_station(data: StationInput, station: Station | None = None) -> Station:
    """A new station, or `station` changed. Refused: a missing or taken name, a missing district,
    an unknown kind, stars outside 0–5."""
    name = _required(data.name, 100, "name_missing")
    district = _required(data.district, 40, "district_missing")
    if data.kind not in STATION_KINDS:
        raise StationError("bad_kind")
    if isinstance(data.stars, bool) or not isinstance(data.stars, int) or not 0 <= data.stars <= 5:
        raise StationError("bad_stars")
    found = queries.station_named(name)
    if found is not None and found is not station:
        raise StationError("name_taken", name=name)
    station = station or Station()
    station.name, station.district, station.kind, station.stars = name, district, data.kind, data.stars
    station.address = _optional(data.address, 200, "address")
    station.opening_hours = _optional(data.opening_hours, 200, "opening_hours")
    try:
        with db.session.begin_nested():  # a concurrent twin may win the unique name
            db.session.add(station)
    except sa.exc.IntegrityError as error:
        raise StationError("name_taken", name=name) from error
    return station


def attach_deputy(station: Station, deputy: User) -> None:
    """The deputy receives residents at this station (attaching twice changes nothing)."""
    if deputy.role != "deputy":
        raise StationError("not_a_deputy")
    if not queries.is_attached(station.id, deputy.id):
        db.session.add(StationDeputy(station_id=station.id, deputy_id=deputy.id))
        db.session.flush()


def detach_deputy(station: Station, deputy: User) -> None:
    """No longer at this station; the matters already passed to the deputy stay theirs."""
    link = db.session.get(StationDeputy, (station.id, deputy.id))
    if link is not None:
        db.session.delete(link)
        db.session.flush()


def _station_of(actor: User) -> int:
    if actor.role != "station" or actor.station_id is None:
        raise StationError("not_a_station")
    return actor.station_id


def record_opinion(
    actor: User,
    consultation: Consultation,
    article_id: int | None,
    data: comment_services.CommentInput,
    *,
    cipher: ContactCipher,
    max_chars: int,
    now: datetime,
) -> Comment:
    """An opinion a resident gave at the actor's station on a draft in consultation: stored in the
    comment store like any other channel's, with the station as where it was gathered."""
    station_id = _station_of(actor)
    if not consultation.accepts_comments(now):
        raise StationError("closed")
    data = dataclasses.replace(data, source="liaison_station")
    try:
        comment = comment_services.record_comment(
            actor, consultation, article_id, data, cipher=cipher, max_chars=max_chars
        )
    except comment_services.CommentError as error:
        raise StationError(error.code, **error.detail) from error
    comment.station_id = station_id
    if consultation.premoderation:
        # Station accounts are not committee staff: what they type is read by a moderator before
        # it is published, like a resident's own comment.
        comment.state, comment.moderated_at = "pending", None
    db.session.flush()
    return comment


def record_matter(
    actor: User, body: str, received_on: date | None, deputy: User | None, *, today: date
) -> StationMatter:
    """A matter a resident raised at the actor's station, for one of the station's deputies (or none yet)."""
    station_id = _station_of(actor)
    text = _required(body, MATTER_LIMIT, "body_missing")
    if received_on is None:
        raise StationError("date_missing")
    if received_on > today:
        raise StationError("date_in_future")
    if deputy is not None and not queries.is_attached(station_id, deputy.id):
        raise StationError("deputy_not_at_station")
    matter = StationMatter(
        station_id=station_id,
        recorded_by_id=actor.id,
        deputy_id=deputy.id if deputy is not None else None,
        body=text,
        received_on=received_on,
    )
    db.session.add(matter)
    db.session.flush()
    return matter


def suggestion_title(body: str) -> str:
    """The first sentence of a matter, trimmed, as the title of the suggestion made from it."""
    sentences = [s.strip() for s in _SENTENCE_END.split(body) if s.strip()]
    title = sentences[0] if sentences else body.strip()
    return title if len(title) <= TITLE_LIMIT else title[: TITLE_LIMIT - 1] + "…"


def turn_into_suggestion(deputy: User, matter: StationMatter) -> Suggestion:
    """A suggestion draft made from the matter, by the deputy it was passed to, once."""
    if matter.deputy_id is None or matter.deputy_id != deputy.id:
        raise StationError("not_your_matter")
    if matter.suggestion_id is not None:
        raise StationError("already_suggestion")
    station = db.session.get_one(Station, matter.station_id)
    # Stored with the suggestion, in the language of the record: where and when residents raised it.
    source = f"（群众于{matter.received_on.year}年{matter.received_on.month}月{matter.received_on.day}日在{station.name}反映）"
    try:
        suggestion = suggestion_services.create(deputy, suggestion_title(matter.body), f"{matter.body}\n\n{source}")
    except suggestion_services.SuggestionError as error:
        raise StationError(error.code, **error.detail) from error
    # Claimed only if still unclaimed: of two clicks at once, the second finds it taken.
    claimed = db.session.execute(
        sa.update(StationMatter)
        .where(StationMatter.id == matter.id, StationMatter.suggestion_id.is_(None))
        .values(suggestion_id=suggestion.id)
    )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        raise StationError("already_suggestion")
    matter.suggestion_id = suggestion.id
    return suggestion
