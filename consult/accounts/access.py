"""One access mechanism for every route: each view declares who may call it, and anything
undeclared is refused. `enforce_access` runs before every request."""

from __future__ import annotations

from flask import abort, current_app, redirect, request, url_for
from flask_login import current_user

from consult.accounts.models import ROLES

PUBLIC = "public"
_ATTR = "_consult_access"
# Flask's own endpoints that serve no data of ours.
_BUILTIN_PUBLIC = {"static"}


def public(view):
    """Anyone, signed in or not, may call this view."""
    setattr(view, _ATTR, PUBLIC)
    return view


def roles_required(*roles: str):
    """Only signed-in staff with one of these roles (admin always) may call this view."""
    unknown = set(roles) - set(ROLES)
    if unknown or not roles:
        raise ValueError(f"unknown roles: {sorted(unknown)}")

    def decorate(view):
        setattr(view, _ATTR, frozenset(roles) | {"admin"})
        return view

    return decorate


staff_required = roles_required(*ROLES)


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
    if access is None:
        current_app.logger.error("route %s declares no access policy; refused", endpoint)
        abort(403)
    if not current_user.is_authenticated:
        return redirect(url_for("accounts.login", next=request.full_path.rstrip("?")))
    if current_user.role not in access:
        abort(403)
    return None
