"""Giving freed memory back to the system.

A read of a million comments frees the chunks it joined, hundreds of megabytes of blocks too small
for the C library to map apart: they stay in its heap, counted against the process, until it is
told to return them. Where the C library cannot (not glibc), nothing happens.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable


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
