"""The public pages of deputies' suggestions: the published ones, one page each, and open data."""

from __future__ import annotations

from flask import abort, render_template, request
from flask_babel import gettext as _

from consult.accounts.access import public
from consult.digests.exports_data import rows_csv, rows_json
from consult.http import download, page_arg
from consult.suggestions import public_queries, queries
from consult.suggestions.filter_forms import PublicFilterForm

PER_PAGE = 20


@public
def index():
    form = PublicFilterForm(request.args).offer(queries.units(), public_queries.public_categories())
    unit_id, category, keyword = form.chosen()
    page = public_queries.published_page(unit_id, category, keyword, page_arg(), PER_PAGE)
    return render_template(
        "suggestions/public_index.html",
        form=form,
        page=page,
        deputies=public_queries.deputy_names(s.deputy_id for s in page.items),
        filtered=bool(unit_id or category or keyword),
    )


@public
def detail(suggestion_id: int):
    suggestion = public_queries.published_one(suggestion_id) or abort(404)
    return render_template(
        "suggestions/public_detail.html",
        suggestion=suggestion,
        deputy=public_queries.deputy_names([suggestion.deputy_id]).get(suggestion.deputy_id, ""),
        units=public_queries.unit_names(),
        answers=queries.answers_of(suggestion),
        rating=public_queries.latest_rating(suggestion),
    )


@public
def open_data(fmt: str):
    """Published suggestions with their latest public answer and rating. No personal data but the
    leading deputy's name, which the suggestion is published under."""
    rows = list(public_queries.open_data_rows())
    columns = public_queries.OPEN_COLUMNS
    data = rows_csv(rows, columns) if fmt == "csv" else rows_json(rows, columns)
    return download(data, "open-data-suggestions", _("代表建议公开数据"), fmt)
