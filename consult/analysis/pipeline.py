"""``analyse``: copies collapsed, themes found and described."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator

import numpy as np
from scipy import sparse

from . import themes as th
from .chunks import EVERY_WORD, Words
from .cluster import SCOPE_K, cluster_vectors
from .copies import copies_of
from .features import document_vectors
from .heap import give_back
from .models import Analysis, CommentInput, DuplicateGroup, Theme
from .phrases import MEMBERS as _LABEL_ROWS
from .phrases import phrase_label
from .prepared import KINDS
from .reading import CHUNK_SIZE, read_comments
from .tokenizer import Tokenizer
from .units import Units, point_units
from .workers import Workers, report

ALSO_FIT = 0.3  # a comment's other point joins a theme only this close to its centre


def _check(k: int | None, scope: str) -> None:
    if scope not in SCOPE_K:
        raise ValueError(f"scope must be one of {sorted(SCOPE_K)}, not {scope!r}")
    if k is not None and (not isinstance(k, int) or k < 1):
        raise ValueError(f"k must be a positive integer or None, not {k!r}")


def _check_ids(ids: list[Hashable]) -> None:
    if len(set(ids)) < len(ids):
        seen: set[Hashable] = set()
        repeated = next(i for i in ids if i in seen or seen.add(i))  # type: ignore[func-returns-value]
        raise ValueError(f"comment id {repeated!r} appears more than once")


def analyse(
    comments: Iterable[CommentInput],
    *,
    k: int | None = None,
    random_state: int = 0,
    scope: str = "article",
    tokenizer: Tokenizer | None = None,
    workers: int = 1,
    chunk_size: int = CHUNK_SIZE,
    words: Words = EVERY_WORD,
    on_stage: Callable[[str], None] | None = None,
    on_read: Callable[[int], None] | None = None,
    normalized: bool = False,
) -> Analysis:
    """Collapse copies, cut each comment into its points and group the points into themes: a
    comment belongs to the theme of its main point and is listed (``also``) under the others.

    ``comments`` may be any iterable (a database cursor, say): it is read once, ``chunk_size`` at a
    time, by ``workers`` processes. ``k`` fixes the number of themes, else it is chosen within a
    range set by ``scope`` ("article": a handful, "draft": more). Stored tokens are shared out among
    a comment's points; others are segmented with ``tokenizer``; ``words`` says which count;
    ``normalized``: the texts are ``normalize_text``-ed already (stored so), taken as they are.
    Deterministic for a ``random_state``. ValueError for repeated ids or a bad ``k``/``scope``. ``on_stage``
    hears each stage's end ("read", "copies", "vectors", "clusters", "themes"); ``on_read``, how many
    comments are read so far, chunk by chunk."""
    stage = on_stage or (lambda name: None)
    _check(k, scope)
    reading = (workers, chunk_size, words, on_read, normalized)
    ids, kinds, rep_of, units, x = _vectors(comments, tokenizer, reading, random_state, stage)
    copies = np.bincount(rep_of, minlength=len(rep_of)).astype(np.float64)
    weights = copies[units.owner]
    labels, fit = _group_points(x, weights, units.main, k, scope, random_state)
    theme_of_rep = np.full(len(rep_of), -1, dtype=np.int64)
    theme_of_rep[units.owner[units.main]] = labels[units.main]
    stage("clusters")
    also = _also(units, labels, fit, theme_of_rep)
    found = _themes(ids, kinds, units, x, weights, labels, theme_of_rep[rep_of], also, rep_of)
    result = _analysis(ids, (rep_of, kinds), theme_of_rep, found, units, fit, also)
    stage("themes")
    return result


Group = tuple[list[CommentInput], str, frozenset[str], int, int]


def analyse_each(
    groups: Iterable[Group],
    pool: Workers,
    hear: Callable[[tuple[int, str, int]], None] | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> Iterator[tuple[int, Analysis]]:
    """``analyse`` of each (comments, scope, words dropped, shortest word, chunk size), shared out to
    ``pool``'s processes (one group per process: the groups of a digest are its articles, their texts
    normalised as stored at submission), as
    (position of the group, its analysis) in the order they finish. While they run, ``hear`` is
    told (position, stage, comments read) as each group reads a chunk ("reading") or ends a stage,
    and ``meanwhile`` is run once (see ``Workers.map_unordered``)."""
    tasks = ((*group, position) for position, group in enumerate(groups))
    return pool.map_unordered(_analyse_group, tasks, hear, meanwhile)


def _analyse_group(
    comments: list[CommentInput], scope: str, drop: frozenset[str], shortest: int, chunk_size: int, position: int
) -> Analysis:
    return analyse(
        comments,
        scope=scope,
        words=Words(drop, shortest),
        chunk_size=chunk_size,
        on_stage=lambda stage: report((position, stage, len(comments))),
        on_read=lambda count: report((position, "reading", count)),
        normalized=True,
    )


def _vectors(
    comments: Iterable[CommentInput],
    tokenizer: Tokenizer | None,
    reading: tuple[int, int, Words, Callable[[int], None] | None, bool],
    random_state: int,
    stage: Callable[[str], None],
) -> tuple[list[Hashable], np.ndarray, np.ndarray, Units, np.ndarray]:
    """Read, collapse copies, vectorise the representatives' points: (ids, kinds, representative
    of each comment, the points, their vectors). ``reading`` is (worker processes, chunk size, words,
    who hears the count read, whether the texts are normalised)."""
    with Workers(reading[0], tokenizer) as pool:
        read = read_comments(comments, pool, *reading[1:])
        _check_ids(read.ids)
        stage("read")
        rep_of = copies_of(read)
        read.let_go("signatures", "shingles", "signed", "skeleton_hash")
        stage("copies")
        units, skeletons = point_units(read, (rep_of == np.arange(len(rep_of))) & read.speaks)
        ids, kinds = read.ids, read.kind
        del read  # what is still needed is in the units
        give_back()
        x = document_vectors(units.counts, skeletons, random_state, pool)
    stage("vectors")
    return ids, kinds, rep_of, units, x


def _analysis(
    ids: list[Hashable],
    comments: tuple[np.ndarray, np.ndarray],
    theme_of_rep: np.ndarray,
    found: tuple[Theme, ...],
    units: Units,
    fit: np.ndarray,
    also: dict[int, dict[int, float]],
) -> Analysis:
    """The result, keyed by comment id: copies take their original's theme, fit and other points.
    ``comments`` holds each comment's representative and proposal kind."""
    rep_of, kinds = comments
    main_fit = {int(o): float(f) for o, f in zip(units.owner[units.main], fit[units.main])}
    reps = rep_of.tolist()
    return Analysis(
        themes=found,
        duplicate_groups=_groups(ids, rep_of),
        assignments=dict(zip(ids, theme_of_rep[rep_of].tolist())),
        duplicate_of={c: ids[r] for i, (c, r) in enumerate(zip(ids, reps)) if r != i},
        fit={c: round(main_fit[r], 3) for c, r in zip(ids, reps) if r in main_fit},
        also={c: also[r] for c, r in zip(ids, reps) if r in also},
        kinds=dict(zip(ids, (KINDS[k].value for k in kinds.tolist()))),
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
    rows = np.flatnonzero(main)
    # Weighted sums of each theme's main points, as one sparse product (no copy of x).
    member = sparse.csr_matrix((weights[rows], (labels[rows], rows)), shape=(int(labels.max()) + 1, len(main)))
    centres = np.asarray(member @ x, dtype=np.float64)
    centres /= np.linalg.norm(centres, axis=1, keepdims=True) + 1e-12
    closeness = x @ centres.T.astype(x.dtype)
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


def _groups(ids: list[Hashable], rep_of: np.ndarray) -> tuple[DuplicateGroup, ...]:
    """Copy groups, largest first (then in order of their representative)."""
    order = np.argsort(rep_of, kind="stable")
    ordered = rep_of[order]
    starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
    sizes = np.diff(np.append(starts, len(order)))
    groups = [
        DuplicateGroup(ids[int(ordered[s])], tuple(ids[i] for i in order[s : s + size].tolist()), int(size))
        for s, size in zip(starts.tolist(), sizes.tolist())
        if size > 1
    ]
    return tuple(sorted(groups, key=lambda g: -g.count))


def _themes(
    ids: list[Hashable],
    kinds: np.ndarray,
    units: Units,
    x: np.ndarray,
    weights: np.ndarray,
    labels: np.ndarray,
    theme_of: np.ndarray,
    also: dict[int, dict[int, float]],
    rep_of: np.ndarray,
) -> tuple[Theme, ...]:
    k = int(labels.max()) + 1 if len(labels) else 0
    grouped = labels >= 0
    counts = units.counts if grouped.all() else units.counts[grouped]  # a copy only when some are not
    keywords = th.theme_keywords(counts, units.vocab, weights[grouped], labels[grouped], k) if k else []
    also_of = _by_theme(also, rep_of)
    result = []
    for c in range(k):
        rows = np.flatnonzero((labels == c) & units.main)  # what the theme's members mainly say
        chosen = th.representatives(x, weights, rows)
        mix = np.bincount(kinds[units.owner[rows]], weights=weights[rows], minlength=len(KINDS))
        result.append(
            Theme(
                index=c,
                label=_label(units, rows, weights, chosen, list(keywords[c])),
                keywords=tuple(keywords[c]),
                size=int(np.count_nonzero(theme_of == c)),
                member_ids=tuple(ids[i] for i in np.flatnonzero(theme_of == c).tolist()),
                representative_ids=tuple(ids[int(units.owner[u])] for u in chosen),
                kinds={KINDS[i].value: int(m) for i, m in enumerate(mix) if m},
                also_ids=tuple(ids[i] for i in also_of.get(c, ())),
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
    by_weight = rows[np.argsort(-weights[rows], kind="stable")][: 2 * _LABEL_ROWS].tolist()
    order = central + [r for r in by_weight if r not in central]
    texts = [units.texts[u] for u in order]
    return phrase_label(texts, words, [float(weights[u]) for u in order]) or (th.label_of(words) if words else "")
