"""Exact copies and near-copies: hashed skeletons, then one-permutation MinHash + LSH.

Signatures are kept as uint32 (26 bits of the minimum, 6 bits saying how far an empty bin
borrowed from): 256 bytes a text, half of what 64-bit values take, and two different minima
still look equal only once in 67 million comparisons.
"""

from __future__ import annotations

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

SHINGLE = 3  # characters per shingle: short enough for 30-character comments
BINS = 64  # MinHash values per text
BANDS, ROWS = 16, 4  # LSH: texts agreeing on all ROWS values of any band become candidates
MIN_CHARS = 10  # below this a "near-copy" is just a common short phrase
_U64 = np.uint64
_MASK58 = _U64((1 << 58) - 1)
_EMPTY = np.iinfo(np.uint64).max
_LOW26 = _U64((1 << 26) - 1)


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64 finaliser: spreads structured input over all 64 bits."""
    x = x ^ (x >> _U64(30))
    x = x * _U64(0xBF58476D1CE4E5B9)
    x = x ^ (x >> _U64(27))
    x = x * _U64(0x94D049BB133111EB)
    mixed: np.ndarray = x ^ (x >> _U64(31))
    return mixed


def _shingle_hashes(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Hash every character shingle of every text: (hashes, text index of each).

    Each character is hashed once per position in the shingle and neighbouring
    hashes are combined by slicing, so the cost is a few passes over the characters.
    """
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    codes = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    span = len(codes) - SHINGLE + 1
    h = np.zeros(max(span, 0), dtype=np.uint64)
    for i, mult in enumerate((0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9)[:SHINGLE]):
        h ^= (codes[i : i + span] + _U64(i + 1)) * _U64(mult)
    del codes
    # Keep the shingles that start and end inside one text.
    counts = np.maximum(lengths - SHINGLE + 1, 0)
    ends = np.cumsum(lengths)
    valid = np.zeros(len(h) + SHINGLE, dtype=np.int8)
    np.add.at(valid, ends - lengths, 1)
    np.add.at(valid, ends - lengths + counts, -1)
    keep = np.cumsum(valid[: len(h)]).astype(bool)
    owner = np.repeat(np.arange(len(texts), dtype=np.int32), counts)
    return _mix(h[keep]), owner


def minhash(texts: list[str], chunk: int = 20_000) -> tuple[np.ndarray, np.ndarray]:
    """One-permutation MinHash with rotation densification.

    Returns (signatures of shape (n, BINS), shingle count per text). One hash per
    shingle instead of one per shingle and permutation keeps this linear and cheap;
    texts are taken ``chunk`` at a time so the per-shingle arrays stay small.
    """
    if len(texts) > chunk:
        parts = [minhash(texts[i : i + chunk], chunk) for i in range(0, len(texts), chunk)]
        return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])
    h, owner = _shingle_hashes(texts)
    sig = np.full(len(texts) * BINS, _EMPTY, dtype=np.uint64)
    np.minimum.at(sig, owner.astype(np.int64) * BINS + (h >> _U64(58)).astype(np.int64), h & _MASK58)
    sig = sig.reshape(len(texts), BINS)  # type: ignore[assignment]  # flat while filled, then one row per text
    filled = sig != _EMPTY
    # An empty bin borrows from the next filled bin to its right, marked with the
    # distance so that borrowed and own values never compare equal by accident.
    for step in range(1, BINS):
        empty = ~filled
        if not empty.any():
            break
        source = np.roll(sig, -step, axis=1)
        take = empty & np.roll(filled, -step, axis=1)
        sig[take] = source[take] + _U64(step << 58)
        filled |= take
    return sig, np.bincount(owner, minlength=len(texts))


def signatures(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """``minhash`` kept compact: (uint32 signatures of shape (n, BINS), int32 shingle counts)."""
    sig, sizes = minhash(texts)
    compact = ((sig >> _U64(58)) << _U64(26)) | (sig & _LOW26)
    return compact.astype(np.uint32), sizes.astype(np.int32)


def _candidate_pairs(sig: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """Pairs (leader, member) of texts sharing an LSH band; leader is the earlier text."""
    pairs = []
    # ROWS uint32 values side by side are ROWS / 2 uint64 words: a band is hashed word by word.
    words = np.ascontiguousarray(sig).view(np.uint64)
    per_band, n = ROWS // 2, len(rows)
    for band in range(BANDS):
        key = np.zeros(n, dtype=np.uint64)
        for j in range(band * per_band, (band + 1) * per_band):
            key = _mix(key ^ words[rows, j])
        order = np.argsort(key, kind="stable")
        ordered = key[order]
        new_group = np.concatenate(([True], ordered[1:] != ordered[:-1]))
        leader = order[np.flatnonzero(new_group)[np.cumsum(new_group) - 1]]
        keep = ~new_group
        pairs.append(leader[keep].astype(np.int64) * n + order[keep])
    if not pairs:
        return np.empty((0, 2), dtype=np.int64)
    # One number per pair, sorted and deduplicated by hand: far faster than np.unique over rows
    # of two, or over numbers (which numpy 2 hashes).
    unique = np.sort(np.concatenate(pairs))
    unique = unique[np.concatenate(([True], unique[1:] != unique[:-1]))] if len(unique) else unique
    return np.stack(np.divmod(unique, n), axis=1)


def components_of(
    n: int,
    eligible: np.ndarray,
    signed: tuple[np.ndarray, np.ndarray, np.ndarray],
    threshold: float = 0.6,
    containment: float = 0.9,
) -> np.ndarray:
    """Label ``n`` texts so that near-copies share a label (labels are component numbers).

    Two texts are near-copies when their estimated shingle Jaccard similarity is at least
    ``threshold``, or when the shorter one (20 shingles or more) lies at least ``containment``
    inside the longer: a campaign letter with a sentence added. ``signed`` holds (signatures,
    shingle counts, rows): the row ``rows[j]`` of both belongs to text ``eligible[j]`` (texts in
    increasing order; the others stay alone). Rows, not a copy: the signatures are the largest array."""
    sig, sizes, rows = signed
    pairs = _candidate_pairs(sig, rows)
    keep = np.zeros(len(pairs), dtype=bool)
    for lo in range(0, len(pairs), 50_000):  # bounded memory for the (pairs, BINS) compare
        a, b = rows[pairs[lo : lo + 50_000, 0]], rows[pairs[lo : lo + 50_000, 1]]
        jac = (sig[a] == sig[b]).mean(axis=1)
        small = np.minimum(sizes[a], sizes[b])
        inter = jac * (sizes[a] + sizes[b]) / (1 + jac)
        keep[lo : lo + 50_000] = (jac >= threshold) | ((small >= 20) & (inter >= containment * small))
    edges = eligible[pairs[keep]]
    graph = coo_matrix((np.ones(len(edges)), (edges[:, 0], edges[:, 1])), shape=(n, n))
    components: np.ndarray = connected_components(graph, directed=False)[1]
    return components
