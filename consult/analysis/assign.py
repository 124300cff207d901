"""Put comments into themes a drafter has already shaped, when they are close enough."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import TypeVar

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

K = TypeVar("K", bound=Hashable)


def _identity(tokens: Sequence[str]) -> Sequence[str]:
    return tokens


def assign_to_groups(
    groups: Mapping[K, Sequence[Sequence[str]]],
    candidates: Sequence[Sequence[str]],
    *,
    threshold: float = 0.2,
    current: Sequence[K | None] | None = None,
) -> list[tuple[K | None, float]]:
    """For each candidate token list, the key of the group whose centroid is most similar (cosine of
    TF-IDF vectors) and that similarity; None when no group reaches `threshold` or the candidate has
    no tokens. `current` names the group each candidate already sits in (its tokens among that group's):
    it is left out of that centroid, so a comment is not held where it is by its own words."""
    keys = [key for key, members in groups.items() if any(members)]
    if not keys or not candidates:
        return [(None, 0.0)] * len(candidates)
    documents = [list(tokens) for key in keys for tokens in groups[key]] + [list(t) for t in candidates]
    if not any(documents):
        return [(None, 0.0)] * len(candidates)
    matrix = TfidfVectorizer(analyzer=_identity, sublinear_tf=True).fit_transform(documents)
    sizes = np.array([len(groups[key]) for key in keys])
    owners = np.repeat(np.arange(len(keys)), sizes)
    sums = np.vstack([np.asarray(matrix[: len(owners)][owners == i].sum(axis=0)) for i in range(len(keys))])
    norms = np.linalg.norm(sums, axis=1)
    vectors = matrix[len(owners) :]
    raw = np.asarray((vectors @ sums.T))  # v·sum for every group: sparse × dense
    scores = raw / (norms + 1e-12)
    if current is not None:
        _leave_one_out(scores, raw, norms, vectors, {key: i for i, key in enumerate(keys)}, current)
    best, top = scores.argmax(axis=1), scores.max(axis=1)
    return [
        (keys[b], round(float(score), 3)) if score >= threshold and candidates[i] else (None, 0.0)
        for i, (b, score) in enumerate(zip(best, top))
    ]


def _leave_one_out(
    scores: np.ndarray,
    raw: np.ndarray,
    norms: np.ndarray,
    vectors: sparse.csr_matrix,
    position: dict[Hashable, int],
    current: Sequence[Hashable | None],
) -> None:
    """Rescore each candidate against the group it sits in without itself: v·(s − v) / ‖s − v‖,
    where ‖s − v‖² = ‖s‖² − 2 v·s + ‖v‖²."""
    self_norm = np.asarray(vectors.multiply(vectors).sum(axis=1)).ravel()
    for i, key in enumerate(current):
        own = position.get(key) if key is not None else None
        if own is None:
            continue
        rest = norms[own] ** 2 - 2 * raw[i, own] + self_norm[i]
        scores[i, own] = (raw[i, own] - self_norm[i]) / np.sqrt(rest) if rest > 1e-12 else 0.0
