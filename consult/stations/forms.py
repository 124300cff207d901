from flask import current_app
from flask_babel import lazy_gettext as _l
from wtforms import DateField, RadioField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from consult.comments.labels import ROLE_LABELS
from consult.forms import Form, options
from consult.stations.labels import KIND_LABELS, STAR_LABELS


class StationForm(Form):
    name = StringField(_l("联络站名称"), validators=[DataRequired(_l("请填写联络站名称。")), Length(max=100)])
    district = StringField(
        _l("所在区"), validators=[DataRequired(_l("请填写所在区。")), Length(max=40)], description=_l("如：滨江区")
    )
    kind = SelectField(_l("类型"), choices=options(KIND_LABELS.items()), default="community")
    stars = SelectField(_l("星级"), choices=options(STAR_LABELS.items()), coerce=int, default=0)
    address = StringField(_l("地址（选填）"), validators=[Optional(), Length(max=200)])
    opening_hours = StringField(
        _l("接待时间（选填）"), validators=[Optional(), Length(max=200)], description=_l("如：周二、周四 9:00–12:00")
    )
    submit = SubmitField(_l("保存"))


class StationFilterForm(Form):
    class Meta:
        csrf = False  # a GET search form changes nothing

    district = SelectField(_l("所在区"), validators=[Optional()], validate_choice=False)
    kind = SelectField(
        _l("类型"), choices=options([("", _l("全部"))] + list(KIND_LABELS.items())), validators=[Optional()],
        validate_choice=False,
    )  # fmt: skip
    submit = SubmitField(_l("筛选"))


class AttachDeputyForm(Form):
    deputy = SelectField(_l("代表"), validators=[DataRequired(_l("请选择代表。"))])
    submit = SubmitField(_l("联系到本站"))


class OpinionForm(Form):
    """An opinion a resident gave at the station on a draft in consultation."""

    consultation = SelectField(_l("针对的草案"), validators=[DataRequired(_l("请选择草案。"))])
    article = SelectField(
        _l("针对条文（选填）"), validators=[Optional()], description=_l("不针对具体条文的，选“总体意见”。")
    )
    body = TextAreaField(_l("群众的意见"), validators=[DataRequired(_l("请填写群众的意见。"))])
    display_name = StringField(_l("署名（选填，不填则显示为“匿名”）"), validators=[Optional(), Length(max=40)])
    district = SelectField(_l("所在区（选填）"), validators=[Optional()])
    role = SelectField(_l("身份"), choices=options(ROLE_LABELS.items()), default="citizen")
    visibility = RadioField(
        _l("是否公开"),
        default="public",
        choices=options([("public", _l("本人同意公开这条意见")), ("private", _l("仅供立法机关参考，不公开"))]),
    )
    received_on = DateField(_l("收到日期"), validators=[Optional()])
    submit = SubmitField(_l("录入意见"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.district.choices = options([("", _l("不填写"))] + [(d, d) for d in current_app.config["DISTRICTS"]])


class MatterForm(Form):
    """A matter a resident raised at the station, for one of its deputies."""

    body = TextAreaField(
        _l("群众反映的事项"), validators=[DataRequired(_l("请填写群众反映的事项。")), Length(max=5000)],
        description=_l("第一句话会作为代表建议的标题，请先用一句话概括。"),
    )  # fmt: skip
    received_on = DateField(_l("收到日期"), validators=[InputRequired(_l("请填写收到的日期。"))])
    deputy = SelectField(_l("交给哪位代表"), validators=[Optional()])
    submit = SubmitField(_l("录入事项"))
