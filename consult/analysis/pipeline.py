"""``analyse``: copies collapsed, themes found and described."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

import numpy as np
from scipy import sparse

from . import themes as th
from .cluster import SCOPE_K, cluster_vectors
from .dedup import near_duplicate_components
from .features import document_vectors, word_counts
from .models import Analysis, CommentInput, DuplicateGroup, Theme
from .normalize import normalize_text, skeleton
from .phrases import phrase_label
from .points import makes_a_point
from .proposals import classify_proposal
from .tokenizer import Tokenizer
from .units import Units, point_units

ALSO_FIT = 0.3  # a comment's other point joins a theme only this close to its centre


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


def _collapse_copies(
    comments: list[CommentInput], stage: Callable[[str], None]
) -> tuple[np.ndarray, np.ndarray, dict[int, str]]:
    """(representative of each comment, the representatives making a point, their normalized texts
    by index). Only representatives matter afterwards: the copies' strings go."""
    normalized = [normalize_text(c.text if isinstance(c.text, str) else "") for c in comments]
    skeletons = [skeleton(t) for t in normalized]
    stage("normalise")
    rep_of = group_copies(skeletons)
    stage("copies")
    # A comment with no point of its own (a bare "支持！") joins no theme: it is counted apart (-1).
    originals = np.flatnonzero(rep_of == np.arange(len(comments)))
    reps = np.array([i for i in originals if skeletons[i] and makes_a_point(normalized[i])], dtype=np.int64)
    return rep_of, reps, {int(i): normalized[i] for i in reps}


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
    """Collapse copies, cut each comment into its points and group the points into themes: a
    comment belongs to the theme of its main point and is listed (``also``) under the others.

    ``k`` fixes the number of themes, else it is chosen within a range set by ``scope`` ("article":
    a handful, "draft": more). Stored tokens are shared out among a comment's points; others are
    segmented with ``tokenizer`` (``workers`` processes). Deterministic for a ``random_state``.
    ValueError for repeated ids or a bad ``k``/``scope``. ``on_stage`` hears each stage's end.
    """
    stage = on_stage or (lambda name: None)
    comments = list(comments)
    _check(comments, k, scope)
    rep_of, reps, normalized = _collapse_copies(comments, stage)
    copies = np.bincount(rep_of, minlength=len(comments)).astype(np.float64)
    units = point_units(comments, normalized, reps, tokenizer, workers)
    stage("tokens")
    counts, vocab = word_counts(units.tokens)
    x = document_vectors(units.tokens, units.skeletons, random_state, words=counts)
    stage("vectors")
    weights = copies[units.owner]
    labels, fit = _group_points(x, weights, units.main, k, scope, random_state)
    theme_of_rep = np.full(len(comments), -1, dtype=np.int64)
    theme_of_rep[units.owner[units.main]] = labels[units.main]
    stage("clusters")
    also = _also(units, labels, fit, theme_of_rep)
    found = _themes(
        comments, normalized, units, (counts, vocab), x, weights, labels, theme_of_rep[rep_of], also, rep_of
    )
    result = _analysis(comments, rep_of, theme_of_rep, found, units, fit, also)
    stage("themes")
    return result


def _analysis(
    comments: list[CommentInput],
    rep_of: np.ndarray,
    theme_of_rep: np.ndarray,
    found: tuple[Theme, ...],
    units: Units,
    fit: np.ndarray,
    also: dict[int, dict[int, float]],
) -> Analysis:
    """The result, keyed by comment id: copies take their original's theme, fit and other points."""
    main_fit = {int(o): float(f) for o, f in zip(units.owner[units.main], fit[units.main])}
    return Analysis(
        themes=found,
        duplicate_groups=_groups(comments, rep_of),
        assignments={c.id: int(t) for c, t in zip(comments, theme_of_rep[rep_of])},
        duplicate_of={c.id: comments[r].id for i, (c, r) in enumerate(zip(comments, rep_of)) if r != i},
        fit={c.id: round(main_fit[int(r)], 3) for c, r in zip(comments, rep_of) if int(r) in main_fit},
        also={c.id: also[int(r)] for c, r in zip(comments, rep_of) if int(r) in also},
    )


