"""What a comment costs the server: the article page draws a fresh form's fields once per language,
a new comment asks the database only what it must, and retries still get their first receipt."""

import re

import sqlalchemy as sa

from consult.comments.models import Comment
from consult.drafts import queries
from consult.extensions import db

from factories import comment_form, make_draft, statements

PAGE = "/drafts/test-draft/articles/2"
URL = PAGE + "/comments"
TOKEN = re.compile(r'name="token" type="hidden" value="([^"]+)"')


def _fields(page: str) -> str:
    """The form from the body field to the submit button: the part drawn once per language."""
    start = page.index('<label class="field-label" for="body">')
    return page[page.rindex("<div", 0, start) : page.index("</form>")]


def test_fresh_forms_share_their_fields_but_never_their_tokens(client):
    make_draft(articles=3)
    pages = [client.get(PAGE).text for _ in range(2)]
    tokens = [TOKEN.search(page).group(1) for page in pages]
    assert tokens[0] != tokens[1]
    assert _fields(pages[0]) == _fields(pages[1])
    assert 'name="body"' in _fields(pages[0]) and "您的意见" in _fields(pages[0])
    assert tokens[0] not in _fields(pages[0])


def test_the_fields_speak_each_readers_language(client):
    make_draft(articles=3)
    chinese = client.get(PAGE).text
    client.set_cookie("lang", "en", domain="localhost")
    english = client.get(PAGE).text
    client.set_cookie("lang", "zh_Hans", domain="localhost")
    again = client.get(PAGE).text
    assert "您的意见" in _fields(chinese) and "您的意见" not in _fields(english)
    assert "Your opinion" in _fields(english)
    assert _fields(again) == _fields(chinese)


def test_the_fields_follow_the_settings_they_show(client, app):
    make_draft(articles=3)
    assert "最多 5000 字" in _fields(client.get(PAGE).text)
    app.config.update(COMMENT_MAX_CHARS=300, DISTRICTS=["东湖区", "西山区"])
    fields = _fields(client.get(PAGE).text)
    assert "最多 300 字" in fields and 'maxlength="600"' in fields and "西山区" in fields


def test_a_refused_form_is_drawn_with_its_errors_and_text_after_fresh_ones(client, app):
    make_draft(articles=3)
    fresh = client.get(PAGE).text
    app.config["COMMENT_MAX_CHARS"] = 10
    refused = client.post(URL, data=comment_form(body="这是一条超过十个字的意见，会被拒绝。", display_name="李先生"))
    assert refused.status_code == 422
    fields = _fields(refused.text)
    assert "这是一条超过十个字的意见，会被拒绝。" in fields and 'value="李先生"' in fields
    assert 'aria-invalid="true"' in fields and 'aria-invalid="true"' not in _fields(fresh)


def test_a_new_comment_asks_no_token_and_checks_its_version_once(client):
    make_draft(articles=3)
    with statements() as seen:
        assert client.post(URL, data=comment_form(token="fresh-token")).status_code == 303
    assert not [s for s in seen if s.lstrip().startswith("SELECT") and "idempotency_token" in s]
    assert len([s for s in seen if "draft_versions.created_at" in s]) == 1
    assert db.session.scalar(sa.select(sa.func.count(Comment.id))) == 1


def test_a_retry_after_the_window_closed_gets_the_first_receipt(client):
    consultation = make_draft(articles=3)
    first = client.post(URL, data=comment_form(token="sent-before-closing"))
    consultation.status = "closed"
    db.session.commit()
    retry = client.post(URL, data=comment_form(token="sent-before-closing"))
    assert retry.status_code == 303 and retry.headers["Location"] == first.headers["Location"]
    refused = client.post(URL, data=comment_form(token="sent-after-closing"))
    assert refused.status_code == 422 and "征求意见期已结束" in refused.text
    assert db.session.scalar(sa.select(sa.func.count(Comment.id))) == 1


def test_a_versions_creation_time_is_asked_once_per_transaction(app):
    consultation = make_draft(articles=3)
    version_id = consultation.version_id
    db.session.commit()
    with statements() as seen:

        def asked() -> int:
            return len([s for s in seen if "draft_versions.created_at" in s])

        first = queries.load_structure(version_id)
        assert queries.load_structure(version_id) is first
        assert asked() == 1
        db.session.commit()
        assert queries.load_structure(version_id) is first
        assert asked() == 2
        assert queries.load_structure(version_id + 1000).articles == []
        assert queries.load_structure(version_id + 1000).articles == []
        assert asked() == 4  # a missing version is asked again: it may be made later
