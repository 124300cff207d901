"""What drafts add to other domains' pages: where a commented article went in a later round."""

from __future__ import annotations

from consult import hooks
from consult.drafts import amendment_items, version_queries
from consult.drafts.models import AmendmentItem
from consult.extensions import db


@hooks.receipt_page.connect
def article_whereabouts(_app, comment, **_):
    return {"whereabouts": version_queries.whereabouts(comment.consultation, comment.article_id)}


@hooks.receipt_page.connect
def amendment_item_of(_app, comment, **_):
    """The instruction of an amendment draft the comment is on, if it is on one."""
    if comment.amendment_item_id is None:
        return {}
    item = db.session.get_one(AmendmentItem, comment.amendment_item_id)
    return {"amendment_item": item, "amendment_label": amendment_items.item_label(item)}
