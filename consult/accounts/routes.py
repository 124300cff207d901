"""Every URL of accounts, in one place; the views live in views.py."""

from flask import Blueprint

from consult.accounts import token_views, views

accounts = Blueprint("accounts", __name__, url_prefix="/staff")

accounts.add_url_rule("/login", view_func=views.login, methods=["GET", "POST"])
accounts.add_url_rule("/logout", view_func=views.logout, methods=["POST"])
accounts.add_url_rule("/api-tokens", "api_tokens", view_func=token_views.index, methods=["GET", "POST"])
accounts.add_url_rule(
    "/api-tokens/<int:token_id>/revoke", "revoke_token", view_func=token_views.revoke, methods=["POST"]
)
