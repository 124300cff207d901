"""Residents follow a draft by e-mail, confirm by the link sent to them, and leave in one click
(also straight from their mail program: RFC 8058 posts to the unsubscribe link)."""

from __future__ import annotations

from flask import abort, current_app, render_template, request
from flask_babel import gettext as _

from consult.accounts.access import public
from consult.drafts import queries as draft_queries
from consult.extensions import csrf, limiter
from consult.forms import ActionForm
from consult.http import no_store
from consult.notifications import services
from consult.notifications.forms import FollowForm
from consult.notifications.tasks import send_soon
from consult.unit_of_work import after_commit


def _follow_limit() -> str:
    return current_app.config["FOLLOW_RATE_LIMIT"]


@public
@limiter.limit(_follow_limit, methods=["POST"])
def follow(slug: str):
    consultation = draft_queries.public_consultation(slug) or abort(404)
    if not services.enabled():
        abort(404)
    form = FollowForm()
    if form.validate_on_submit():
        subscription = services.subscribe(consultation.draft_id, form.email.data.strip())
        services.queue_message(subscription, "confirm", title=consultation.title)
        after_commit(send_soon)
        return render_template("notifications/sent.html", consultation=consultation)
    return render_template(
        "notifications/follow.html", consultation=consultation, form=form
    ), 422 if form.errors else 200


def _subscription_or_404(token: str, purpose: str):
    subscription = services.by_token(token, purpose)
    if subscription is None:
        abort(404)
    return subscription


@public
@no_store
def confirm(token: str):
    subscription, form = _subscription_or_404(token, "confirm"), ActionForm()
    if form.validate_on_submit():
        services.confirm(subscription)
        return render_template("notifications/done.html", message=_("已确认。有新消息时我们会发邮件告诉您。"))
    return render_template("notifications/confirm.html", subscription=subscription, form=form)


@public
@no_store
@csrf.exempt  # mail programs post "List-Unsubscribe=One-Click" without a form token (RFC 8058)
def unsubscribe(token: str):
    subscription = _subscription_or_404(token, "unsubscribe")
    if request.method == "POST":
        services.unsubscribe(subscription)
        return render_template("notifications/done.html", message=_("已退订，不会再收到这类邮件。"))
    return render_template("notifications/unsubscribe.html", form=ActionForm())
