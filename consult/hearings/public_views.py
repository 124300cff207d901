"""The public announcement of a hearing (听证公告), registration, and the registration receipt."""

from __future__ import annotations

from flask import abort, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _

from consult.accounts.access import public
from consult.comments.privacy import contact_cipher
from consult.comments.receipts import parse_receipt
from consult.db import utcnow
from consult.drafts.queries import load_structure
from consult.extensions import db, limiter
from consult.forms import options
from consult.hearings import queries, services
from consult.hearings.calendar import hearing_calendar
from consult.hearings.forms import RegistrationForm
from consult.hearings.labels import KIND_LABELS, error_message
from consult.hearings.models import Hearing
from consult.http import no_store
from consult.timezones import city_zone
from consult.unit_of_work import refuse


def _public_hearing(hearing_id: int) -> Hearing:
    hearing = db.session.get(Hearing, hearing_id)
    if hearing is None or hearing.status == "draft":
        abort(404)
    return hearing


def _articles(hearing: Hearing):
    wanted = {a.id for a in hearing.articles}
    return [a for a in load_structure(hearing.consultation.version_id).articles if a.article_id in wanted]


def _render(hearing: Hearing, form: RegistrationForm, status: int = 200):
    articles = _articles(hearing)
    form.articles.choices = options((a.article_id, a.number) for a in articles)
    return render_template(
        "hearings/announcement.html", hearing=hearing, articles=articles, form=form, now=utcnow()
    ), status


@public
def announcement(hearing_id: int):
    return _render(_public_hearing(hearing_id), RegistrationForm())


@public
@limiter.limit(lambda: current_app.config["COMMENT_RATE_LIMIT"])
def register(hearing_id: int):
    hearing = _public_hearing(hearing_id)
    form = RegistrationForm()
    form.articles.choices = options((a.article_id, a.number) for a in _articles(hearing))
    if form.validate_on_submit():
        data = services.RegistrationInput(
            kind=form.kind.data,
            name=form.name.data,
            article_ids=tuple(form.articles.data or ()),
            stance=form.stance.data or None,
            summary=form.summary.data or "",
            district=form.district.data or "",
            role=form.role.data,
            contact=form.contact.data or "",
        )
        try:
            registration, _created = services.register(
                hearing, data, token=form.token.data or "", cipher=contact_cipher()
            )
        except services.HearingError as error:
            refuse(form.summary, error_message(error.code, **error.detail))
        else:
            return redirect(url_for("hearings.receipt", receipt=registration.receipt), code=303)
    return _render(hearing, form, 422)


@public
@limiter.limit(lambda: current_app.config["RECEIPT_RATE_LIMIT"])
@no_store
def receipt(receipt: str):
    canonical = parse_receipt(receipt)
    registration = queries.registration_by_receipt(canonical) if canonical else None
    if registration is None:
        abort(404)
    numbers = {a.article_id: a.number for a in _articles(registration.hearing)}
    return render_template(
        "hearings/receipt.html", registration=registration, hearing=registration.hearing, numbers=numbers
    )


@public
def calendar(hearing_id: int):
    """The hearing as an .ics file to add to a calendar."""
    hearing = _public_hearing(hearing_id)
    url = url_for("hearings.announcement", hearing_id=hearing.id, _external=True)
    data = hearing_calendar(
        hearing,
        zone=city_zone(),
        url=url,
        host=request.host.split(":")[0],
        now=utcnow(),
        labels={"kind": str(KIND_LABELS.get(hearing.kind, hearing.kind)), "deadline": _("报名截止")},
    )
    response = current_app.response_class(data, content_type="text/calendar; charset=utf-8")
    response.headers["Content-Disposition"] = f'attachment; filename="hearing-{hearing.id}.ics"'
    return response
