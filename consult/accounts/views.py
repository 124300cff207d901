from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from consult.accounts import services
from consult.accounts.access import public, signed_in
from consult.accounts.forms import LoginForm
from consult.extensions import limiter
from consult.http import safe_next


def _login_limit() -> str:
    return current_app.config["LOGIN_RATE_LIMIT"]


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
            return redirect(safe_next(request.args.get("next"), _home_of(user)))
    return render_template("accounts/login.html", form=form), 422 if form.errors else 200


@signed_in
def logout():
    current_user.rotate_session_token()  # any copy of the old cookie dies too
    logout_user()
    session.clear()
    flash(_("您已退出登录。"), "info")
    return redirect(url_for("site.home"))


def _home_of(user) -> str:
    """Where an account lands after signing in: deputies and units have their suggestions, a station
    account its station's records, staff the dashboard."""
    if user.role == "station":
        return url_for("stations.home")
    return url_for("suggestions.index") if user.role in ("deputy", "unit") else url_for("drafts_admin.dashboard")
