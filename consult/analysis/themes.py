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

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from scipy import sparse

from .features import _idf
from .tokenizer import jieba, user_terms

KEYWORDS = 6
LABEL_WORDS = 3
MIN_LABEL_WORDS = 2
LABEL_SHARE = 0.4     # a label word after the second scores at least this share of the best
FALLBACK_WORDS = 3    # words taken from the central comment when no word is shared
# A word used by at least COMMON_SHARE of the (distinct, copy-weighted) comments of
# at least half the themes, and of at least COMMON_MIN_THEMES of them, weighs
# COMMON_WEIGHT.
COMMON_SHARE = 0.2
COMMON_THEMES = 0.5
COMMON_MIN_THEMES = 4
COMMON_WEIGHT = 0.3
SHARED_BOOST = 1.5    # in a theme of one distinct text, for words other comments use too
REPRESENTATIVES = 3
TOO_SIMILAR = 0.92  # cosine above which two representatives say the same thing

# Prior of a word from jieba's dictionary: a word general Chinese uses less often
# than RARE (per jieba's 60M-token count) is fully informative; more frequent words
# weigh log(total/freq) / log(total/RARE), never below FLOOR.
RARE = 100
FLOOR = 0.35
UNKNOWN = 0.8         # words jieba's dictionary lacks: new words, names, or segmentation slips
SPLIT_LOCATIVE = 0.5  # unknown words ending in 上, 里 …: usually a noun cut together with it
# Part-of-speech weights (jieba's tag set); tags not listed weigh 1.
_TAG_WEIGHT = {
    **dict.fromkeys(("d", "df", "dg", "c", "p", "r", "rr", "rz", "rg", "u", "uj", "ul", "uv", "ud",
                     "ug", "uz", "y", "e", "o", "k", "h", "x"), 0.15),   # function words, adverbs
    **dict.fromkeys(("m", "mq", "mg", "q", "vq"), 0.35),                  # numerals, measures
    **dict.fromkeys(("l", "i", "z"), 0.6),                                # idioms, set phrases
    **dict.fromkeys(("a", "ad", "ag", "an", "f"), 0.75),                  # adjectives, locatives
}
_NUMERAL_START = re.compile(r"[0-9零〇一二两三四五六七八九十百千万亿几半多]")
_LABEL_WORD = re.compile(r"[^\W_]{2,}")  # letters or digits only, two or more
_A_NOT_A = re.compile(r"(\w+)[不没]\1")  # 算不算, 是不是, 有没有: the asking, not the subject
_LOCATIVE_END = re.compile(r"\w[上下里中内外旁边前后]")  # 牌上: a noun cut with its 上


def _distinct(words: list[str], limit: int) -> list[str]:
    """Keep the best words, skipping one that is part of (or contains) a kept one."""
    kept: list[str] = []
    for w in words:
        if not any(w in k or k in w for k in kept):
            kept.append(w)
        if len(kept) == limit:
            break
    return kept


class Keywords(list):
    """A theme's keywords, best first; ``label_words`` of them make its label."""

    label_words = LABEL_WORDS


def _parse(chunk: list[bytes]) -> tuple[list[str], list[str], list[str]]:
    """Words, frequencies and tags of some lines of a jieba dictionary ("word freq [tag]")."""
    text = b"".join(chunk).decode("utf-8")
    parts = text.split()
    if len(parts) % 3 == 0 and all(p.isdigit() for p in parts[1::3]):  # every line has a tag
        return parts[0::3], parts[1::3], parts[2::3]
    rows = [(line.split() + [""])[:3] for line in text.splitlines() if line.strip()]
    return [r[0] for r in rows], [r[1] for r in rows], [r[2] for r in rows]


@lru_cache(maxsize=1)
def _lexicon() -> tuple[np.ndarray, np.ndarray]:
    """jieba's dictionary as (sorted word hashes, prior weight of each word).

    Read once per process in chunks, keeping only two arrays (a few MB): a word
    that general Chinese uses less than RARE times is fully informative, a more
    frequent one weighs log(total/freq) / log(total/RARE) (not below FLOOR), times
    the weight of its part of speech. The package's user terms weigh fully.
    """
    hashes, freqs, weights = [], [], []
    with jieba.Tokenizer().get_dict_file() as f:
        while chunk := f.readlines(1 << 19):
            words, freq, tags = _parse(chunk)
            hashes.append(np.fromiter(map(hash, words), dtype=np.int64, count=len(words)))
            freqs.append(np.array(freq, dtype=np.float64))
            weights.append(np.fromiter((_TAG_WEIGHT.get(t, 1.0) for t in tags), dtype=np.float64, count=len(tags)))
    h, freq, weight = np.concatenate(hashes), np.concatenate(freqs), np.concatenate(weights)
    total = freq.sum()
    weight *= np.clip(np.log(total / np.maximum(freq, 1)) / np.log(total / RARE), FLOOR, 1.0)
    own = np.fromiter(map(hash, user_terms()), dtype=np.int64)
    h, weight = np.concatenate((own, h)), np.concatenate((np.ones(len(own)), weight))
    # First occurrence wins (user terms come first); then sorted for searchsorted.
    h, first = np.unique(h, return_index=True)
    return h, weight[first].astype(np.float32)


