"""Links in messages: absolute (PUBLIC_URL, since a job has no request to take a host from) and, for
a subscription's own pages, carrying the subscription signed with the app's secret key."""

from __future__ import annotations

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer

PURPOSES = ("confirm", "unsubscribe")


def absolute(endpoint: str, **values) -> str:
    path = current_app.url_map.bind("localhost").build(endpoint, values)
    return current_app.config["PUBLIC_URL"].rstrip("/") + path


def _signer(purpose: str) -> URLSafeSerializer:
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt=f"subscription-{purpose}")


def token_for(subscription_id: int, purpose: str) -> str:
    return _signer(purpose).dumps(subscription_id)


def subscription_id_of(token: str, purpose: str) -> int | None:
    """The subscription a link names, or None for a link not made here (or for another purpose)."""
    if len(token) > 200:
        return None
    try:
        value = _signer(purpose).loads(token)
    except BadSignature:
        return None
    return value if isinstance(value, int) else None


def subscription_link(subscription_id: int, purpose: str) -> str:
    return absolute(f"notifications.{purpose}", token=token_for(subscription_id, purpose))
