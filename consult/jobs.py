"""The job queue, and only the queue: a huey instance set up from the same settings as the app
(Redis when CONSULT_REDIS_URL is set, so workers may run on other machines; else a SQLite file in
the instance folder), and the app context its tasks run in. Tasks live with their domain
(`consult/<domain>/tasks.py`); `consult.worker` imports them all for the consumer:

    huey_consumer consult.worker.huey
"""

from __future__ import annotations

from functools import lru_cache, wraps
from pathlib import Path

from huey import Huey, RedisHuey, SqliteHuey

from consult.config import queue_settings


def make_huey(settings: dict) -> Huey:
    if settings["REDIS_URL"]:
        return RedisHuey(settings["HUEY_NAME"], url=settings["REDIS_URL"], results=False)
    path = Path(settings["HUEY_FILE"])
    path.parent.mkdir(parents=True, exist_ok=True)  # huey's SQLite storage opens its file at once
    return SqliteHuey(settings["HUEY_NAME"], results=False, filename=str(path))


huey = make_huey(queue_settings())


@lru_cache(maxsize=1)
def worker_app():
    """The Flask app of this worker process, built once."""
    from consult import create_app

    return create_app()


def in_app_context(task):
    """Run a task inside the worker's app context (a web process calling it inline has its own)."""

    @wraps(task)
    def run(*args, **kwargs):
        from flask import has_app_context

        if has_app_context():
            return task(*args, **kwargs)
        with worker_app().app_context():
            return task(*args, **kwargs)

    return run
