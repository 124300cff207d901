"""Public pages of a consultation: the draft, each article, the 起草说明 and search."""
from flask import Blueprint, abort, render_template, request

from consult.accounts.access import public
from consult.db import utcnow
from consult.drafts import queries

bp = Blueprint("drafts", __name__, url_prefix="/drafts")


def _consultation_or_404(slug: str):
    consultation = queries.public_consultation(slug)
    if consultation is None:
        abort(404)
    return consultation


@bp.route("/<slug>")
@public
def draft(slug: str):
    consultation = _consultation_or_404(slug)
    structure = queries.load_structure(consultation.version_id)
    return render_template("drafts/draft.html", consultation=consultation, structure=structure, now=utcnow())


@bp.route("/<slug>/articles/<number>")
@public
def article(slug: str, number: str):
    consultation = _consultation_or_404(slug)
    structure = queries.load_structure(consultation.version_id)
    article = structure.article(number)
    if article is None:
        abort(404)
    previous, following = structure.neighbours(article)
    return render_template(
        "drafts/article.html", consultation=consultation, article=article,
        previous=previous, following=following, now=utcnow(),
    )


@bp.route("/<slug>/memo")
@public
def memo(slug: str):
    consultation = _consultation_or_404(slug)
    return render_template("drafts/memo.html", consultation=consultation, now=utcnow())


@bp.route("/<slug>/search")
@public
def search(slug: str):
    consultation = _consultation_or_404(slug)
    query = request.args.get("q", "").strip()[:100]
    structure = queries.load_structure(consultation.version_id)
    hits = queries.search_articles(structure, query) if query else []
    return render_template("drafts/search.html", consultation=consultation, query=query, hits=hits, now=utcnow())
