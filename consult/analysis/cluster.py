"""Clustering of unit-length vectors, choosing the number of themes by silhouette."""

from __future__ import annotations

import numpy as np
from sklearn.cluster import KMeans, MiniBatchKMeans
from sklearn.metrics import pairwise_distances

SAMPLE = 2000  # rows used to compare candidate k
FULL_KMEANS_MAX = 20_000
PARSIMONY = 0.9  # accept a k whose silhouette is within 10 % of the best
SCOPE_K = {"article": (2, 8), "draft": (4, 30)}


def k_candidates(n: int, scope: str) -> list[int]:
    """The numbers of themes worth trying for ``n`` distinct texts in ``scope``.

    The upper end grows with the square root of N (a few texts cannot carry many
    themes) and is capped per scope: a drafter wants a handful per article.
    """
    low, high = SCOPE_K[scope]
    high = min(high, max(2, int(np.sqrt(n / 2))), n - 1)
    low = min(low, high)
    # Steps grow with k (4, 5, 6, 7, 8, 10, 12, 14, 17, 20, 24, 29): telling 29
    # themes from 30 matters less than telling 4 from 5, and each try costs a fit.
    ks, k = [], low
    while k <= high:
        ks.append(k)
        k = max(k + 1, round(k * 1.2))
    return ks


def _kmeans(k: int, n: int, random_state: int) -> KMeans | MiniBatchKMeans:
    if n <= FULL_KMEANS_MAX:
        return KMeans(k, n_init=10 if n < 2000 else 3, random_state=random_state)
    return MiniBatchKMeans(k, n_init=3, batch_size=4096, random_state=random_state)


def silhouette(distances: np.ndarray, labels: np.ndarray) -> float:
    """The mean silhouette of ``labels`` (two or more clusters) over the points' precomputed ``distances``.

    What scikit-learn's ``silhouette_score(metric="precomputed")`` gives (to float32 rounding), but each
    point's summed distance to each cluster comes from one matrix product, where scikit-learn adds them
    up point by point in a Python loop: half of a 100k digest's clustering time went there.
    """
    _, labels = np.unique(labels, return_inverse=True)
    n = len(labels)
    members = np.zeros((n, labels.max() + 1), dtype=distances.dtype)
    members[np.arange(n), labels] = 1
    sums = (distances @ members).astype(np.float64)
    sizes = np.bincount(labels).astype(np.float64)
    points = np.arange(n)
    with np.errstate(divide="ignore", invalid="ignore"):
        own = sums[points, labels] / (sizes[labels] - 1)  # mean distance within its cluster
        sums[points, labels] = np.inf
        nearest = (sums / sizes).min(axis=1)  # mean distance to the nearest other cluster
        scores = (nearest - own) / np.maximum(own, nearest)
    return float(np.mean(np.nan_to_num(scores)))  # a point alone in its cluster scores 0


def choose_k(x: np.ndarray, weights: np.ndarray, candidates: list[int], random_state: int) -> int:
    """The candidate k whose clustering of a sample has the best silhouette."""
    if len(candidates) == 1:
        return candidates[0]
    rng = np.random.default_rng(random_state)
    idx = np.arange(len(x)) if len(x) <= SAMPLE else np.sort(rng.choice(len(x), SAMPLE, replace=False))
    sample, w = x[idx], weights[idx]
    distances = pairwise_distances(sample)  # once, for every candidate
    scores = {}
    for k in candidates:
        labels = KMeans(k, n_init=1, max_iter=60, random_state=random_state).fit_predict(sample, sample_weight=w)
        if len(np.unique(labels)) > 1:
            scores[k] = silhouette(distances, labels)
    if not scores:
        return 1
    # On text the silhouette keeps creeping up as themes split into sub-themes; the
    # smallest k that comes close to the best is the one a drafter can take in.
    best = max(scores.values())
    return min(k for k, s in scores.items() if s >= PARSIMONY * best)


def cluster_vectors(x: np.ndarray, weights: np.ndarray, k: int | None, scope: str, random_state: int = 0) -> np.ndarray:
    """Cluster labels 0..k-1 for the rows of ``x``, weighted by copy counts."""
    n = len(x)
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    if k is None:
        k = choose_k(x, weights, k_candidates(n, scope), random_state) if n >= 4 else 1
    k = max(1, min(k, n))
    if k == 1:
        return np.zeros(n, dtype=np.int64)
    labels = _kmeans(k, n, random_state).fit_predict(x, sample_weight=weights)
    # Renumber by decreasing weight so theme 0 is the largest, whatever k-means did.
    sizes = np.bincount(labels, weights=weights, minlength=k)
    rank = np.empty(k, dtype=np.int64)
    rank[np.lexsort((np.arange(k), -sizes))] = np.arange(k)
    renumbered: np.ndarray = rank[labels]
    return renumbered
