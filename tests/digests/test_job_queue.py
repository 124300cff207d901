"""A digest build really goes through huey: enqueued by the web process, run by a separate
huey_consumer process (SQLite storage by default, Redis when CONSULT_TEST_REDIS_URL is set)."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from consult import jobs
from consult.digests import services, tasks
from consult.digests.models import DigestBuild, Theme
from consult.extensions import db

from factories import add_comment, make_draft

CONSUMER = Path(sys.executable).with_name("huey_consumer")
STORAGES = ["sqlite"] + (["redis"] if os.environ.get("CONSULT_TEST_REDIS_URL") else [])


@pytest.fixture
def app_config():
    return {"JOBS_INLINE": False}


@pytest.mark.parametrize("storage", STORAGES)
def test_build_runs_in_a_separate_worker(app, database_url, tmp_path, monkeypatch, storage):
    env = {**os.environ, "CONSULT_DATABASE_URL": database_url, "CONSULT_SECRET_KEY": "worker-test"}
    if storage == "redis":
        from huey.storage import RedisStorage

        env["CONSULT_REDIS_URL"] = os.environ["CONSULT_TEST_REDIS_URL"]
        queue = RedisStorage(name="consult-test", url=env["CONSULT_REDIS_URL"])
        env["CONSULT_HUEY_NAME"] = "consult-test"
    else:
        from huey.storage import SqliteStorage

        env.pop("CONSULT_REDIS_URL", None)
        env["CONSULT_HUEY_FILE"] = str(tmp_path / "jobs.sqlite3")
        queue = SqliteStorage(name="consult", filename=env["CONSULT_HUEY_FILE"])
    monkeypatch.setattr(jobs.huey, "storage", queue)
    queue.flush_queue()
    consultation = make_draft(articles=3)
    for n in range(4):
        add_comment(consultation, 1, body=f"建议公园增加夜间照明设施，第{n}条意见")
    build = services.request_build(consultation)
    db.session.commit()
    tasks.enqueue(build)
    assert db.session.get(DigestBuild, build.id).state == "queued"  # nothing ran in this process
    worker = subprocess.Popen(
        [str(CONSUMER), "consult.worker.huey", "-w", "1", "-k", "thread"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        state = _wait_for(build.id)
        # Started with the consumer (this build was too small to need it): big builds never wait for it.
        servers = [cmd for cmd in _children(worker.pid) if "multiprocessing.forkserver" in cmd]
    finally:
        worker.terminate()
        output = worker.communicate(timeout=20)[0].decode(errors="replace")
    assert state == "done", output
    assert db.session.scalar(db.select(db.func.sum(Theme.size))) == 4
    assert len(servers) == 1, output


def _children(pid: int) -> list[str]:
    """The command lines of a process's children (Linux)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parent = int(stat.read_text().rsplit(")", 1)[1].split()[1])
            if parent == pid:
                found.append(stat.with_name("cmdline").read_bytes().replace(b"\0", b" ").decode())
        except (OSError, IndexError, ValueError):
            continue  # gone meanwhile
    return found


def _wait_for(build_id: int, seconds: float = 90) -> str:
    deadline = time.monotonic() + seconds
    state = "queued"
    while time.monotonic() < deadline:
        db.session.rollback()
        state = db.session.get(DigestBuild, build_id).state
        if state in ("done", "failed"):
            break
        time.sleep(0.5)
    return state
