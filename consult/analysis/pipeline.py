"""``analyse``: copies collapsed, themes found and described."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Hashable, Sequence

import numpy as np
from scipy import sparse

from . import themes as th
from .bulk import segment_many
from .cluster import SCOPE_K, cluster_vectors
from .dedup import near_duplicate_components
from .features import document_vectors, word_counts
from .models import Analysis, CommentInput, DuplicateGroup, Theme
from .normalize import normalize_text, skeleton
from .phrases import phrase_label
from .points import makes_a_point
from .proposals import classify_proposal
from .tokenizer import Tokenizer, default_tokenizer


def _check(comments: Sequence[CommentInput], k: int | None, scope: str) -> None:
    if scope not in SCOPE_K:
        raise ValueError(f"scope must be one of {sorted(SCOPE_K)}, not {scope!r}")
    if k is not None and (not isinstance(k, int) or k < 1):
        raise ValueError(f"k must be a positive integer or None, not {k!r}")
    seen = set()
    for c in comments:
        if c.id in seen:
            raise ValueError(f"comment id {c.id!r} appears more than once")
        seen.add(c.id)


def group_copies(skeletons: list[str]) -> np.ndarray:
    """For each text, the index of its copy group's representative (itself if none).

    Exact copies share a skeleton; near-copies are found among distinct skeletons
    only. The representative is the member with most exact copies, then the earliest.
    Texts without content are left alone.
    """
    if not skeletons:
        return np.zeros(0, dtype=np.int64)
    first: dict[str, int] = {}
    exact = np.array([first.setdefault(s, i) if s else i for i, s in enumerate(skeletons)], dtype=np.int64)
    uniques = np.flatnonzero(exact == np.arange(len(skeletons)))
    copies = np.bincount(exact, minlength=len(skeletons))
    component = near_duplicate_components([skeletons[i] for i in uniques])
    # Best member per component: most copies first, earliest on ties.
    order = np.lexsort((uniques, -copies[uniques], component))
    comp_sorted = component[order]
    is_first = np.concatenate(([True], comp_sorted[1:] != comp_sorted[:-1]))
    best = np.empty(component.max() + 1 if len(component) else 0, dtype=np.int64)
    best[comp_sorted[is_first]] = uniques[order[is_first]]
    rep_of_unique = np.empty(len(skeletons), dtype=np.int64)
    rep_of_unique[uniques] = best[component]
    return rep_of_unique[exact]


def _tokens_for(
    comments: list[CommentInput],
    normalized: dict[int, str],
    reps: np.ndarray,
    tokenizer: Tokenizer | None,
    workers: int,
) -> list[tuple[str, ...]]:
    stored = {i: comments[i].tokens for i in reps if comments[i].tokens is not None}
    missing = [i for i in reps if i not in stored]
    if missing:  # loading jieba's dictionary costs a second; stored tokens need none of it
        fresh = segment_many(tokenizer or default_tokenizer(), [normalized[i] for i in missing], workers)
        stored.update(zip(missing, fresh))
    # Tokens stored by the web layer may arrive as one space-joined string.
    return [tuple(t.split()) if isinstance(t, str) else tuple(t) for t in (stored[i] for i in reps)]


def _collapse_copies(
    comments: list[CommentInput], stage: Callable[[str], None]
) -> tuple[np.ndarray, np.ndarray, dict[int, str], list[str]]:
    """(representative of each comment, the representatives with text, their normalized texts
    by index, their skeletons). Only representatives matter afterwards: the copies' strings go."""
    normalized = [normalize_text(c.text if isinstance(c.text, str) else "") for c in comments]
    skeletons = [skeleton(t) for t in normalized]
    stage("normalise")
    rep_of = group_copies(skeletons)
    stage("copies")
    # A comment with no point of its own (a bare "支持！") joins no theme: it is counted apart (-1).
    originals = np.flatnonzero(rep_of == np.arange(len(comments)))
    reps = np.array([i for i in originals if skeletons[i] and makes_a_point(normalized[i])], dtype=np.int64)
    return rep_of, reps, {int(i): normalized[i] for i in reps}, [skeletons[i] for i in reps]


