"""Near-duplicate proposals for 并案: the suggestions most like one being checked, and groups of the
suggestions awaiting a decision that ask for the same thing (analysis/similar.py does the comparing)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import sqlalchemy as sa

from consult.analysis import similar
from consult.extensions import db
from consult.suggestions.models import Suggestion

UNDECIDED = ("submitted", "accepted")
# A suggestion may be merged into one already accepted or further on (states.py, services.merge).
TARGETS = ("accepted", "assigned", "answered", "closed")


@dataclass(frozen=True)
class Match:
    suggestion: Suggestion
    score: float

    @property
    def likely_duplicate(self) -> bool:
        return self.score >= similar.LIKELY_DUPLICATE

    @property
    def may_merge_into(self) -> bool:
        return self.suggestion.state in TARGETS


def _text(suggestion: Suggestion) -> str:
    return f"{suggestion.title} {suggestion.body}"


def _sent_fingerprint() -> tuple:
    """Changes whenever the set of sent suggestions does (sent texts are never edited: only drafts are),
    and differs between databases."""
    sent = sa.select(
        sa.func.count(Suggestion.id), sa.func.max(Suggestion.id), sa.func.sum(Suggestion.id),
        sa.func.max(Suggestion.submitted_at),
    ).where(Suggestion.state.notin_(("draft", "merged")))  # fmt: skip
    return (str(db.engine.url), *db.session.execute(sent).one())


@lru_cache(maxsize=4)
def _index(_fingerprint: tuple) -> tuple[list[int], similar.Index]:
    """The sent suggestions vectorised once per change to them (per worker process)."""
    rows = db.session.execute(
        sa.select(Suggestion.id, Suggestion.title, Suggestion.body)
        .where(Suggestion.state.notin_(("draft", "merged"))).order_by(Suggestion.id)
    ).all()  # fmt: skip
    return [r.id for r in rows], similar.Index.build([f"{r.title} {r.body}" for r in rows])


def similar_to(suggestion: Suggestion, top: int = 5) -> list[Match]:
    """Sent suggestions (not merged away) most like this one, best first."""
    ids, index = _index(_sent_fingerprint())
    own = ids.index(suggestion.id) if suggestion.id in ids else None
    hits = index.nearest(_text(suggestion), top, skip=own)
    found = {
        s.id: s for s in db.session.scalars(sa.select(Suggestion).where(Suggestion.id.in_([ids[i] for i, _ in hits])))
    }
    return [Match(found[ids[i]], score) for i, score in hits]


def undecided_groups() -> list[list[Suggestion]]:
    """Groups of two or more suggestions awaiting 立案 or 交办 that ask for the same thing, largest first."""
    sent = db.session.scalars(
        sa.select(Suggestion).where(Suggestion.state.notin_(("draft", "merged"))).order_by(Suggestion.id)
    ).all()
    pool = [s for s in sent if s.state in UNDECIDED]
    labels = similar.groups([_text(s) for s in pool], background=[_text(s) for s in sent if s.state not in UNDECIDED])
    grouped: dict[int, list[Suggestion]] = {}
    for suggestion, label in zip(pool, labels, strict=True):
        grouped.setdefault(int(label), []).append(suggestion)
    found = [members for members in grouped.values() if len(members) > 1]
    return sorted(found, key=lambda members: (-len(members), members[0].id))
