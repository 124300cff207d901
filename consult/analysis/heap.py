"""Memory housekeeping of bulk work: giving freed memory back to the system, and holding off the
cycle collector while rows are made by the hundred thousand.

A read of a million comments frees the chunks it joined, hundreds of megabytes of blocks too small
for the C library to map apart: they stay in its heap, counted against the process, until it is
told to return them. Where the C library cannot (not glibc), nothing happens.
"""

from __future__ import annotations

import ctypes
import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager


def _malloc_trim() -> Callable[[int], int] | None:
    try:
        trim: Callable[[int], int] = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, TypeError):  # no such C library function here
        return None
    return trim


_TRIM = _malloc_trim()


def give_back() -> None:
    """Return the heap's free pages to the system (milliseconds; tens of them after a big read)."""
    if _TRIM is not None:
        _TRIM(0)


@contextmanager
def collection_paused() -> Iterator[None]:
    """Python's cycle collector held off meanwhile. Made in bulk, rows hold no cycles, but every few
    hundred new objects the collector runs, and as they pile up it walks them all again and again:
    reading a consultation's 100k rows took half as long again. Cycles left meanwhile (few) are
    collected after."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
