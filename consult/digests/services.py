"""Digest operations: request builds, shape themes, answer them, publish the feedback report.
Services flush; the view commits."""

from __future__ import annotations

import sqlalchemy as sa
from flask import current_app

from consult import hooks
from consult.comments.services import CommentError, check_article
from consult.db import rows_changed, utcnow
from consult.digests import holds, tallies
from consult.digests.liveness import recover_lost_builds
from consult.digests.models import (
    DECISIONS,
    CommentAnswer,
    CommentPlacement,
    DigestBuild,
    FeedbackReport,
    Theme,
    ThemeMember,
)
from consult.digests.queueing import active_build, queue_build
from consult.drafts.models import Consultation
from consult.errors import DomainError
from consult.extensions import db
from consult.hooks import announce


class DigestError(DomainError):
    pass


def latest_build(consultation_id: int, states=("done",)) -> DigestBuild | None:
    return db.session.scalar(
        sa.select(DigestBuild)
        .where(DigestBuild.consultation_id == consultation_id, DigestBuild.state.in_(states))
        .order_by(DigestBuild.id.desc())
        .limit(1)
    )


def request_build(consultation: Consultation, actor=None) -> DigestBuild:
    """A queued build, or the one already queued or running (one at a time per consultation).
    A build whose worker died is marked failed first, so it never blocks a new one."""
    recover_lost_builds(consultation.id)
    return active_build(consultation.id) or queue_build(consultation.id, getattr(actor, "id", None))


def request_stale_builds() -> list[DigestBuild]:
    """Lost builds retried, and a build for each open consultation with enough comments since its
    last digest (DIGEST_REBUILD_AFTER); flushed, for the caller to commit and queue."""
    from consult.comments.models import Comment

    threshold = current_app.config.get("DIGEST_REBUILD_AFTER", 20)
    requested = recover_lost_builds()
    for consultation in db.session.scalars(sa.select(Consultation).where(Consultation.status == "open")):
        last = latest_build(consultation.id)
        newest = db.session.scalar(
            sa.select(sa.func.count(Comment.id)).where(
                Comment.consultation_id == consultation.id, Comment.id > (last.last_comment_id if last else 0)
            )
        )
        if newest >= threshold and active_build(consultation.id) is None:
            requested.append(request_build(consultation))
    return requested


def _check_revision(theme: Theme, revision: int | None) -> None:
    if revision is not None and revision != theme.revision:
        raise DigestError("stale", label=theme.label)


def _touch(theme: Theme) -> None:
    theme.shaped = True
    theme.revision += 1


def rename_theme(theme: Theme, label: str, revision: int | None = None) -> None:
    label = label.strip()
    if not label:
        raise DigestError("label_missing")
    _check_revision(theme, revision)
    theme.custom_label = label[:200]
    _touch(theme)
    db.session.flush()


def _members(theme_id: int) -> list[ThemeMember]:
    return list(db.session.scalars(sa.select(ThemeMember).filter_by(theme_id=theme_id)))


def merge_themes(target: Theme, source: Theme) -> None:
    if target.id == source.id or (target.consultation_id, target.article_id) != (
        source.consultation_id,
        source.article_id,
    ):
        raise DigestError("merge_mismatch")
    for member in _members(source.id):
        member.theme_id, member.pinned = target.id, True
    target.size += source.size
    for kind, n in (source.kinds or {}).items():
        target.kinds = {**target.kinds, kind: target.kinds.get(kind, 0) + n}
    source.size, source.retired = 0, True
    _touch(target)
    _touch(source)
    db.session.flush()
    tallies.recount_themes([target.id, source.id])


def move_comments(source: Theme, comment_ids: list[int], target: Theme) -> int:
    """Move these comments of `source` into `target`, a theme of the same article."""
    if target.id == source.id or (target.consultation_id, target.article_id) != (
        source.consultation_id,
        source.article_id,
    ):
        raise DigestError("move_mismatch")
    members = holds.members_of(source, comment_ids)
    for member in members:
        member.theme_id, member.pinned = target.id, True
    holds.settle_disputes([m.comment_id for m in members])  # a drafter has placed them: settled
    _touch(target)
    _recount([target.id, source.id])
    return len(members)


