"""Context of the public pages of an amendment draft: its instructions one by one, each with the
articles it changes (before and after, the changes marked) and what residents said about it."""

from __future__ import annotations

from dataclasses import dataclass

from consult import hooks
from consult.db import utcnow
from consult.drafts import amendment_items, version_queries
from consult.drafts.models import AmendmentItem, Consultation
from consult.drafts.queries import load_structure


@dataclass(frozen=True)
class ItemView:
    item: AmendmentItem
    numbers: list[str]  # the articles it changes or adds, as numbered in this version
    removed: list[str]  # the articles it deletes, as numbered before

    @property
    def number(self) -> int:
        return self.item.number

    @property
    def label(self) -> str:
        return amendment_items.item_label(self.item)


def _views(consultation: Consultation, items: list[AmendmentItem]) -> list[ItemView]:
    now = {a.article_id: a.number for a in load_structure(consultation.version_id).articles}
    earlier = version_queries.previous_version(consultation)
    before = {a.article_id: a.number for a in load_structure(earlier.id).articles} if earlier else {}
    return [
        ItemView(
            item, [now[i] for i in item.article_ids if i in now], [before[i] for i in item.removed_ids if i in before]
        )
        for item in items
    ]


def amendment_context(consultation: Consultation) -> dict | None:
    """None when the consultation's version was not made from an amendment draft."""
    items = amendment_items.items_of(consultation.version_id)
    if not items:
        return None
    context = {"consultation": consultation, "items": _views(consultation, items), "now": utcnow()}
    context.update(hooks.collect(hooks.amendment_page, consultation=consultation, items=items))
    return context


def amendment_item_context(consultation: Consultation, number: int, **extra) -> dict | None:
    """None when there is no such instruction."""
    item = amendment_items.item_of(consultation, number)
    if item is None:
        return None
    earlier = version_queries.previous_version(consultation)
    concerned = set(item.article_ids) | set(item.removed_ids)
    rows = version_queries.version_changes(earlier.id, consultation.version_id) if earlier else []
    context = {
        "consultation": consultation,
        "item": _views(consultation, [item])[0],
        "rows": [row for row in rows if row.article_id in concerned],
        "earlier_version": earlier,
        "now": utcnow(),
    }
    context.update(hooks.collect(hooks.amendment_item_page, consultation=consultation, item=item, **extra))
    return context
