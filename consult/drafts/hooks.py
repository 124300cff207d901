"""What drafts add to other domains' pages: where a commented article went in a later round."""

from __future__ import annotations

from consult import hooks
from consult.drafts import version_queries


@hooks.receipt_page.connect
def article_whereabouts(_app, comment, **_):
    return {"whereabouts": version_queries.whereabouts(comment.consultation, comment.article_id)}
