"""The GET forms that filter the suggestion lists (staff and public); they change nothing, so no CSRF."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, SelectField, StringField, SubmitField
from wtforms.validators import Length, Optional

from consult.accounts.models import Unit
from consult.forms import Form, options
from consult.suggestions.labels import STATE_LABELS
from consult.suggestions.listing import BLANK_CATEGORY, ListFilters

DUE_LABELS = {"overdue": _l("已逾期"), "soon": _l("即将到期")}


def _unit_choices(units: list[Unit]):
    return options([("", _l("全部"))] + [(str(u.id), u.name) for u in units])


def _category_choices(categories: list[str]):
    return options([("", _l("全部")), (BLANK_CATEGORY, _l("未分类"))] + [(c, c) for c in categories])


def _asked(form: Form, *names: str) -> list[str]:
    """The values asked for, "" for one not offered; a stale or hand-made link is not an error to show."""
    form.validate()
    values = [(form[name].data or "") if not form[name].errors else "" for name in names]
    for name in names:
        form[name].errors = []
    return values


def _number(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() and len(value) < 10 else None


class ListFilterForm(Form):
    class Meta:
        csrf = False

    state = SelectField(_l("状态"), validators=[Optional()])
    unit = SelectField(_l("承办单位（主办或协办）"), validators=[Optional()])
    category = SelectField(_l("类别"), validators=[Optional()])
    due = SelectField(_l("答复期限"), choices=options([("", _l("全部"))] + list(DUE_LABELS.items())))
    key = BooleanField(_l("只看重点督办"))
    submit = SubmitField(_l("筛选"))

    def offer(self, states: list[str], units: list[Unit], categories: list[str]) -> ListFilterForm:
        self.state.choices = options([("", _l("全部"))] + [(s, STATE_LABELS[s]) for s in states])
        self.unit.choices = _unit_choices(units)
        self.category.choices = _category_choices(categories)
        return self

    def filters(self) -> ListFilters:
        """What was asked for; a value not offered counts as not asked."""
        state, unit, category, due = _asked(self, "state", "unit", "category", "due")
        return ListFilters(state=state or None, unit_id=_number(unit), category=category or None,
                           key=bool(self.key.data), due=due or None)  # fmt: skip


class PublicFilterForm(Form):
    class Meta:
        csrf = False

    q = StringField(_l("关键词"), validators=[Optional(), Length(max=100)])
    unit = SelectField(_l("承办单位"), validators=[Optional()])
    category = SelectField(_l("类别"), validators=[Optional()])
    submit = SubmitField(_l("查找"))

    def offer(self, units: list[Unit], categories: list[str]) -> PublicFilterForm:
        self.unit.choices = _unit_choices(units)
        self.category.choices = _category_choices(categories)
        return self

    def chosen(self) -> tuple[int | None, str | None, str]:
        """(unit id, category, keyword) asked for; a value not offered counts as not asked."""
        unit, category, keyword = _asked(self, "unit", "category", "q")
        return _number(unit), category or None, keyword.strip()
