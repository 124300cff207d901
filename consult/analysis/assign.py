"""Put new comments into themes a drafter has already shaped, when they are close enough."""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import TypeVar

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

K = TypeVar("K", bound=Hashable)


def _identity(tokens: Sequence[str]) -> Sequence[str]:
    return tokens


def assign_to_groups(
    groups: Mapping[K, Sequence[Sequence[str]]], candidates: Sequence[Sequence[str]], *, threshold: float = 0.2
) -> list[tuple[K | None, float]]:
    """For each candidate token list, the key of the group whose centroid is most similar (cosine of
    TF-IDF vectors) and that similarity; None when no group reaches `threshold` or the candidate has
    no tokens."""
    keys = [key for key, members in groups.items() if any(members)]
    if not keys or not candidates:
        return [(None, 0.0)] * len(candidates)
    documents = [list(tokens) for key in keys for tokens in groups[key]] + [list(t) for t in candidates]
    if not any(documents):
        return [(None, 0.0)] * len(candidates)
    vectorizer = TfidfVectorizer(analyzer=_identity, sublinear_tf=True)
    matrix = vectorizer.fit_transform(documents)
    owners = np.repeat(np.arange(len(keys)), [len(groups[key]) for key in keys])
    member_rows = matrix[: len(owners)]
    centroids = np.vstack([np.asarray(member_rows[owners == i].mean(axis=0)) for i in range(len(keys))])
    centroids = normalize(centroids)
    similarity = np.asarray(matrix[len(owners) :] @ centroids.T)  # sparse × dense: a dense array
    best, scores = similarity.argmax(axis=1), similarity.max(axis=1)
    return [
        (keys[b], round(float(score), 3)) if score >= threshold and candidates[i] else (None, 0.0)
        for i, (b, score) in enumerate(zip(best, scores))
    ]
