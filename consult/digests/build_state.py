"""What a digest build knows while it runs: the consultation's themes (those stored and those it
creates), the comments drafters pinned, the members each theme had, and where each comment goes.
Nothing here writes: new themes stay unflushed until the build writes its result in one go."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import sqlalchemy as sa

from consult.digests import gather
from consult.digests.models import Theme
from consult.extensions import db


@dataclass(frozen=True)
class Placement:
    theme: Theme
    duplicate_of: int | None
    kind: str
    fit: float | None = None  # how surely the comment belongs (None: placed by a drafter)


@dataclass
class BuildState:
    consultation_id: int
    stored: dict[int, Theme]  # theme id → theme
    pinned: dict[int, int]  # comment id → theme id, placed by hand
    previous: dict[int, set[int]]  # theme id → its members after the last build
    fresh: list[Theme] = field(default_factory=list)  # created by this build, not yet stored
    placements: dict[int, Placement] = field(default_factory=dict)  # comment id → where it goes
    # comment id → (theme, fit) for each other theme a comment's points speak to
    mentions: dict[int, list[tuple[Theme, float]]] = field(default_factory=dict)

    @classmethod
    def load(cls, consultation_id: int) -> BuildState:
        stored = db.session.scalars(sa.select(Theme).filter_by(consultation_id=consultation_id))
        return cls(
            consultation_id,
            {t.id: t for t in stored},
            gather.pinned_members(consultation_id),
            gather.current_members(consultation_id),
        )

    def live_stored(self, article_id: int | None, *, shaped: bool) -> dict[int, Theme]:
        """Stored themes of one article (None: the whole draft) that are still live."""
        return {
            tid: t
            for tid, t in self.stored.items()
            if t.shaped == shaped and not t.retired and t.article_id == article_id
        }

    def new_theme(self, article_id: int | None) -> Theme:
        theme = Theme(
            consultation_id=self.consultation_id,
            article_id=article_id,
            kinds={},
            keywords=[],
            representative_ids=[],
            size=0,
            shaped=False,
            retired=False,
            revision=1,
        )
        self.fresh.append(theme)
        return theme

    def place(
        self, comment_id: int, theme: Theme, kind: str, duplicate_of: int | None = None, fit: float | None = None
    ) -> None:
        self.placements[comment_id] = Placement(theme, duplicate_of, kind, fit)

    def mention(self, comment_id: int, theme: Theme, fit: float) -> None:
        self.mentions.setdefault(comment_id, []).append((theme, fit))

    def themes(self) -> list[Theme]:
        return [*self.stored.values(), *self.fresh]

    def members(self) -> dict[int, list[tuple[int, str]]]:
        """Theme id → (comment id, kind) of each member (after the new themes are flushed)."""
        found: dict[int, list[tuple[int, str]]] = defaultdict(list)
        for comment_id, placement in self.placements.items():
            found[placement.theme.id].append((comment_id, placement.kind))
        return found
