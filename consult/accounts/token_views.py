"""An admin creates API tokens for programs (each with a role) and revokes them; the page lists every
token with its last use and the latest uses of all of them."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_login import current_user

from consult.accounts import tokens
from consult.accounts.access import roles_required
from consult.accounts.forms import NewTokenForm
from consult.accounts.labels import STAFF_ROLE_LABELS
from consult.accounts.token_models import ApiToken
from consult.extensions import db
from consult.forms import ActionForm, options
from consult.http import no_store

admin = roles_required("admin")


def _form() -> NewTokenForm:
    form = NewTokenForm()
    # The least a program needs comes first; admin (every role, contacts too) is offered last.
    form.role.choices = options(
        sorted(STAFF_ROLE_LABELS.items(), key=lambda pair: (pair[0] == "admin", pair[0] != "moderator"))
    )
    return form


@admin
@no_store
def index():
    form, created = _form(), None
    if form.validate_on_submit():
        token, plain = tokens.create_token(current_user, form.name.data, form.role.data)
        created = (token, plain)  # shown once: only its hash is kept
    return _render(form, created), 422 if form.errors else 200


@admin
def revoke(token_id: int):
    token = db.get_or_404(ApiToken, token_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    tokens.revoke_token(token)
    flash(_("令牌“%(name)s”已撤销，使用它的程序将收到 401。", name=token.name), "success")
    return redirect(url_for("accounts.api_tokens"))


def _render(form: NewTokenForm, created):
    return render_template(
        "accounts/api_tokens.html",
        form=form,
        created=created,
        tokens=tokens.all_tokens(),
        uses=tokens.recent_uses(),
        action=ActionForm(),
        role_labels=STAFF_ROLE_LABELS,
    )
