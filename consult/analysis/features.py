"""Document vectors: word TF-IDF mixed with character bigrams, reduced by LSA."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from scipy import sparse
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.preprocessing import normalize

CHAR_BITS = 17  # hashed character features: 131,072 columns
CHAR_WEIGHT = 0.5  # share of the character part in each vector (word part: the rest)
LSA_DIMS = 40  # enough for a few dozen themes; fewer dims make k easier to choose
LSA_FIT_ROWS = 10_000  # the SVD is fitted on a sample and applied to all: linear in N
CHAR_CHUNK = 100_000  # texts per block of character counts: memory stays flat in N


def _identity(doc: tuple[str, ...]) -> tuple[str, ...]:
    return doc


def word_counts(token_lists: list[tuple[str, ...]]) -> tuple[sparse.csr_matrix, np.ndarray]:
    """Term counts over the token lists, and the vocabulary in column order.

    Words seen in one text only cannot link two texts, so they are dropped once the
    set is large enough for that to matter.
    """
    min_df = 2 if len(token_lists) >= 50 else 1
    vec = CountVectorizer(analyzer=_identity, min_df=min_df, dtype=np.float32)
    try:
        counts = vec.fit_transform(token_lists)
    except ValueError:  # no word kept at all: every text was boilerplate or empty
        return sparse.csr_matrix((len(token_lists), 0), dtype=np.float32), np.array([], dtype=object)
    return counts.tocsr(), vec.get_feature_names_out()


def char_counts(texts: list[str]) -> sparse.csr_matrix:
    """Hashed character unigram and bigram counts of letter-only texts.

    Bigrams make up for segmentation errors and unknown words; built with numpy so
    the cost is a few array passes, not a Python loop over characters.
    """
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    codes = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    shift = np.uint64(64 - CHAR_BITS)
    entries = np.empty((len(codes), 2), dtype=np.int32)
    entries[:, 0] = (codes * np.uint64(0x9E3779B97F4A7C15)) >> shift
    entries[:-1, 1] = ((codes[:-1] * np.uint64(0xC2B2AE3D27D4EB4F)) ^ codes[1:]) * np.uint64(
        0x165667B19E3779F9
    ) >> shift
    # The bigram that would start at a text's last character runs into the next text.
    last = np.cumsum(lengths)[lengths > 0] - 1
    keep = np.ones((len(codes), 2), dtype=bool)
    keep[last, 1] = False
    indices = entries[keep]
    per_text = np.maximum(2 * lengths - 1, 0)
    indptr = np.concatenate(([0], np.cumsum(per_text)))
    m = sparse.csr_matrix(
        (np.ones(len(indices), dtype=np.float32), indices, indptr), shape=(len(texts), 1 << CHAR_BITS)
    )
    m.sum_duplicates()
    return m


def _idf(df: np.ndarray, n: int) -> np.ndarray:
    # scikit-learn's smoothed idf, so a word in every text still counts a little.
    return (np.log((1 + n) / (1 + df)) + 1).astype(np.float32)


def _tfidf(counts: sparse.csr_matrix, idf: np.ndarray) -> sparse.csr_matrix:
    """Sublinear, L2-normalised TF-IDF, computed in place (the counts are consumed)."""
    counts = counts.astype(np.float32, copy=False)
    np.log(counts.data, out=counts.data)
    counts.data += 1
    counts.data *= idf[counts.indices]
    return normalize(counts, copy=False)


def _char_chunks(skeletons: list[str]) -> Iterator[tuple[int, sparse.csr_matrix]]:
    """Character counts 100,000 texts at a time: (first row, counts)."""
    for start in range(0, len(skeletons), CHAR_CHUNK):
        yield start, char_counts(skeletons[start : start + CHAR_CHUNK])


def _fit_sample(
    words: sparse.csr_matrix | None, skeletons: list[str], rows: np.ndarray, norm: np.ndarray
) -> tuple[sparse.csr_matrix, np.ndarray]:
    """The stacked, weighted TF-IDF rows the SVD is fitted on, and the char idf.

    Character counts are built chunk by chunk and dropped, keeping memory flat in
    N; they are built again for the projection (cheaper than holding them).
    """
    df, picked = np.zeros(1 << CHAR_BITS), list[sparse.csr_matrix]()
    for start, m in _char_chunks(skeletons):
        df += np.bincount(m.indices, minlength=1 << CHAR_BITS)
        inside = rows[(rows >= start) & (rows < start + m.shape[0])]
        picked.append(m[inside - start])
    char_idf = _idf(df, len(skeletons))
    blocks = [_tfidf(sparse.vstack(picked, format="csr"), char_idf) * np.float32(CHAR_WEIGHT)]
    if words is not None:
        blocks.insert(0, words[rows] * np.float32(1 - CHAR_WEIGHT))
    sample = sparse.hstack(blocks, format="csr")
    return sparse.diags(1 / norm[rows]) @ sample, char_idf


def document_vectors(
    token_lists: list[tuple[str, ...]],
    skeletons: list[str],
    random_state: int = 0,
    words: sparse.csr_matrix | None = None,
) -> np.ndarray:
    """Unit-length LSA vectors of the texts (rows of zeros for texts with no feature).

    Word TF-IDF and character TF-IDF are weighted and stacked; the SVD is fitted on
    a sample of rows and each block is projected on its share of the components, so
    the full stacked matrix never exists. ``words`` may pass ``word_counts`` output.
    """
    n = len(token_lists)
    if n == 0 or not any(skeletons):
        return np.zeros((n, 1), dtype=np.float32)
    if words is None:
        words, _ = word_counts(token_lists)
    words = _tfidf(words, _idf(np.bincount(words.indices, minlength=words.shape[1]), n)) if words.shape[1] else None
    has_words = np.diff(words.indptr) > 0 if words is not None else np.zeros(n, dtype=bool)
    has_chars = np.array([bool(s) for s in skeletons])
    norm = np.sqrt((1 - CHAR_WEIGHT) ** 2 * has_words + CHAR_WEIGHT**2 * has_chars).astype(np.float32)
    norm[norm == 0] = 1
    rng = np.random.default_rng(random_state)
    rows = np.arange(n) if n <= LSA_FIT_ROWS else np.sort(rng.choice(n, LSA_FIT_ROWS, replace=False))
    sample, char_idf = _fit_sample(words, skeletons, rows, norm)
    # Columns that no two fitted rows share add width (and SVD time) but no direction.
    columns = np.flatnonzero(np.bincount(sample.indices, minlength=sample.shape[1]) >= 2)
    dims = min(LSA_DIMS, len(rows) - 1, len(columns) - 1)
    if dims < 2:  # a handful of texts sharing almost nothing: nothing to reduce
        return (
            np.zeros((n, 1), dtype=np.float32)
            if n > len(rows)
            else normalize(np.asarray(sample.todense(), dtype=np.float32))
        )
    return _project(words, skeletons, sample, columns, dims, char_idf, norm, random_state)


def _project(
    words: sparse.csr_matrix | None,
    skeletons: list[str],
    sample: sparse.csr_matrix,
    columns: np.ndarray,
    dims: int,
    char_idf: np.ndarray,
    norm: np.ndarray,
    random_state: int,
) -> np.ndarray:
    """Fit the SVD on the sample's shared columns; project every text, one block at a time."""
    n = len(skeletons)
    svd = TruncatedSVD(dims, algorithm="randomized", n_iter=3, random_state=random_state)
    svd.fit(sample[:, columns])
    full = np.zeros((sample.shape[1], dims), dtype=np.float32)
    full[columns] = svd.components_.T
    split = words.shape[1] if words is not None else 0
    out = words @ (full[:split] * np.float32(1 - CHAR_WEIGHT)) if words is not None else np.zeros((n, dims), np.float32)
    char_part = full[split:] * np.float32(CHAR_WEIGHT)
    for start, m in _char_chunks(skeletons):
        out[start : start + m.shape[0]] += _tfidf(m, char_idf) @ char_part
    vectors: np.ndarray = normalize(out / norm[:, None]).astype(np.float32)
    return vectors
