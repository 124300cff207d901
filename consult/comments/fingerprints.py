"""Filling in residents' fingerprints (Comment.resident_key) for comments stored before them, or
after the contact key was rotated. Flushes; the caller commits."""

from __future__ import annotations

import sqlalchemy as sa

from consult.comments.models import Comment
from consult.comments.privacy import ContactCipher
from consult.extensions import db

BATCH = 1000


def refresh_fingerprints(cipher: ContactCipher) -> tuple[int, int]:
    """(comments fingerprinted, contacts no configured key opens: left as they were)."""
    done = unreadable = 0
    last = 0
    while True:
        batch = db.session.scalars(
            sa.select(Comment)
            .where(Comment.contact_encrypted.is_not(None), Comment.id > last)
            .order_by(Comment.id)
            .limit(BATCH)
        ).all()
        if not batch:
            return done, unreadable
        for comment in batch:
            contact = cipher.decrypt(comment.contact_encrypted or b"")
            if contact is None:
                unreadable += 1
            else:
                comment.resident_key, done = cipher.fingerprint(contact), done + 1
        last = batch[-1].id
        db.session.flush()
