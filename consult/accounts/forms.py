from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, SubmitField
from wtforms.validators import DataRequired, Email, Length


class LoginForm(FlaskForm):
    email = EmailField(
        _l("电子邮箱"),
        validators=[DataRequired(_l("请填写电子邮箱")), Email(_l("电子邮箱格式不正确")), Length(max=254)],
    )
    password = PasswordField(_l("密码"), validators=[DataRequired(_l("请填写密码")), Length(max=200)])
    submit = SubmitField(_l("登录"))
