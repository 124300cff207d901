"""Choosing speakers so every side of every contested article is heard. Pure: no database, no Flask.

A "side" is one stance (赞成 / 反对 / 建议修改) on one article. The proposal first gives each side that
has applicants a speaker, the most contested articles first; then it evens out the sides of each
article; then it prefers districts and kinds of participant not yet heard; earlier applications win
ties. Every pick says why it was made, and every side left without a speaker is reported.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

STANCES = ("for", "against", "amend")

Side = tuple[int, str]  # (article id, stance)


@dataclass(frozen=True)
class Applicant:
    id: int
    stance: str | None
    district: str | None
    role: str
    article_ids: tuple[int, ...]
    created_at: datetime

    @classmethod
    def of(cls, registration) -> Applicant:
        """From anything shaped like a speaker's registration."""
        r = registration
        return cls(r.id, r.stance, r.district, r.role, tuple(r.article_ids), r.created_at)


@dataclass(frozen=True)
class Pick:
    """One proposed speaker and the reasons: sides first heard through them (with whether they are
    the only applicant on that side), articles whose sides they even out, a new district or role."""

    id: int
    sides: tuple[tuple[int, str, bool], ...]
    evens: tuple[int, ...]
    new_district: bool
    new_role: bool


@dataclass(frozen=True)
class Gap:
    """A side of an article with no speaker: nobody applied for it, or applicants were left out."""

    article_id: int
    stance: str
    applicants: int


def _sides(applicant: Applicant, articles: Sequence[int]) -> list[Side]:
    if applicant.stance not in STANCES:
        return []
    return [(article, applicant.stance) for article in applicant.article_ids if article in articles]


class _Tally:
    """What the list so far holds: speakers per side, per district, per role."""

    def __init__(self, pool: list[Applicant], articles: Sequence[int]):
        self.articles = articles
        self.rank = {article: index for index, article in enumerate(articles)}
        self.order = {a.id: index for index, a in enumerate(pool)}
        self.applied = Counter(side for a in pool for side in _sides(a, articles))
        self.heard: Counter[Side] = Counter()
        self.districts: Counter[str | None] = Counter()
        self.roles: Counter[str] = Counter()

    def new_sides(self, a: Applicant) -> list[Side]:
        return [side for side in _sides(a, self.articles) if not self.heard[side]]

    def evens(self, a: Applicant) -> list[int]:
        """Articles where this applicant's side is now the smallest of the sides that applied."""
        found = []
        for article, stance in _sides(a, self.articles):
            present = [self.heard[(article, s)] for s in STANCES if self.applied[(article, s)]]
            if self.heard[(article, stance)] == min(present):
                found.append(article)
        return found

    def key(self, a: Applicant):
        new = self.new_sides(a)
        best_rank = min((self.rank[article] for article, _ in new), default=len(self.rank))
        return (
            len(new),
            -best_rank,
            len(self.evens(a)),
            self.districts[a.district] == 0,
            self.roles[a.role] == 0,
            -self.order[a.id],
        )

    def take(self, a: Applicant) -> Pick:
        new = tuple((article, stance, self.applied[(article, stance)] == 1) for article, stance in self.new_sides(a))
        first_heard = {article for article, _, _ in new}
        pick = Pick(
            a.id,
            new,
            tuple(article for article in self.evens(a) if article not in first_heard),
            self.districts[a.district] == 0,
            self.roles[a.role] == 0,
        )
        self.heard.update(_sides(a, self.articles))
        self.districts[a.district] += 1
        self.roles[a.role] += 1
        return pick


def propose_speakers(applicants: Iterable[Applicant], slots: int, articles: Sequence[int]) -> list[Pick]:
    """`articles`: the hearing's articles, most contested first."""
    pool = sorted(applicants, key=lambda a: (a.created_at, a.id))
    tally = _Tally(pool, articles)
    picks: list[Pick] = []
    while pool and len(picks) < slots:
        best = max(pool, key=tally.key)
        pool.remove(best)
        picks.append(tally.take(best))
    return picks


def gaps(applicants: Iterable[Applicant], chosen: set[int], articles: Sequence[int]) -> list[Gap]:
    """Sides of the hearing's articles that no chosen speaker takes, most contested article first."""
    pool = list(applicants)
    applied = Counter(side for a in pool for side in _sides(a, articles))
    heard = Counter(side for a in pool if a.id in chosen for side in _sides(a, articles))
    return [
        Gap(article, stance, applied[(article, stance)])
        for article in articles
        for stance in STANCES
        if not heard[(article, stance)]
    ]
