"""`flask demo load` brings the stations: twelve of every kind, their deputies, a station account with
opinions and matters, two of them already suggestions."""

import sqlalchemy as sa

from consult.comments.models import Comment
from consult.extensions import db
from consult.stations.labels import KIND_LABELS
from consult.stations.models import Station, StationDeputy, StationMatter


def test_demo_load_includes_the_stations(runner, client):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    assert "12 deputy liaison stations" in result.output
    stations = db.session.scalars(sa.select(Station)).all()
    assert len(stations) == 12 and {s.kind for s in stations} == set(KIND_LABELS)
    assert {s.stars for s in stations} == {1, 2, 3, 4, 5} and len({s.district for s in stations}) >= 4
    assert db.session.scalar(sa.select(sa.func.count()).select_from(StationDeputy)) >= 12
    opinions = db.session.scalars(sa.select(Comment).where(Comment.station_id.is_not(None))).all()
    assert len(opinions) == 10 and {c.consultation.slug for c in opinions} == {"park-regulation"}
    assert {c.source for c in opinions} == {"liaison_station"}
    matters = db.session.scalars(sa.select(StationMatter)).all()
    assert len(matters) == 6 and sum(m.suggestion_id is not None for m in matters) == 2
    page = client.get("/stations").text
    assert "滨江区人民路街道代表联络站" in page and "林海峰" in page and "@" not in page
    client.post("/staff/login", data={"email": "station1@example.org", "password": "consult-demo-2026"})
    home = client.get("/staff/station")
    assert home.status_code == 200 and "人民路菜市场" in home.text
