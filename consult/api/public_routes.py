"""The public API: what the public pages show, as JSON. No key; readable from any site (CORS);
never a contact or anything a resident asked to keep private."""

from __future__ import annotations

import re

import marshmallow as ma
import sqlalchemy as sa
from flask import current_app, request, url_for
from flask_babel import gettext as _
from flask_smorest import Blueprint

from consult.accounts.access import public
from consult.api import cursor, shapes
from consult.api.errors import api_abort
from consult.api.schemas import (
    ArticleListSchema,
    ArticleSchema,
    CommentInSchema,
    ConsultationDetailSchema,
    ConsultationPageSchema,
    FeedbackSchema,
    PageArgs,
    PublicCommentArgs,
    PublicCommentPageSchema,
    ReceiptSchema,
    StructureSchema,
)
from consult.comments import queries as comment_queries
from consult.comments import services as comment_services
from consult.comments.labels import error_message
from consult.comments.limits import comment_limit
from consult.comments.models import Comment
from consult.comments.privacy import contact_cipher
from consult.digests import queries as digest_queries
from consult.digests import stance_queries
from consult.digests.models import FeedbackReport
from consult.drafts import queries as draft_queries
from consult.drafts.models import Consultation
from consult.extensions import db
from consult.unit_of_work import abandon

blp = Blueprint("api_public", __name__, url_prefix="/api/v1", description="公开接口：无需令牌")
SLUG = {
    "in": "path",
    "name": "slug",
    "description": "The consultation's slug, as in /drafts/<slug>",
    "example": "park-regulation",
}
ARTICLE = {"in": "path", "name": "article", "description": "The article's slug, as in its page's URL", "example": "12"}


def _consultation(slug: str) -> Consultation:
    found = draft_queries.public_consultation(slug)
    if found is None:
        api_abort(404, message=_("没有这个征求意见项目。"))
    return found


@blp.route("/consultations")
@blp.etag
@blp.arguments(PageArgs, location="query", unknown=ma.RAISE)
@blp.response(200, ConsultationPageSchema)
@public
def consultations(args):
    """Published consultations, oldest first"""
    query = sa.select(Consultation).where(Consultation.status != "draft")
    rows, after = cursor.page(query, Consultation.id, args["cursor"], args["limit"])
    counts = draft_queries.article_counts([c.version_id for c in rows])
    return {"items": [shapes.consultation(c, counts.get(c.version_id, 0)) for c in rows], "next_cursor": after}


@blp.route("/consultations/<slug>", parameters=[SLUG])
@blp.etag
@blp.response(200, ConsultationDetailSchema)
@public
def consultation(slug: str):
    """One consultation, with its 起草说明"""
    found = _consultation(slug)
    count = draft_queries.article_counts([found.version_id]).get(found.version_id, 0)
    return shapes.consultation(found, count, memo=True)


@blp.route("/consultations/<slug>/structure", parameters=[SLUG])
@blp.etag
@blp.response(200, StructureSchema)
@public
def structure(slug: str):
    """The draft's tree: 编, 章, 节 and 条"""
    found = _consultation(slug)
    return {"title": found.title, "nodes": [shapes.node(n) for n in draft_queries.load_structure(found.version_id).top]}


def _articles(found: Consultation) -> list[dict]:
    counts = comment_queries.public_counts(found.id)
    splits = stance_queries.by_article(found.id)
    articles = draft_queries.load_structure(found.version_id).articles
    return [shapes.article(a, counts.get(a.article_id, 0), splits.get(a.article_id)) for a in articles]


@blp.route("/consultations/<slug>/articles", parameters=[SLUG])
@blp.etag
@blp.response(200, ArticleListSchema)
@public
def articles(slug: str):
    """Every article with its 款 and 项, published comment count and stance split"""
    return {"items": _articles(_consultation(slug))}


@blp.route("/consultations/<slug>/articles/<article>", parameters=[SLUG, ARTICLE])
@blp.etag
@blp.response(200, ArticleSchema)
@public
def article(slug: str, article: str):
    """One article, by the slug of its page"""
    found = _consultation(slug)
    shown = next((a for a in _articles(found) if a["slug"] == article), None)
    if shown is None:
        api_abort(404, message=_("草案中没有这一条。"))
    return shown


