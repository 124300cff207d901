"""Describing clusters: c-TF-IDF labels and central, mutually distinct representatives.

A theme's words are scored by class-based TF-IDF over its *distinct* comments:
copies of one text count once, with a weight that grows only with the logarithm
of their number, so a campaign cannot make its boilerplate the theme's label. A
word must be used by at least two distinct comments of a theme of three or more;
the score also prefers words that general Chinese uses rarely (jieba's dictionary
frequencies) and content words over numerals, adverbs and function words (its
part-of-speech tags), and holds back words that most themes of the call use
widely. When no word is shared, the label is the best words of the theme's most
central comment, never a cut-off sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from .features import _idf
from .word_priors import word_weights

KEYWORDS = 6
LABEL_WORDS = 3
MIN_LABEL_WORDS = 2
LABEL_SHARE = 0.4  # a label word after the second scores at least this share of the best
FALLBACK_WORDS = 3  # words taken from the central comment when no word is shared
# A word used by at least COMMON_SHARE of the (distinct, copy-weighted) comments of
# at least half the themes, and of at least COMMON_MIN_THEMES of them, weighs
# COMMON_WEIGHT.
COMMON_SHARE = 0.2
COMMON_THEMES = 0.5
COMMON_MIN_THEMES = 4
COMMON_WEIGHT = 0.3
SHARED_BOOST = 1.5  # in a theme of one distinct text, for words other comments use too
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


class Keywords(list[str]):
    """A theme's keywords, best first; ``label_words`` of them make its label."""

    label_words = LABEL_WORDS


def _sublinear(counts: sparse.csr_matrix) -> sparse.csr_matrix:
    """1 + log(count) for each word of each comment.

    ``analyse`` hands over the word counts after ``features.document_vectors`` has
    turned them, in place, into L2-normalised sublinear TF-IDF rows; that is undone
    here (divide by the idf, then by the row's smallest value, a word used once).
    Raw counts (whole numbers) are taken as they are.
    """
    out = counts.astype(np.float64, copy=True)
    out.eliminate_zeros()
    data = out.data
    if not len(data) or (np.all(data >= 1) and np.all(data == np.round(data))):
        out.data = 1 + np.log(np.maximum(data, 1))
        return out
    data /= _idf(np.bincount(out.indices, minlength=out.shape[1]), out.shape[0])[out.indices]
    starts = out.indptr[:-1][np.diff(out.indptr) > 0]
    smallest = np.repeat(np.minimum.reduceat(data, starts), np.diff(out.indptr)[np.diff(out.indptr) > 0])
    out.data = np.maximum(data / smallest, 1.0)
    return out


def theme_keywords(
    counts: sparse.csr_matrix, vocab: Sequence[str] | np.ndarray, weights: np.ndarray, labels: np.ndarray, k: int
) -> list[Keywords]:
    """The best words of each cluster, best first (class-based TF-IDF, as in BERTopic).

    Each distinct comment counts with weight 1 + log(copies), and a word repeated in
    it with 1 + log(count). A word scores high for a cluster when many of its
    distinct comments use it, other clusters use it less, and general Chinese uses
    it rarely (``word_weights``). In a cluster of three or more distinct comments a
    word must be used by at least two; when none is, the words are those of the
    cluster's most central comment. Each list is a ``Keywords`` whose
    ``label_words`` say how many of its words make a good label.
    """
    if counts.shape[1] == 0 or len(labels) == 0:
        return [Keywords() for _ in range(k)]
    s = _ClassScores.of(counts, vocab, weights, labels, k)
    sizes = np.bincount(labels, minlength=k)
    shared = np.diff(s.present.tocsc().indptr) >= 2  # used by two distinct comments of the call
    names = np.asarray(vocab, dtype=object)
    lengths = np.fromiter(map(len, names), dtype=np.int64, count=len(names))
    result = []
    for c in range(k):
        # A word that only one distinct comment uses does not describe a theme. In a
        # theme of one distinct text (a campaign, say), words other comments of the call
        # also use weigh more: what it shares with others is its subject, what it alone
        # says is mostly its preamble.
        eligible = s.usable & (s.docs[c] >= (2 if sizes[c] >= 3 else 1))
        if eligible.any():
            boost = np.where(shared, SHARED_BOOST, 1.0) if sizes[c] == 1 else 1.0
            words, scores = _ranked(s.score[c] * boost, eligible, names, lengths)
        else:
            words, scores = _central_words(s.sub, s.damp, labels == c, s.idf * s.prior, s.usable, names, lengths)
        result.append(_keywords(words, scores))
    return result


