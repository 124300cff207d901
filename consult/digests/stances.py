"""Stance toward the article, per comment: drafters tag, the model suggests the rest.

A refresh reads one article's comments (or the whole draft's general ones), runs the stance model
with the drafters' tags, and stores each suggestion with its confidence and the few comments worth
tagging next. It runs in the background after each digest build and after each tag. Services flush;
the job or the view commits.
"""

from __future__ import annotations

from collections import defaultdict

import sqlalchemy as sa

from consult.analysis import stance as model
from consult.db import utcnow
from consult.digests import gather, tallies
from consult.digests.models import STANCES, CommentStance
from consult.errors import DomainError
from consult.extensions import db

ASK = 5  # comments offered as "label these next" per article


class StanceError(DomainError):
    pass


def _stored(consultation_id: int) -> dict[int, CommentStance]:
    rows = db.session.scalars(sa.select(CommentStance).filter_by(consultation_id=consultation_id))
    return {row.comment_id: row for row in rows}


def tag(actor, consultation_id: int, comment_id: int, stance: str) -> CommentStance:
    """A drafter's stance for one comment ("" clears it, handing the comment back to the model)."""
    if stance and stance not in STANCES:
        raise StanceError("unknown_stance")
    row = db.session.get(CommentStance, comment_id) or CommentStance(
        comment_id=comment_id, consultation_id=consultation_id
    )
    row.tag = stance or None
    row.tagged_by_id, row.tagged_at = (actor.id, utcnow()) if stance else (None, None)
    row.ask_rank = None
    db.session.add(row)
    db.session.flush()
    tallies.recount_theme_of(comment_id)
    return row


def refresh(consultation_id: int, article_key: str | None = None) -> int:
    """Suggest a stance for every comment of the consultation (or of one article: its id as a
    string, or "general"); returns how many comments were labelled."""
    groups: dict[str, list[gather.Row]] = defaultdict(list)
    for row in gather.comment_rows(consultation_id):
        if row.state != "rejected":
            groups[str(row.article_id) if row.article_id is not None else "general"].append(row)
    stored = _stored(consultation_id)
    labelled = 0
    for key, rows in groups.items():
        if article_key is None or key == article_key:
            labelled += _refresh_group(consultation_id, rows, stored)
    db.session.flush()
    tallies.recount_consultation(consultation_id)
    return labelled


def _refresh_group(consultation_id: int, rows: list[gather.Row], stored: dict[int, CommentStance]) -> int:
    texts = [row.text for row in rows]
    tokens = [row.tokens.split() for row in rows]
    tags: dict[int, str] = {}
    for i, row in enumerate(rows):
        if row.id in stored and (tagged := stored[row.id].tag):
            tags[i] = tagged
    space = model.comment_space(texts, tokens)  # the costly part: built once for both
    guesses = model.predict(texts, tags, space=space)
    picked = model.ask(texts, tags, ASK, space=space, guesses=guesses)
    asked = {position: rank for rank, position in enumerate(picked, start=1)}
    for i, (row, guess) in enumerate(zip(rows, guesses)):
        record = stored.get(row.id)
        if record is None:
            record = stored[row.id] = CommentStance(comment_id=row.id, consultation_id=consultation_id)
            db.session.add(record)
        if guess.source != "tagged":
            record.suggested, record.confidence, record.suggested_by = guess.stance, guess.confidence, guess.source
        record.ask_rank = asked.get(i)
    return len(rows)
