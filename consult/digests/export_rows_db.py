"""Rows for the exports, read from the database: the 意见汇总表 and the comment lists."""

from __future__ import annotations

from collections import Counter

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _

from consult.comments.labels import ROLE_LABELS, SOURCE_LABELS
from consult.comments.models import Comment
from consult.comments.privacy import contact_cipher
from consult.comments.queries import public_filter
from consult.digests import stance_queries
from consult.digests.export_rows import SummaryRow, SummaryTable
from consult.digests.labels import DECISION_LABELS, STANCE_LABELS
from consult.digests.models import Theme, ThemeMember
from consult.digests.services import latest_build
from consult.drafts import amendment_items
from consult.drafts.queries import load_structure
from consult.extensions import db
from consult.timezones import human_datetime

STAFF_COLUMNS = (
    "receipt",
    "article",
    "text",
    "public_text",
    "name",
    "district",
    "role",
    "source",
    "state",
    "public",
    "created_at",
    "theme",
    "decision",
    "reason",
)
OPEN_COLUMNS = ("receipt", "article", "text", "district", "role", "created_at", "theme", "decision", "reason")


def summary_table(consultation, total: int) -> SummaryTable:
    structure = load_structure(consultation.version_id)
    order: dict[int | None, tuple[int, str]] = {
        a.article_id: (i, a.number) for i, a in enumerate(structure.articles, start=1)
    }
    themes = list(
        db.session.scalars(sa.select(Theme).where(Theme.consultation_id == consultation.id, Theme.retired.is_(False)))
    )
    themes.sort(key=lambda t: (order.get(t.article_id, (0, ""))[0], -t.size))
    roles = _roles_by_theme([t.id for t in themes])
    quotes = _publishable_quotes(themes)
    splits = stance_queries.by_theme(consultation.id)
    rows = []
    for theme in themes:
        quote = quotes.get((theme.representative_ids or [None])[0])
        summary = _published_summary(theme, quote)
        rows.append(
            SummaryRow(
                article=order.get(theme.article_id, (0, _("总体意见")))[1],
                summary=summary,
                count=theme.size,
                submitters="，".join(
                    f"{ROLE_LABELS.get(r, r)} {n}" for r, n in roles.get(theme.id, Counter()).most_common()
                ),
                decision=str(DECISION_LABELS.get(theme.decision or "", "")),
                reason=theme.reason or "",
                stance=stance_text(splits.get(theme.id)),
            )
        )
    return SummaryTable(
        title=_("《%(title)s》公开征求意见汇总表", title=consultation.title.strip("《》")),
        subtitle=_subtitle(total, rows, splits, latest_build(consultation.id)),
        rows=tuple(rows),
        author=current_app.config["LEGISLATURE_NAME"],
    )


def _publishable_quotes(themes: list[Theme]) -> dict[int, Comment]:
    """The 意见汇总表 is published: only approved comments their authors let us publish are quoted."""
    first = [t.representative_ids[0] for t in themes if t.representative_ids]
    query = sa.select(Comment).where(Comment.id.in_(first), public_filter())
    return {c.id: c for c in db.session.scalars(query)}


def _roles_by_theme(theme_ids: list[int]) -> dict[int, Counter]:
    found: dict[int, Counter] = {}
    if not theme_ids:
        return found
    rows = db.session.execute(
        sa.select(ThemeMember.theme_id, Comment.role, sa.func.count())
        .join(Comment, Comment.id == ThemeMember.comment_id)
        .where(ThemeMember.theme_id.in_(theme_ids))
        .group_by(ThemeMember.theme_id, Comment.role)
    )
    for theme_id, role, n in rows:
        found.setdefault(theme_id, Counter())[role] = n
    return found


def comment_rows(consultation, *, public_only: bool, with_contact: bool):
    """Every comment as a dict; the open-data variant keeps only published text and no personal data."""
    structure = load_structure(consultation.version_id)
    numbers: dict[int | None, str] = {a.article_id: a.number for a in structure.articles}
    items = amendment_items.labels_of(consultation.version_id)
    query = (
        sa.select(Comment, Theme)
        .outerjoin(ThemeMember, ThemeMember.comment_id == Comment.id)
        .outerjoin(Theme, Theme.id == ThemeMember.theme_id)
        .where(Comment.consultation_id == consultation.id)
        .order_by(Comment.id)
    )
    if public_only:
        query = query.where(public_filter())
    cipher = contact_cipher()
    for comment, theme in db.session.execute(query):
        row = {
            "receipt": comment.receipt,
            "article": _where(numbers.get(comment.article_id, _("总体意见")), items.get(comment.amendment_item_id)),
            "text": comment.shown_text if public_only else comment.body,
            "public_text": comment.shown_text,
            "name": comment.display_name or "",
            "district": comment.district or "",
            "role": str(ROLE_LABELS.get(comment.role, comment.role)),
            "source": str(SOURCE_LABELS.get(comment.source, comment.source)),
            "state": comment.state,
            "public": comment.is_public,
            "created_at": comment.created_at.isoformat(),
            "theme": (theme.public_label if public_only else theme.label) if theme else "",
            "decision": str(DECISION_LABELS.get(theme.decision, "")) if theme and theme.decision else "",
            "reason": theme.reason if theme and theme.decision else "",
        }
        if with_contact:
            row["contact"] = cipher.decrypt(comment.contact_encrypted) if comment.contact_encrypted else ""
        yield row


def _where(article: str, item: str | None) -> str:
    """The article, or the instruction of an amendment draft and its article: "第一项修改（第九条）"."""
    return f"{item}（{article}）" if item else article


def stance_text(split) -> str:
    """ "赞成 12 · 反对 30 · 其他 8", or "" when no stance is known yet."""
    if split is None or not split.total:
        return ""
    return " · ".join(f"{STANCE_LABELS[name]} {getattr(split, name)}" for name in ("support", "oppose", "neither"))


def _subtitle(total: int, rows: list[SummaryRow], splits, build) -> str:
    """What the table counts and where it comes from: the digest it was made from, and the comments
    that digest holds (the rows add up to them; later comments wait for the next digest)."""
    grouped = sum(row.count for row in rows)
    when = human_datetime(build.finished_at, "short") if build and build.finished_at else "—"
    line = _(
        "共收到意见 %(total)d 条；本表依据 %(when)s 生成的意见摘要，%(grouped)d 条意见归纳为 %(themes)d 个主题",
        total=total,
        when=when,
        grouped=grouped,
        themes=len(rows),
    )
    whole = stance_queries.total(splits)
    if not whole.total:
        return line
    return line + _(
        "；对所涉条文赞成 %(support)d 条、反对 %(oppose)d 条、其他 %(neither)d 条（其中 %(confirmed)d 条经人工确认）",
        support=whole.support,
        oppose=whole.oppose,
        neither=whole.neither,
        confirmed=whole.confirmed,
    )


def _published_summary(theme: Theme, quote: Comment | None) -> str:
    """The 意见汇总表 is published: a drafter's name for the theme and a public quote, never the
    automatic label (it is made of comments' own words, public or not)."""
    if quote is not None:
        return f"{theme.public_label}：{quote.shown_text}" if theme.public_label else quote.shown_text
    return theme.public_label or _("（提出者未同意公开，内容从略）")
