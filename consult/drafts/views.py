"""Public pages of a consultation: the draft, each article, the 起草说明, search, and the instructions
of an amendment draft."""

from flask import abort, render_template, request

from consult.accounts.access import public
from consult.db import utcnow
from consult.drafts import queries
from consult.drafts import search as draft_search
from consult.drafts.amendment_pages import amendment_context, amendment_item_context
from consult.drafts.pages import article_context, draft_context


def _consultation_or_404(slug: str):
    consultation = queries.public_consultation(slug)
    if consultation is None:
        abort(404)
    return consultation


@public
def draft(slug: str):
    return render_template("drafts/draft.html", **draft_context(_consultation_or_404(slug)))


@public
def article(slug: str, number: str):
    context = article_context(_consultation_or_404(slug), number)
    if context is None:
        abort(404)
    return render_template("drafts/article.html", **context)


@public
def memo(slug: str):
    consultation = _consultation_or_404(slug)
    return render_template("drafts/memo.html", consultation=consultation, now=utcnow())


@public
def search(slug: str):
    consultation = _consultation_or_404(slug)
    query = request.args.get("q", "").strip()[:100]
    structure = queries.load_structure(consultation.version_id)
    hits = draft_search.search_articles(structure, query) if query else []
    hint = draft_search.suggestions(structure, query) if query and not hits else []
    return render_template(
        "drafts/search.html", consultation=consultation, query=query, hits=hits, suggestions=hint, now=utcnow()
    )


@public
def amendment(slug: str):
    context = amendment_context(_consultation_or_404(slug))
    if context is None:
        abort(404)
    return render_template("drafts/amendment.html", **context)


@public
def amendment_item(slug: str, number: int):
    context = amendment_item_context(_consultation_or_404(slug), number)
    if context is None:
        abort(404)
    return render_template("drafts/amendment_item.html", **context)
