"""One chunk of comments read once: what the analysis keeps of each comment, made compact.

A chunk is normalised, hashed, signed for the near-copy search, cut into points and tokenised in
one pass (in a worker process when there are several); only arrays, the chunk's own word list and
its points' texts come back. The token lists of a whole call never exist at once, and a comment
that copies an earlier one of its chunk costs its proposal kind and a hash, nothing more.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from .codes import Codes, Texts
from .dedup import BINS, MIN_CHARS, signatures
from .normalize import normalize_text, skeleton
from .prepared import Points, current, kind_by_rules, kind_in, points_by_rules, points_in, whole_point
from .tokenizer import Tokenizer, default_tokenizer

# A comment's text, its stored tokens if any and the code of its cut made at submission if any.
Item = tuple[str, "Sequence[str] | str | None", "str | None"]


@dataclass
class Chunk:
    """What one chunk of comments left; positions are within the chunk."""

    size: int
    skeleton_hash: np.ndarray  # uint64 per comment; 0 for one without letters or digits
    signed: np.ndarray  # the first comment of each skeleton long enough to be near-copied
    signatures: np.ndarray  # their MinHash signatures, uint32 (len(signed), BINS)
    shingles: np.ndarray  # and their shingle counts
    speaks: np.ndarray  # first of its skeleton in the chunk and makes a point of its own
    kind: np.ndarray  # int8 proposal kind of each comment (see KINDS)
    point_owner: np.ndarray  # the comment each point comes from
    point_main: np.ndarray  # its owner's main point (the one with most words)
    token_ends: np.ndarray  # point p's tokens are token_ids[token_ends[p-1]:token_ends[p]]
    token_ids: np.ndarray  # int32 positions in ``words``
    words: list[str]
    point_texts: Texts
    point_skeletons: Codes


def skeleton_hash(skel: str) -> int:
    """A 64-bit hash of a skeleton, never 0, the same in every process (``hash`` is not)."""
    return int.from_bytes(hashlib.blake2b(skel.encode("utf-8"), digest_size=8).digest(), "little") or 1


class _Vocabulary(dict[str, int]):
    """Word → position, a new word taking the next one (looked up in C for words already seen)."""

    def __missing__(self, word: str) -> int:
        self[word] = position = len(self)
        return position


class _Points:
    """The points of a chunk as they are read, with their tokens as word positions."""

    def __init__(self) -> None:
        self.owner: list[int] = []
        self.main: list[bool] = []
        self.ends: list[int] = []
        self.ids: list[int] = []
        self.words = _Vocabulary()
        self.texts: list[str] = []
        self.skeletons: list[str] = []

    def add(self, owner: int, texts: list[str], tokens: list[tuple[str, ...]], whole: str | None) -> None:
        """``whole``: the comment's skeleton when its one point is the whole comment (the same)."""
        sizes = [(len(t), len(text)) for text, t in zip(texts, tokens)]
        main = sizes.index(max(sizes))  # the first of the longest
        position = self.words.__getitem__
        for i, (text, toks) in enumerate(zip(texts, tokens)):
            self.owner.append(owner)
            self.main.append(i == main)
            self.ids.extend(map(position, toks))
            self.ends.append(len(self.ids))
            self.texts.append(text)
            self.skeletons.append(whole if whole is not None else skeleton(text))

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, list[str], Texts, Codes]:
        """The Chunk fields from ``point_owner`` on."""
        return (
            np.asarray(self.owner, dtype=np.int64),
            np.asarray(self.main, dtype=bool),
            np.asarray(self.ends, dtype=np.int64),
            np.asarray(self.ids, dtype=np.int32),
            list(self.words),
            Texts.of(self.texts),
            Codes.of(self.skeletons),
        )


@dataclass(frozen=True)
class Words:
    """Which words count: not those in ``drop``, none shorter than ``shortest`` characters."""

    drop: frozenset[str] = frozenset()
    shortest: int = 1

    def keep(self, tokens: Sequence[str]) -> tuple[str, ...]:
        if not self.drop and self.shortest <= 1:
            return tuple(tokens)
        drop, shortest = self.drop, self.shortest
        return tuple([t for t in tokens if len(t) >= shortest and t not in drop])


EVERY_WORD = Words()


def read_chunk(
    items: Sequence[Item], tokenizer: Tokenizer | None = None, words: Words | None = None, normalized: bool = False
) -> Chunk:
    """Read ``items`` (text, stored tokens or None, code of its cut or None): a comment with a code
    made by the current rules skips them; missing tokens are segmented per point. ``normalized``:
    the texts are normalised already (as stored at submission) and are taken as they are."""
    words, n = words or EVERY_WORD, len(items)
    hashes = np.zeros(n, dtype=np.uint64)
    speaks = np.zeros(n, dtype=bool)
    kind = np.zeros(n, dtype=np.int8)
    first: dict[str, int] = {}
    signed: dict[int, str] = {}  # comment → skeleton, for the ones long enough to be near-copied
    points = _Points()
    for j, (text, stored, code) in enumerate(items):
        text = text if isinstance(text, str) else ""
        norm = text if normalized else normalize_text(text)
        cut = code if stored is not None and current(code) else None  # a cut holds with its tokens only
        kind[j] = kind_in(cut) if cut is not None else kind_by_rules(norm)
        skel = skeleton(norm)
        if not skel:
            continue
        if skel in first:  # a copy of an earlier comment of this chunk: its hash says so
            hashes[j] = hashes[first[skel]]
            continue
        first[skel] = j
        hashes[j] = skeleton_hash(skel)
        if len(skel) >= MIN_CHARS:
            signed[j] = skel
        texts, tokens = _points(norm, stored, cut, tokenizer)
        if texts:
            speaks[j] = True
            points.add(j, texts, [words.keep(t) for t in tokens], skel if whole_point(texts, norm) else None)
    sig, shingles = signatures(list(signed.values()))
    signed_at = np.fromiter(signed, np.int64, len(signed))
    return Chunk(n, hashes, signed_at, sig.reshape(-1, BINS), shingles, speaks, kind, *points.arrays())


def _points(norm: str, stored: Sequence[str] | str | None, cut: str | None, tokenizer: Tokenizer | None) -> Points:
    """The comment's points and their tokens: as its stored cut says, else by the rules (each point
    segmented afresh when no tokens were stored)."""
    if stored is None:
        texts, _ = points_by_rules(norm, ())
        segmenter = tokenizer or default_tokenizer()
        return texts, [tuple(segmenter.tokens(t, normalized=True)) for t in texts]
    tokens = tuple(stored.split()) if isinstance(stored, str) else tuple(stored)
    return points_in(cut, norm, tokens) if cut is not None else points_by_rules(norm, tokens)