@dataclass(frozen=True)
class _ClassScores:
    """The matrices behind theme_keywords: word scores per cluster and what they are made of."""

    score: np.ndarray  # cluster × word
    docs: np.ndarray  # distinct comments of each cluster using each word
    present: sparse.csr_matrix
    sub: sparse.csr_matrix
    damp: np.ndarray
    idf: np.ndarray
    prior: np.ndarray
    usable: np.ndarray

    @classmethod
    def of(
        cls,
        counts: sparse.csr_matrix,
        vocab: Sequence[str] | np.ndarray,
        weights: np.ndarray,
        labels: np.ndarray,
        k: int,
    ) -> _ClassScores:
        n = len(labels)
        rows = np.arange(n)
        damp = 1 + np.log(np.maximum(np.asarray(weights, dtype=np.float64), 1))
        sub = _sublinear(counts)
        # Which words each comment uses: ones on the counts' own structure (no copy of it).
        present = (
            sparse.csr_matrix((np.ones(counts.nnz, dtype=np.float32), counts.indices, counts.indptr), counts.shape)
            if np.all(counts.data > 0)
            else (counts > 0).astype(np.float32)
        )
        member = sparse.csr_matrix((damp, (labels, rows)), shape=(k, n))
        tf = np.asarray((member @ sub).todense())
        docs = np.asarray((sparse.csr_matrix((np.ones(n), (labels, rows)), shape=(k, n)) @ present).todense())
        # c-TF-IDF: log(1 + average words per class / the word's frequency over all classes).
        idf = np.log1p(tf.sum() / k / np.maximum(tf.sum(axis=0), 1e-9))
        prior = word_weights(vocab)
        mass = np.asarray(member.sum(axis=1)).ravel()
        rate = tf / np.maximum(mass[:, None], 1e-9)  # uses per distinct comment, repeats counted sublinearly
        share = np.asarray((member @ present).todense()) / np.maximum(mass[:, None], 1e-9)
        # A word most themes use widely (公园 in a park regulation) names none of them;
        # c-TF-IDF's idf alone does not hold it back when comments repeat it.
        spread = (share >= COMMON_SHARE).sum(axis=0)
        common = (
            (spread >= max(COMMON_MIN_THEMES, COMMON_THEMES * k))
            if k >= COMMON_MIN_THEMES
            else np.zeros(len(prior), dtype=bool)
        )
        score = rate * idf * prior * np.where(common, COMMON_WEIGHT, 1.0)
        return cls(score, docs, present, sub, damp, idf, prior, prior > 0)


def _ranked(
    score: np.ndarray, eligible: np.ndarray, vocab: np.ndarray, lengths: np.ndarray, limit: int = KEYWORDS * 3
) -> tuple[list[str], list[float]]:
    """Eligible words by score, best first; ties go to the longer word, then vocab order."""
    idx = np.flatnonzero(eligible)
    order = idx[np.lexsort((idx, -lengths[idx], -score[idx]))][:limit]
    return [vocab[i] for i in order], [float(score[i]) for i in order]


def _central_words(
    sub: sparse.csr_matrix,
    damp: np.ndarray,
    inside: np.ndarray,
    word_score: np.ndarray,
    usable: np.ndarray,
    vocab: np.ndarray,
    lengths: np.ndarray,
) -> tuple[list[str], list[float]]:
    """The best words of the cluster's comment closest to its centre (by words).

    Never a cut-off sentence: only whole words, scored like the theme's words.
    """
    members = np.flatnonzero(inside)
    m = sub[members].multiply(word_score[None, :]).tocsr()
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    unit = sparse.diags(1 / np.maximum(norms, 1e-12)) @ m
    centre = np.asarray((sparse.csr_matrix(damp[members][None, :]) @ unit).todense()).ravel()
    closeness = unit @ centre
    # Only members with a usable word are looked at (a theme of points whose words are all too
    # common to count may hold thousands without one).
    worded = np.asarray((m.multiply(usable[None, :]) > 0).sum(axis=1)).ravel() > 0
    for i in np.argsort(-closeness, kind="stable"):  # the next one if it has no usable word
        if not worded[i]:
            continue
        row = sub[members[i]].toarray().ravel() * word_score
        words, scores = _ranked(row, usable & (row > 0), vocab, lengths)
        if words:
            return words[:FALLBACK_WORDS], scores[:FALLBACK_WORDS]
    return [], []


def _keywords(words: list[str], scores: list[float]) -> Keywords:
    """Drop words inside (or containing) better ones; note how many make the label."""
    of = dict(zip(words, scores))
    kept = Keywords(_distinct(words, KEYWORDS))
    if kept:
        top = of[kept[0]]
        strong = sum(1 for w in kept[:LABEL_WORDS] if of[w] >= LABEL_SHARE * top)
        kept.label_words = max(min(MIN_LABEL_WORDS, len(kept)), strong)
    return kept


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
    """A short label: the keywords that ``theme_keywords`` marked as label words."""
    n = getattr(keywords, "label_words", LABEL_WORDS)
    return "、".join(keywords[:n]) or "（无关键词）"
