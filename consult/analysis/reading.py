"""Reading comments chunk by chunk, in worker processes when there are several, into compact arrays.

Memory is set by ``chunk_size``: at most ``2 × workers`` chunks are in flight, and what is kept of a
comment afterwards is a few numbers (its hash, its signature when it is an original, its points'
word positions and texts), never its token list.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from .chunks import EVERY_WORD, Chunk, Item, Words, read_chunk
from .codes import Codes, Texts
from .dedup import BINS
from .heap import give_back
from .models import CommentInput
from .workers import Workers, worker_tokenizer

CHUNK_SIZE = 5_000  # comments per chunk: the unit of work and of memory


@dataclass
class Read:
    """Every comment of a call, read: ids in input order and the chunks' arrays joined."""

    ids: list[Hashable]
    skeleton_hash: np.ndarray
    signed: np.ndarray  # comment positions with a signature (increasing)
    signatures: np.ndarray
    shingles: np.ndarray
    speaks: np.ndarray
    kind: np.ndarray
    point_owner: np.ndarray
    point_main: np.ndarray
    token_ends: np.ndarray  # with a leading 0: point p's tokens are token_ids[ends[p]:ends[p+1]]
    token_ids: np.ndarray  # positions in ``words``
    words: list[str]
    point_texts: Texts
    point_skeletons: Codes

    def let_go(self, *names: str) -> None:
        """Drop these fields (left empty) once no later stage reads them: at a million comments the
        signatures, tokens, texts and skeletons are 200 MB each."""
        for name in names:
            value = getattr(self, name)
            if isinstance(value, np.ndarray):
                setattr(self, name, np.zeros((0, *value.shape[1:]), dtype=value.dtype))
            else:
                setattr(self, name, type(value).of([]))


class _Joiner:
    """Chunks appended in input order; word positions are moved onto one word list."""

    def __init__(self) -> None:
        self.parts: list[Chunk] = []
        self.starts: list[int] = []
        self.word_index: dict[str, int] = {}
        self.token_offset = 0
        self.n = 0

    def add(self, chunk: Chunk) -> None:
        index = self.word_index
        local = np.fromiter((index.setdefault(w, len(index)) for w in chunk.words), np.int32, len(chunk.words))
        chunk.token_ids = local[chunk.token_ids] if len(chunk.token_ids) else chunk.token_ids
        chunk.words = []
        chunk.token_ends = chunk.token_ends + self.token_offset
        self.token_offset += len(chunk.token_ids)
        self.starts.append(self.n)
        self.n += chunk.size
        self.parts.append(chunk)

    def join(self, ids: list[Hashable]) -> Read:
        """One Read; each field's parts are let go as soon as they are joined."""
        parts, starts = self.parts, self.starts
        self.parts = []

        def cat(name: str, dtype: type, shift: bool = False) -> np.ndarray:
            arrays = [a + (s if shift else 0) for a, s in zip(_take(parts, name), starts)]
            return np.concatenate(arrays).astype(dtype, copy=False) if arrays else np.zeros(0, dtype=dtype)

        signatures = _take(parts, "signatures") or [np.zeros((0, BINS), np.uint32)]
        return Read(
            ids=ids,
            skeleton_hash=cat("skeleton_hash", np.uint64),
            signed=cat("signed", np.int64, shift=True),
            signatures=np.concatenate(signatures),
            shingles=cat("shingles", np.int32),
            speaks=cat("speaks", bool),
            kind=cat("kind", np.int8),
            point_owner=cat("point_owner", np.int64, shift=True),
            point_main=cat("point_main", bool),
            token_ends=np.concatenate([[0], cat("token_ends", np.int64)]),
            token_ids=cat("token_ids", np.int32),
            words=list(self.word_index),
            point_texts=Texts.join(_take(parts, "point_texts")),
            point_skeletons=Codes.join(_take(parts, "point_skeletons")),
        )


def _take(parts: list[Chunk], name: str) -> list[Any]:
    """One field of every chunk, let go by the chunks (so a joined field is held once)."""
    taken = [getattr(p, name) for p in parts]
    for p in parts:
        delattr(p, name)
    return taken


def read_comments(
    comments: Iterable[CommentInput],
    workers: Workers | None = None,
    chunk_size: int = CHUNK_SIZE,
    words: Words = EVERY_WORD,
    on_read: Callable[[int], None] | None = None,
    normalized: bool = False,
) -> Read:
    """Read every comment once, ``chunk_size`` at a time, with ``workers`` (else in this process);
    ``words`` says which of their words count; ``on_read`` hears how many are read, chunk by chunk;
    ``normalized``: the texts are normalised already."""
    ids: list[Hashable] = []
    joiner = _Joiner()
    for chunk in (workers or Workers()).map(_read, _batches(comments, ids, chunk_size, (words, normalized))):
        joiner.add(chunk)
        if on_read is not None:
            on_read(joiner.n)
    read = joiner.join(ids)
    give_back()  # the chunks just joined, freed
    return read


def _batches(
    comments: Iterable[CommentInput], ids: list[Hashable], size: int, how: tuple[Words, bool]
) -> Iterator[tuple[list[Item], Words, bool]]:
    batch: list[Item] = []
    for comment in comments:
        ids.append(comment.id)
        batch.append((comment.text, comment.tokens, comment.cut))
        if len(batch) == size:
            yield batch, *how
            batch = []
    if batch:
        yield batch, *how


def _read(batch: list[Item], words: Words, normalized: bool) -> Chunk:
    return read_chunk(batch, worker_tokenizer(), words, normalized)
