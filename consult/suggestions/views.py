"""The suggestion pages: a deputy writes and sends suggestions and rates the answers, staff accept,
merge and assign them, a unit answers what it was given. One list and one page per suggestion, each
showing only what the person may see and the steps they may take now."""

from __future__ import annotations

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from consult.accounts.access import roles_required
from consult.accounts.models import STAFF_ROLES, Unit
from consult.db import utcnow
from consult.extensions import db
from consult.http import page_arg
from consult.suggestions import cosigning, listing, periods, queries, services, states
from consult.suggestions import figures as suggestion_figures
from consult.suggestions.detail_context import handling_context
from consult.suggestions.filter_forms import ListFilterForm
from consult.suggestions.forms import AnswerForm, AssignForm, MergeForm, NoteForm, RateForm, SuggestionForm
from consult.suggestions.labels import ACTION_LABELS, error_message
from consult.suggestions.models import Suggestion
from consult.unit_of_work import refuse

everyone = roles_required("deputy", "unit", "drafter", "moderator", "organizer")
deputy = roles_required("deputy")


@everyone
def index():
    now, soon = periods.due_window(utcnow(), current_app.config["SUGGESTION_REMIND_DAYS"])
    staff = current_user.role not in ("deputy", "unit")
    form = ListFilterForm(request.args).offer(
        [s for s in states.STATES if current_user.role == "deputy" or s != "draft"],
        queries.units() if staff else [],
        listing.categories_of(current_user),
    )
    page = listing.list_page(current_user, form.filters(), page_arg(), now, soon)
    return render_template("suggestions/index.html", page=page, form=form, now=now, soon=soon, staff=staff)


@deputy
def new():
    form = SuggestionForm()
    form.cosigners.choices = [(d.id, d.display_name or d.email) for d in cosigning.deputies_besides(current_user)]
    if form.validate_on_submit():
        try:
            created = services.create(current_user, form.title.data, form.body.data, form.category.data or "")
            cosigning.name_cosigners(current_user, created, form.cosigners.data or [])
        except services.SuggestionError as error:
            refuse(form.body, error_message(error.code, **error.detail))
        else:
            flash(_("建议已保存为草稿。可以添加附件，检查后点“提交建议”。"), "success")
            return redirect(url_for("suggestions.detail", suggestion_id=created.id))
    return render_template("suggestions/new.html", form=form, suggestion=None), 422 if form.errors else 200


def visible_or_404(suggestion_id: int) -> Suggestion:
    suggestion = db.get_or_404(Suggestion, suggestion_id)
    if not queries.may_see(current_user, suggestion):
        abort(404)  # as if it did not exist: another deputy's or another unit's
    return suggestion


def forms_for(suggestion: Suggestion, units: list[Unit]) -> dict:
    """The form of every step, the assign form offering `units` (the router's proposal first chosen)."""
    assign = AssignForm()
    assign.lead.choices = [("", "—")] + [(str(u.id), u.name) for u in units]
    assign.co_units.choices = [(u.id, u.name) for u in units]
    if suggestion.state == "accepted" and current_user.role in STAFF_ROLES and not assign.lead.data:
        proposed = queries.proposed_units(suggestion, units)
        assign.lead.data = str(proposed[0].id) if proposed else ""
        assign.lead.description = (
            _("按以往交办情况建议：%(units)s", units="、".join(u.name for u in proposed)) if proposed else ""
        )
    return {"note": NoteForm(), "merge": MergeForm(), "assign": assign, "answer": AnswerForm(), "rate": RateForm()}


@everyone
def detail(suggestion_id: int):
    return render_suggestion(visible_or_404(suggestion_id))


def render_suggestion(suggestion: Suggestion, forms: dict | None = None, status: int = 200,
                      extra_forms: dict | None = None):  # fmt: skip
    role = "drafter" if current_user.role == "admin" else current_user.role
    units = queries.units()
    return render_template(
        "suggestions/detail.html",
        suggestion=suggestion,
        # "reopen" is not a button of its own: it is what rating 不满意 does.
        actions=[a for a in states.actions_from(suggestion.state, role) if a != "reopen"],
        action_labels=ACTION_LABELS,
        history=services.history(suggestion),
        answers=queries.answers_of(suggestion),
        ratings=queries.ratings_of(suggestion),
        units={u.id: u.name for u in units},
        **(forms or forms_for(suggestion, units)),
        **handling_context(current_user, suggestion, extra_forms),
    ), status


@roles_required("drafter", "organizer", "moderator")
def figures():
    year = periods.year_from(request.args.get("year"))
    dashboard = suggestion_figures.dashboard(utcnow(), year, current_app.config["SUGGESTION_REMIND_DAYS"])
    return render_template("suggestions/figures.html", dashboard=dashboard, year=year)
