"""The units themes are made of: the points of each distinct comment (see point_split.py)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse

from .codes import Codes, Texts
from .reading import Read


@dataclass(frozen=True)
class Units:
    """One row per point. ``owner`` is the index of the comment it comes from; ``main`` marks each
    comment's main point (its longest: the one a one-line summary of the comment would name);
    ``counts`` holds each point's word counts over ``vocab`` (sorted)."""

    owner: np.ndarray
    main: np.ndarray
    texts: Texts
    counts: sparse.csr_matrix
    vocab: np.ndarray


def point_units(read: Read, reps: np.ndarray) -> tuple[Units, Codes]:
    """The points of the representative comments ``reps`` (a mask over comments), with their
    word counts, and the points' skeletons. Words only one point uses are dropped once there are
    enough points for that to matter: they cannot link two texts. Takes the points out of ``read``
    one field at a time (a field and its selection are held together, never all of them)."""
    keep = np.flatnonzero(reps[read.point_owner])
    counts, vocab = _word_counts(read, keep)
    read.let_go("token_ids", "token_ends")
    texts = read.point_texts.select(keep)
    read.let_go("point_texts")
    skeletons = read.point_skeletons.select(keep)
    read.let_go("point_skeletons")
    units = Units(owner=read.point_owner[keep], main=read.point_main[keep], texts=texts, counts=counts, vocab=vocab)
    return units, skeletons


def _word_counts(read: Read, points: np.ndarray) -> tuple[sparse.csr_matrix, np.ndarray]:
    starts, ends = read.token_ends[points], read.token_ends[points + 1]
    lengths = ends - starts
    indptr = np.concatenate(([0], np.cumsum(lengths)))
    # Positions of every kept point's tokens, run after run, without a Python loop.
    at = np.arange(indptr[-1], dtype=np.int64) + np.repeat(starts - indptr[:-1], lengths)
    counts = sparse.csr_matrix(
        (np.ones(len(at), dtype=np.float32), read.token_ids[at], indptr), shape=(len(points), len(read.words))
    )
    counts.sum_duplicates()
    df = np.bincount(counts.indices, minlength=counts.shape[1])
    used = np.flatnonzero(df >= (2 if len(points) >= 50 else 1))
    names = np.asarray(read.words, dtype=object)[used] if len(used) else np.array([], dtype=object)
    order = np.argsort(names, kind="stable")
    columns = used[order]
    picked = counts[:, columns].tocsr()
    picked.sort_indices()
    return picked, names[order]
