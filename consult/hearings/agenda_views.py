"""The agenda: suggested contested articles, items with times, speakers and questions; the packet."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from consult.accounts.access import roles_required
from consult.drafts.queries import article_numbers, load_structure
from consult.extensions import db
from consult.forms import options
from consult.hearings import packet, planning, queries, services, speaker_services
from consult.hearings.forms import AgendaItemForm, RevisionForm
from consult.hearings.labels import error_message
from consult.hearings.models import AgendaItem, Hearing
from consult.http import download
from consult.unit_of_work import refuse, refuse_with_flash

organizer = roles_required("organizer")
reader = roles_required("organizer", "drafter")


def _choices(hearing: Hearing, form: AgendaItemForm) -> None:
    articles = load_structure(hearing.consultation.version_id).articles
    form.article.choices = options([("", "—")] + [(str(a.article_id), a.number) for a in articles])
    form.speakers.choices = options((s.id, s.name) for s in queries.selected_speakers(hearing.id))


def _render(hearing: Hearing, new_form: AgendaItemForm | None = None, status: int = 200):
    new_form = new_form or AgendaItemForm(revision=hearing.revision)
    _choices(hearing, new_form)
    forms = {}
    for item in hearing.items:
        form = AgendaItemForm(
            prefix=f"item{item.id}",
            title=item.title,
            duration=item.duration_minutes,
            questions=item.questions,
            speakers=item.speaker_ids,
            revision=hearing.revision,
            article=str(item.article_id or ""),
        )
        _choices(hearing, form)
        forms[item.id] = form
    numbers = article_numbers(hearing.consultation.version_id)
    return render_template(
        "hearings/agenda.html",
        hearing=hearing,
        new_form=new_form,
        forms=forms,
        numbers=numbers,
        contested=planning.contested_articles(hearing.consultation_id),
        revision=RevisionForm(revision=hearing.revision),
        unplaced=queries.unplaced_speakers(hearing),
        without_speakers=queries.items_without_speakers(hearing),
    ), status


@organizer
def agenda(hearing_id: int):
    return _render(db.get_or_404(Hearing, hearing_id))


def _fail(hearing: Hearing, error: services.HearingError, form: AgendaItemForm | None = None):
    message = error_message(error.code, **error.detail)
    if form is None:
        refuse_with_flash(message)
        return redirect(url_for("hearings_admin.agenda", hearing_id=hearing.id))
    refuse(form.title, message)
    fresh = db.session.get_one(Hearing, hearing.id)
    form.revision.data = fresh.revision  # resubmitting now applies to the agenda as it is
    return _render(fresh, form, 409 if error.code == "stale" else 422)


@organizer
def add_item(hearing_id: int):
    hearing = db.get_or_404(Hearing, hearing_id)
    form = AgendaItemForm()
    _choices(hearing, form)
    if not form.validate_on_submit():
        return _render(hearing, form, 422)
    article = form.article.data
    try:
        services.add_item(
            hearing,
            title=form.title.data,
            article_id=int(article) if article else None,
            duration=form.duration.data,
            questions=form.questions.data or "",
            revision=form.revision.data,
        )
    except services.HearingError as error:
        return _fail(hearing, error, form)
    return redirect(url_for("hearings_admin.agenda", hearing_id=hearing.id))


@organizer
def add_suggested(hearing_id: int):
    """One item per contested article, with the article's themes as starting questions."""
    hearing = db.get_or_404(Hearing, hearing_id)
    form = RevisionForm()
    if not form.validate_on_submit():
        abort(400)
    numbers = article_numbers(hearing.consultation.version_id)
    existing = {item.article_id for item in hearing.items}
    try:
        revision = form.revision.data
        for contested in planning.contested_articles(hearing.consultation_id):
            if contested.article_id in existing or contested.article_id not in numbers:
                continue
            services.add_item(
                hearing,
                title=_("关于%(number)s", number=numbers[contested.article_id]),
                article_id=contested.article_id,
                duration=20,
                questions="",
                revision=revision,
            )
            revision = hearing.revision
    except services.HearingError as error:
        return _fail(hearing, error)
    return redirect(url_for("hearings_admin.agenda", hearing_id=hearing.id))


@organizer
def reassign(hearing_id: int):
    """Put every selected speaker on the items about the articles they asked to speak on."""
    hearing = db.get_or_404(Hearing, hearing_id)
    form = RevisionForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        speaker_services.reassign_by_article(current_user, hearing, form.revision.data)
    except services.HearingError as error:
        return _fail(hearing, error)
    flash(_("已按各陈述人申请的条文重新安排议题陈述人。"), "success")
    return redirect(url_for("hearings_admin.agenda", hearing_id=hearing.id))


@organizer
def edit_item(hearing_id: int, item_id: int):
    hearing = db.get_or_404(Hearing, hearing_id)
    item = db.get_or_404(AgendaItem, item_id)
    if item.hearing_id != hearing.id:
        abort(404)
    action = request.form.get("action", "save")
    form = AgendaItemForm(prefix=f"item{item.id}")
    _choices(hearing, form)
    try:
        if action in ("up", "down"):
            services.move_item(hearing, item, -1 if action == "up" else 1, RevisionForm().revision.data)
        elif action == "delete":
            services.remove_item(hearing, item, RevisionForm().revision.data)
        elif form.validate_on_submit():
            services.update_item(
                hearing,
                item,
                title=form.title.data,
                duration=form.duration.data,
                questions=form.questions.data or "",
                speaker_ids=form.speakers.data or [],
                revision=form.revision.data,
            )
        else:
            return _render(hearing, status=422)
    except services.HearingError as error:
        return _fail(hearing, error)
    return redirect(url_for("hearings_admin.agenda", hearing_id=hearing.id) + f"#item-{item_id}")


@reader
def packet_page(hearing_id: int):
    return packet.packet_html(db.get_or_404(Hearing, hearing_id))


@reader
def packet_pdf(hearing_id: int):
    hearing = db.get_or_404(Hearing, hearing_id)
    name = _("%(title)s会议材料", title=hearing.title)
    return download(packet.render_agenda_packet(hearing), f"hearing-{hearing.id}-packet", name, "pdf")
