"""Moderation: the queue, single and bulk decisions, redaction, other channels, the audit log."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from consult.accounts.access import may_see_contacts, roles_required
from consult.comments import queries, services
from consult.comments.forms import BulkModerationForm, QueueFilterForm, RecordCommentForm, RedactForm
from consult.comments.labels import error_message
from consult.comments.models import Comment
from consult.comments.privacy import contact_cipher
from consult.drafts import amendment_items
from consult.drafts import queries as draft_queries
from consult.drafts.models import Consultation
from consult.extensions import db
from consult.forms import ActionForm, options
from consult.http import page_arg
from consult.timezones import city_zone
from consult.unit_of_work import refuse, refuse_with_flash

moderator = roles_required("moderator")
reader = roles_required("moderator", "drafter")


def _article_choices(consultation: Consultation, blank):
    structure = draft_queries.load_structure(consultation.version_id)
    return options([blank, ("general", _("总体意见"))] + [(str(a.article_id), a.number) for a in structure.articles])


@reader
def queue(consultation_id: int):
    consultation = db.get_or_404(Consultation, consultation_id)
    form = QueueFilterForm(request.args)
    form.article.choices = _article_choices(consultation, ("", _("全部")))
    if not request.args:
        form.state.data = "pending"
    form.validate()
    article = form.article.data or ""
    filters = queries.QueueFilters(
        article_id=int(article) if article.isdigit() else None,
        general_only=article == "general",
        state=form.state.data or None,
        source=form.source.data or None,
        since=form.since.data if not form.since.errors else None,
        until=form.until.data if not form.until.errors else None,
        text=(form.q.data or "").strip(),
    )
    page = queries.queue(consultation.id, filters, page_arg(), 50, city_zone())
    bulk = BulkModerationForm()
    labels = {str(a.article_id): a.number for a in draft_queries.load_structure(consultation.version_id).articles}
    return render_template(
        "comments/queue.html",
        consultation=consultation,
        form=form,
        page=page,
        bulk=bulk,
        article_labels=labels,
        item_labels=amendment_items.labels_of(consultation.version_id),
        counts=queries.state_counts(consultation.id),
        action=ActionForm(),
        queue_filters={k: request.args[k] for k in QUEUE_FILTERS if request.args.get(k)},
    )


@moderator
def bulk(consultation_id: int):
    consultation = db.get_or_404(Consultation, consultation_id)
    form = BulkModerationForm()
    if not form.validate_on_submit():
        abort(400)
    comments = queries.of_consultation(consultation.id, form.ids.data or [])
    if not comments:
        flash(_("请先勾选要处理的意见。"), "error")
        return redirect(_after_bulk(consultation, comments))
    try:
        held = 0
        if form.action.data == "approve":
            # On a comment's own page the moderator has read it whole; in the queue, they have not.
            checked = request.args.get("from") == "detail"
            approval = services.approve(current_user, comments, personal_data_checked=checked)
            changed, held = approval.changed, approval.held
        else:
            changed = services.reject(current_user, comments, form.reason.data or "", form.note.data or "")
    except services.CommentError as error:
        refuse_with_flash(error_message(error.code))
    else:
        flash(_("已处理 %(num)d 条意见。", num=changed), "success")
        if held:
            flash(_("%(num)d 条意见含个人信息，仍待审核：请逐条打开，遮盖后再通过。", num=held), "error")
    return redirect(_after_bulk(consultation, comments))


QUEUE_FILTERS = ("state", "article", "source", "since", "until", "q", "page")


def _after_bulk(consultation: Consultation, comments: list[Comment]) -> str:
    """Back where the moderator was, built here rather than taken from the Referer: the comment's
    own page, or the queue with the filters the form was posted with."""
    if request.args.get("from") == "detail" and len(comments) == 1:
        return url_for("comments_admin.detail", comment_id=comments[0].id)
    filters: dict[str, Any] = {key: request.args[key] for key in QUEUE_FILTERS if request.args.get(key)}
    return url_for("comments_admin.queue", consultation_id=consultation.id, **filters)


@reader
def detail(comment_id: int):
    comment = db.get_or_404(Comment, comment_id)
    return _render_detail(comment, RedactForm(public_text=comment.shown_text))


def _render_detail(comment: Comment, redact_form: RedactForm, status: int = 200):
    contact = None
    if comment.contact_encrypted and may_see_contacts(current_user):
        contact = contact_cipher().decrypt(comment.contact_encrypted)
    return render_template(
        "comments/detail.html",
        comment=comment,
        contact=contact,
        redact=redact_form,
        bulk=BulkModerationForm(ids=[comment.id]),
        action=ActionForm(),
        events=queries.events_for(comment.id),
    ), status


@moderator
def mask(comment_id: int):
    comment = db.get_or_404(Comment, comment_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    services.mask_personal_data_of(current_user, comment, note=_("一键遮盖个人信息"))
    flash(_("已遮盖个人信息；原文仍保留在记录中。"), "success")
    return redirect(url_for("comments_admin.detail", comment_id=comment.id))


@moderator
def redact(comment_id: int):
    comment = db.get_or_404(Comment, comment_id)
    form = RedactForm()
    if not form.validate_on_submit():
        return _render_detail(comment, form, 422)
    services.redact(current_user, comment, form.public_text.data, form.note.data or "")
    flash(_("公开显示的文字已保存，原文仍然保留。"), "success")
    return redirect(url_for("comments_admin.detail", comment_id=comment.id))


@reader
def record(consultation_id: int):
    consultation = db.get_or_404(Consultation, consultation_id)
    form = RecordCommentForm()
    form.article.choices = _article_choices(consultation, ("general", _("总体意见")))[1:]
    if form.validate_on_submit():
        received = datetime.combine(form.received_on.data, time(12), city_zone()) if form.received_on.data else None
        data = services.CommentInput(
            body=form.body.data,
            display_name=form.display_name.data or "",
            contact=form.contact.data or "",
            district=form.district.data or "",
            role=form.role.data,
            wants_public=form.visibility.data != "private",
            source=form.source.data,
            received_at=received,
        )
        article = form.article.data
        try:
            comment = services.record_comment(
                current_user,
                consultation,
                int(article) if article.isdigit() else None,
                data,
                cipher=contact_cipher(),
                max_chars=current_app.config["COMMENT_MAX_CHARS"],
            )
        except services.CommentError as error:
            refuse(form.body, error_message(error.code, **error.detail))
        else:
            flash(_("意见已录入，回执号 %(receipt)s。", receipt=comment.receipt), "success")
            return redirect(url_for("comments_admin.record", consultation_id=consultation.id))
    return render_template("comments/record.html", consultation=consultation, form=form), 422 if form.errors else 200


@moderator
def premoderation(consultation_id: int, mode: str):
    consultation = db.get_or_404(Consultation, consultation_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    services.set_premoderation(current_user, consultation, mode == "on")
    flash(_("已开启先审后发。") if mode == "on" else _("已关闭先审后发：新意见将直接公开。"), "success")
    return redirect(url_for("comments_admin.queue", consultation_id=consultation.id))


@reader
def audit(consultation_id: int):
    consultation = db.get_or_404(Consultation, consultation_id)
    return render_template(
        "comments/audit.html", consultation=consultation, events=queries.consultation_events(consultation.id)
    )
