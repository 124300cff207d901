"""Extension points between domains that depend one way only.

The drafts pages know nothing of comments; comments (and later digests) connect to these signals
and contribute parts of the draft and article pages. Receivers return a dict of extra template
context; the page merges what it gets.
"""

from blinker import Namespace

_signals = Namespace()

#: sent with consultation=, structure= when the full draft page renders
draft_page = _signals.signal("draft-page")
#: sent with consultation=, article= when an article page renders
article_page = _signals.signal("article-page")


def collect(signal, sender, **kwargs) -> dict:
    context: dict = {}
    for _receiver, extra in signal.send(sender, **kwargs):
        context.update(extra or {})
    return context


#: sent with comment= when a resident's receipt page renders
receipt_page = _signals.signal("receipt-page")
