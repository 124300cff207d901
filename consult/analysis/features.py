"""Document vectors: word TF-IDF mixed with character bigrams, reduced by LSA."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np
from scipy import sparse
from sklearn.decomposition import TruncatedSVD
from sklearn.preprocessing import normalize

from .codes import Codes
from .workers import Workers

CHAR_BITS = 17  # hashed character features: 131,072 columns
CHAR_WEIGHT = 0.5  # share of the character part in each vector (word part: the rest)
LSA_DIMS = 40  # enough for a few dozen themes; fewer dims make k easier to choose
LSA_FIT_ROWS = 10_000  # the SVD is fitted on a sample and applied to all: linear in N
CHAR_CHUNK = 50_000  # texts per slice of character counts: memory stays flat in N


def char_counts(texts: Sequence[str] | Codes) -> sparse.csr_matrix:
    """Hashed character unigram and bigram counts of letter-only texts.

    Bigrams make up for segmentation errors and unknown words; built with numpy so
    the cost is a few array passes, not a Python loop over characters.
    """
    texts = texts if isinstance(texts, Codes) else Codes.of(texts)
    lengths = texts.lengths
    codes = texts.codes.astype(np.uint64)
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


def _slice_size(n: int, processes: int) -> int:
    """At most CHAR_CHUNK texts a slice, and as many slices as will keep every worker busy to the end
    (120k texts on 2 workers: 4 of 30k, not 50k + 50k then 20k while one worker waits)."""
    if n <= CHAR_CHUNK:
        return max(1, n)  # one slice, in this process: not worth starting the workers for
    slices = -(-n // CHAR_CHUNK)
    slices = -(-slices // processes) * processes
    return max(1, -(-n // slices))


def _slices(skeletons: Codes, size: int) -> Iterator[tuple[Codes]]:
    for part in skeletons.slices(size):
        yield (part,)


def _char_df(skeletons: Codes) -> np.ndarray:
    """How many of the texts use each hashed character feature."""
    return np.bincount(char_counts(skeletons).indices, minlength=1 << CHAR_BITS)


def _char_projection(skeletons: Codes, char_idf: np.ndarray, char_part: np.ndarray) -> np.ndarray:
    projected: np.ndarray = _tfidf(char_counts(skeletons), char_idf) @ char_part
    return projected


def _fit_sample(
    words: sparse.csr_matrix | None, skeletons: Codes, rows: np.ndarray, norm: np.ndarray, pool: Workers
) -> tuple[sparse.csr_matrix, np.ndarray, sparse.csr_matrix | None]:
    """The stacked, weighted TF-IDF rows the SVD is fitted on, the char idf, and the character counts
    of all the texts when they fit in one slice (else None).

    Character counts of many texts are built a slice at a time (by the workers) and dropped, keeping
    memory flat in N; they are built again for the projection (cheaper than holding them). Texts that
    fit in one slice (every article of most drafts) are counted once, and the counts kept.
    """
    size = _slice_size(len(skeletons), pool.processes)
    whole = char_counts(skeletons) if size >= len(skeletons) else None
    if whole is not None:
        df = np.bincount(whole.indices, minlength=1 << CHAR_BITS).astype(np.float64)
    else:
        df = np.zeros(1 << CHAR_BITS)
        for part in pool.map(_char_df, _slices(skeletons, size)):
            df += part
    char_idf = _idf(df, len(skeletons))
    picked = whole[rows] if whole is not None else char_counts(skeletons.select(rows))
    blocks = [_tfidf(picked, char_idf) * np.float32(CHAR_WEIGHT)]
    if words is not None:
        blocks.insert(0, words[rows] * np.float32(1 - CHAR_WEIGHT))
    sample = sparse.hstack(blocks, format="csr")
    return sparse.diags(1 / norm[rows]) @ sample, char_idf, whole


def document_vectors(
    words: sparse.csr_matrix | None, skeletons: Codes, random_state: int = 0, pool: Workers | None = None
) -> np.ndarray:
    """Unit-length LSA vectors of the texts (rows of zeros for texts with no feature).

    ``words`` holds the texts' word counts (``units.point_units``; consumed); ``skeletons`` their
    letters. Word TF-IDF and character TF-IDF are weighted and stacked; the SVD is fitted on
    a sample of rows and each block is projected on its share of the components, so the full
    stacked matrix never exists. The character passes are shared out to ``pool`` when given.
    """
    pool = pool or Workers()
    n = len(skeletons)
    if n == 0 or not skeletons.any():
        return np.zeros((n, 1), dtype=np.float32)
    words = (
        _tfidf(words, _idf(np.bincount(words.indices, minlength=words.shape[1]), n))
        if words is not None and words.shape[1]
        else None
    )
    has_words = np.diff(words.indptr) > 0 if words is not None else np.zeros(n, dtype=bool)
    has_chars = skeletons.lengths > 0
    norm = np.sqrt((1 - CHAR_WEIGHT) ** 2 * has_words + CHAR_WEIGHT**2 * has_chars).astype(np.float32)
    norm[norm == 0] = 1
    rng = np.random.default_rng(random_state)
    rows = np.arange(n) if n <= LSA_FIT_ROWS else np.sort(rng.choice(n, LSA_FIT_ROWS, replace=False))
    sample, char_idf, counted = _fit_sample(words, skeletons, rows, norm, pool)
    # Columns that no two fitted rows share add width (and SVD time) but no direction.
    columns = np.flatnonzero(np.bincount(sample.indices, minlength=sample.shape[1]) >= 2)
    dims = min(LSA_DIMS, len(rows) - 1, len(columns) - 1)
    if dims < 2:  # a handful of texts sharing almost nothing: nothing to reduce
        return (
            np.zeros((n, 1), dtype=np.float32)
            if n > len(rows)
            else normalize(np.asarray(sample.todense(), dtype=np.float32))
        )
    return _project(words, (skeletons, counted), sample, (columns, dims), (char_idf, norm), random_state, pool)


def _project(
    words: sparse.csr_matrix | None,
    texts: tuple[Codes, sparse.csr_matrix | None],
    sample: sparse.csr_matrix,
    shape: tuple[np.ndarray, int],
    chars: tuple[np.ndarray, np.ndarray],
    random_state: int,
    pool: Workers,
) -> np.ndarray:
    """Fit the SVD on the sample's shared ``columns`` (``dims`` components); project every text,
    a slice at a time. ``texts`` holds their letters and, when counted already, their character
    counts (consumed); ``chars`` the character idf and each text's norm."""
    (columns, dims), (char_idf, norm), (skeletons, counted) = shape, chars, texts
    n = len(skeletons)
    svd = TruncatedSVD(dims, algorithm="randomized", n_iter=3, random_state=random_state)
    svd.fit(sample[:, columns])
    split = words.shape[1] if words is not None else 0
    # Each block's share of the components, weighted; zero outside the shared columns. Weighting only
    # those rows (not the whole 131k-row character part) saves an article 20 MB of arithmetic.
    weight = np.where(columns < split, np.float32(1 - CHAR_WEIGHT), np.float32(CHAR_WEIGHT))
    full = np.zeros((sample.shape[1], dims), dtype=np.float32)
    full[columns] = svd.components_.T * weight[:, None]
    out = words @ full[:split] if words is not None else np.zeros((n, dims), np.float32)
    char_part = full[split:]
    if counted is not None:
        out += _tfidf(counted, char_idf) @ char_part
    else:
        size = _slice_size(n, pool.processes)
        tasks = ((part, char_idf, char_part) for part in skeletons.slices(size))
        for start, projected in zip(range(0, n, size), pool.map(_char_projection, tasks)):
            out[start : start + len(projected)] += projected
    out /= norm[:, None]
    vectors: np.ndarray = normalize(out, copy=False)  # in place: a million rows are 160 MB
    return vectors
