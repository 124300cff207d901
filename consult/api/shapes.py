"""Stored things as the API shows them: plain dicts the schemas dump. Public shapes carry only what
the public pages show."""

from __future__ import annotations

from flask import url_for

from consult.comments.models import Comment
from consult.db import utcnow
from consult.digests.stance_queries import StanceSplit
from consult.drafts.models import Consultation
from consult.drafts.queries import ArticleView, HeadingView


def consultation(c: Consultation, articles: int, *, memo: bool = False) -> dict:
    shaped = {
        "id": c.id,
        "slug": c.slug,
        "title": c.title,
        "phase": c.phase(utcnow()),
        "opens_at": c.opens_at,
        "closes_at": c.closes_at,
        "version": {"position": c.version.position, "label": c.version.label},
        "articles": articles,
        "url": url_for("drafts.draft", slug=c.slug, _external=True),
    }
    if memo:
        shaped["memo"] = c.memo
    return shaped


def stance(split: StanceSplit | None) -> dict | None:
    if split is None or not split.total:
        return None
    return {"support": split.support, "oppose": split.oppose, "neither": split.neither, "confirmed": split.confirmed}


def article(a: ArticleView, published: int, split: StanceSplit | None) -> dict:
    return {
        "id": a.article_id,
        "number": a.number,
        "slug": a.slug,
        "heading": a.heading,
        "headings": [h.label for h in a.headings],
        "paragraphs": [{"text": p.text, "items": list(p.items)} for p in a.paragraphs],
        "published_comments": published,
        "stance": stance(split),
    }


def node(n) -> dict:
    if isinstance(n, ArticleView):
        return {"kind": "article", "number": n.number, "title": n.heading, "article_id": n.article_id, "children": []}
    assert isinstance(n, HeadingView)
    return {
        "kind": n.kind,
        "number": n.number,
        "title": n.title,
        "article_id": None,
        "children": [node(c) for c in n.children],
    }


def public_comment(c: Comment) -> dict:
    return {
        "id": c.id,
        "article_id": c.article_id,
        "text": c.shown_text,
        "name": c.shown_name,
        "district": c.district or None,
        "created_at": c.created_at,
    }


def staff_comment(c: Comment, contact: str | None = None, with_contact: bool = False) -> dict:
    shaped = {
        "id": c.id,
        "receipt": c.receipt,
        "article_id": c.article_id,
        "body": c.body,
        "public_text": c.shown_text,
        "state": c.state,
        "reject_reason": c.reject_reason,
        "public": c.wants_public,
        "source": c.source,
        "role": c.role,
        "name": c.display_name or None,
        "district": c.district or None,
        "created_at": c.created_at,
        "moderated_at": c.moderated_at,
    }
    if with_contact:
        shaped["contact"] = contact
    return shaped
