"""Asking for a build: the database holds at most one queued or running build per consultation (a
partial unique index), so two web nodes, or a node and the periodic rebuild on a worker, asking at the
same moment get the same build and it runs once."""

from __future__ import annotations

import sqlalchemy as sa

from consult.digests.models import DigestBuild
from consult.extensions import db


def active_build(consultation_id: int) -> DigestBuild | None:
    query = (
        sa.select(DigestBuild)
        .where(DigestBuild.consultation_id == consultation_id, DigestBuild.state.in_(("queued", "running")))
        .order_by(DigestBuild.id.desc())
    )
    return db.session.scalars(query).first()


def queue_build(consultation_id: int, requested_by_id: int | None = None, attempt: int = 1) -> DigestBuild:
    """A new queued build, or the one another process queued or started first."""
    build = DigestBuild(consultation_id=consultation_id, requested_by_id=requested_by_id, attempt=attempt)
    try:
        with db.session.begin_nested():
            db.session.add(build)
    except sa.exc.IntegrityError:
        existing = active_build(consultation_id)
        if existing is None:  # not the one-active rule: a real error
            raise
        return existing
    return build
