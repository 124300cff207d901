"""Segmentation of many texts across processes, for batch work (never per request)."""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor

from .tokenizer import Tokenizer

CHUNK = 2000
MIN_PARALLEL = 4000  # below this, starting processes costs more than it saves
_worker_tokenizer: Tokenizer | None = None


def _init_worker(tokenizer: Tokenizer) -> None:
    global _worker_tokenizer
    _worker_tokenizer = tokenizer


def _segment_chunk(texts: list[str]) -> list[tuple[str, ...]]:
    tokenizer = _worker_tokenizer
    assert tokenizer is not None, "the pool's initializer sets the tokenizer"
    return [tuple(tokenizer.tokens(t, normalized=True)) for t in texts]


def default_workers() -> int:
    """The CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def segment_many(tokenizer: Tokenizer, normalized_texts: list[str], workers: int = 1) -> list[tuple[str, ...]]:
    """Tokens of each (already normalised) text, using up to ``workers`` processes.

    Forked workers inherit the loaded dictionary, so they start in milliseconds;
    where fork is unavailable the tokenizer is rebuilt in each worker.
    """
    if workers <= 1 or len(normalized_texts) < MIN_PARALLEL:
        return [tuple(tokenizer.tokens(t, normalized=True)) for t in normalized_texts]
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    chunks = [normalized_texts[i : i + CHUNK] for i in range(0, len(normalized_texts), CHUNK)]
    with ProcessPoolExecutor(
        workers, mp_context=multiprocessing.get_context(method), initializer=_init_worker, initargs=(tokenizer,)
    ) as pool:
        return [tokens for chunk in pool.map(_segment_chunk, chunks) for tokens in chunk]
