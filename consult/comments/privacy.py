"""Residents' contact details, encrypted at rest with Fernet (AES-128-CBC + HMAC).

Several keys may be configured, newest first: new data uses the first, old data stays readable
until re-encrypted — so the key can be rotated without downtime.
"""

from __future__ import annotations

import hashlib
import hmac
import re

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

_PHONE_NOISE = re.compile(r"[\s\-()（）+]")


def canonical_contact(contact: str) -> str:
    """One spelling per contact: "+86 139-1234-5678" and "13912345678" are the same person."""
    text = contact.strip().casefold()
    if "@" in text:
        return text
    digits = _PHONE_NOISE.sub("", text)
    return digits[2:] if len(digits) == 13 and digits.startswith("86") else digits


class ContactCipher:
    def __init__(self, keys: tuple[str, ...]):
        if not keys:
            raise ValueError("at least one contact key is needed")
        self._fernet = MultiFernet([Fernet(key.encode("ascii")) for key in keys])
        # Its own key, derived from the newest contact key: after a rotation, `flask comments
        # fingerprint` recomputes the stored fingerprints.
        self._fingerprint_key = hmac.new(keys[0].encode("ascii"), b"resident fingerprint", hashlib.sha256).digest()

    def fingerprint(self, contact: str) -> str:
        """A keyed hash of the contact: a resident's comments share it, so themes can count people
        rather than submissions; without the key it says nothing about the contact."""
        canonical = canonical_contact(contact).encode("utf-8")
        return hmac.new(self._fingerprint_key, canonical, hashlib.sha256).hexdigest()[:24]

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
