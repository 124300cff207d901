"""Copy groups: exact copies share a skeleton, near-copies are found among the distinct ones."""

from __future__ import annotations

import numpy as np

from .dedup import components_of
from .reading import Read


def copies_of(read: Read) -> np.ndarray:
    """For each comment read, the index of its copy group's representative (itself if none).

    Exact copies share a skeleton (hash); near-copies are found among distinct skeletons only, by
    their signatures. The representative is the member with most exact copies, then the earliest.
    Comments without content are left alone.
    """
    n = len(read.skeleton_hash)
    exact = np.arange(n, dtype=np.int64)
    filled = np.flatnonzero(read.skeleton_hash != 0)  # a comment without content is left alone
    if len(filled):
        _, first, inverse = np.unique(read.skeleton_hash[filled], return_index=True, return_inverse=True)
        exact[filled] = filled[first][inverse.ravel()]
    uniques = np.flatnonzero(exact == np.arange(n))
    # Signatures were made for the first of each skeleton in its chunk; only the first overall counts.
    rows = np.flatnonzero(exact[read.signed] == read.signed)
    eligible = np.searchsorted(uniques, read.signed[rows])
    if len(eligible) < 2:
        return _representatives(exact, uniques, np.arange(len(uniques)))
    component = components_of(len(uniques), eligible, (read.signatures, read.shingles, rows))
    return _representatives(exact, uniques, component)


def _representatives(exact: np.ndarray, uniques: np.ndarray, component: np.ndarray) -> np.ndarray:
    """Each text's representative: in its near-copy component (over ``uniques``), the distinct
    text with most exact copies, then the earliest."""
    if not len(exact):
        return np.zeros(0, dtype=np.int64)
    copies = np.bincount(exact, minlength=len(exact))
    order = np.lexsort((uniques, -copies[uniques], component))
    comp_sorted = component[order]
    is_first = np.concatenate(([True], comp_sorted[1:] != comp_sorted[:-1]))
    best = np.empty(component.max() + 1 if len(component) else 0, dtype=np.int64)
    best[comp_sorted[is_first]] = uniques[order[is_first]]
    rep_of_unique = np.empty(len(exact), dtype=np.int64)
    rep_of_unique[uniques] = best[component]
    result: np.ndarray = rep_of_unique[exact]
    return result
