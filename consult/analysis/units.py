"""The units themes are made of: the points of each distinct comment (see point_split.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .bulk import segment_many
from .models import CommentInput
from .normalize import skeleton
from .point_split import Point, split_points, tokens_by_point
from .tokenizer import Tokenizer, default_tokenizer


@dataclass(frozen=True)
class Units:
    """One row per point. ``owner`` is the index of the comment it comes from; ``main`` marks each
    comment's main point (its longest: the one a one-line summary of the comment would name)."""

    owner: np.ndarray
    main: np.ndarray
    texts: list[str]
    tokens: list[tuple[str, ...]]

    @property
    def skeletons(self) -> list[str]:
        return [skeleton(t) for t in self.texts]


def point_units(
    comments: Sequence[CommentInput],
    normalized: dict[int, str],
    reps: np.ndarray,
    tokenizer: Tokenizer | None,
    workers: int,
) -> Units:
    """Split each representative comment into its points and give every point its tokens: shared
    out from the comment's stored tokens where it has them, segmented afresh where not."""
    owners: list[int] = []
    texts: list[str] = []
    tokens: list[tuple[str, ...] | None] = []
    for i in map(int, reps):
        text = normalized[i]
        points = split_points(text) or [Point(0, len(text), text)]
        stored = comments[i].tokens
        shared = tokens_by_point(text, _as_tuple(stored), points) if stored is not None else [None] * len(points)
        owners.extend([i] * len(points))
        texts.extend(p.text for p in points)
        tokens.extend(shared)
    missing = [u for u, t in enumerate(tokens) if t is None]
    if missing:  # loading jieba's dictionary costs a second; stored tokens need none of it
        fresh = segment_many(tokenizer or default_tokenizer(), [texts[u] for u in missing], workers)
        for u, t in zip(missing, fresh):
            tokens[u] = t
    done = [t if t is not None else () for t in tokens]
    owner = np.asarray(owners, dtype=np.int64)
    return Units(owner, _main_points(owner, done, texts), texts, done)


def _as_tuple(stored: Sequence[str] | str) -> tuple[str, ...]:
    # Tokens stored by the web layer may arrive as one space-joined string.
    return tuple(stored.split()) if isinstance(stored, str) else tuple(stored)


def _main_points(owner: np.ndarray, tokens: list[tuple[str, ...]], texts: list[str]) -> np.ndarray:
    main = np.zeros(len(owner), dtype=bool)
    best: dict[int, tuple[int, int, int]] = {}
    for u, o in enumerate(owner.tolist()):
        size = (len(tokens[u]), len(texts[u]))
        if o not in best or size > best[o][:2]:
            best[o] = (*size, u)
    main[[u for *_size, u in best.values()]] = True
    return main