def word_weights(vocab) -> np.ndarray:
    """Prior weight in [0, 1] of each word as a label word.

    0 for what cannot be a label word: single characters, digits only, anything
    with punctuation or symbols. Words jieba's dictionary lacks weigh UNKNOWN
    (numbers with a unit, like 一点五米, weigh as numerals).
    """
    hashes, weights = _lexicon()
    vocab = list(vocab)
    h = np.fromiter(map(hash, vocab), dtype=np.int64, count=len(vocab))
    at = np.minimum(np.searchsorted(hashes, h), len(hashes) - 1)
    found = hashes[at] == h
    out = np.where(found, weights[at], UNKNOWN).astype(np.float64)
    for i, w in enumerate(vocab):
        if not _LABEL_WORD.fullmatch(w) or w.isdigit():
            out[i] = 0.0
        elif _A_NOT_A.fullmatch(w):
            out[i] = _TAG_WEIGHT["d"]
        elif not found[i] and _NUMERAL_START.match(w):
            out[i] = _TAG_WEIGHT["m"]
        elif not found[i] and _LOCATIVE_END.fullmatch(w):
            out[i] = SPLIT_LOCATIVE
    return out


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


def theme_keywords(counts: sparse.csr_matrix, vocab, weights: np.ndarray, labels: np.ndarray,
                   k: int) -> list[list[str]]:
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
    vocab = np.asarray(vocab, dtype=object)
    lengths = np.fromiter(map(len, vocab), dtype=np.int64, count=len(vocab))
    result = []
    for c in range(k):
        # A word that only one distinct comment uses does not describe a theme. In a
        # theme of one distinct text (a campaign, say), words other comments of the call
        # also use weigh more: what it shares with others is its subject, what it alone
        # says is mostly its preamble.
        eligible = s.usable & (s.docs[c] >= (2 if sizes[c] >= 3 else 1))
        if eligible.any():
            boost = np.where(shared, SHARED_BOOST, 1.0) if sizes[c] == 1 else 1.0
            words, scores = _ranked(s.score[c] * boost, eligible, vocab, lengths)
        else:
            words, scores = _central_words(s.sub, s.damp, labels == c, s.idf * s.prior, s.usable, vocab, lengths)
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
    def of(cls, counts: sparse.csr_matrix, vocab, weights: np.ndarray, labels: np.ndarray, k: int) -> _ClassScores:
        n = len(labels)
        rows = np.arange(n)
        damp = 1 + np.log(np.maximum(np.asarray(weights, dtype=np.float64), 1))
        sub = _sublinear(counts)
        present = (counts > 0).astype(np.float64)
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
        common = (spread >= max(COMMON_MIN_THEMES, COMMON_THEMES * k)) if k >= COMMON_MIN_THEMES \
            else np.zeros(len(prior), dtype=bool)
        score = rate * idf * prior * np.where(common, COMMON_WEIGHT, 1.0)
        return cls(score, docs, present, sub, damp, idf, prior, prior > 0)


def _ranked(score: np.ndarray, eligible: np.ndarray, vocab, lengths, limit: int = KEYWORDS * 3):
    """Eligible words by score, best first; ties go to the longer word, then vocab order."""
    idx = np.flatnonzero(eligible)
    order = idx[np.lexsort((idx, -lengths[idx], -score[idx]))][:limit]
    return [vocab[i] for i in order], [float(score[i]) for i in order]


def _central_words(sub, damp, inside: np.ndarray, word_score: np.ndarray, usable, vocab, lengths):
    """The best words of the cluster's comment closest to its centre (by words).

    Never a cut-off sentence: only whole words, scored like the theme's words.
    """
    members = np.flatnonzero(inside)
    m = sub[members].multiply(word_score[None, :]).tocsr()
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    unit = sparse.diags(1 / np.maximum(norms, 1e-12)) @ m
    centre = np.asarray((sparse.csr_matrix(damp[members][None, :]) @ unit).todense()).ravel()
    closeness = unit @ centre
    for i in np.argsort(-closeness, kind="stable"):  # the next one if it has no usable word
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
