"""Residents' contact details, encrypted at rest with Fernet (AES-128-CBC + HMAC).

Several keys may be configured, newest first: new data uses the first, old data stays readable
until re-encrypted — so the key can be rotated without downtime.
"""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken, MultiFernet


class ContactCipher:
    def __init__(self, keys: tuple[str, ...]):
        if not keys:
            raise ValueError("at least one contact key is needed")
        self._fernet = MultiFernet([Fernet(key.encode("ascii")) for key in keys])

    def encrypt(self, contact: str) -> bytes:
        return self._fernet.encrypt(contact.encode("utf-8"))

    def decrypt(self, token: bytes) -> str | None:
        """The contact, or None when no configured key opens it (a lost or rotated-out key)."""
        try:
            return self._fernet.decrypt(token).decode("utf-8")
        except InvalidToken:
            return None


def mask_contact(contact: str) -> str:
    """A hint that a contact exists without showing it: 139****5678, w***@example.org."""
    if "@" in contact:
        local, _, domain = contact.partition("@")
        return f"{local[:1]}***@{domain}"
    digits = contact.strip()
    return f"{digits[:3]}****{digits[-4:]}" if len(digits) >= 8 else "****"


def contact_cipher() -> ContactCipher:
    """The app's cipher for residents' contact details (keys from CONSULT_CONTACT_KEY)."""
    from flask import current_app

    return current_app.extensions["consult_contact_cipher"]
