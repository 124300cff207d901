"""Suggestions about the same matter: deputies from different places write the same request in their
own words, so near-copy detection (dedup.py, MinHash over shingles) misses most of them. Texts are
compared by cosine over character 1–2-gram TF-IDF (no segmentation: place names and domain words the
dictionary lacks still match). Paraphrases score low in absolute terms but rank first, so grouping
links mutual nearest neighbours above a floor rather than trusting one global threshold. Pure: texts
in, positions and scores out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components
from sklearn.feature_extraction.text import TfidfVectorizer

from consult.analysis.normalize import normalize_text

# Measured on paraphrased pairs written for the tests: pairs score 0.20–0.45, unrelated texts rarely
# above 0.2; the demo's copies with another place name score above 0.9.
SAME_MATTER = 0.2
LIKELY_DUPLICATE = 0.45
NEIGHBOURS = 2  # a group links texts that are among each other's two nearest …
CLOSE_TO_BEST = 0.6  # … and nearly as near as each one's nearest (a twin keeps its distant cousins out)
CHUNK = 512  # rows of the similarity matrix held at once


def _vectoriser() -> TfidfVectorizer:
    return TfidfVectorizer(analyzer="char", ngram_range=(1, 2), sublinear_tf=True)


def _vectors(texts: list[str], background: Sequence[str] = ()) -> csr_matrix:
    """TF-IDF rows of `texts`, weights learnt from them and `background`: compared among a handful of
    texts, a district name two of them share would otherwise weigh like the matter itself."""
    vectoriser = _vectoriser()
    normalized = [normalize_text(t) for t in texts]
    vectoriser.fit([*normalized, *(normalize_text(t) for t in background)])
    return vectoriser.transform(normalized).tocsr()


@dataclass(frozen=True)
class Index:
    """Texts vectorised once, asked many times which of them are most like a new text."""

    vectoriser: TfidfVectorizer
    rows: csr_matrix

    @classmethod
    def build(cls, texts: list[str]) -> Index:
        vectoriser = _vectoriser()
        rows = vectoriser.fit_transform([normalize_text(t) for t in texts]).tocsr() if texts else csr_matrix((0, 0))
        return cls(vectoriser, rows)

    def nearest(
        self, text: str, top: int = 5, floor: float = SAME_MATTER, skip: int | None = None
    ) -> list[tuple[int, float]]:
        """Positions of the indexed texts most like `text`, best first, as (position, cosine) at or
        above `floor`; `skip`: the text's own position when it is indexed too."""
        if self.rows.shape[0] == 0:
            return []
        scores = (self.rows @ self.vectoriser.transform([normalize_text(text)]).T).toarray().ravel()
        if skip is not None:
            scores[skip] = -1.0
        order = np.argsort(-scores)[:top]
        return [(int(i), float(scores[i])) for i in order if scores[i] >= floor]


def nearest(texts: list[str], index: int, top: int = 5, floor: float = SAME_MATTER) -> list[tuple[int, float]]:
    """The texts most like texts[index], best first, as (position, cosine) at or above `floor`."""
    if len(texts) < 2:
        return []
    return Index.build(texts).nearest(texts[index], top, floor, skip=index)


def _top_neighbours(x: csr_matrix, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Each row's k nearest other rows and their scores, computed CHUNK rows at a time."""
    n = x.shape[0]
    ids, scores = np.zeros((n, k), dtype=np.int64), np.zeros((n, k))
    for start in range(0, n, CHUNK):
        block = (x[start : start + CHUNK] @ x.T).toarray()
        block[np.arange(len(block)), np.arange(start, start + len(block))] = -1.0
        best = np.argsort(-block, axis=1)[:, :k]
        ids[start : start + len(block)] = best
        scores[start : start + len(block)] = np.take_along_axis(block, best, axis=1)
    return ids, scores


def groups(
    texts: list[str], background: Sequence[str] = (), floor: float = SAME_MATTER, k: int = NEIGHBOURS
) -> np.ndarray:
    """A label per text: texts among each other's k nearest, with a cosine at or above `floor` and
    close to each one's best match, are linked; linked texts (through any chain) share a label.
    `background`: more texts of the same kind, only to weigh words by (e.g. every suggestion sent)."""
    n = len(texts)
    if n < 2:
        return np.arange(n)
    k = min(k, n - 1)
    ids, scores = _top_neighbours(_vectors(texts, background), k)
    rows = np.repeat(np.arange(n), k)
    best = scores[:, 0]
    cols, flat = ids.ravel(), scores.ravel()
    near = (flat >= floor) & (flat >= CLOSE_TO_BEST * best[rows]) & (flat >= CLOSE_TO_BEST * best[cols])
    pairs = set(zip(rows[near].tolist(), cols[near].tolist(), strict=True))
    mutual = [(a, b) for a, b in pairs if a < b and (b, a) in pairs]
    graph = csr_matrix((np.ones(len(mutual)), tuple(np.array(mutual, dtype=np.int64).T.reshape(2, -1))), shape=(n, n))
    labels: np.ndarray = connected_components(graph, directed=False)[1]
    return labels
