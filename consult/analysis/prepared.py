"""What the analysis reads of a comment that depends on nothing but the comment, worked out once.

A comment's proposal kind, whether it makes a point, the points it makes and which of its tokens each
holds are the costly part of reading it (rules run over the text: two thirds of the time). They depend
on its normalised text and stored tokens alone, so they are worked out at submission, as the tokens
are, and stored beside them as a short code. Reading a comment with a code skips the rules.

A code names the rules it was made by (``RULES``: a hash of the modules that hold them). Under other
rules it is ignored and the comment is read the long way, so a change of rules never leaves a stale
cut in a digest; it only costs speed until the codes are made again. A code is stored only when it
reads back to exactly what the long way gives.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from .point_split import Point, clean_span, is_whole, split_points, tokens_by_point, without_noise
from .points import makes_a_point
from .proposals import ProposalKind, classify_proposal

KINDS = tuple(ProposalKind)  # a kind is stored as its position here
KIND_CODE = {kind: code for code, kind in enumerate(KINDS)}
# The modules whose rules a code records: this one and every analysis module they import.
RULE_MODULES = ("prepared", "point_split", "points", "stance", "stance_words", "proposals", "normalize", "tokenizer")


def _rules() -> str:
    digest = hashlib.blake2b(digest_size=4)
    for name in RULE_MODULES:
        digest.update((Path(__file__).with_name(f"{name}.py")).read_bytes())
    return digest.hexdigest()


RULES = _rules()
CURRENT_PREFIX = f"{RULES}|"  # every cut made by the rules in force starts so


Points = tuple[list[str], list[tuple[str, ...]]]  # a comment's points' texts, and each point's tokens


@dataclass(frozen=True)
class Cut:
    """A comment as the rules cut it: its kind's position in ``KINDS``, its points' texts (none when it
    makes no point) and each point's tokens."""

    kind: int
    texts: list[str]
    tokens: list[tuple[str, ...]]


def kind_by_rules(normalized: str) -> int:
    return KIND_CODE[classify_proposal(normalized, normalized=True)]


def points_by_rules(normalized: str, tokens: tuple[str, ...]) -> Points:
    """The long way: every rule run over the text."""
    found, own = _found(normalized, tokens)
    return [p.text for p in found], own


def cut_by_rules(normalized: str, tokens: tuple[str, ...]) -> Cut:
    return Cut(kind_by_rules(normalized), *points_by_rules(normalized, tokens))


def _found(normalized: str, tokens: tuple[str, ...]) -> tuple[list[Point], list[tuple[str, ...]]]:
    if not makes_a_point(normalized, normalized=True):
        return [], []
    found = split_points(normalized, whole_speaks=True) or [Point(0, len(normalized), normalized)]
    if len(found) == 1 and found[0].start == 0 and found[0].end >= len(normalized):
        return found, [tokens]  # one point over the whole text holds every token
    return found, tokens_by_point(normalized, tokens, found)


def prepare_cut(normalized: str, tokens: str) -> str | None:
    """The code of a comment (its normalised text and space-joined tokens), or None when the code
    could not say exactly what the rules found (the comment is then read the long way)."""
    words = tuple(tokens.split())
    found, shared = _found(normalized, words)
    cut = Cut(kind_by_rules(normalized), [p.text for p in found], shared)
    masked = without_noise(normalized) if found else normalized
    points, cursor = [], 0
    for point, own in zip(found, shared):
        start = _slice_start(words, own, cursor)
        text = _text_code(normalized, masked, point)
        if start is None or text is None:
            return None
        cursor = start + len(own)
        points.append(f"{text}{start}-{cursor}")
    code = f"{CURRENT_PREFIX}{cut.kind}|{';'.join(points)}"
    return code if read_cut(code, normalized, words) == cut else None


def _text_code(normalized: str, masked: str, point: Point) -> str | None:
    """How to find a point's text again: "n", the whole text; "c" with a span, that span of the text
    without noise, cleaned (as ``split_points`` makes it)."""
    if point.text == normalized:
        return "n"
    for a, b in ((point.start, point.end), (0, len(normalized))):
        if clean_span(masked, a, b) == point.text:
            return f"c{a}-{b}:"
    return None


def _slice_start(words: tuple[str, ...], own: tuple[str, ...], cursor: int) -> int | None:
    """Where ``own`` sits in ``words`` as one slice, looked for from ``cursor`` on (points are in
    order), then from the start; None when it is no slice of them."""
    if not own:
        return cursor
    size = len(own)
    last = len(words) - size
    for start in chain(range(cursor, last + 1), range(0, min(cursor, last + 1))):
        if words[start] == own[0] and words[start : start + size] == own:
            return start
    return None


def current(code: str | None) -> bool:
    """Whether ``code`` is a cut made by the rules in force."""
    return code is not None and code.startswith(CURRENT_PREFIX)


def kind_in(code: str) -> int:
    """The kind a current code records (read without its points: a copy needs no more)."""
    return int(code[len(CURRENT_PREFIX) : code.index("|", len(CURRENT_PREFIX))])


def points_in(code: str, normalized: str, words: tuple[str, ...]) -> Points:
    """The points a current code records, with their tokens taken from ``words``."""
    points = code[code.index("|", len(CURRENT_PREFIX)) + 1 :]
    texts, tokens = [], []
    masked = None
    for point in points.split(";") if points else ():
        if point[0] == "n":
            where, text = point[1:], normalized
        else:  # "c<start>-<end>:<tokens>"
            span, where = point[1:].split(":")
            a, b = span.split("-")
            masked = masked if masked is not None else without_noise(normalized)
            text = clean_span(masked, int(a), int(b))
        first, end = where.split("-")
        texts.append(text)
        tokens.append(words[int(first) : int(end)])
    return texts, tokens


def read_cut(code: str | None, normalized: str, words: tuple[str, ...]) -> Cut | None:
    """The cut a code records, or None when there is no code or it was made by other rules."""
    if code is None or not current(code):
        return None
    return Cut(kind_in(code), *points_in(code, normalized, words))


def whole_point(texts: list[str], normalized: str) -> bool:
    """Whether a comment's one point is the whole comment (it then has the comment's skeleton)."""
    return len(texts) == 1 and is_whole(Point(0, len(normalized), texts[0]), normalized)
