"""Digests rebuild by themselves after enough new comments, and reading one never segments text."""

import pytest

from consult.digests import services, tasks
from consult.digests.models import DigestBuild
from consult.extensions import db

from factories import add_comment, make_draft


@pytest.fixture
def app_config():
    return {"DIGEST_REBUILD_AFTER": 3}


def test_enough_new_comments_queue_a_rebuild(app):
    consultation = make_draft(articles=3)
    add_comment(consultation, 1, body="建议增加夜间照明")
    assert tasks.rebuild_stale_digests.call_local() == []
    for n in range(2):
        add_comment(consultation, 1, body=f"建议增加座椅{n}")
    first = tasks.rebuild_stale_digests.call_local()
    assert len(first) == 1
    assert db.session.get(DigestBuild, first[0]).state == "done"  # JOBS_INLINE in tests
    assert tasks.rebuild_stale_digests.call_local() == []  # nothing new since that build


def test_digest_pages_never_segment(app, client, login, monkeypatch):
    consultation = make_draft(articles=3)
    for n in range(4):
        add_comment(consultation, 1, body=f"广场舞音量太大，建议晚上九点后停止{n}")
    build = services.request_build(consultation)
    db.session.commit()
    tasks.enqueue(build)
    from consult.analysis import tokenizer as tokenizer_module

    def refuse(*args, **kwargs):
        raise AssertionError("a page view segmented text")

    monkeypatch.setattr(tokenizer_module.Tokenizer, "tokens", refuse)
    monkeypatch.setattr(tokenizer_module.Tokenizer, "tokens_many", refuse)
    login("drafter")
    from consult.drafts.queries import load_structure

    article_id = load_structure(consultation.version_id).article("1").article_id
    for url in (
        f"/staff/digests/{consultation.id}",
        f"/staff/digests/{consultation.id}/articles/{article_id}",
        "/drafts/test-draft/articles/1",
    ):
        assert client.get(url).status_code == 200, url
