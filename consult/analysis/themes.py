"""Describing clusters: c-TF-IDF labels and central, mutually distinct representatives."""
from __future__ import annotations

import numpy as np
from scipy import sparse

KEYWORDS = 6
LABEL_WORDS = 3
REPRESENTATIVES = 3
TOO_SIMILAR = 0.92  # cosine above which two representatives say the same thing


def _distinct(words: list[str], limit: int) -> list[str]:
    """Keep the best words, skipping one that is part of (or contains) a kept one."""
    kept: list[str] = []
    for w in words:
        if not any(w in k or k in w for k in kept):
            kept.append(w)
        if len(kept) == limit:
            break
    return kept


def theme_keywords(counts: sparse.csr_matrix, vocab, weights: np.ndarray, labels: np.ndarray,
                   k: int) -> list[list[str]]:
    """The best words of each cluster by class-based TF-IDF (BERTopic's c-TF-IDF).

    A word scores high for a cluster when it is frequent there (copies counted) and
    rare in the other clusters; words used in a single comment are left out when
    the cluster has more than a few comments.
    """
    if counts.shape[1] == 0:
        return [[] for _ in range(k)]
    present = (counts > 0).astype(np.float32)
    member = sparse.csr_matrix((weights.astype(np.float32), (labels, np.arange(len(labels)))),
                               shape=(k, len(labels)))
    tf = np.asarray((member @ present).todense())
    docs = np.asarray((sparse.csr_matrix((np.ones(len(labels)), (labels, np.arange(len(labels)))),
                                         shape=(k, len(labels))) @ present).todense())
    avg_words = tf.sum() / k
    idf = np.log1p(avg_words / np.maximum(tf.sum(axis=0), 1e-9))
    score = tf / np.maximum(tf.sum(axis=1, keepdims=True), 1e-9) * idf
    sizes = np.bincount(labels, minlength=k)
    result = []
    for c in range(k):
        # A word that only one distinct comment uses does not describe a theme.
        eligible = docs[c] >= (2 if sizes[c] >= 4 else 1)
        order = np.argsort(-np.where(eligible, score[c], -1.0), kind="stable")
        result.append(_distinct([vocab[i] for i in order[:KEYWORDS * 3] if eligible[i]], KEYWORDS))
    return result


def representatives(x: np.ndarray, weights: np.ndarray, members: np.ndarray) -> list[int]:
    """Up to three members closest to the cluster's centre that differ from each other."""
    centre = (x[members] * weights[members, None]).sum(axis=0)
    norm = np.linalg.norm(centre)
    closeness = x[members] @ (centre / norm) if norm else np.zeros(len(members))
    chosen: list[int] = []
    for i in np.argsort(-closeness, kind="stable"):
        row = members[i]
        if all(float(x[row] @ x[j]) < TOO_SIMILAR for j in chosen):
            chosen.append(int(row))
        if len(chosen) == REPRESENTATIVES:
            break
    return chosen


def label_of(keywords: list[str]) -> str:
    """A short label from the best keywords."""
    return "、".join(keywords[:LABEL_WORDS]) or "（无关键词）"
