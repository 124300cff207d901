"""How much a word can say about a theme, before any comment is read: words general Chinese uses
rarely (jieba's dictionary counts) say more than common ones, and some parts of speech (verbs of
asking, numerals, function words) say little."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

from .tokenizer import jieba, user_terms

# Prior of a word from jieba's dictionary: a word general Chinese uses less often
# than RARE (per jieba's 60M-token count) is fully informative; more frequent words
# weigh log(total/freq) / log(total/RARE), never below FLOOR.
RARE = 100
FLOOR = 0.35
UNKNOWN = 0.8  # words jieba's dictionary lacks: new words, names, or segmentation slips
SPLIT_LOCATIVE = 0.5  # unknown words ending in 上, 里 …: usually a noun cut together with it
# Part-of-speech weights (jieba's tag set); tags not listed weigh 1.
_TAG_WEIGHT = {
    **dict.fromkeys(
        (
            "d",
            "df",
            "dg",
            "c",
            "p",
            "r",
            "rr",
            "rz",
            "rg",
            "u",
            "uj",
            "ul",
            "uv",
            "ud",
            "ug",
            "uz",
            "y",
            "e",
            "o",
            "k",
            "h",
            "x",
        ),
        0.15,
    ),  # function words, adverbs
    **dict.fromkeys(("m", "mq", "mg", "q", "vq"), 0.35),  # numerals, measures
    **dict.fromkeys(("l", "i", "z"), 0.6),  # idioms, set phrases
    **dict.fromkeys(("a", "ad", "ag", "an", "f"), 0.75),  # adjectives, locatives
}
_NUMERAL_START = re.compile(r"[0-9零〇一二两三四五六七八九十百千万亿几半多]")
_LABEL_WORD = re.compile(r"[^\W_]{2,}")  # letters or digits only, two or more
_A_NOT_A = re.compile(r"(\w+)[不没]\1")  # 算不算, 是不是, 有没有: the asking, not the subject
_LOCATIVE_END = re.compile(r"\w[上下里中内外旁边前后]")  # 牌上: a noun cut with its 上


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
    hashes: list[np.ndarray] = []
    freqs: list[np.ndarray] = []
    weights: list[np.ndarray] = []
    with jieba.Tokenizer().get_dict_file() as f:
        while chunk := f.readlines(1 << 19):
            words, counts, tags = _parse(chunk)
            hashes.append(np.fromiter(map(hash, words), dtype=np.int64, count=len(words)))
            freqs.append(np.array(counts, dtype=np.float64))
            weights.append(np.fromiter((_TAG_WEIGHT.get(t, 1.0) for t in tags), dtype=np.float64, count=len(tags)))
    h, freq, weight = np.concatenate(hashes), np.concatenate(freqs), np.concatenate(weights)
    total = freq.sum()
    weight *= np.clip(np.log(total / np.maximum(freq, 1)) / np.log(total / RARE), FLOOR, 1.0)
    own = np.fromiter(map(hash, user_terms()), dtype=np.int64)
    h, weight = np.concatenate((own, h)), np.concatenate((np.ones(len(own)), weight))
    # First occurrence wins (user terms come first); then sorted for searchsorted.
    h, first = np.unique(h, return_index=True)
    return h, weight[first].astype(np.float32)


def word_weights(vocab: Sequence[str] | np.ndarray) -> np.ndarray:
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
