from flask import current_app
from flask_babel import lazy_gettext as _l
from wtforms import DateTimeLocalField, IntegerField, RadioField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional
from wtforms.widgets import HiddenInput

from consult.comments.labels import ROLE_LABELS
from consult.forms import CheckboxesField, Form, TokenForm, contact_is_phone_or_email, options
from consult.hearings.labels import KIND_LABELS, REGISTRATION_KIND_LABELS, STANCE_LABELS

LOCAL = "%Y-%m-%dT%H:%M"


class HearingForm(Form):
    kind = SelectField(_l("会议类型"), choices=options(KIND_LABELS.items()))
    title = StringField(_l("会议名称"), validators=[DataRequired(_l("请填写会议名称。")), Length(max=200)])
    starts_at = DateTimeLocalField(_l("开始时间"), format=LOCAL, validators=[DataRequired(_l("请填写开始时间。"))])
    venue = StringField(_l("地点"), validators=[DataRequired(_l("请填写地点。")), Length(max=200)])
    capacity = IntegerField(_l("旁听名额"), default=50, validators=[NumberRange(0, 5000)])
    speaker_slots = IntegerField(_l("陈述人名额"), default=8, validators=[NumberRange(1, 100)])
    registration_opens_at = DateTimeLocalField(_l("报名开始"), format=LOCAL, validators=[Optional()])
    registration_closes_at = DateTimeLocalField(_l("报名截止"), format=LOCAL, validators=[Optional()])
    articles = CheckboxesField(_l("涉及的条文"), validate_choice=False)
    announcement = TextAreaField(_l("听证公告正文"), validators=[Optional(), Length(max=20000)])
    submit = SubmitField(_l("保存"))


class RegistrationForm(TokenForm):
    kind = RadioField(_l("报名类型"), default="speaker", choices=options(REGISTRATION_KIND_LABELS.items()))
    name = StringField(_l("姓名"), validators=[DataRequired(_l("请填写姓名。")), Length(max=40)])
    articles = CheckboxesField(_l("想就哪些条文发言"), validate_choice=False)
    stance = RadioField(_l("您的观点"), choices=options(STANCE_LABELS.items()), validators=[Optional()])
    summary = TextAreaField(_l("观点摘要（申请陈述必填，不超过 2000 字）"), validators=[Optional()])
    district = SelectField(_l("所在区"), validators=[Optional()])
    role = SelectField(_l("您的身份"), choices=options(ROLE_LABELS.items()), default="citizen")
    contact = StringField(
        _l("联系电话或电子邮箱（用于通知遴选结果，不会公开）"),
        validators=[Optional(), Length(max=100), contact_is_phone_or_email],
    )
    submit = SubmitField(_l("提交报名"))
    token_error_field = "name"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.district.choices = options([("", _l("不填写"))] + [(d, d) for d in current_app.config["DISTRICTS"]])


class AgendaItemForm(Form):
    title = StringField(_l("议题"), validators=[DataRequired(_l("请填写议题名称。")), Length(max=200)])
    article = SelectField(_l("条文"), validators=[Optional()])
    duration = IntegerField(_l("时长（分钟）"), default=20, validators=[NumberRange(1, 480)])
    questions = TextAreaField(_l("讨论问题（每行一个）"), validators=[Optional(), Length(max=5000)])
    speakers = CheckboxesField(_l("陈述人"), validate_choice=False)
    revision = IntegerField(widget=HiddenInput())
    submit = SubmitField(_l("保存议题"))


class RevisionForm(Form):
    revision = IntegerField(widget=HiddenInput())
