from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from consult.accounts import services
from consult.accounts.access import public, staff_required
from consult.accounts.forms import LoginForm
from consult.extensions import db, limiter
from consult.http import safe_next

bp = Blueprint("accounts", __name__, url_prefix="/staff")


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


@bp.route("/login", methods=["GET", "POST"])
@public
@limiter.limit(_login_limit, methods=["POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        user = services.authenticate(form.email.data, form.password.data)
        if user is None:
            form.password.errors.append(_("电子邮箱或密码不正确"))
        else:
            session.clear()  # a fresh session on login: nothing from before carries over
            login_user(user)
            db.session.commit()
            return redirect(safe_next(request.args.get("next"), url_for("staff.dashboard")))
    return render_template("accounts/login.html", form=form), 422 if form.errors else 200


@bp.route("/logout", methods=["POST"])
@staff_required
def logout():
    current_user.rotate_session_token()  # any copy of the old cookie dies too
    db.session.commit()
    logout_user()
    session.clear()
    flash(_("您已退出登录。"), "info")
    return redirect(url_for("main.home"))
