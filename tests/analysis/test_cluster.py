"""Choosing the number of themes: the silhouette it compares candidates by."""

import numpy as np
import pytest
from sklearn.metrics import pairwise_distances, silhouette_score

from consult.analysis.cluster import choose_k, silhouette


def _points(rng, n, dims=8, dtype=np.float32):
    x = rng.normal(size=(n, dims)).astype(dtype)
    x[n // 3] = x[0]  # two identical points: a zero distance off the diagonal
    return x


@pytest.mark.parametrize("seed", range(12))
def test_silhouette_is_scikit_learns(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(3, 400))
    distances = pairwise_distances(_points(rng, n, dtype=np.float32 if seed % 2 else np.float64))
    k = int(rng.integers(2, min(n, 12) + 1))
    labels = rng.integers(0, k, n) * 3  # labels need not run 0..k-1
    labels[0] = 999  # a cluster of one point scores 0
    if len(np.unique(labels)) < 2:
        labels[1] = 3
    expected = silhouette_score(distances, labels, metric="precomputed")
    assert silhouette(distances, labels) == pytest.approx(expected, rel=1e-5, abs=1e-6)


def test_silhouette_of_well_separated_clusters_is_near_one_and_of_a_bad_split_is_low():
    rng = np.random.default_rng(1)
    centres = np.array([[0.0, 0.0], [50.0, 0.0], [0.0, 50.0]])
    x = np.vstack([c + rng.normal(size=(40, 2)) for c in centres])
    truth = np.repeat(np.arange(3), 40)
    distances = pairwise_distances(x)
    assert silhouette(distances, truth) > 0.9
    assert silhouette(distances, rng.permutation(truth)) < 0.1


def test_choose_k_finds_the_number_of_separated_groups():
    rng = np.random.default_rng(2)
    centres = rng.normal(size=(5, 20)) * 10
    x = np.vstack([c + rng.normal(size=(60, 20)) for c in centres]).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    assert choose_k(x, np.ones(len(x)), [2, 3, 4, 5, 6, 7, 8], random_state=0) == 5
