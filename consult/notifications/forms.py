from flask_babel import lazy_gettext as _l
from wtforms import EmailField, SubmitField
from wtforms.validators import DataRequired, Email, Length

from consult.forms import Form


class FollowForm(Form):
    email = EmailField(
        _l("电子邮箱"),
        validators=[DataRequired(_l("请填写电子邮箱")), Email(_l("电子邮箱格式不正确")), Length(max=254)],
        description=_l("我们会先发一封确认邮件；确认后才会发送通知，随时可以退订。邮箱不会公开。"),
    )
    submit = SubmitField(_l("关注本草案"))
