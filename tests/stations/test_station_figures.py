"""Each station's figures: opinions (all, and of the last 90 days), matters, matters turned into
suggestions, deputies — for every station in a few grouped queries."""

from datetime import date, timedelta

from station_builders import make_station, station_with_deputy

from consult.comments.privacy import contact_cipher
from consult.comments.services import CommentInput
from consult.db import utcnow
from consult.extensions import db
from consult.stations import services
from consult.stations.figures import station_figures, total

from factories import make_draft, statements

TODAY = date(2026, 5, 20)


def _opinion(account, consultation, body: str):
    return services.record_opinion(
        account, consultation, None, CommentInput(body=body), cipher=contact_cipher(), max_chars=5000, now=utcnow()
    )


def test_figures_count_what_each_station_recorded(app):
    busy, account, deputy = station_with_deputy()
    quiet = make_station("海港社区代表联络站")
    consultation = make_draft()
    for n in range(3):
        _opinion(account, consultation, f"第{n}条意见")
    old = _opinion(account, consultation, "很早以前的意见")
    old.created_at = utcnow() - timedelta(days=120)
    matters = [services.record_matter(account, f"事项{n}。", TODAY, deputy, today=TODAY) for n in range(2)]
    services.turn_into_suggestion(deputy, matters[0])
    db.session.commit()
    with statements() as sent:
        figures = station_figures(utcnow())
    assert len(sent) == 3  # one grouped query each for opinions, matters and deputies
    mine = figures[busy.id]
    assert (mine.opinions, mine.recent_opinions, mine.matters, mine.suggestions, mine.deputies) == (4, 3, 2, 1, 1)
    assert figures[quiet.id].opinions == 0 and figures[quiet.id].deputies == 0
    assert total([figures[busy.id], figures[quiet.id]]).opinions == 4
