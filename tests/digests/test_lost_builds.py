"""A build whose worker died is noticed by its stale heartbeat, marked failed (the last good
digest stays) and tried again; a build declared lost never writes a digest afterwards."""

import time
from datetime import timedelta

import sqlalchemy as sa

from consult.db import utcnow
from consult.digests import build as build_module
from consult.digests import services, tasks
from consult.digests.build import run_build
from consult.digests.liveness import MAX_ATTEMPTS, Heartbeat
from consult.digests.models import DigestBuild, Theme
from consult.extensions import db

from factories import add_comment, make_draft

TEXTS = [
    "夜间广场舞音量太大，建议限制到五十分贝",
    "建议划定专门的活动区域，远离居民楼",
    "音响只能用到晚上八点半",
    "遛狗必须牵绳，狗绳不超过一米五",
    "宠物入园应当牵绳并及时清理粪便",
]


def _digest():
    consultation = make_draft(articles=3)
    for text in TEXTS:
        add_comment(consultation, 1, body=text)
    first = services.request_build(consultation)
    db.session.commit()
    run_build(first.id)
    return consultation


def _stuck_build(consultation, minutes_silent=10, attempt=1) -> DigestBuild:
    """What a kill -9 of the worker at 30 % leaves behind."""
    then = utcnow() - timedelta(minutes=minutes_silent)
    stuck = DigestBuild(
        consultation_id=consultation.id,
        state="running",
        progress=30,
        stage="grouping",
        started_at=then,
        heartbeat_at=then,
        attempt=attempt,
    )
    db.session.add(stuck)
    db.session.commit()
    return stuck


def _themes(consultation) -> set[tuple[int, str]]:
    return {
        (t.id, t.label)
        for t in db.session.scalars(sa.select(Theme).filter_by(consultation_id=consultation.id, retired=False))
    }


def test_a_silent_build_is_marked_failed_and_tried_again(app):
    consultation = _digest()
    stuck = _stuck_build(consultation)
    assert services.active_build(consultation.id).id == stuck.id
    retried = tasks.recover_lost_digest_builds.call_local()
    db.session.expire_all()
    lost = db.session.get(DigestBuild, stuck.id)
    assert (lost.state, lost.error) == ("failed", "worker_lost")
    again = db.session.get(DigestBuild, retried[0])
    assert again.attempt == 2 and again.state == "done"  # JOBS_INLINE ran it
    assert services.active_build(consultation.id) is None


def test_a_build_that_is_only_slow_is_left_alone(app):
    consultation = _digest()
    busy = _stuck_build(consultation, minutes_silent=0)
    assert tasks.recover_lost_digest_builds.call_local() == []
    assert db.session.get(DigestBuild, busy.id).state == "running"


def test_retries_stop_after_the_last_attempt(app):
    consultation = _digest()
    _stuck_build(consultation, attempt=MAX_ATTEMPTS)
    assert tasks.recover_lost_digest_builds.call_local() == []
    assert services.active_build(consultation.id) is None


def test_a_new_build_is_not_blocked_by_a_lost_one(app, client, login):
    consultation = _digest()
    stuck = _stuck_build(consultation)
    login("drafter")
    page = client.get(f"/staff/digests/{consultation.id}").text
    assert "生成进程已经很久没有响应" in page
    assert 'class="button button-primary" >' in page  # the rebuild button is not disabled
    client.post(f"/staff/digests/{consultation.id}/build")
    db.session.expire_all()
    assert db.session.get(DigestBuild, stuck.id).state == "failed"
    assert services.latest_build(consultation.id).id > stuck.id  # the new build ran and is the digest now


def test_the_page_says_a_lost_build_is_being_retried(app, client, login):
    from consult.digests.liveness import recover_lost_builds

    consultation = _digest()
    _stuck_build(consultation)
    recover_lost_builds()  # the retry is queued, not yet run
    db.session.commit()
    login("drafter")
    page = client.get(f"/staff/digests/{consultation.id}").text
    assert "处理进程停止了响应" in page and "正在生成新的意见摘要" in page


def test_periodic_rebuild_does_not_skip_a_consultation_with_a_lost_build(app):
    app.config["DIGEST_REBUILD_AFTER"] = 1
    consultation = _digest()
    add_comment(consultation, 2, body="新来的意见，关于第二条")
    stuck = _stuck_build(consultation)
    queued = tasks.rebuild_stale_digests.call_local()
    db.session.expire_all()
    assert queued and stuck.id not in queued
    assert db.session.get(DigestBuild, queued[0]).state == "done"


def test_a_build_declared_lost_midway_writes_nothing(app, monkeypatch):
    consultation = _digest()
    before = _themes(consultation)
    add_comment(consultation, 2, body="这条新意见会让新的摘要不同")
    build = services.request_build(consultation)
    db.session.commit()
    real = build_module._references

    def declared_lost_meanwhile(*args):
        with db.engine.begin() as connection:  # as the recovery on another node would
            connection.execute(
                sa.update(DigestBuild).where(DigestBuild.id == build.id).values(state="failed", error="worker_lost")
            )
        return real(*args)

    monkeypatch.setattr(build_module, "_references", declared_lost_meanwhile)
    run_build(build.id)
    db.session.expire_all()
    assert db.session.get(DigestBuild, build.id).state == "failed"
    assert _themes(consultation) == before


def test_a_build_runs_once_however_often_its_task_arrives(app, monkeypatch):
    consultation = _digest()
    add_comment(consultation, 2, body="再来一条意见")
    build = services.request_build(consultation)
    db.session.commit()
    calls = []
    real = build_module._build
    monkeypatch.setattr(build_module, "_build", lambda *a: calls.append(a) or real(*a))
    run_build(build.id)
    run_build(build.id)
    assert len(calls) == 1


def test_the_heartbeat_beats_while_the_build_runs(app, monkeypatch):
    app.config["DIGEST_HEARTBEAT_SECONDS"] = 0.05
    consultation = _digest()
    add_comment(consultation, 2, body="一条要慢慢处理的意见")
    build = services.request_build(consultation)
    db.session.commit()
    beats = []
    real_beat = Heartbeat.beat
    monkeypatch.setattr(Heartbeat, "beat", lambda self: beats.append(time.monotonic()) or real_beat(self))
    real = build_module._references
    monkeypatch.setattr(build_module, "_references", lambda *a: time.sleep(0.5) or real(*a))
    run_build(build.id)
    assert len(beats) >= 3
    assert db.session.get(DigestBuild, build.id).state == "done"
