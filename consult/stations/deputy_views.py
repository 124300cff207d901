"""A deputy's matters: what residents raised at the stations and were passed to this deputy, each of
which the deputy may turn into a suggestion draft, once."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from consult.accounts.access import roles_required
from consult.extensions import db
from consult.forms import ActionForm
from consult.stations import queries, services
from consult.stations.labels import error_message
from consult.stations.models import StationMatter
from consult.unit_of_work import refuse_with_flash

deputy = roles_required("deputy")


@deputy
def matters():
    return render_template(
        "stations/deputy_matters.html", rows=queries.matters_for(current_user.id), action=ActionForm()
    )


@deputy
def turn_into_suggestion(matter_id: int):
    matter = db.get_or_404(StationMatter, matter_id)
    if matter.deputy_id != current_user.id:
        abort(404)  # as if it did not exist: passed to another deputy
    if not ActionForm().validate_on_submit():
        abort(400)
    try:
        suggestion = services.turn_into_suggestion(current_user, matter)
    except services.StationError as error:
        refuse_with_flash(error_message(error.code, **error.detail))
        return redirect(url_for("stations.deputy_matters"))
    flash(_("已转为建议草稿。检查修改后点“提交建议”。"), "success")
    return redirect(url_for("suggestions.detail", suggestion_id=suggestion.id))