@blp.route("/consultations/<slug>/comments", methods=["GET"], parameters=[SLUG])
@blp.etag
@blp.arguments(PublicCommentArgs, location="query", unknown=ma.RAISE)
@blp.response(200, PublicCommentPageSchema)
@public
def comments(args, slug: str):
    """Published comments, oldest first"""
    found = _consultation(slug)
    query = sa.select(Comment).where(Comment.consultation_id == found.id, comment_queries.public_filter())
    if args["article"] is not None:
        query = query.where(Comment.article_id == args["article"])
    rows, after = cursor.page(query, Comment.id, args["cursor"], args["limit"])
    return {"items": [shapes.public_comment(c) for c in rows], "next_cursor": after}


IDEMPOTENCY_KEY = re.compile(r"[A-Za-z0-9_-]{8,60}")
KEY_HEADER = {
    "in": "header",
    "name": "Idempotency-Key",
    "required": True,
    "description": "Your own id for this comment: sending it again returns the comment it stored",
    "schema": {"type": "string", "pattern": "^[A-Za-z0-9_-]{8,60}$"},
}


def _receipt(comment: Comment) -> dict:
    url = url_for("comments.receipt", receipt=comment.receipt, _external=True)
    return {"receipt": comment.receipt, "state": comment.state, "url": url}


@blp.route("/consultations/<slug>/comments", methods=["POST"], parameters=[SLUG])
@comment_limit
@blp.arguments(CommentInSchema)
@blp.response(201, ReceiptSchema)
@blp.alt_response(200, schema=ReceiptSchema, description="The same Idempotency-Key again: the comment it stored")
@blp.doc(parameters=[KEY_HEADER])
@public
def submit(data, slug: str):
    """Submit a comment, as the form does: moderated, rate-limited, contact encrypted, a receipt back"""
    found = _consultation(slug)
    key = request.headers.get("Idempotency-Key", "")
    if not IDEMPOTENCY_KEY.fullmatch(key):
        api_abort(
            400, code="idempotency_key", message=_("请在 Idempotency-Key 请求头中给出 8 到 60 位字母、数字、- 或 _。")
        )
    stored = comment_services.comment_for_token("api:" + key)
    if stored is not None:
        if stored.consultation_id != found.id or stored.body != data["body"].strip():
            api_abort(409, code="idempotency_key_reused", message=_("这个 Idempotency-Key 已用于另一条意见。"))
        return _receipt(stored), 200
    article_id = None
    if data["article"] is not None:
        shown = draft_queries.load_structure(found.version_id).article(data["article"])
        if shown is None:
            api_abort(404, code="unknown_article", message=_("草案中没有这一条。"))
        article_id = shown.article_id
    try:
        comment, _created = comment_services.submit_comment(
            found, article_id, _input(data), token="api:" + key, cipher=contact_cipher(),
            max_chars=current_app.config["COMMENT_MAX_CHARS"],
        )  # fmt: skip
    except comment_services.CommentError as error:
        abandon()
        api_abort(422, code=error.code, message=error_message(error.code, **error.detail))
    return _receipt(comment), 201


def _input(data: dict) -> comment_services.CommentInput:
    return comment_services.CommentInput(
        body=data["body"], display_name=data["name"], contact=data["contact"], district=data["district"],
        role=data["role"], wants_public=data["public"], wants_updates=data["updates"],
    )  # fmt: skip


@blp.route("/consultations/<slug>/feedback", parameters=[SLUG])
@blp.etag
@blp.response(200, FeedbackSchema)
@public
def feedback(slug: str):
    """The published 意见采纳情况: each theme of comments with its decision and reason"""
    found = _consultation(slug)
    report = db.session.get(FeedbackReport, found.id)
    if report is None or report.published_at is None:
        api_abort(404, message=_("意见采纳情况尚未公布。"))
    answers = []
    for shown in (None, *draft_queries.load_structure(found.version_id).articles):
        article_id = shown.article_id if shown else None
        for view in digest_queries.themes_for(found.id, article_id, quotes=1, publishable=True):
            theme = view.theme
            label = theme.public_label or (view.quotes[0].shown_text[:80] if view.quotes else _("其他意见"))
            answers.append(
                {"article_id": article_id, "theme": label, "comments": theme.size, "decision": theme.decision,
                 "reason": theme.reason if theme.decision else ""}
            )  # fmt: skip
    return {"published_at": report.published_at, "introduction": report.introduction, "answers": answers}
