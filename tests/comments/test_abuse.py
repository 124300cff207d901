"""CSRF on every form, and per-IP rate limits (shared through Redis when configured)."""

import os

import pytest

from consult.comments.models import Comment
from consult.extensions import db

from factories import comment_form, make_draft
from testapp import make_app

URL = "/drafts/test-draft/articles/1/comments"


@pytest.fixture
def app_config():
    return {"WTF_CSRF_ENABLED": True, "RATELIMIT_ENABLED": True, "COMMENT_RATE_LIMIT": "3 per minute"}


def _token(client, path="/drafts/test-draft/articles/1") -> str:
    import re

    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', client.get(path).text).group(1)


def test_missing_or_forged_csrf_token_is_refused(client):
    make_draft(articles=3)
    assert client.post(URL, data=comment_form()).status_code == 400
    assert client.post(URL, data={**comment_form(), "csrf_token": "forged"}).status_code == 400
    assert db.session.scalar(db.select(db.func.count(Comment.id))) == 0
    ok = client.post(URL, data={**comment_form(), "csrf_token": _token(client)})
    assert ok.status_code == 303


def test_comment_rate_limit_per_address(client):
    make_draft(articles=3)
    token = _token(client)
    codes = [client.post(URL, data={**comment_form(token=f"t{n}"), "csrf_token": token}).status_code for n in range(5)]
    assert codes == [303, 303, 303, 429, 429]
    assert db.session.scalar(db.select(db.func.count(Comment.id))) == 3


@pytest.mark.skipif(not os.environ.get("CONSULT_TEST_REDIS_URL"), reason="CONSULT_TEST_REDIS_URL not set")
def test_workers_share_rate_limit_counts_through_redis(database_url):
    import redis

    url = os.environ["CONSULT_TEST_REDIS_URL"]
    redis.Redis.from_url(url).flushdb()
    settings = {"RATELIMIT_ENABLED": True, "RATELIMIT_STORAGE_URI": url, "COMMENT_RATE_LIMIT": "2 per minute"}
    first, second = make_app(database_url, **settings), make_app(database_url, **settings)
    with first.app_context():
        make_draft(articles=3)
    try:
        codes = []
        for n, worker in enumerate([first, second, first, second]):
            with worker.app_context():
                codes.append(worker.test_client().post(URL, data=comment_form(token=f"r{n}")).status_code)
        assert codes == [303, 303, 429, 429]
    finally:
        from testapp import empty_tables

        with first.app_context():
            empty_tables()
            db.engine.dispose()
        with second.app_context():
            db.engine.dispose()
        redis.Redis.from_url(url).flushdb()
