from flask_babel import lazy_gettext as _l
from wtforms import EmailField, PasswordField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Email, Length

from consult.forms import Form


class LoginForm(Form):
    email = EmailField(
        _l("电子邮箱"),
        validators=[DataRequired(_l("请填写电子邮箱")), Email(_l("电子邮箱格式不正确")), Length(max=254)],
    )
    password = PasswordField(_l("密码"), validators=[DataRequired(_l("请填写密码")), Length(max=200)])
    submit = SubmitField(_l("登录"))


class NewTokenForm(Form):
    name = StringField(
        _l("用途"),
        validators=[DataRequired(_l("请说明这个令牌的用途")), Length(max=80)],
        description=_l("例如“法工委数据看板”。列表中以此区分各个令牌。"),
    )
    role = SelectField(_l("角色"), description=_l("令牌能做的事与这一角色的工作人员相同。"))
    submit = SubmitField(_l("创建令牌"))
