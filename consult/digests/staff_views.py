"""Drafters' digest pages: build, read, shape and answer."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from consult.accounts.access import roles_required
from consult.digests import holds, mentions, pages, queries, rounds, seeding, services, stance_queries, tasks
from consult.digests.forms import AnswerForm, MembersForm, MergeThemeForm, RenameThemeForm
from consult.digests.labels import error_message
from consult.digests.models import Theme
from consult.drafts.models import Consultation
from consult.drafts.queries import load_structure
from consult.extensions import db
from consult.forms import ActionForm, options
from consult.http import database_id, id_from_form, page_arg
from consult.unit_of_work import after_commit, refuse, refuse_with_flash

reader = roles_required("drafter", "organizer", "moderator")
drafter = roles_required("drafter")


@reader
def draft(consultation_id: int):
    consultation = db.get_or_404(Consultation, consultation_id)
    build = services.latest_build(consultation.id)
    return render_template(
        "digests/draft.html",
        consultation=consultation,
        build=build,
        active=services.active_build(consultation.id),
        failed=_last_failure(consultation.id, build),
        action=ActionForm(),
        **pages.draft_overview(consultation, build),
    )


def _last_failure(consultation_id: int, good):
    failed = services.latest_build(consultation_id, ("failed",))
    return failed if failed and (good is None or failed.id > good.id) else None


@roles_required("drafter", "moderator")
def build(consultation_id: int):
    consultation = db.get_or_404(Consultation, consultation_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    queued = services.request_build(consultation, current_user)
    after_commit(lambda: tasks.enqueue(queued))
    flash(_("已开始生成意见摘要。页面会自动刷新显示进度，其间可以继续查看上一版摘要。"), "info")
    return redirect(url_for("digests_admin.draft", consultation_id=consultation.id))


@reader
def article(consultation_id: int, article_id: int):
    consultation = db.get_or_404(Consultation, consultation_id)
    structure = load_structure(consultation.version_id)
    found = next((a for a in structure.articles if a.article_id == article_id), None)
    if found is None:
        abort(404)
    build = services.latest_build(consultation.id)
    return render_template(
        "digests/article.html",
        consultation=consultation,
        article=found,
        build=build,
        active=services.active_build(consultation.id),
        **pages.article_overview(consultation, found, build),
    )


@reader
def rounds_table(consultation_id: int):
    """Every article in every round of the draft: comments received and themes answered."""
    consultation = db.get_or_404(Consultation, consultation_id)
    return render_template("digests/rounds.html", consultation=consultation, across=rounds.across_rounds(consultation))


def _theme(theme_id: int) -> Theme:
    return db.get_or_404(Theme, theme_id)


@reader
def theme(theme_id: int):
    return _render_theme(_theme(theme_id))


def _render_theme(item: Theme, status: int = 200, answer: AnswerForm | None = None, rename=None):
    consultation = db.session.get_one(Consultation, item.consultation_id)
    siblings = queries.sibling_themes(item)
    structure = load_structure(consultation.version_id)
    members = MembersForm()
    members.target.choices = options((t.id, t.label or _("未提出具体意见（表态、转发等）")) for t in siblings)
    members.article.choices = options(
        [("general", _("总体意见"))] + [(str(a.article_id), a.number) for a in structure.articles]
    )
    merge = MergeThemeForm()
    merge.target.choices = members.target.choices
    article = next((a for a in structure.articles if a.article_id == item.article_id), None)
    page = queries.theme_members(item.id, page_arg())
    return render_template(
        "digests/theme.html",
        consultation=consultation,
        theme=item,
        article=article,
        page=page,
        stances=stance_queries.stances_of(c.id for c in page.items),
        held=queries.held_members(item, current_app.config["DIGEST_HOLD_BELOW"]),
        also=mentions.of_theme(item.id),
        resident_counts=queries.resident_counts([item.id]),
        # Scoring the article's comments against its themes costs a TF-IDF fit: only when asked.
        preview=seeding.pull_preview(item) if request.args.get("preview") else None,
        split=stance_queries.of_theme(item),
        rename=rename or RenameThemeForm(label=item.label, revision=item.revision),
        merge=merge,
        members=members,
        answer=answer or AnswerForm(decision=item.decision or "", reason=item.reason, revision=item.revision),
    ), status


def _done(item: Theme, message: str, **args):
    flash(message, "success")
    return redirect(url_for("digests_admin.theme", theme_id=item.id, **args))


@drafter
def rename(theme_id: int):
    item, form = _theme(theme_id), RenameThemeForm()
    if form.validate_on_submit():
        try:
            services.rename_theme(item, form.label.data, form.revision.data)
            return _done(item, _("主题已改名。"))
        except services.DigestError as error:
            refuse(form.label, error_message(error.code, **error.detail))
    return _render_theme(db.session.get_one(Theme, theme_id), 422, rename=form)


@drafter
def merge(theme_id: int):
    source = _theme(theme_id)
    target = db.get_or_404(Theme, id_from_form("target"))
    try:
        services.merge_themes(target, source)
    except services.DigestError as error:
        refuse_with_flash(error_message(error.code))
        return redirect(url_for("digests_admin.theme", theme_id=source.id))
    return _done(target, _("两个主题已合并。"))


@drafter
def members(theme_id: int):
    item, form = _theme(theme_id), MembersForm()
    ids = form.ids.data or []
    try:
        if form.confirm.data:
            confirmed = holds.confirm_members(item, ids)
            return _done(item, _("已确认 %(count)d 条意见属于本主题，答复会显示在它们的回执上。", count=confirmed))
        if not ids:
            raise services.DigestError("split_nothing")
        if form.split.data:
            new = services.split_theme(item, ids, form.new_label.data or "")
            # Straight to what the new theme's examples would pull in.
            return _done(new, _("已拆分为新主题。"), preview=1)
        if form.misfile.data:
            services.misfile(current_user, item, ids, _article_choice(form.article.data or "general"))
            return _done(item, _("已改归其他条文，下次生成摘要时生效。"))
        target = db.get_or_404(Theme, form.target.data or 0)
        services.move_comments(item, ids, target)
        return _done(item, _("意见已移到“%(label)s”。", label=target.label))
    except (services.DigestError, holds.HoldError) as error:
        refuse_with_flash(error_message(error.code))
        return redirect(url_for("digests_admin.theme", theme_id=item.id))


def _article_choice(value: str) -> int | None:
    if value == "general":
        return None
    try:
        return database_id(value)
    except ValueError:
        raise services.DigestError("unknown_article") from None


@drafter
def answer(theme_id: int):
    item, form = _theme(theme_id), AnswerForm()
    status = 422
    if form.validate_on_submit():
        try:
            services.answer_theme(current_user, item, form.decision.data, form.reason.data, form.revision.data)
            waiting = len(queries.held_members(item, current_app.config["DIGEST_HOLD_BELOW"]))
            if waiting:
                return _done(
                    item,
                    _(
                        "答复已保存。其中 %(count)d 条待确认的意见，确认属于本主题后才会在回执上看到答复。",
                        count=waiting,
                    ),
                )
            return _done(item, _("答复已保存，提出这些意见的居民可以在回执页看到。"))
        except services.DigestError as error:
            status = 409 if error.code == "stale" else 422
            refuse(form.reason, error_message(error.code, **error.detail))
    fresh = db.session.get_one(Theme, theme_id)
    form.revision.data = fresh.revision  # the form now answers the latest version; the text is kept
    return _render_theme(fresh, status, answer=form)


@drafter
def pull(theme_id: int):
    """Move the previewed comments the drafter ticked into this theme now."""
    item = _theme(theme_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    ids = [database_id(value) for value in request.form.getlist("pull")]
    try:
        if not ids:
            raise services.DigestError("not_members")
        moved = seeding.pull_in(item, ids)
    except (services.DigestError, holds.HoldError) as error:
        refuse_with_flash(error_message(error.code))
        return redirect(url_for("digests_admin.theme", theme_id=item.id))
    return _done(item, _("已将 %(count)d 条意见移入本主题。", count=moved))
