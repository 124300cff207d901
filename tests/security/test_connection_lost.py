"""A database connection killed during a request (pg_terminate_backend, a failover): the resident
gets a 503 that says nothing was saved, nothing is half-written, and the retry stores one comment."""

import sqlalchemy as sa

from consult.comments import services
from consult.comments.models import Comment
from consult.extensions import db

from factories import comment_form, make_draft


def _kill_own_connection(real):
    """On PostgreSQL the request's own backend is terminated, and the service's next statement
    meets the dead connection; SQLite has no server to lose, so the same error is raised."""

    def submit(*args, **kwargs):
        if db.engine.dialect.name != "postgresql":
            raise sa.exc.OperationalError(
                "SELECT", {}, Exception("server closed the connection unexpectedly"), connection_invalidated=True
            )
        pid = db.session.scalar(sa.text("SELECT pg_backend_pid()"))
        with db.engine.connect() as other:
            other.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        return real(*args, **kwargs)

    return submit


def test_a_lost_connection_is_a_503_and_the_retry_stores_one_comment(app, client, monkeypatch):
    make_draft(articles=3)
    url, form = "/drafts/test-draft/articles/1/comments", comment_form(token="lost-connection")
    real = services.submit_comment
    monkeypatch.setattr(services, "submit_comment", _kill_own_connection(real))
    failed = client.post(url, data=form)
    assert failed.status_code == 503
    assert "这次提交没有保存" in failed.text and failed.headers["Retry-After"] == "2"
    db.session.rollback()
    assert db.session.scalar(sa.select(sa.func.count(Comment.id))) == 0
    monkeypatch.setattr(services, "submit_comment", real)
    retried, again = client.post(url, data=form), client.post(url, data=form)
    assert retried.status_code == again.status_code == 303
    assert retried.headers["Location"] == again.headers["Location"]
    assert db.session.scalar(sa.select(sa.func.count(Comment.id))) == 1


def test_a_connection_killed_after_the_work_is_done_keeps_the_answer(app, client):
    import pytest

    from consult.accounts.access import public

    if db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no server connection to lose")

    @public
    def finished_then_killed():
        pid = db.session.scalar(sa.text("SELECT pg_backend_pid()"))  # the session's transaction is open
        with db.engine.connect() as other:
            other.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
        return "done"

    app.add_url_rule("/finished-then-killed", "finished_then_killed", finished_then_killed)
    response = client.get("/finished-then-killed")
    assert (response.status_code, response.text) == (200, "done")
    app.do_teardown_appcontext()  # what popping the request's app context runs (the test keeps one open)
    assert db.session.scalar(sa.text("SELECT 1")) == 1  # the next request gets a live connection