def split_theme(theme: Theme, comment_ids: list[int], label: str) -> Theme:
    """The chosen comments become a new theme of their own, pinned there."""
    members = [m for m in _members(theme.id) if m.comment_id in set(comment_ids)]
    if not members or len(members) == theme.size:
        raise DigestError("split_nothing")
    new = Theme(
        consultation_id=theme.consultation_id,
        article_id=theme.article_id,
        auto_label=theme.auto_label,
        custom_label=(label.strip() or None),
        shaped=True,
        position=theme.position + 1,
    )
    db.session.add(new)
    db.session.flush()
    move_comments(theme, [m.comment_id for m in members], new)
    _touch(theme)
    return new


def misfile(actor, theme: Theme, comment_ids: list[int], article_id: int | None) -> None:
    """These comments of `theme` belong to another article of the same draft (None: 总体意见):
    the next build files them there."""
    if article_id is not None:
        try:
            check_article(db.session.get_one(Consultation, theme.consultation_id), article_id)
        except CommentError:
            raise DigestError("unknown_article") from None
    members = set(
        db.session.scalars(
            sa.select(ThemeMember.comment_id).where(
                ThemeMember.theme_id == theme.id, ThemeMember.comment_id.in_(comment_ids)
            )
        )
    )
    if not members:
        raise DigestError("not_members")
    for comment_id in sorted(members):
        placement = db.session.get(CommentPlacement, comment_id) or CommentPlacement(comment_id=comment_id)
        placement.article_id, placement.placed_by_id, placement.placed_at = article_id, actor.id, utcnow()
        db.session.add(placement)
    db.session.execute(
        sa.delete(ThemeMember).where(ThemeMember.theme_id == theme.id, ThemeMember.comment_id.in_(members))
    )
    _recount([theme.id])


def _recount(theme_ids) -> None:
    for theme in db.session.scalars(sa.select(Theme).where(Theme.id.in_(list(theme_ids)))):
        theme.take_members([(m.comment_id, m.kind) for m in _members(theme.id)])
    db.session.flush()
    tallies.recount_themes(theme_ids)


def answer_theme(actor, theme: Theme, decision: str, reason: str, revision: int) -> None:
    """Answer a theme. Two drafters answering at once: the second is told, and nothing is lost."""
    if decision not in DECISIONS:
        raise DigestError("decision_missing")
    if not reason.strip():
        raise DigestError("reason_missing")
    updated = db.session.execute(
        sa.update(Theme)
        .where(Theme.id == theme.id, Theme.revision == revision)
        .values(
            decision=decision,
            reason=reason.strip(),
            answered_by_id=actor.id,
            answered_at=utcnow(),
            shaped=True,
            revision=Theme.revision + 1,
        )
        .execution_options(synchronize_session=False)
    )
    if rows_changed(updated) != 1:
        raise DigestError("stale", label=theme.label)
    db.session.expire(theme)


def answer_comment(actor, comment_id: int, decision: str, reason: str) -> None:
    if decision not in DECISIONS:
        raise DigestError("decision_missing")
    answer = db.session.get(CommentAnswer, comment_id) or CommentAnswer(comment_id=comment_id)
    answer.decision, answer.reason, answer.answered_by_id, answer.answered_at = (
        decision,
        reason.strip(),
        actor.id,
        utcnow(),
    )
    db.session.add(answer)
    db.session.flush()


def publish_report(actor, consultation: Consultation, introduction: str) -> FeedbackReport:
    if consultation.accepts_comments(utcnow()) or consultation.status == "draft":
        raise DigestError("still_open")
    report = db.session.get(FeedbackReport, consultation.id) or FeedbackReport(consultation_id=consultation.id)
    first = report.published_at is None
    report.introduction, report.published_at, report.published_by_id = introduction.strip(), utcnow(), actor.id
    db.session.add(report)
    db.session.flush()
    if first:  # an edit of the introduction tells nobody again
        announce(hooks.report_published, consultation=consultation)
    return report


def unpublish_report(consultation: Consultation) -> None:
    report = db.session.get(FeedbackReport, consultation.id)
    if report is not None:
        report.published_at = None
        db.session.flush()
