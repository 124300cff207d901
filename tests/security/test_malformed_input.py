"""Malformed input gets a 400/404/422 with a clear message, never a 500; nothing half-stored; and
the error log never carries a resident's text."""

import io
import logging

import pytest
import sqlalchemy as sa

from consult.accounts.access import public
from consult.comments.models import Comment
from consult.drafts.models import PendingImport
from consult.extensions import db
from consult.hearings.models import Registration

from factories import comment_form, draft_text, make_draft, make_hearing

NUL_MESSAGE = "无法保存的空字符（NUL）"


def _count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


@pytest.mark.parametrize(
    "url, fields",
    [
        ("/drafts/test-draft/articles/1/comments", {"body": "夜间\x00音量"}),
        ("/drafts/test-draft/articles/1/comments", {"display_name": "张\x00三"}),
        ("/drafts/test-draft/comments", {"body": "总体\x00意见"}),
    ],
)
def test_nul_in_a_comment_is_refused_with_a_message(client, url, fields):
    make_draft(articles=3)
    response = client.post(url, data=comment_form(**fields))
    assert response.status_code == 400
    assert NUL_MESSAGE in response.text
    assert _count(Comment) == 0


@pytest.mark.parametrize("fields", [{"name": "张\x00三"}, {"summary": "观点\x00摘要"}])
def test_nul_in_a_hearing_registration_is_refused(client, app, fields):
    hearing = make_hearing()
    before = _count(Registration)
    data = {
        "kind": "speaker",
        "name": "丁",
        "articles": [hearing.articles[0].id],
        "stance": "for",
        "summary": "观点",
        "role": "citizen",
        "token": "nul-1",
        **fields,
    }
    response = client.post(f"/hearings/{hearing.id}/register", data=data)
    assert response.status_code == 400 and NUL_MESSAGE in response.text
    assert _count(Registration) == before


def test_nul_in_search_and_paths(client):
    make_draft(articles=3)
    search = client.get("/drafts/test-draft/search?q=%00")
    assert search.status_code == 400 and NUL_MESSAGE in search.text
    assert client.get("/drafts/test-draft%00/memo").status_code == 404
    assert client.get("/receipts/ABCD%00EFGH").status_code == 404


def test_nul_in_an_upload_name_or_pasted_draft(client, login):
    login("drafter")
    upload = client.post(
        "/staff/imports/new",
        data={"source": (io.BytesIO(draft_text(3).encode()), "a\x00.txt")},
        content_type="multipart/form-data",
    )
    assert upload.status_code == 400 and NUL_MESSAGE in upload.text
    pasted = client.post("/staff/imports/new", data={"pasted": draft_text(3).replace("第二条", "第二\x00条")})
    assert pasted.status_code == 400 and NUL_MESSAGE in pasted.text
    assert _count(PendingImport) == 0


def test_a_very_long_upload_name_is_kept_short_with_its_extension(client, login):
    login("drafter")
    name = "滨海市" * 200 + ".txt"
    response = client.post(
        "/staff/imports/new",
        data={"source": (io.BytesIO(draft_text(3).encode()), name)},
        content_type="multipart/form-data",
    )
    assert response.status_code == 302
    pending = db.session.scalar(sa.select(PendingImport))
    assert len(pending.filename) <= 255 and pending.filename.endswith(".txt")
    assert client.get(response.headers["Location"]).status_code == 200


def test_an_overlong_form_token_asks_to_resubmit_and_keeps_the_text(client):
    make_draft(articles=3)
    url = "/drafts/test-draft/articles/1/comments"
    response = client.post(url, data=comment_form(body="请保留我的意见", token="x" * 65))
    assert response.status_code == 422
    assert "这份表单已失效" in response.text and "请保留我的意见" in response.text
    assert "x" * 65 not in response.text  # the page carries a fresh token to send again
    assert _count(Comment) == 0


def test_integers_too_large_for_the_database_are_not_found(app, client, login):
    """Every route with an integer in its path, as admin, with an id no table can hold."""
    make_draft(articles=3)
    login("admin")
    tried = 0
    for rule in app.url_map.iter_rules():
        if "int" not in {
            type(c).__name__.lower().replace("databaseintegerconverter", "int") for c in rule._converters.values()
        }:
            continue
        values = {
            name: (2**40 if type(conv).__name__ == "DatabaseIntegerConverter" else "x")
            for name, conv in rule._converters.items()
        }
        path = rule.rule
        for name, value in values.items():
            path = path.replace(f"<{rule._converters[name].__class__.__name__}:{name}>", str(value))
            for token in (f"<int:{name}>", f"<{name}>"):
                path = path.replace(token, str(value))
        path = path.split("<")[0] if "<any(" in path else path
        method = "GET" if "GET" in rule.methods else "POST"
        response = client.open(path, method=method)
        assert response.status_code in (400, 404, 405, 422), (path, response.status_code)
        tried += 1
    assert tried >= 12


@pytest.mark.parametrize("page", ["9" * 30, "-5", "99999999999"])
def test_huge_page_numbers_show_an_empty_page(client, login, page):
    consultation = make_draft(articles=3)
    assert client.get(f"/drafts/test-draft/articles/1?page={page}").status_code == 200
    assert client.get(f"/drafts/test-draft?page={page}").status_code == 200
    login("moderator")
    assert client.get(f"/staff/consultations/{consultation.id}/comments?page={page}").status_code == 200


CANARY = "金丝雀住在滨江区幸福路八号电话13912345678"


def test_a_failed_insert_never_logs_the_text_it_tried_to_write(app, client, caplog):
    consultation = make_draft(articles=3)

    @public
    def broken():
        db.session.add(
            Comment(
                consultation_id=consultation.id,
                version_id=consultation.version_id,
                receipt="R" * 12,
                body=CANARY,
                body_normalized=CANARY,
                tokens="",
                state="bogus",
            )
        )
        db.session.flush()  # violates the state check constraint
        return "unreachable"

    app.add_url_rule("/broken", "broken", broken)
    app.config["PROPAGATE_EXCEPTIONS"] = False
    with caplog.at_level(logging.ERROR):
        response = client.get("/broken")
    assert response.status_code == 500
    logged = "\n".join(r.getMessage() + (r.exc_text or "") for r in caplog.records)
    assert "IntegrityError" in logged  # the failure itself is logged…
    assert CANARY not in logged and "13912345678" not in logged  # …without what it tried to write
    assert CANARY not in caplog.text
