"""Digest work in the background: building a digest, rebuilding stale ones, retrying lost ones,
suggesting stances.
Each task is one unit of work and commits once; `enqueue` hands a committed build to the queue."""

from __future__ import annotations

from flask import current_app
from huey import crontab

from consult.digests import services, stances
from consult.digests.build import run_build
from consult.digests.liveness import recover_lost_builds
from consult.digests.models import DigestBuild
from consult.extensions import db
from consult.jobs import huey, in_app_context


@huey.task()
@in_app_context
def build_digest_job(build_id: int) -> None:
    run_build(build_id)
    _after_build(build_id)


def _after_build(build_id: int) -> None:
    """A finished build is followed by fresh stance suggestions (a job of their own, so the digest
    is readable as soon as its themes are)."""
    build = db.session.get(DigestBuild, build_id)
    if build is not None and build.state == "done":
        enqueue_stances(build.consultation_id)


@huey.task()
@in_app_context
def refresh_stances_job(consultation_id: int, article_key: str | None = None) -> int:
    labelled = stances.refresh(consultation_id, article_key)
    db.session.commit()
    return labelled


def enqueue_stances(consultation_id: int, article_key: str | None = None) -> None:
    """Suggest stances again for a consultation, or one article after a tag ("general" for the
    comments on the whole draft). Inline when JOBS_INLINE; a queue that is down only delays them."""
    if current_app.config.get("JOBS_INLINE"):
        refresh_stances_job.call_local(consultation_id, article_key)
        return
    try:
        refresh_stances_job(consultation_id, article_key)
    except Exception:
        current_app.logger.exception("could not enqueue a stance refresh for consultation %s", consultation_id)


@huey.periodic_task(crontab(minute="*/5"))
@in_app_context
def rebuild_stale_digests() -> list[int]:
    """Digests rebuild by themselves once enough new comments have arrived."""
    requested = services.request_stale_builds()
    db.session.commit()
    for build in requested:
        enqueue(build)
    return [b.id for b in requested]


@huey.periodic_task(crontab(minute="*"))
@in_app_context
def recover_lost_digest_builds() -> list[int]:
    """A build whose worker was killed is marked failed and queued again within a minute or two."""
    retried = recover_lost_builds()
    db.session.commit()
    for build in retried:
        enqueue(build)
    return [b.id for b in retried]


def enqueue(build: DigestBuild) -> None:
    """Hand a committed build to the worker (or run it here when JOBS_INLINE, as tests do)."""
    if current_app.config.get("JOBS_INLINE"):
        run_build(build.id)
        _after_build(build.id)
        return
    try:
        build_digest_job(build.id)
    except Exception as error:  # the queue is down: say so on the build instead of failing the page
        current_app.logger.exception("could not enqueue digest build %s", build.id)
        build.state, build.error = "failed", f"queue unavailable: {type(error).__name__}"
        db.session.commit()
