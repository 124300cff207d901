"""The staff API, for programs holding an API token (an admin creates it for a role; see
/staff/api-tokens): comments with their moderation state, and the digest with its themes. Contacts
only for tokens of roles allowed to see them. Each token has its own rate limit; each use is recorded."""

from __future__ import annotations

import hashlib

import marshmallow as ma
import sqlalchemy as sa
from flask import current_app, g, request
from flask_limiter.util import get_remote_address
from flask_smorest import Blueprint

from consult.accounts.access import token_required
from consult.api import cursor, shapes
from consult.api.schemas import DigestSchema, StaffCommentArgs, StaffCommentPageSchema
from consult.comments.models import Comment
from consult.comments.privacy import contact_cipher
from consult.digests import services as digest_services
from consult.digests import stance_queries
from consult.digests.models import Theme
from consult.drafts.models import Consultation
from consult.extensions import db, limiter

blp = Blueprint(
    "api_staff",
    __name__,
    url_prefix="/api/v1/staff",
    description="工作人员接口：需要 API 令牌（Authorization: Bearer）",
)
TOKEN_SECURITY: list[dict[str, list[str]]] = [{"token": []}]
CONSULTATION = {"in": "path", "name": "consultation_id", "description": "As in the staff pages' URLs", "example": 1}


def _token_key() -> str:
    """Requests count against their token (whichever address they come from), else their address."""
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        return "api-token:" + hashlib.sha256(header[7:].strip().encode()).hexdigest()[:24]
    return get_remote_address()


def _token_limit() -> str:
    return current_app.config["API_TOKEN_RATE_LIMIT"]


per_token = limiter.limit(_token_limit, key_func=_token_key)


@blp.route("/consultations/<int:consultation_id>/comments", parameters=[CONSULTATION])
@per_token
@blp.arguments(StaffCommentArgs, location="query", unknown=ma.RAISE)
@blp.response(200, StaffCommentPageSchema)
@blp.doc(security=TOKEN_SECURITY)
@token_required("drafter", "moderator", "organizer")
def comments(args, consultation_id: int):
    """Every comment of a consultation with its moderation state, oldest first"""
    found = db.get_or_404(Consultation, consultation_id)
    query = sa.select(Comment).where(Comment.consultation_id == found.id)
    if args["state"]:
        query = query.where(Comment.state == args["state"])
    rows, after = cursor.page(query, Comment.id, args["cursor"], args["limit"])
    with_contact = g.api_token.role in current_app.config["CONTACT_ROLES"]
    cipher = contact_cipher()
    items = [
        shapes.staff_comment(c, cipher.decrypt(c.contact_encrypted) if with_contact and c.contact_encrypted else None,
                             with_contact)
        for c in rows
    ]  # fmt: skip
    return {"items": items, "next_cursor": after}


@blp.route("/consultations/<int:consultation_id>/digest", parameters=[CONSULTATION])
@per_token
@blp.etag
@blp.response(200, DigestSchema)
@blp.doc(security=TOKEN_SECURITY)
@token_required("drafter", "moderator", "organizer")
def digest(consultation_id: int):
    """The latest digest: its themes with keywords, size, stance and answer"""
    found = db.get_or_404(Consultation, consultation_id)
    build = digest_services.latest_build(found.id)
    themes = db.session.scalars(
        sa.select(Theme)
        .where(Theme.consultation_id == found.id, Theme.retired.is_(False))
        .order_by(Theme.article_id.is_(None), Theme.article_id, Theme.size.desc(), Theme.id)
    ).all()
    splits = stance_queries.by_theme(found.id)
    return {
        "built_at": build.finished_at if build else None,
        "comments": build.comment_count if build else 0,
        "themes": [
            {"id": t.id, "article_id": t.article_id, "label": t.label, "keywords": list(t.keywords or []),
             "size": t.size, "decision": t.decision, "reason": t.reason, "stance": shapes.stance(splits.get(t.id))}
            for t in themes
        ],
    }  # fmt: skip
