"""A drafter imports a second draft (or an amendment draft) of a consultation's draft, confirms which
article became which, and saves it as a new round; anyone reads the 修改对照表 between two rounds."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from consult import hooks
from consult.accounts.access import public, roles_required
from consult.db import utcnow
from consult.drafts import queries, services, version_queries, version_services
from consult.drafts.changes_docx import changes_docx
from consult.drafts.forms import ImportForm, SaveVersionForm
from consult.drafts.importers import DraftFileError
from consult.drafts.messages import error_message
from consult.drafts.models import Consultation
from consult.extensions import db
from consult.http import download
from consult.unit_of_work import refuse

drafter = roles_required("drafter")


@drafter
def new_version(consultation_id: int):
    consultation = db.get_or_404(Consultation, consultation_id)
    form = ImportForm()
    if form.validate_on_submit():
        upload, pasted = form.source.data, (form.pasted.data or "").strip() or None
        try:
            if not (upload and upload.filename) and not pasted:
                raise services.DraftError("nothing_given")
            data = None if pasted else upload.read(current_app.config["MAX_CONTENT_LENGTH"] + 1)
            name = "" if pasted else upload.filename
            preview = version_services.stage_new_version(current_user, consultation, name, data, pasted)
        except (DraftFileError, services.DraftError) as error:
            refuse(form.pasted if pasted else form.source, error_message(error.code, **error.detail))
        else:
            return redirect(
                url_for("drafts_admin.preview_version", consultation_id=consultation.id, token=preview.pending.token)
            )
    return render_template("staff/new_version.html", form=form, consultation=consultation), 422 if form.errors else 200


def _matches(count: int) -> dict[int, int | None]:
    """The drafter's choice for each new article: an article id, or none (a new article)."""
    found: dict[int, int | None] = {}
    for n in range(count):
        value = request.form.get(f"match-{n}", "")
        found[n] = int(value) if value.isdigit() else None
    return found


@drafter
def preview_version(consultation_id: int, token: str):
    consultation = db.get_or_404(Consultation, consultation_id)
    try:
        preview = services.load_pending(current_user, token, consultation.id)
    except (DraftFileError, services.DraftError):
        abort(404)
    rows = version_services.proposed_rows(consultation, preview.parsed)
    positions = {id(a): n for n, a in enumerate(preview.parsed.articles)}
    suggested = f"{consultation.slug}-{version_services.next_position(consultation.draft_id)}"
    form = SaveVersionForm(title=consultation.title, slug=suggested)
    chosen = version_services.proposed_matches(rows, preview.parsed)
    if form.validate_on_submit():
        chosen = _matches(len(preview.parsed.articles))
        try:
            saved = version_services.save_new_version(
                consultation, preview.parsed, chosen, label=form.label.data, title=form.title.data,
                slug=form.slug.data, user=current_user, source=services.pending_source(preview.pending),
                notes=preview.imported.notes,
            )  # fmt: skip
            services.forget_pending(preview.pending)
        except services.DraftError as error:
            refuse(form.slug, error_message(error.code, **error.detail))
        else:
            flash(_("新版本已保存为新一轮征求意见（草稿）。检查修改对照表后即可发布。"), "success")
            return redirect(url_for("drafts_admin.consultation", consultation_id=saved.id))
    return render_template(
        "staff/preview_version.html",
        consultation=consultation,
        preview=preview,
        rows=rows,
        # Each row with the index of its new article, which names its select (match-N).
        numbered=[(row, positions.get(id(row.new))) for row in rows],
        chosen=chosen,
        old_articles=version_services.current_articles(consultation),
        form=form,
    ), 422 if form.errors else 200


def _changes_context(consultation: Consultation) -> dict:
    earlier_version = version_queries.previous_version(consultation)
    if earlier_version is None:
        abort(404)
    earlier = version_queries.round_on(earlier_version)
    rows = version_queries.version_changes(earlier_version.id, consultation.version_id)
    return {
        "consultation": consultation,
        "earlier_version": earlier_version,
        "earlier": earlier,
        "rows": rows,
        **hooks.collect(hooks.changes_page, earlier=earlier),
    }


@public
def changes(slug: str):
    consultation = queries.public_consultation(slug)
    if consultation is None:
        abort(404)
    context = _changes_context(consultation)
    only_changed = request.args.get("changed") == "1"
    if only_changed:
        context["rows"] = [r for r in context["rows"] if r.change != "same" or r.moved]
    return render_template("drafts/changes.html", only_changed=only_changed, now=utcnow(), **context)


@drafter
def changes_download(consultation_id: int):
    context = _changes_context(db.get_or_404(Consultation, consultation_id))
    data = changes_docx(context)
    return download(data, "changes", f"{context['consultation'].title}修改对照表", "docx")


@drafter
def staff_changes(consultation_id: int):
    """The same 对照表 for a round not yet published."""
    context = _changes_context(db.get_or_404(Consultation, consultation_id))
    return render_template("drafts/changes.html", only_changed=False, now=utcnow(), staff=True, **context)
