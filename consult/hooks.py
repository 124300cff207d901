"""Extension points between domains that depend one way only.

The drafts pages know nothing of comments; comments (and later digests) connect to these signals
and contribute parts of the draft and article pages. Receivers return a dict of extra template
context; the page merges what it gets.
"""

from typing import Any

from blinker import NamedSignal, Namespace

_signals = Namespace()

#: sent with consultation=, structure= when the full draft page renders
draft_page = _signals.signal("draft-page")
#: sent with consultation=, article= when an article page renders
article_page = _signals.signal("article-page")


#: sent with consultation=, items= when an amendment draft's list of instructions renders
amendment_page = _signals.signal("amendment-page")
#: sent with consultation=, item= when one instruction of an amendment draft renders
amendment_item_page = _signals.signal("amendment-item-page")

#: sent with consultations= when the staff dashboard renders
dashboard_page = _signals.signal("dashboard-page")


def collect(signal: NamedSignal, **kwargs: Any) -> dict[str, Any]:
    """Extra template context from every receiver of `signal`, sent by the running app."""
    from flask import current_app

    sender = current_app._get_current_object()  # type: ignore[attr-defined]  # the app, not its proxy
    context: dict[str, Any] = {}
    for _receiver, extra in signal.send(sender, **kwargs):
        context.update(extra or {})
    return context


#: sent with comment= when a resident's receipt page renders
receipt_page = _signals.signal("receipt-page")

#: sent with earlier= (the consultation on the previous version, or None) when a 修改对照表 renders
changes_page = _signals.signal("changes-page")

#: sent with comment=, data= (the CommentInput, contact in clear) when a resident's comment is stored
comment_submitted = _signals.signal("comment-submitted")
#: sent with consultation= when its feedback report (the answers) is published
report_published = _signals.signal("report-published")
#: sent with hearing=, registrations= (the applicants decided on) when a hearing's selection is published
selection_published = _signals.signal("selection-published")
#: sent with consultation= when a round is published (its draft leaves 草稿)
round_published = _signals.signal("round-published")
#: sent when residents' fingerprints (Comment.resident_key) were recomputed, for what is counted from them
fingerprints_refreshed = _signals.signal("fingerprints-refreshed")


def announce(signal: NamedSignal, **kwargs: Any) -> None:
    """Tell the receivers of `signal` that something happened, from the running app."""
    from flask import current_app

    signal.send(current_app._get_current_object(), **kwargs)  # type: ignore[attr-defined]  # the app itself
