"""Builders the station tests share: a station, a deputy attached to it, a station account."""

from __future__ import annotations

from datetime import date

from consult.accounts.services import create_user
from consult.db import utcnow
from consult.extensions import db
from consult.stations import services
from consult.timezones import city_zone

PASSWORD = "correct horse battery"


def make_station(
    name: str = "人民路代表联络站", district: str = "滨江区", kind: str = "community", stars: int = 3, **fields
):
    station = services.save_station(
        services.StationInput(name=name, district=district, kind=kind, stars=stars, **fields)
    )
    db.session.commit()
    return station


def make_user(email: str, role: str, **fields):
    user = create_user(email, role, PASSWORD, **fields)
    db.session.commit()
    return user


def station_with_deputy(
    name: str = "人民路代表联络站", account: str = "station@example.org", deputy: str = "deputy@example.org"
):
    """(station, its station account, a deputy attached to it)."""
    station = make_station(name)
    user = make_user(account, "station", station_id=station.id)
    attached = make_user(deputy, "deputy", display_name="林海峰")
    services.attach_deputy(station, attached)
    db.session.commit()
    return station, user, attached


def sign_in(client, email: str) -> None:
    client.post("/staff/logout")
    response = client.post("/staff/login", data={"email": email, "password": PASSWORD})
    assert response.status_code == 302, response.text


def city_today() -> date:
    """Today in the city, as the station pages read "today" (the machine's own date may differ)."""
    return utcnow().astimezone(city_zone()).date()
