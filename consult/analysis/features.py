"""Document vectors: word TF-IDF mixed with character bigrams, reduced by LSA."""
from __future__ import annotations

import numpy as np
from scipy import sparse
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer
from sklearn.preprocessing import normalize

CHAR_BITS = 17        # hashed character features: 131,072 columns
CHAR_WEIGHT = 0.5      # share of the character part in each vector (word part: the rest)
LSA_DIMS = 40       # enough for a few dozen themes; fewer dims make k easier to choose
LSA_FIT_ROWS = 10_000  # the SVD is fitted on a sample and applied to all: linear in N


def _identity(doc):
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
    entries[:-1, 1] = ((codes[:-1] * np.uint64(0xC2B2AE3D27D4EB4F)) ^ codes[1:]) * np.uint64(0x165667B19E3779F9) >> shift
    # The bigram that would start at a text's last character runs into the next text.
    last = np.cumsum(lengths)[lengths > 0] - 1
    keep = np.ones((len(codes), 2), dtype=bool)
    keep[last, 1] = False
    indices = entries[keep]
    per_text = np.maximum(2 * lengths - 1, 0)
    indptr = np.concatenate(([0], np.cumsum(per_text)))
    m = sparse.csr_matrix((np.ones(len(indices), dtype=np.float32), indices, indptr),
                          shape=(len(texts), 1 << CHAR_BITS))
    m.sum_duplicates()
    return m


def _tfidf(counts: sparse.csr_matrix) -> sparse.csr_matrix:
    """Sublinear, L2-normalised TF-IDF, computed in place (the counts are consumed)."""
    counts = counts.astype(np.float32, copy=False)
    return TfidfTransformer(sublinear_tf=True).fit(counts).transform(counts, copy=False)


def _parts(token_lists, skeletons, words):
    """(TF-IDF block, weight) for words and characters; each row is unit length or empty."""
    if words is None:
        words, _ = word_counts(token_lists)
    parts = [(_tfidf(words), 1 - CHAR_WEIGHT)] if words.shape[1] else []
    if CHAR_WEIGHT:
        chunks = [char_counts(skeletons[i:i + 100_000]) for i in range(0, len(skeletons), 100_000)]
        parts.append((_tfidf(sparse.vstack(chunks, format="csr")), CHAR_WEIGHT))
    return parts


def document_vectors(token_lists, skeletons, random_state=0, words=None) -> np.ndarray:
    """Unit-length LSA vectors of the texts (rows of zeros for texts with no feature).

    ``words`` may pass the word counts already computed by ``word_counts``. The
    blocks are never stacked at full size: the SVD is fitted on a stacked sample and
    each block is projected on its own share of the components.
    """
    if not token_lists:
        return np.zeros((0, 1), dtype=np.float32)
    parts = _parts(token_lists, skeletons, words)
    if not parts:
        return np.zeros((len(token_lists), 1), dtype=np.float32)
    # Norm of each stacked row, so that the stacked vector would be unit length.
    norm = np.sqrt(sum(w * w * (np.diff(m.indptr) > 0) for m, w in parts)).astype(np.float32)
    norm[norm == 0] = 1
    n = len(token_lists)
    rng = np.random.default_rng(random_state)
    rows = np.arange(n) if n <= LSA_FIT_ROWS else np.sort(rng.choice(n, LSA_FIT_ROWS, replace=False))
    sample = sparse.hstack([m[rows] * np.float32(w) for m, w in parts], format="csr")
    sample = sparse.diags(1 / norm[rows]) @ sample
    # Columns that no two fitted rows share add width (and SVD time) but no direction.
    columns = np.flatnonzero(np.bincount(sample.indices, minlength=sample.shape[1]) >= 2)
    dims = min(LSA_DIMS, len(rows) - 1, len(columns) - 1)
    if dims < 2:
        return normalize(np.asarray(sparse.hstack([m * np.float32(w) for m, w in parts]).todense(),
                                    dtype=np.float32))
    svd = TruncatedSVD(dims, algorithm="randomized", n_iter=3, random_state=random_state)
    svd.fit(sample[:, columns])
    full = np.zeros((sample.shape[1], dims), dtype=np.float32)
    full[columns] = svd.components_.T
    out, offset = np.zeros((n, dims), dtype=np.float32), 0
    for m, w in parts:
        out += m @ (full[offset:offset + m.shape[1]] * np.float32(w))
        offset += m.shape[1]
    return normalize(out / norm[:, None]).astype(np.float32)
