"""Digests across rounds: one article (the same `Article` however a later version numbers it) with
what residents said about it in every round of its draft, so a drafter reading the second round's
comments sees the first round's beside them."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import sqlalchemy as sa

from consult.comments.models import Comment
from consult.digests import stance_queries
from consult.digests.models import Theme
from consult.digests.stance_queries import StanceSplit
from consult.drafts.models import Consultation, DraftVersion
from consult.drafts.queries import load_structure
from consult.extensions import db


@dataclass
class RoundCell:
    """One article in one round."""

    number: str  # as that round's version numbers it
    received: int = 0  # comments, every state but rejected
    split: StanceSplit | None = None
    themes: list[Theme] = field(default_factory=list)  # live, largest first

    @property
    def answered(self) -> int:
        return sum(1 for t in self.themes if t.decision)


@dataclass
class AcrossRounds:
    rounds: list[Consultation]
    # (the article's number in the round asked about, or its number where it last stood; its id) → cells
    rows: list[tuple[str, int, dict[int, RoundCell]]]


def rounds_of(consultation: Consultation) -> list[Consultation]:
    """Every round of the consultation's draft, oldest version first."""
    return list(
        db.session.scalars(
            sa.select(Consultation)
            .join(DraftVersion, DraftVersion.id == Consultation.version_id)
            .where(Consultation.draft_id == consultation.draft_id)
            .order_by(DraftVersion.position, Consultation.id)
        )
    )


def _received(round_ids: list[int], article_id: int | None) -> dict[tuple[int, int | None], int]:
    only = Comment.article_id.is_not(None) if article_id is None else Comment.article_id == article_id
    rows = db.session.execute(
        sa.select(Comment.consultation_id, Comment.article_id, sa.func.count())
        .where(Comment.consultation_id.in_(round_ids), Comment.state != "rejected", only)
        .group_by(Comment.consultation_id, Comment.article_id)
    )
    return {(c, a): n for c, a, n in rows}


def _themes(round_ids: list[int]) -> dict[tuple[int, int | None], list[Theme]]:
    found: dict[tuple[int, int | None], list[Theme]] = defaultdict(list)
    themes = db.session.scalars(
        sa.select(Theme)
        .where(Theme.consultation_id.in_(round_ids), Theme.retired.is_(False))
        .order_by(Theme.size.desc(), Theme.id)
    )
    for theme in themes:
        found[(theme.consultation_id, theme.article_id)].append(theme)
    return found


def across_rounds(consultation: Consultation, article_id: int | None = None) -> AcrossRounds:
    """Every article of the draft (or just `article_id`) in every round, in this round's order; an
    article this round no longer has follows, numbered as it last stood."""
    rounds = rounds_of(consultation)
    if article_id is not None and len(rounds) < 2:  # an article page shows other rounds only
        return AcrossRounds(rounds, [])
    ids = [r.id for r in rounds]
    received, themes = _received(ids, article_id), _themes(ids)
    splits = {r.id: stance_queries.by_article(r.id) for r in rounds}
    numbers = {r.id: {a.article_id: a.number for a in load_structure(r.version_id).articles} for r in rounds}
    order = list(numbers[consultation.id])
    for r in reversed(rounds):
        order += [a for a in numbers[r.id] if a not in order]
    rows = []
    for each in order if article_id is None else [article_id]:
        cells = {
            r.id: RoundCell(numbers[r.id][each], received.get((r.id, each), 0), splits[r.id].get(each),
                            themes.get((r.id, each), []))
            for r in rounds
            if each in numbers[r.id]
        }  # fmt: skip
        if not cells:
            continue
        shown = numbers[consultation.id].get(each) or next(c.number for c in reversed(cells.values()))
        rows.append((shown, each, cells))
    return AcrossRounds(rounds, rows)
