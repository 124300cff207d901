from flask_babel import lazy_gettext as _l
from flask_wtf.file import FileField, FileRequired
from wtforms import BooleanField, IntegerField, RadioField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from consult.forms import CheckboxesField, Form, options
from consult.suggestions.labels import CATEGORY_LABELS, RATING_LABELS


class SuggestionForm(Form):
    title = StringField(_l("标题"), validators=[DataRequired(_l("请填写标题。")), Length(max=200)])
    category = StringField(_l("类别（选填，如：城市建设、教育、医疗）"), validators=[Optional(), Length(max=40)])
    body = TextAreaField(_l("建议内容"), validators=[DataRequired(_l("请填写建议内容。")), Length(max=20000)])
    cosigners = CheckboxesField(_l("附议代表（选填；提交后由他们确认）"), validate_choice=False)
    submit = SubmitField(_l("保存草稿"))


class AttachmentForm(Form):
    file = FileField(_l("附件（PDF、Word、Excel、OFD、图片或文本）"), validators=[FileRequired(_l("请选择文件。"))])
    submit = SubmitField(_l("上传附件"))


class ProgressForm(Form):
    text = TextAreaField(_l("办理进度"), validators=[DataRequired(_l("请填写内容。")), Length(max=5000)])


class CoOpinionForm(Form):
    text = TextAreaField(_l("协办意见"), validators=[DataRequired(_l("请填写内容。")), Length(max=5000)])


class NoteForm(Form):
    note = TextAreaField(_l("理由"), validators=[DataRequired(_l("请写明理由。")), Length(max=2000)])
    submit = SubmitField(_l("退回修改"))


class MergeForm(Form):
    into = IntegerField(_l("并入建议的编号"), validators=[DataRequired(_l("请填写建议编号。"))])
    submit = SubmitField(_l("并案"))


class AssignForm(Form):
    lead = SelectField(_l("主办单位"), validators=[DataRequired(_l("请选择主办单位。"))])
    co_units = CheckboxesField(_l("协办单位（选填）"), validate_choice=False)
    complex_ = BooleanField(_l("情况复杂（六个月内答复）"))
    key = BooleanField(_l("列为重点督办"))
    supervisor = StringField(_l("督办领导或委员会（重点督办时填写）"), validators=[Optional(), Length(max=100)])
    submit = SubmitField(_l("交办"))


class AnswerForm(Form):
    category = RadioField(_l("答复类别"), choices=options(CATEGORY_LABELS.items()),
                          validators=[DataRequired(_l("请选择答复类别。"))])  # fmt: skip
    text = TextAreaField(_l("答复内容"), validators=[DataRequired(_l("请填写答复内容。")), Length(max=20000)])
    attachment = FileField(_l("答复函（选填，PDF、Word 或 OFD）"))
    not_public = BooleanField(_l("答复不公开（涉及国家秘密、商业秘密或个人隐私）"))
    submit = SubmitField(_l("提交答复"))


class RateForm(Form):
    rating = RadioField(_l("您对办理结果"), choices=options(RATING_LABELS.items()),
                        validators=[DataRequired(_l("请选择评判结果。"))])  # fmt: skip
    comment = TextAreaField(
        _l("意见（不满意时必填，将随建议退回承办单位重新办理）"), validators=[Optional(), Length(max=2000)]
    )
    submit = SubmitField(_l("提交评判"))