def analyse(
    comments: Sequence[CommentInput],
    *,
    k: int | None = None,
    random_state: int = 0,
    scope: str = "article",
    tokenizer: Tokenizer | None = None,
    workers: int = 1,
    on_stage: Callable[[str], None] | None = None,
) -> Analysis:
    """Collapse copies and group the comments into themes.

    ``k`` fixes the number of themes; by default it is chosen from the data within a
    range set by ``scope`` ("article": a handful, "draft": more). Tokens stored with
    a comment are used as they are; other comments are segmented with ``tokenizer``
    (using ``workers`` processes for large batches). Deterministic for a given
    ``random_state``. Raises ValueError for repeated ids or a bad ``k``/``scope``.
    ``on_stage`` is called with each stage's name as it ends (for benchmarks).
    """
    stage = on_stage or (lambda name: None)
    comments = list(comments)
    _check(comments, k, scope)
    rep_of, reps, normalized, rep_skeletons = _collapse_copies(comments, stage)
    weights_all = np.bincount(rep_of, minlength=len(comments)).astype(np.float64)
    tokens = _tokens_for(comments, normalized, reps, tokenizer, workers)
    stage("tokens")
    counts, vocab = word_counts(tokens)
    x = document_vectors(tokens, rep_skeletons, random_state, words=counts)
    del rep_skeletons
    stage("vectors")
    weights = weights_all[reps]
    labels = cluster_vectors(x, weights, k, scope, random_state)
    stage("clusters")
    theme_of_rep = np.full(len(comments), -1, dtype=np.int64)
    theme_of_rep[reps] = labels
    found = _themes(comments, normalized, reps, (counts, vocab), x, weights, labels, theme_of_rep[rep_of])
    result = _analysis(comments, rep_of, theme_of_rep[rep_of], found, _fit(x, weights, labels, reps, rep_of, comments))
    stage("themes")
    return result


def _analysis(
    comments: list[CommentInput],
    rep_of: np.ndarray,
    theme_of: np.ndarray,
    found: tuple[Theme, ...],
    fit: dict[Hashable, float],
) -> Analysis:
    return Analysis(
        themes=found,
        duplicate_groups=_groups(comments, rep_of),
        assignments={c.id: int(t) for c, t in zip(comments, theme_of)},
        duplicate_of={c.id: comments[r].id for i, (c, r) in enumerate(zip(comments, rep_of)) if r != i},
        fit=fit,
    )


def _fit(
    x: np.ndarray,
    weights: np.ndarray,
    labels: np.ndarray,
    reps: np.ndarray,
    rep_of: np.ndarray,
    comments: list[CommentInput],
) -> dict[Hashable, float]:
    """Cosine of each grouped comment to its theme's copy-weighted centre."""
    if not len(labels):
        return {}
    k = int(labels.max()) + 1
    centres = np.zeros((k, x.shape[1]))
    np.add.at(centres, labels, x * weights[:, None])
    centres /= np.linalg.norm(centres, axis=1, keepdims=True) + 1e-12
    rep_fit = {int(r): float(np.clip(x[i] @ centres[labels[i]], 0.0, 1.0)) for i, r in enumerate(reps)}
    return {c.id: round(rep_fit[int(r)], 3) for c, r in zip(comments, rep_of) if int(r) in rep_fit}


def _groups(comments: list[CommentInput], rep_of: np.ndarray) -> tuple[DuplicateGroup, ...]:
    members: dict[int, list[int]] = {}
    for i, r in enumerate(rep_of):
        members.setdefault(int(r), []).append(i)
    groups = [
        DuplicateGroup(comments[r].id, tuple(comments[i].id for i in m), len(m))
        for r, m in members.items()
        if len(m) > 1
    ]
    return tuple(sorted(groups, key=lambda g: -g.count))


def _themes(
    comments: list[CommentInput],
    normalized: dict[int, str],
    reps: np.ndarray,
    words: tuple[sparse.csr_matrix, np.ndarray],
    x: np.ndarray,
    weights: np.ndarray,
    labels: np.ndarray,
    theme_of: np.ndarray,
) -> tuple[Theme, ...]:
    k = int(labels.max()) + 1 if len(labels) else 0
    counts, vocab = words
    keywords = th.theme_keywords(counts, vocab, weights, labels, k) if k else []
    kinds = [classify_proposal(normalized[i], normalized=True).value for i in reps]
    result = []
    for c in range(k):
        rows = np.flatnonzero(labels == c)
        chosen = [int(reps[r]) for r in th.representatives(x, weights, rows)]
        mix: Counter[str] = Counter()
        for r in rows:
            mix[kinds[r]] += int(weights[r])
        label = _label(normalized, reps, rows, weights, chosen, list(keywords[c]))
        result.append(
            Theme(
                index=c,
                label=label,
                keywords=tuple(keywords[c]),
                size=int(weights[rows].sum()),
                member_ids=tuple(comments[i].id for i in np.flatnonzero(theme_of == c)),
                representative_ids=tuple(comments[i].id for i in chosen),
                kinds=dict(mix),
            )
        )
    return tuple(result)


def _label(
    normalized: dict[int, str],
    reps: np.ndarray,
    rows: np.ndarray,
    weights: np.ndarray,
    central: list[int],
    words: list[str],
) -> str:
    """A phrase of the members' own words (central members first, then the most copied); the
    keywords only when no member has a usable clause."""
    order = central + [int(reps[r]) for r in sorted(rows, key=lambda r: -weights[r]) if int(reps[r]) not in central]
    copies = {int(reps[r]): float(weights[r]) for r in rows}
    texts = [normalized[i] for i in order]
    return phrase_label(texts, words, [copies.get(i, 1.0) for i in order]) or (th.label_of(words) if words else "")
