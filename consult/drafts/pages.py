"""Context of the public draft and article pages, shared by every view that renders them."""

from __future__ import annotations

from consult import hooks
from consult.db import utcnow
from consult.drafts import amendment_items, queries, version_queries
from consult.drafts.models import Consultation


def draft_context(consultation: Consultation) -> dict:
    structure = queries.load_structure(consultation.version_id)
    context = {
        "consultation": consultation,
        "structure": structure,
        "now": utcnow(),
        # Rounds before and after this one: the 对照表 with the text it revises, the round revising it.
        "earlier_version": version_queries.previous_version(consultation),
        "later_round": version_queries.later_round(consultation),
        # A version made from an amendment draft: residents may comment on each instruction.
        "amendment_size": len(amendment_items.items_of(consultation.version_id)),
    }
    context.update(hooks.collect(hooks.draft_page, consultation=consultation, structure=structure))
    return context


def article_context(consultation: Consultation, number: str, **extra) -> dict | None:
    """None when the version has no such article."""
    structure = queries.load_structure(consultation.version_id)
    article = structure.article(number)
    if article is None:
        return None
    previous, following = structure.neighbours(article)
    context = {
        "consultation": consultation,
        "article": article,
        "previous": previous,
        "following": following,
        "now": utcnow(),
    }
    context.update(hooks.collect(hooks.article_page, consultation=consultation, article=article, **extra))
    return context
