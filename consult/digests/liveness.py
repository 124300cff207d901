"""Builds whose worker died: a running build stamps a heartbeat every few seconds; one whose
heartbeat is older than DIGEST_BUILD_TIMEOUT is marked failed (the last good digest stays) and a
new attempt is queued. Without this a killed worker left a build "running" for ever, which kept
the rebuild button disabled and made the periodic rebuild skip the consultation."""

from __future__ import annotations

import logging
import threading
from datetime import datetime, timedelta

import sqlalchemy as sa
from flask import current_app

from consult.db import rows_changed, utcnow
from consult.digests.models import DigestBuild
from consult.digests.queueing import queue_build
from consult.extensions import db

log = logging.getLogger(__name__)
LOST = "worker_lost"  # DigestBuild.error of a build whose worker stopped answering
NEVER_STARTED = "never_started"  # queued for longer than DIGEST_QUEUE_TIMEOUT
MAX_ATTEMPTS = 3  # a build that kills its worker every time is not retried for ever


class Heartbeat:
    """While a build runs, a thread stamps its heartbeat on a connection of its own."""

    def __init__(self, engine: sa.Engine, build_id: int, interval: float):
        self.engine, self.build_id, self.interval = engine, build_id, interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name=f"digest-heartbeat-{build_id}", daemon=True)

    def __enter__(self) -> Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        self._thread.join(timeout=30)

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.beat()

    def beat(self) -> None:
        try:
            with self.engine.begin() as connection:
                connection.execute(
                    sa.update(DigestBuild)
                    .where(DigestBuild.id == self.build_id, DigestBuild.state == "running")
                    .values(heartbeat_at=utcnow())
                )
        except sa.exc.OperationalError:  # SQLite is busy with the build's own final write: next beat
            log.warning("heartbeat of digest build %s not written this time", self.build_id)


def progress(build_id: int, percent: int, stage: str, **fields) -> None:
    """A running build's progress (a sign of life too). Its own short transaction, so the bar moves
    while the build's work is uncommitted; only while running: a build declared lost stays failed."""
    with db.engine.begin() as connection:
        connection.execute(
            sa.update(DigestBuild)
            .where(DigestBuild.id == build_id, DigestBuild.state == "running")
            .values(progress=percent, stage=stage, heartbeat_at=utcnow(), **fields)
        )


def _last_sign_of_life(build: DigestBuild) -> datetime:
    return build.heartbeat_at or build.started_at or build.created_at


def is_lost(build: DigestBuild | None, now: datetime | None = None) -> bool:
    """A running build that has not been heard of for longer than the timeout."""
    if build is None or build.state != "running":
        return False
    timeout = timedelta(seconds=current_app.config["DIGEST_BUILD_TIMEOUT"])
    return _last_sign_of_life(build) < (now or utcnow()) - timeout


def recover_lost_builds(consultation_id: int | None = None, now: datetime | None = None) -> list[DigestBuild]:
    """Mark lost builds failed and queue a new attempt for each; returns the new builds (flushed,
    to be committed and then handed to the queue by the caller)."""
    now = now or utcnow()
    retried: list[DigestBuild] = []
    for build in _silent_builds(consultation_id, now):
        reason = LOST if build.state == "running" else NEVER_STARTED
        # Conditional: a worker that was only slow and finished meanwhile keeps its result.
        marked = db.session.execute(
            sa.update(DigestBuild)
            .where(DigestBuild.id == build.id, DigestBuild.state == build.state)
            .values(state="failed", stage="failed", error=reason, finished_at=now)
            .execution_options(synchronize_session=False)
        )
        if rows_changed(marked) != 1:
            continue
        log.warning(
            "digest build %s of consultation %s lost (%s); attempt %s",
            build.id,
            build.consultation_id,
            reason,
            build.attempt,
        )
        if build.attempt < MAX_ATTEMPTS and build.consultation_id not in {r.consultation_id for r in retried}:
            retried.append(queue_build(build.consultation_id, build.requested_by_id, build.attempt + 1))
    db.session.flush()
    db.session.expire_all()
    return retried


def _silent_builds(consultation_id: int | None, now: datetime) -> list[DigestBuild]:
    """Running builds not heard of within the timeout; queued ones never picked up."""
    config = current_app.config
    silent_since = now - timedelta(seconds=config["DIGEST_BUILD_TIMEOUT"])
    last_sign = sa.func.coalesce(DigestBuild.heartbeat_at, DigestBuild.started_at, DigestBuild.created_at)
    query = sa.select(DigestBuild).where(
        sa.or_(
            sa.and_(DigestBuild.state == "running", last_sign < silent_since),
            sa.and_(
                DigestBuild.state == "queued",
                DigestBuild.created_at < now - timedelta(seconds=config["DIGEST_QUEUE_TIMEOUT"]),
            ),
        )
    )
    if consultation_id is not None:
        query = query.where(DigestBuild.consultation_id == consultation_id)
    return list(db.session.scalars(query.order_by(DigestBuild.id)))
