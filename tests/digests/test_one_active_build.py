"""One queued or running build per consultation, held by the database: whoever asks second — another web
node, the periodic rebuild on a worker, the recovery of a lost build — gets the build already there."""

import threading

import sqlalchemy as sa

from consult.digests import services
from consult.digests.models import DigestBuild
from consult.digests.queueing import queue_build
from consult.extensions import db

from factories import make_draft


def _active(consultation_id: int) -> list[int]:
    query = sa.select(DigestBuild.id).where(
        DigestBuild.consultation_id == consultation_id, DigestBuild.state.in_(("queued", "running"))
    )
    return list(db.session.scalars(query))


def test_asking_again_without_seeing_the_first_gets_the_first(app):
    consultation = make_draft(articles=2)
    first = queue_build(consultation.id)
    db.session.commit()
    second = queue_build(consultation.id)  # as a node that checked before the first was committed
    db.session.commit()
    assert second.id == first.id and _active(consultation.id) == [first.id]
    first.state = "done"
    db.session.commit()
    assert queue_build(consultation.id).id != first.id  # once it is done, a new one may be queued


def test_many_processes_asking_at_once_queue_one_build(app):
    consultation = make_draft(articles=2)
    db.session.commit()
    consultation_id, start, got, errors = consultation.id, threading.Barrier(6), [], []

    def ask() -> None:
        with app.app_context():
            try:
                found = db.session.get_one(type(consultation), consultation_id)
                start.wait(timeout=10)
                got.append(services.request_build(found).id)
                db.session.commit()
            except Exception as error:  # reported below: a thread's exception is otherwise lost
                errors.append(error)
            finally:
                db.session.remove()

    threads = [threading.Thread(target=ask) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == [] and len(got) == 6
    db.session.expire_all()
    assert len(set(got)) == 1 and _active(consultation_id) == [got[0]]
