"""Many short texts kept as one array of character codes: no object per text, 2 bytes a character.

A million points' skeletons take 160 MB this way instead of 290 MB as strings, and the character
features read the codes directly instead of joining and encoding strings again.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True)
class Codes:
    """Texts as code points end to end (uint16 when every character fits, else uint32)."""

    codes: np.ndarray
    lengths: np.ndarray  # int64, one per text

    @classmethod
    def of(cls, texts: Sequence[str]) -> Codes:
        lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts))
        codes = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32)
        return cls(codes.astype(np.uint16) if len(codes) and codes.max() <= 0xFFFF else codes.copy(), lengths)

    @classmethod
    def join(cls, parts: Sequence[Codes]) -> Codes:
        if not parts:
            return cls.of([])
        return cls(np.concatenate([p.codes for p in parts]), np.concatenate([p.lengths for p in parts]))

    def __len__(self) -> int:
        return len(self.lengths)

    def any(self) -> bool:
        """Whether some text is not empty."""
        return bool(len(self.codes))

    def select(self, rows: np.ndarray) -> Codes:
        """The texts at ``rows`` (increasing positions)."""
        keep = np.zeros(len(self), dtype=bool)
        keep[rows] = True
        return Codes(self.codes[np.repeat(keep, self.lengths)], self.lengths[rows])

    def slices(self, size: int) -> Iterator[Codes]:
        """Consecutive runs of ``size`` texts."""
        ends = np.concatenate(([0], np.cumsum(self.lengths)))
        for start in range(0, len(self), size):
            stop = min(start + size, len(self))
            yield Codes(self.codes[ends[start] : ends[stop]], self.lengths[start:stop])

    def texts(self) -> list[str]:
        """The texts as strings again."""
        joined = self.codes.astype(np.uint32).tobytes().decode("utf-32-le")
        ends = np.cumsum(self.lengths).tolist()
        return [joined[a:b] for a, b in zip([0, *ends], ends)]


@dataclass(frozen=True)
class Texts:
    """Texts end to end in UTF-16 (a character outside the BMP takes two units), read back one by
    one: for texts only a few of which are ever read again (the points a theme's label is made of)."""

    units: np.ndarray  # uint16
    ends: np.ndarray  # int64: text i is units[ends[i - 1]:ends[i]]

    @classmethod
    def of(cls, texts: Sequence[str]) -> Texts:
        encoded = [t.encode("utf-16-le") for t in texts]
        ends = np.cumsum(np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))) // 2
        return cls(np.frombuffer(b"".join(encoded), dtype=np.uint16).copy(), ends)

    @classmethod
    def join(cls, parts: Sequence[Texts]) -> Texts:
        if not parts:
            return cls.of([])
        offsets = np.cumsum([0] + [len(p.units) for p in parts[:-1]])
        return cls(
            np.concatenate([p.units for p in parts]), np.concatenate([p.ends + o for p, o in zip(parts, offsets)])
        )

    def __len__(self) -> int:
        return len(self.ends)

    def __getitem__(self, i: int) -> str:
        if not 0 <= i < len(self.ends):
            raise IndexError(i)
        start = int(self.ends[i - 1]) if i else 0
        return self.units[start : int(self.ends[i])].tobytes().decode("utf-16-le")

    def __iter__(self) -> Iterator[str]:
        return (self[i] for i in range(len(self)))

    def select(self, rows: np.ndarray) -> Texts:
        """The texts at ``rows`` (increasing positions)."""
        lengths = np.diff(self.ends, prepend=0)
        keep = np.zeros(len(self), dtype=bool)
        keep[rows] = True
        return Texts(self.units[np.repeat(keep, lengths)], np.cumsum(lengths[rows]))
