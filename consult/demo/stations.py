"""The demo's 代表联络站: twelve stations written for the demo (data/stations.json) with the demo deputies
attached, a station account for the first one, opinions on the open park draft recorded there and
matters for its deputies, two of them already turned into suggestions. Loaded after the suggestions,
whose deputies it needs."""

from __future__ import annotations

import json
from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa
from flask import current_app

from consult.accounts import services as accounts
from consult.accounts.models import User
from consult.comments import services as comment_services
from consult.comments.privacy import contact_cipher
from consult.db import utcnow
from consult.drafts.models import Consultation
from consult.drafts.queries import load_structure
from consult.extensions import db
from consult.stations import queries, services
from consult.stations.models import Station
from consult.timezones import city_zone

DATA = Path(__file__).parent / "data" / "stations.json"
PASSWORD = "consult-demo-2026"
STATION_ACCOUNT = "station1@example.org"
OPEN_DRAFT = "park-regulation"
# The demo's own role words, as the comment store spells them.
ROLE_CODES = {"市民": "citizen", "社会组织": "organisation", "企业": "enterprise", "专家学者": "expert"}


def load_demo_stations() -> list[str]:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    deputies = {n: _deputy(n) for row in data["stations"] for n in row["deputies"]}
    stations = [_station(row, deputies) for row in data["stations"]]
    account = db.session.scalar(sa.select(User).filter_by(email=STATION_ACCOUNT)) or accounts.create_user(
        STATION_ACCOUNT, "station", PASSWORD, display_name=stations[0].name, station_id=stations[0].id
    )
    opinions = _record_opinions(account, data["opinions"])
    matters = _record_matters(account, data["matters"], deputies)
    db.session.flush()
    return [
        f"{len(stations)} deputy liaison stations: /stations and /staff/stations; {opinions} opinions and "
        f"{matters} matters recorded at {stations[0].name} ({STATION_ACCOUNT}, password {PASSWORD})"
    ]


def _deputy(number: int) -> User:
    """A demo deputy, as the demo suggestions made them (or made here, should those be missing)."""
    email = f"deputy{number}@example.org"
    deputy = db.session.scalar(sa.select(User).filter_by(email=email))
    return deputy or accounts.create_user(email, "deputy", PASSWORD, display_name=f"代表{number}")


def _station(row: dict, deputies: dict[int, User]) -> Station:
    fields = {key: row[key] for key in ("name", "district", "kind", "stars", "address", "opening_hours")}
    station = services.save_station(services.StationInput(**fields), queries.station_named(row["name"]))
    for number in row["deputies"]:
        services.attach_deputy(station, deputies[number])
    return station


def _record_opinions(account: User, rows: list[dict]) -> int:
    consultation = db.session.scalar(sa.select(Consultation).filter_by(slug=OPEN_DRAFT))
    if consultation is None:
        return 0
    structure = load_structure(consultation.version_id)
    moderator = db.session.scalar(sa.select(User).filter_by(role="moderator"))
    now = utcnow()
    recorded = []
    for index, row in enumerate(rows):
        article = structure.article(str(row["article"])) if row.get("article") else None
        received = now - timedelta(days=4 - index * 4 // len(rows))  # over the days the draft has been open
        data = comment_services.CommentInput(
            body=row["text"], display_name=row["name"], district=row["district"],
            role=ROLE_CODES.get(row["role"], "other"), wants_public=row["public"], received_at=received,
        )  # fmt: skip
        comment = services.record_opinion(
            account, consultation, article.article_id if article else None, data, cipher=contact_cipher(),
            max_chars=current_app.config["COMMENT_MAX_CHARS"], now=now,
        )  # fmt: skip
        comment.created_at = received
        recorded.append(comment)
    if moderator is not None:  # most already read by a moderator; the last three still in the queue
        comment_services.approve(moderator, recorded[:-3])
    return len(recorded)


def _record_matters(account: User, rows: list[dict], deputies: dict[int, User]) -> int:
    today = utcnow().astimezone(city_zone()).date()
    for row in rows:
        deputy = deputies.get(row["deputy"]) if row["deputy"] else None
        matter = services.record_matter(
            account, row["text"], today - timedelta(days=row["days_ago"]), deputy, today=today
        )
        if row["suggestion"] and deputy is not None:
            services.turn_into_suggestion(deputy, matter)
    return len(rows)
