"""What hearings add to other domains' pages: the hearings announced on a draft."""

from __future__ import annotations

from consult import hooks
from consult.db import utcnow
from consult.hearings import queries


@hooks.draft_page.connect
def announced_hearings(_app, consultation, **_):
    return {"open_hearings": queries.upcoming_public(utcnow(), consultation.id)}
