"""Writing a build's placements. Only the member rows (and article references and mentions) that
differ from those stored are rewritten: a rebuild where most comments stay where they were (every
periodic rebuild of a big consultation) writes the few that moved, not every row again, each checked
against its foreign keys and each leaving a dead row behind."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, TypeVar, cast

import sqlalchemy as sa

from consult.comments.models import Comment
from consult.db import insert_many
from consult.digests.build_state import BuildState
from consult.digests.liveness import progress
from consult.digests.models import CommentReference, Theme, ThemeMember, ThemeMention
from consult.extensions import db

T = TypeVar("T")
MEMBER_COLUMNS = ("comment_id", "theme_id", "duplicate_of_id", "kind", "pinned", "fit")
REPORT_ROWS = 100_000  # members written between two reports of progress
READ_ROWS = 20_000  # stored members read at a time
DELETE_ROWS = 5_000  # rows deleted by one statement


def replace_members(build_id: int, state: BuildState, references: list[tuple[int, int]]) -> None:
    """The consultation's members become the build's placements; its references and mentions, the
    build's."""
    wanted = {
        cid: (p.theme.id, p.duplicate_of, p.kind, cid in state.pinned, p.fit) for cid, p in state.placements.items()
    }
    kept = _keep_unchanged(state.consultation_id, wanted)
    changed = ((cid, *row) for cid, row in wanted.items() if cid not in kept)
    # Not the ORM's bulk insert: it starts a new batch wherever a row's None columns differ from the
    # previous row's (duplicate_of_id), 17k statements for 100k members.
    written = _reporting(changed, build_id, len(wanted) - len(kept), (86, 93))
    insert_many(db.session, cast(sa.Table, ThemeMember.__table__), MEMBER_COLUMNS, written)
    _replace_references(state.consultation_id, set(references))
    _replace_mentions(state, [t.id for t in state.themes()])


def _keep_unchanged(consultation_id: int, wanted: dict[int, tuple[Any, ...]]) -> set[int]:
    """Delete the consultation's stored members that the build does not want as they are; the ids of
    the comments whose stored row it wants, kept."""
    query = (
        sa.select(ThemeMember.comment_id, *(getattr(ThemeMember, c) for c in MEMBER_COLUMNS[1:]))
        .join(Theme, Theme.id == ThemeMember.theme_id)
        .where(Theme.consultation_id == consultation_id)
        .execution_options(yield_per=READ_ROWS)  # a server-side cursor: a million rows are never one buffer
    )
    kept: set[int] = set()
    stale: list[int] = []
    for comment_id, *stored in db.session.execute(query):
        if wanted.get(comment_id) == tuple(stored):
            kept.add(comment_id)
        else:
            stale.append(comment_id)
    for start in range(0, len(stale), DELETE_ROWS):
        ids = stale[start : start + DELETE_ROWS]
        db.session.execute(sa.delete(ThemeMember).where(ThemeMember.comment_id.in_(ids)))
    return kept


def _replace_references(consultation_id: int, wanted: set[tuple[int, int]]) -> None:
    """The consultation's (comment, article named) rows become ``wanted``: the rows read are all its
    comments, and only builds write references. Those already stored stay."""
    of_consultation = CommentReference.comment_id.in_(
        sa.select(Comment.id).where(Comment.consultation_id == consultation_id)
    )
    read = sa.select(CommentReference.comment_id, CommentReference.article_id).where(of_consultation)
    stored = {(comment_id, article_id) for comment_id, article_id in db.session.execute(read)}
    _delete_pairs(CommentReference.comment_id, CommentReference.article_id, sorted(stored - wanted))
    columns = ("comment_id", "article_id")
    insert_many(db.session, cast(sa.Table, CommentReference.__table__), columns, sorted(wanted - stored))


def _delete_pairs(first: Any, second: Any, pairs: list[tuple[int, int]]) -> None:
    """Delete the rows of a table keyed by two columns whose keys are ``pairs``, DELETE_ROWS at a time."""
    table = first.class_
    for start in range(0, len(pairs), DELETE_ROWS):
        db.session.execute(sa.delete(table).where(sa.tuple_(first, second).in_(pairs[start : start + DELETE_ROWS])))


def _reporting(rows: Iterator[T], build_id: int, total: int, span: tuple[int, int]) -> Iterator[T]:
    """The rows passed on as they are written, the build's progress moving across ``span`` with them
    (a million members take half a minute)."""
    for n, row in enumerate(rows, start=1):
        if n % REPORT_ROWS == 0:
            writing(build_id, span[0] + (span[1] - span[0]) * n // max(1, total))
        yield row


def writing(build_id: int, percent: int) -> None:
    # SQLite lets one connection write at a time: beside the digest's open transaction a progress
    # would wait for it to end, so there the bar moves on when the digest is written.
    if db.engine.dialect.name != "sqlite":
        progress(build_id, percent, "writing")


def _replace_mentions(state: BuildState, theme_ids: list[int]) -> None:
    """A comment's other points, found afresh and written by difference; one a resident disputed
    stays, and is not found again."""
    stored: dict[tuple[int, int], tuple[float, bool]] = {}
    if theme_ids:
        read = sa.select(ThemeMention.comment_id, ThemeMention.theme_id, ThemeMention.fit, ThemeMention.disputed)
        rows = db.session.execute(read.where(ThemeMention.theme_id.in_(theme_ids)))
        stored = {(comment_id, theme_id): (fit, disputed) for comment_id, theme_id, fit, disputed in rows}
    disputed = {key for key, (_fit, is_disputed) in stored.items() if is_disputed}
    wanted = {
        (c, theme.id): fit
        for c, found in state.mentions.items()
        for theme, fit in found
        if state.placements[c].theme.id != theme.id and (c, theme.id) not in disputed
    }
    gone = sorted(key for key, (fit, _) in stored.items() if key not in disputed and wanted.get(key) != fit)
    _delete_pairs(ThemeMention.comment_id, ThemeMention.theme_id, gone)
    new = ((c, t, fit, False) for (c, t), fit in wanted.items() if stored.get((c, t)) != (fit, False))
    insert_many(db.session, cast(sa.Table, ThemeMention.__table__), ("comment_id", "theme_id", "fit", "disputed"), new)
