"""Organizers' speaker work: a balanced proposal with reasons, save, publish to applicants, and the
registrations list with contacts and the sign-in sheet."""

from __future__ import annotations

from collections.abc import Sequence

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from consult.accounts.access import may_see_contacts, roles_required
from consult.comments.privacy import contact_cipher
from consult.drafts.queries import article_numbers
from consult.extensions import db
from consult.forms import ActionForm
from consult.hearings import planning, queries, selection, signin_sheet, speaker_services
from consult.hearings.labels import error_message, gap_lines, pick_reason
from consult.hearings.models import Hearing, Registration
from consult.hearings.services import HearingError
from consult.http import download, no_store
from consult.unit_of_work import refuse_with_flash

organizer = roles_required("organizer")


def _chosen_from_form() -> dict[int, str]:
    return {
        int(i): request.form.get(f"reason-{i}", "")
        for i in request.form.getlist("selected")
        if i.isdigit() and len(i) < 12
    }


@organizer
def speakers(hearing_id: int):
    hearing = db.get_or_404(Hearing, hearing_id)
    if request.method == "POST":
        if not ActionForm().validate_on_submit():
            abort(400)
        try:
            speaker_services.apply_selection(current_user, hearing, _chosen_from_form())
        except HearingError as error:
            refuse_with_flash(error_message(error.code, **error.detail))
            return _render(hearing, 422)
        flash(_("陈述人名单已保存，尚未通知报名人。核对无误后请点击“发布遴选结果”。"), "success")
        return redirect(url_for("hearings_admin.speakers", hearing_id=hearing.id))
    return _render(hearing)


def _render(hearing: Hearing, status: int = 200):
    applicants = queries.speaker_applicants(hearing.id)
    pool = [selection.Applicant.of(a) for a in applicants]
    articles = planning.by_contention(hearing.consultation_id, [a.id for a in hearing.articles])
    proposal = {p.id: p for p in selection.propose_speakers(pool, hearing.speaker_slots, articles)}
    numbers = article_numbers(hearing.consultation.version_id)
    by_id = {a.id: a for a in applicants}
    reasons = {i: pick_reason(p, by_id[i].district, by_id[i].role, numbers) for i, p in proposal.items()}
    saved = any(a.state in queries.DECIDED for a in applicants)
    chosen = {a.id for a in applicants if a.state == "selected"} if saved else set(proposal)
    return render_template(
        "hearings/speakers.html",
        hearing=hearing,
        applicants=applicants,
        numbers=numbers,
        chosen=chosen,
        reasons=reasons,
        saved=saved,
        gaps=gap_lines(selection.gaps(pool, chosen, articles), numbers),
        unpublished=queries.unpublished_changes(hearing.id),
        action=ActionForm(),
    ), status


@organizer
def publish(hearing_id: int):
    hearing = db.get_or_404(Hearing, hearing_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        changed = speaker_services.publish_selection(current_user, hearing)
    except HearingError as error:
        refuse_with_flash(error_message(error.code, **error.detail))
    else:
        flash(_("遴选结果已发布：%(count)d 位报名人的回执已更新。", count=changed), "success")
    return redirect(url_for("hearings_admin.speakers", hearing_id=hearing.id))


def _contacts(hearing: Hearing, registrations: Sequence[Registration], action: str) -> dict[int, str] | None:
    """Decrypted contacts when the viewer may see them and asked to (a POST); the look is audited."""
    if request.method != "POST" or not may_see_contacts(current_user):
        return None
    if not ActionForm().validate_on_submit():
        abort(400)
    cipher = contact_cipher()
    speaker_services.log_event(current_user, hearing, action)
    return {
        r.id: cipher.decrypt(r.contact_encrypted) or _("（无法解密）")
        for r in registrations
        if r.contact_encrypted is not None
    }


@organizer
@no_store
def registrations(hearing_id: int):
    hearing = db.get_or_404(Hearing, hearing_id)
    everyone = queries.registrations(hearing.id)
    return render_template(
        "hearings/registrations.html",
        hearing=hearing,
        registrations=everyone,
        numbers=article_numbers(hearing.consultation.version_id),
        contacts=_contacts(hearing, everyone, "contacts_viewed"),
        may_see_contacts=may_see_contacts(current_user),
        action=ActionForm(),
    )


@organizer
def signin(hearing_id: int, fmt: str):
    hearing = db.get_or_404(Hearing, hearing_id)
    everyone = queries.registrations(hearing.id)
    sheet = signin_sheet.build(hearing.title, everyone, _contacts(hearing, everyone, "contacts_exported"))
    author = current_app.config["LEGISLATURE_NAME"]
    data = signin_sheet.as_xlsx(sheet, author) if fmt == "xlsx" else signin_sheet.as_csv(sheet)
    return download(data, f"hearing-{hearing.id}-sign-in", sheet.title, fmt)
