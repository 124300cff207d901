"""Theme labels a drafter would write: a phrase of the comments' own words, not a bag of keywords.

A theme's comments are cut into clauses; the label is the clause that says most of the theme's
keywords in 4–16 characters and that most comments share, with fillers such as "我认为" or "建议"
taken off the front. A clause too long is narrowed to the 16-character window holding most
keywords. Clauses carrying Latin letters, digits or escapes ("l9", "_x000D_") are never used: they
are artefacts of how the text reached us, not words a resident chose.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Sequence

SHORTEST, LONGEST = 4, 16
MEMBERS = 200  # clauses are read from the theme's first members only: the label settles long before
_CLAUSE = re.compile(r"[，。；！？、,.;!?：:\n\r\t（）()“”\"‘’'《》【】\[\]…~—\-\s]+")
_JUNK = re.compile(r"[A-Za-z0-9０-９Ａ-Ｚａ-ｚ_=<>/\\@#%&*+|^$]")
_FILLERS = (
    "我们认为",
    "我认为",
    "我觉得",
    "个人认为",
    "个人建议",
    "本人建议",
    "本人认为",
    "强烈建议",
    "建议",
    "希望",
    "请求",
    "关于",
    "对于",
    "另外",
    "同时",
    "而且",
    "但是",
    "所以",
    "因此",
)
_WEAK_ENDS = "的了和与及或在是也都就还把被对为"


def _clauses(text: str) -> list[str]:
    return [c for c in _CLAUSE.split(text) if c]


def _trim(clause: str) -> str:
    said = clause.find("认为", 0, 8)  # "居民普遍认为……": what they think, not that they think it
    if said >= 0 and len(clause) - said - 2 >= SHORTEST:
        clause = clause[said + 2 :]
    if clause.startswith(_FILLERS):  # one test for all: most clauses open with none of them
        for filler in _FILLERS:
            if clause.startswith(filler) and len(clause) - len(filler) >= SHORTEST:
                clause = clause[len(filler) :]
                break
    while len(clause) > SHORTEST and clause[-1] in _WEAK_ENDS:
        clause = clause[:-1]
    while len(clause) > SHORTEST and clause[0] in _WEAK_ENDS:
        clause = clause[1:]
    return clause


def _occurrences(word: str, clause: str) -> Iterator[int]:
    """Where ``word`` starts in ``clause``, left to right, occurrences not overlapping."""
    if not word:
        yield from range(len(clause) + 1)
        return
    at = clause.find(word)
    while at >= 0:
        yield at
        at = clause.find(word, at + len(word))


def _window(clause: str, keywords: Sequence[str], weight: dict[str, float]) -> str:
    """The LONGEST-character stretch of a long clause holding most keyword weight, cut at keyword
    edges so no keyword is split."""
    found = [(at, at + len(k)) for k in keywords for at in _occurrences(k, clause)]
    edges = sorted({0, len(clause)} | {start for start, _ in found})
    ends = sorted({len(clause)} | {end for _, end in found})
    best, best_score = clause[:LONGEST], -1.0
    for start in edges:
        for end in ends:
            if end <= start or end - start > LONGEST or end - start < SHORTEST:
                continue
            piece = clause[start:end]
            score = sum(w for k, w in weight.items() if k in piece) + (end - start) / 100
            if score > best_score:
                best, best_score = piece, score
    return best


def _usable(raw: str, keywords: Sequence[str], weight: dict[str, float]) -> str:
    """The clause a label could be made of, trimmed and narrowed; "" when there is none."""
    if _JUNK.search(raw) or len(raw) < SHORTEST:
        return ""
    clause = _trim(raw)
    if len(clause) > LONGEST:
        clause = _trim(_window(clause, keywords, weight))
    return clause if len(clause) >= SHORTEST else ""


def phrase_label(texts: Sequence[str], keywords: Sequence[str], weights: Sequence[float] | None = None) -> str:
    """A label for a theme whose (distinct) member texts are `texts`, central ones first, each with
    its weight (copies); `keywords` best first. "" only when no text has a usable clause."""
    weight = {k: 1 / (rank + 1) for rank, k in enumerate(keywords) if k}
    shared: dict[str, float] = {}
    candidates: dict[str, float] = {}
    # Members of a theme repeat one another's clauses: each distinct one is cut and scored once.
    usable: dict[str, str] = {}
    said: dict[str, float] = {}
    for position, text in enumerate(texts[:MEMBERS]):
        copies = weights[position] if weights is not None else 1.0
        seen = set()
        for raw in _clauses(text):
            clause = usable.get(raw)
            if clause is None:
                clause = usable[raw] = _usable(raw, keywords, weight)
            if not clause or clause in seen:
                continue
            seen.add(clause)
            shared[clause] = shared.get(clause, 0.0) + 1 + math.log(max(copies, 1.0))
            if clause not in said:
                said[clause] = sum(w for k, w in weight.items() if k in clause)
            # Central comments come first: a small bonus keeps ties on the theme's core.
            candidates[clause] = max(candidates.get(clause, 0.0), said[clause] + 0.05 / (1 + position))
    if not candidates:
        return ""
    return max(candidates, key=lambda c: (candidates[c] * (1 + math.log(shared[c])), -abs(len(c) - 10)))
