"""Residents submit comments and look up their receipts."""

from __future__ import annotations

from functools import partial

from flask import abort, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _

from consult import hooks
from consult.accounts.access import public
from consult.comments import queries, services
from consult.comments.forms import CommentForm
from consult.comments.labels import error_message
from consult.comments.limits import comment_limit
from consult.comments.privacy import contact_cipher
from consult.comments.receipts import parse_receipt
from consult.db import utcnow
from consult.drafts import amendment_items
from consult.drafts import queries as draft_queries
from consult.drafts.amendment_pages import amendment_item_context
from consult.drafts.pages import article_context, draft_context
from consult.extensions import limiter
from consult.http import no_store
from consult.unit_of_work import refuse


def _receipt_limit() -> str:
    return current_app.config["RECEIPT_RATE_LIMIT"]


def _input(form: CommentForm) -> services.CommentInput:
    return services.CommentInput(
        body=form.body.data or "",
        display_name=form.display_name.data or "",
        contact=form.contact.data or "",
        district=form.district.data or "",
        role=form.role.data,
        wants_public=form.visibility.data != "private",
        wants_updates=bool(form.updates.data),
    )


def _submit(consultation, article_id, form, item=None):
    """(redirect response) or None after adding the error to the form."""
    if form.website.data:  # the honeypot: people never see this field
        current_app.logger.info("honeypot field filled; comment discarded")
        abort(400)
    try:
        comment, _created = services.submit_comment(
            consultation,
            article_id,
            _input(form),
            token=form.token.data or "",
            cipher=contact_cipher(),
            max_chars=current_app.config["COMMENT_MAX_CHARS"],
            item=item,
        )
    except services.CommentError as error:
        refuse(form.body, error_message(error.code, **error.detail))
        return None
    return redirect(url_for("comments.thanks", receipt=comment.receipt), code=303)


def _post_on_page(consultation, form, render, template: str, **target):
    """Submit the form shown on a page (an article, an instruction of an amendment draft). The page
    itself — its published comments, the 对照表 of an instruction — is built only when it is shown
    again: on a refusal (422) with the error and the text kept. A stored comment costs no page."""
    if form.validate_on_submit():
        response = _submit(consultation, target.get("article_id"), form, item=target.get("item"))
        if response is not None:
            return response
    return render_template(template, **render()), 422


@public
@comment_limit
def comment_on_article(slug: str, number: str):
    consultation = draft_queries.public_consultation(slug) or abort(404)
    article = draft_queries.load_structure(consultation.version_id).article(number) or abort(404)
    form = CommentForm()
    render = partial(article_context, consultation, number, form=form)
    return _post_on_page(consultation, form, render, "drafts/article.html", article_id=article.article_id)


@public
@comment_limit
def comment_on_draft(slug: str):
    consultation = draft_queries.public_consultation(slug) or abort(404)
    form = CommentForm()
    if form.validate_on_submit():
        response = _submit(consultation, None, form)
        if response is not None:
            return response
    context = draft_context(consultation)
    context["general_form"] = form
    return render_template("drafts/draft.html", **context), 422


@public
@comment_limit
def comment_on_amendment_item(slug: str, number: int):
    consultation = draft_queries.public_consultation(slug) or abort(404)
    item = amendment_items.item_of(consultation, number) or abort(404)
    form = CommentForm()
    render = partial(amendment_item_context, consultation, number, form=form)
    return _post_on_page(consultation, form, render, "drafts/amendment_item.html", item=item)


def private_receipt_page(view):
    """A public page that shows one resident their own text: rate limited and never cached."""
    return public(limiter.limit(_receipt_limit)(no_store(view)))


def _comment_or_404(receipt: str):
    canonical = parse_receipt(receipt)
    comment = queries.by_receipt(canonical) if canonical else None
    if comment is None:
        abort(404)
    return comment


@private_receipt_page
def thanks(receipt: str):
    comment = _comment_or_404(receipt)
    return render_template("comments/thanks.html", comment=comment, **_receipt_context(comment))


@private_receipt_page
def lookup():
    number = request.args.get("number", "").strip()
    if number:
        canonical = parse_receipt(number)
        if canonical and queries.by_receipt(canonical):
            return redirect(url_for("comments.receipt", receipt=canonical))
        return render_template(
            "comments/lookup.html", number=number[:40], error=_("没有找到这个回执号，请核对后再试。")
        ), 404
    return render_template("comments/lookup.html", number="", error=None)


@private_receipt_page
def receipt(receipt: str):
    comment = _comment_or_404(receipt)
    return render_template("comments/receipt.html", comment=comment, **_receipt_context(comment))


def _receipt_context(comment) -> dict:
    consultation = comment.consultation
    article = None
    if comment.article_id is not None:
        structure = draft_queries.load_structure(comment.version_id)
        article = next((a for a in structure.articles if a.article_id == comment.article_id), None)
    context = {
        "consultation": consultation,
        "article": article,
        "status": services.resident_status(comment),
        "now": utcnow(),
    }
    context.update(hooks.collect(hooks.receipt_page, comment=comment))
    return context
