from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField
from wtforms import DateTimeLocalField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional, Regexp

from consult.forms import Form

SLUG_HELP = _l("网址中使用的简称：小写字母、数字和连字符，例如 park-regulation")


class ImportForm(Form):
    source = FileField(_l("草案文件（.docx、.doc、.wps、.odt、.pdf 或 .txt）"))
    pasted = TextAreaField(_l("或粘贴草案全文"), validators=[Optional(), Length(max=2_000_000)])
    submit = SubmitField(_l("解析并预览"))


class DraftDetailsForm(Form):
    title = StringField(_l("标题"), validators=[DataRequired(_l("请填写标题")), Length(max=200)])
    slug = StringField(
        _l("网址简称"),
        description=SLUG_HELP,
        validators=[
            DataRequired(_l("请填写网址简称")),
            Length(max=80),
            Regexp(r"^[a-z0-9]+(?:-[a-z0-9]+)*$", message=_l("只能使用小写字母、数字和连字符")),
        ],
    )
    memo = TextAreaField(_l("起草说明"), validators=[Optional(), Length(max=100_000)])


class SaveDraftForm(DraftDetailsForm):
    label = StringField(_l("文本版本"), default="草案", validators=[DataRequired(), Length(max=40)])
    submit = SubmitField(_l("保存草案"))


class SaveVersionForm(DraftDetailsForm):
    """The new round: its title and address; each article's match is a select of its own (match-N)."""

    label = StringField(_l("文本版本"), default="草案修改稿", validators=[DataRequired(), Length(max=40)])
    submit = SubmitField(_l("保存新版本"))


class ConsultationForm(DraftDetailsForm):
    submit = SubmitField(_l("保存修改"))


class ScheduleForm(Form):
    opens_at = DateTimeLocalField(
        _l("开始时间"), format="%Y-%m-%dT%H:%M", validators=[DataRequired(_l("请填写开始时间"))]
    )
    closes_at = DateTimeLocalField(
        _l("截止时间"), format="%Y-%m-%dT%H:%M", validators=[DataRequired(_l("请填写截止时间"))]
    )
    submit = SubmitField(_l("发布并设定征求意见期"))
