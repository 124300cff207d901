"""The job queue (huey): SQLite storage under instance/ by default, Redis when CONSULT_REDIS_URL is
set so that workers can run on other machines. Start a worker with

    huey_consumer consult.jobs.huey

Tasks build the Flask app once per worker process and run inside its app context.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from huey import RedisHuey, SqliteHuey, crontab

INSTANCE = Path(__file__).resolve().parent.parent / "instance"


def _make_huey():
    name = os.environ.get("CONSULT_HUEY_NAME", "consult")
    redis_url = os.environ.get("CONSULT_REDIS_URL")
    if redis_url:
        return RedisHuey(name, url=redis_url, results=False)
    INSTANCE.mkdir(parents=True, exist_ok=True)
    return SqliteHuey(name, results=False, filename=str(os.environ.get("CONSULT_HUEY_FILE", INSTANCE / "jobs.sqlite3")))


huey = _make_huey()


@lru_cache(maxsize=1)
def _app():
    from consult import create_app

    return create_app()


@huey.task()
def build_digest_job(build_id: int) -> None:
    from consult.digests.build import run_build

    with _app().app_context():
        run_build(build_id)


@huey.periodic_task(crontab(minute="*/5"))
def rebuild_stale_digests() -> None:
    """Digests rebuild by themselves once enough new comments have arrived."""
    from consult.digests.services import queue_stale_builds

    with _app().app_context():
        queue_stale_builds()


@huey.periodic_task(crontab(minute="*"))
def recover_lost_digest_builds() -> None:
    """A build whose worker was killed is marked failed and queued again within a minute or two."""
    from consult.digests.services import recover_and_requeue

    with _app().app_context():
        recover_and_requeue()
