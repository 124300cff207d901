from flask_babel import lazy_gettext as _l
from wtforms import IntegerField, SelectField, SelectMultipleField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional
from wtforms.widgets import HiddenInput

from consult.digests.labels import DECISION_LABELS
from consult.forms import Form, options
from consult.http import database_id


class RenameThemeForm(Form):
    label = StringField(_l("主题名称"), validators=[DataRequired(_l("请填写主题名称。")), Length(max=200)])
    revision = IntegerField(widget=HiddenInput())
    submit = SubmitField(_l("改名"))


class MergeThemeForm(Form):
    target = SelectField(_l("并入主题"), coerce=database_id)
    submit = SubmitField(_l("合并"))


class MembersForm(Form):
    """Acts on the ticked comments of a theme: move, split off, or file under another article."""

    ids = SelectMultipleField(_l("选中的意见"), coerce=database_id, validate_choice=False)
    target = SelectField(_l("移到主题"), coerce=database_id, validators=[Optional()])
    new_label = StringField(_l("新主题名称"), validators=[Optional(), Length(max=200)])
    article = SelectField(_l("改归条文"), validators=[Optional()])
    move = SubmitField(_l("移到所选主题"))
    split = SubmitField(_l("拆分为新主题"))
    misfile = SubmitField(_l("改归所选条文"))
    confirm = SubmitField(_l("确认属于本主题"))


class AnswerForm(Form):
    decision = SelectField(
        _l("处理意见"),
        choices=options([("", "—")] + list(DECISION_LABELS.items())),
        validators=[DataRequired(_l("请选择处理意见。"))],
    )
    reason = TextAreaField(
        _l("理由（用通俗的话说明）"), validators=[DataRequired(_l("请用通俗的话写明理由。")), Length(max=5000)]
    )
    revision = IntegerField(widget=HiddenInput())
    submit = SubmitField(_l("保存答复"))


class ReportForm(Form):
    introduction = TextAreaField(_l("说明"), validators=[Optional(), Length(max=20000)])
    submit = SubmitField(_l("发布意见采纳情况"))
