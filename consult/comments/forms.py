from flask import current_app
from flask_babel import lazy_gettext as _l
from wtforms import (
    BooleanField,
    DateField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional, ValidationError

from consult.comments.labels import REASON_LABELS, ROLE_LABELS, SOURCE_LABELS, STATE_LABELS
from consult.comments.text import LONGEST_GRAPHEME, perceived_length, too_long
from consult.forms import Form, TokenForm, contact_is_phone_or_email, options
from consult.http import database_id


def _within_limit(form, field):
    limit = current_app.config["COMMENT_MAX_CHARS"]
    text = (field.data or "").strip()
    if too_long(text, limit):
        count = perceived_length(text) if len(text) <= limit * LONGEST_GRAPHEME else len(text)
        raise ValidationError(_l("意见不能超过 %(limit)s 个字，现在是 %(count)s 个字。", limit=limit, count=count))


class CommentForm(TokenForm):
    body = TextAreaField(_l("您的意见"), validators=[DataRequired(_l("请填写您的意见。")), _within_limit])
    display_name = StringField(_l("署名（选填，不填则显示为“匿名”）"), validators=[Optional(), Length(max=40)])
    contact = StringField(
        _l("联系电话或电子邮箱（选填，不会公开）"), validators=[Optional(), Length(max=100), contact_is_phone_or_email]
    )
    district = SelectField(_l("所在区（选填）"), validators=[Optional()])
    role = SelectField(_l("您的身份"), choices=options(ROLE_LABELS.items()), default="citizen")
    visibility = RadioField(
        _l("是否公开"),
        default="public",
        choices=options(
            [("public", _l("可以公开我的意见（不公开联系方式）")), ("private", _l("仅供立法机关参考，不公开"))]
        ),
    )
    updates = BooleanField(_l("有处理结果或新一轮征求意见时发邮件告诉我（需填写电子邮箱，可随时退订）"))
    website = StringField(_l("请勿填写此项"))  # honeypot: hidden from people, filled by bots
    submit = SubmitField(_l("提交意见"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.district.choices = options([("", _l("不填写"))] + [(d, d) for d in current_app.config["DISTRICTS"]])


class RecordCommentForm(CommentForm):
    """Staff record an opinion from another channel; the same fields plus where it came from."""

    article = SelectField(_l("针对条文"))
    source = SelectField(_l("来源渠道"), choices=options((k, v) for k, v in SOURCE_LABELS.items() if k != "web"))
    received_on = DateField(_l("收到日期"), validators=[Optional()])
    submit = SubmitField(_l("录入意见"))


class QueueFilterForm(Form):
    class Meta:
        csrf = False  # a GET search form changes nothing

    article = SelectField(_l("条文"), validators=[Optional()])
    state = SelectField(_l("状态"), choices=options([("", _l("全部"))] + list(STATE_LABELS.items())), default="pending")
    source = SelectField(_l("来源"), choices=options([("", _l("全部"))] + list(SOURCE_LABELS.items())))
    since = DateField(_l("起始日期"), validators=[Optional()])
    until = DateField(_l("截止日期"), validators=[Optional()])
    q = StringField(_l("意见中的文字"), validators=[Optional(), Length(max=100)])
    submit = SubmitField(_l("筛选"))


class BulkModerationForm(Form):
    ids = SelectMultipleField(_l("选中的意见"), coerce=database_id, validate_choice=False)
    action = SelectField(_l("操作"), choices=options([("approve", _l("通过")), ("reject", _l("不通过"))]))
    reason = SelectField(
        _l("不通过的理由"), choices=options([("", "—")] + list(REASON_LABELS.items())), validators=[Optional()]
    )
    note = StringField(_l("备注"), validators=[Optional(), Length(max=500)])
    submit = SubmitField(_l("执行"))


class RedactForm(Form):
    public_text = TextAreaField(_l("公开显示的文字"), validators=[DataRequired(), Length(max=20000)])
    note = StringField(_l("遮盖的原因"), validators=[Optional(), Length(max=500)])
    submit = SubmitField(_l("保存公开文字"))