def _group_points(
    x: np.ndarray, weights: np.ndarray, main: np.ndarray, k: int | None, scope: str, random_state: int
) -> tuple[np.ndarray, np.ndarray]:
    """Theme of each point (-1: none) and how well it fits there. Themes are what comments mainly
    say: the main points are clustered, and every other point goes to the theme whose centre it is
    closest to (a side remark does not make a theme of its own, nor change how many there are)."""
    labels = np.full(len(main), -1, dtype=np.int64)
    fit = np.zeros(len(main))
    if not main.any():
        return labels, fit
    labels[main] = cluster_vectors(x[main], weights[main], k, scope, random_state)
    centres = np.zeros((int(labels.max()) + 1, x.shape[1]))
    np.add.at(centres, labels[main], x[main] * weights[main, None])
    centres /= np.linalg.norm(centres, axis=1, keepdims=True) + 1e-12
    closeness = x @ centres.T
    others = ~main
    labels[others] = np.argmax(closeness[others], axis=1) if others.any() else labels[others]
    fit = np.clip(closeness[np.arange(len(main)), labels], 0.0, 1.0)
    return labels, fit


def _also(units: Units, labels: np.ndarray, fit: np.ndarray, theme_of: np.ndarray) -> dict[int, dict[int, float]]:
    """For each comment, the themes its other points belong to (not its main one), with the fit
    of its best point there. Points that fit their theme poorly are left out: a stray clause should
    not carry a theme's answer to a comment."""
    also: dict[int, dict[int, float]] = {}
    for u in np.flatnonzero(~units.main & (labels >= 0) & (fit >= ALSO_FIT)):
        owner, theme = int(units.owner[u]), int(labels[u])
        if theme != theme_of[owner]:
            seen = also.setdefault(owner, {})
            seen[theme] = max(seen.get(theme, 0.0), round(float(fit[u]), 3))
    return also


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
    units: Units,
    words: tuple[sparse.csr_matrix, np.ndarray],
    x: np.ndarray,
    weights: np.ndarray,
    labels: np.ndarray,
    theme_of: np.ndarray,
    also: dict[int, dict[int, float]],
    rep_of: np.ndarray,
) -> tuple[Theme, ...]:
    k = int(labels.max()) + 1 if len(labels) else 0
    counts, vocab = words
    grouped = labels >= 0
    keywords = th.theme_keywords(counts[grouped], vocab, weights[grouped], labels[grouped], k) if k else []
    kinds = {int(o): classify_proposal(normalized[int(o)], normalized=True).value for o in units.owner[units.main]}
    also_of = _by_theme(also, rep_of)
    result = []
    for c in range(k):
        rows = np.flatnonzero((labels == c) & units.main)  # what the theme's members mainly say
        chosen = th.representatives(x, weights, rows)
        mix: Counter[str] = Counter()
        for r in rows:
            mix[kinds[int(units.owner[r])]] += int(weights[r])
        result.append(
            Theme(
                index=c,
                label=_label(units, rows, weights, chosen, list(keywords[c])),
                keywords=tuple(keywords[c]),
                size=int(np.count_nonzero(theme_of == c)),
                member_ids=tuple(comments[i].id for i in np.flatnonzero(theme_of == c)),
                representative_ids=tuple(comments[int(units.owner[u])].id for u in chosen),
                kinds=dict(mix),
                also_ids=tuple(comments[i].id for i in also_of.get(c, ())),
            )
        )
    return tuple(result)


def _by_theme(also: dict[int, dict[int, float]], rep_of: np.ndarray) -> dict[int, list[int]]:
    """Theme → the comments (copies included) whose other points are there."""
    found: dict[int, list[int]] = {}
    for i, r in enumerate(rep_of.tolist()):
        for theme in also.get(r, ()):
            found.setdefault(theme, []).append(i)
    return found


def _label(units: Units, rows: np.ndarray, weights: np.ndarray, central: list[int], words: list[str]) -> str:
    """A phrase of the members' own words (central points first, then the most copied); the
    keywords only when no point has a usable clause."""
    order = central + [int(r) for r in sorted(rows, key=lambda r: -weights[r]) if int(r) not in central]
    texts = [units.texts[u] for u in order]
    return phrase_label(texts, words, [float(weights[u]) for u in order]) or (th.label_of(words) if words else "")
