"""One access mechanism for every route: each view declares who may call it, and anything
undeclared is refused. `enforce_access` runs before every request."""

from __future__ import annotations

from flask import abort, current_app, g, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from consult.accounts.models import ROLES, STAFF_ROLES
from consult.accounts.tokens import token_for
from consult.http import json_error

PUBLIC = "public"
_ATTR = "_consult_access"
# Flask's own endpoints that serve no data of ours.
_BUILTIN_PUBLIC = {"static"}


def public(view):
    """Anyone, signed in or not, may call this view."""
    setattr(view, _ATTR, PUBLIC)
    return view


def _known(roles: tuple[str, ...]) -> frozenset[str]:
    """The roles, and admin (who may do everything); a misspelt role is a programming error."""
    unknown = set(roles) - set(ROLES)
    if unknown or not roles:
        raise ValueError(f"unknown roles: {sorted(unknown)}")
    return frozenset(roles) | {"admin"}


def roles_required(*roles: str):
    """Only signed-in staff with one of these roles (admin always) may call this view."""
    allowed = _known(roles)

    def decorate(view):
        setattr(view, _ATTR, allowed)
        return view

    return decorate


staff_required = roles_required(*STAFF_ROLES)
signed_in = roles_required(*ROLES)  # anyone with an account: staff, deputies, units


class TokenAccess(frozenset):
    """The roles whose API tokens may call a view (a program, not a signed-in person)."""


def token_required(*roles: str):
    """Only a request bearing a live API token of one of these roles (admin always) may call this
    view; each use is recorded."""
    allowed = TokenAccess(_known(roles))

    def decorate(view):
        setattr(view, _ATTR, allowed)
        return view

    return decorate


def _check_token(access: TokenAccess):
    token = token_for(request.headers.get("Authorization"))
    if token is None:
        response = json_error(401, "unauthorized", _("需要有效的 API 令牌（Authorization: Bearer …）。"))
        response.headers["WWW-Authenticate"] = 'Bearer realm="consult"'
        return response
    g.api_token = token
    if token.role not in access:
        return json_error(403, "forbidden", _("这个 API 令牌的角色不能调用这个接口。"))
    return None


def may_see_contacts(user) -> bool:
    """Residents' contact details are shown only to the roles in CONTACT_ROLES."""
    return bool(getattr(user, "is_authenticated", False)) and user.role in current_app.config["CONTACT_ROLES"]


def access_of(endpoint: str):
    """The declared access of an endpoint: PUBLIC, a frozenset of roles, or None (undeclared)."""
    if endpoint in _BUILTIN_PUBLIC:
        return PUBLIC
    view = current_app.view_functions.get(endpoint)
    return getattr(view, _ATTR, None)


def enforce_access():
    endpoint = request.endpoint
    if endpoint is None:  # no route matched: let Flask answer 404/405
        return None
    access = access_of(endpoint)
    if access == PUBLIC:
        return None
    if isinstance(access, TokenAccess):
        return _check_token(access)
    if access is None:
        current_app.logger.error("route %s declares no access policy; refused", endpoint)
        abort(403)
    if not current_user.is_authenticated:
        return redirect(url_for("accounts.login", next=request.full_path.rstrip("?")))
    if current_user.role not in access:
        abort(403)
    return None
