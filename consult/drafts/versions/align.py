"""Which article of a new version is which article of the old: the rows of a 修改对照表.

Articles are compared by their text (TF-IDF over runs of two and three characters: rewording keeps
most of a match, while the words every article of a regulation uses weigh little) and kept in order
where they can be: a monotone alignment maximising the summed similarity finds the
articles that stayed, were reworded, inserted or removed across any renumbering; articles left over on
both sides that still resemble each other are paired as moved. A pair the alignment is not sure of
(reworded heavily, or moved), and an added or removed article that resembles another (split from it,
merged into it), are marked doubtful for a drafter to confirm.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer


class _Paragraph(Protocol):
    @property
    def text(self) -> str: ...

    @property
    def items(self) -> Sequence[str]: ...


class ArticleLike(Protocol):
    """A parsed article or a stored one (drafts.queries.ArticleView): its number and 款 with their 项."""

    @property
    def number(self) -> str: ...

    @property
    def paragraphs(self) -> Sequence[_Paragraph]: ...


# Cosine similarities. Unrelated articles of one regulation score about 0.05–0.15, reworded ones 0.3–0.8.
MATCH = 0.2  # least similarity for two articles in order to be one article
MOVE = 0.3  # least similarity for an article found elsewhere to count as moved, not removed and added
SURE = 0.5  # a match below this, or any move, is shown to the drafter to confirm
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Row:
    """One line of the 对照表: the old and new article (None where there is none) and what happened."""

    old: ArticleLike | None
    new: ArticleLike | None
    change: str  # "same" | "modified" | "added" | "removed"
    similarity: float = 0.0
    moved: bool = False
    doubtful: bool = False
    # An added article like an old one (split from it), or a removed one like a new one (merged into it).
    resembles: ArticleLike | None = None


def article_text(article: ArticleLike) -> str:
    """The words of an article without its number or any whitespace: what "same" compares."""
    parts = [piece for p in article.paragraphs for piece in (p.text, *p.items)]
    return _SPACE.sub("", "".join(parts))


def _similarities(old: Sequence[str], new: Sequence[str]) -> np.ndarray:
    if not any(old) or not any(new):
        return np.zeros((len(old), len(new)))
    vectorizer = TfidfVectorizer(analyzer="char", ngram_range=(2, 3), sublinear_tf=True, lowercase=False)
    matrix = vectorizer.fit_transform([*old, *new])
    score: np.ndarray = (matrix[: len(old)] @ matrix[len(old) :].T).toarray()
    for i, text in enumerate(old):  # one-character articles have no runs to compare: equal text matches
        for j in np.flatnonzero(score[i] == 0):
            if text and text == new[int(j)]:
                score[i, j] = 1.0
    return score


def _monotone(score: np.ndarray) -> list[tuple[int, int]]:
    """Pairs (i, j), increasing in both, maximising the summed score of pairs scoring ≥ MATCH."""
    n, m = score.shape
    gain = np.where(score >= MATCH, score, -np.inf)
    best = np.zeros((n + 1, m + 1))
    for i in range(1, n + 1):
        row, above = best[i], best[i - 1]
        diagonal = above[:-1] + gain[i - 1]
        for j in range(1, m + 1):  # the inner loop stays in Python: 500 × 500 cells in about 0.3 s
            row[j] = max(above[j], row[j - 1], diagonal[j - 1])
    pairs, i, j = [], n, m
    while i and j:
        if best[i, j] == best[i - 1, j]:
            i -= 1
        elif best[i, j] == best[i, j - 1]:
            j -= 1
        else:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
    return pairs[::-1]


def _moves(score: np.ndarray, pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Left-over articles on both sides that resemble each other: the best pairs first."""
    free_old = set(range(score.shape[0])) - {i for i, _ in pairs}
    free_new = set(range(score.shape[1])) - {j for _, j in pairs}
    found = []
    for flat in np.argsort(-score, axis=None):
        i, j = divmod(int(flat), score.shape[1])
        if score[i, j] < MOVE:
            break
        if i in free_old and j in free_new:
            found.append((i, j))
            free_old.discard(i)
            free_new.discard(j)
    return found


def align(old: Sequence[ArticleLike], new: Sequence[ArticleLike]) -> list[Row]:
    """The rows of the 对照表 in reading order: the new version's order, each removed article placed
    after the old article it followed."""
    old_texts, new_texts = [article_text(a) for a in old], [article_text(a) for a in new]
    score = _similarities(old_texts, new_texts)
    pairs = _monotone(score)
    moved = _moves(score, pairs)
    partner = {j: (i, False) for i, j in pairs} | {j: (i, True) for i, j in moved}
    used_old = {i for i, _ in partner.values()}
    rows: list[Row] = []
    next_old = 0
    for j, article in enumerate(new):
        if j in partner and not partner[j][1]:
            i = partner[j][0]
            rows.extend(_removed(old, range(next_old, i), used_old, score, new))
            next_old = i + 1
        if j in partner:
            i, is_move = partner[j]
            same = old_texts[i] == new_texts[j]
            similarity = float(round(score[i, j], 3))
            rows.append(
                Row(old[i], article, "same" if same else "modified", similarity, is_move, is_move or similarity < SURE)
            )
        else:
            rows.append(_lone(None, article, score[:, j], old))
    rows.extend(_removed(old, range(next_old, len(old)), used_old, score, new))
    return rows


def _lone(old: ArticleLike | None, new: ArticleLike | None, scores: np.ndarray, others) -> Row:
    """An added or removed article; doubtful when it resembles one on the other side."""
    best = int(np.argmax(scores)) if len(scores) else -1
    like = others[best] if best >= 0 and scores[best] >= MATCH else None
    change = "added" if old is None else "removed"
    return Row(
        old, new, change, float(round(scores[best], 3)) if like else 0.0, doubtful=like is not None, resembles=like
    )


def _removed(old, indexes: range, used: set[int], score: np.ndarray, new) -> list[Row]:
    return [_lone(old[i], None, score[i], new) for i in indexes if i not in used]
