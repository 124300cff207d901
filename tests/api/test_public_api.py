"""The public API reads what the public pages show: published consultations, their structure and
articles, published comments and the published answers; one error shape; ETags; CORS."""

from openapi_spec_validator import validate

from consult.digests import services as digest_services
from consult.digests.models import Theme
from consult.extensions import db

from factories import add_comment, build_digest, make_draft

PHONE = "13912345678"


def test_the_openapi_document_is_served_and_valid(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    validate(spec)
    assert spec["openapi"] == "3.1.0"
    assert "/api/v1/consultations/{slug}/comments" in spec["paths"]
    assert spec["components"]["securitySchemes"]["token"] == {"type": "http", "scheme": "bearer"}
    page = client.get("/api/v1/docs")
    assert page.status_code == 200 and "/api/v1/staff/consultations/{consultation_id}/comments" in page.text
    assert "<code>If-None-Match</code>" in page.text and "<code></code>" not in page.text  # references resolved


def test_consultations_are_listed_with_a_cursor_and_drafts_never(client):
    for n in range(5):
        make_draft(slug=f"open-{n}")
    make_draft(slug="unpublished", status="draft")
    first = client.get("/api/v1/consultations?limit=2").get_json()
    assert [c["slug"] for c in first["items"]] == ["open-0", "open-1"] and first["next_cursor"]
    seen = [c["slug"] for c in first["items"]]
    cursor = first["next_cursor"]
    while cursor is not None:
        page = client.get(f"/api/v1/consultations?limit=2&cursor={cursor}").get_json()
        seen += [c["slug"] for c in page["items"]]
        cursor = page["next_cursor"]
    assert seen == [f"open-{n}" for n in range(5)]
    assert client.get("/api/v1/consultations/unpublished").status_code == 404


def test_articles_and_structure_read_like_the_draft_page(client):
    consultation = make_draft(articles=4, chapters=2, slug="parks")
    add_comment(consultation, 2, body="公开的意见")
    detail = client.get("/api/v1/consultations/parks").get_json()
    assert detail["articles"] == 4 and detail["memo"] == consultation.memo and detail["phase"] == "open"
    tree = client.get("/api/v1/consultations/parks/structure").get_json()
    assert [n["kind"] for n in tree["nodes"]] == ["chapter", "chapter"]
    assert [a["number"] for a in tree["nodes"][0]["children"]] == ["第一条", "第二条"]
    second = client.get("/api/v1/consultations/parks/articles/2").get_json()
    assert second["number"] == "第二条" and second["published_comments"] == 1
    assert second["paragraphs"][0]["text"].startswith("这是第2条的正文")
    assert len(client.get("/api/v1/consultations/parks/articles").get_json()["items"]) == 4
    missing = client.get("/api/v1/consultations/parks/articles/99")
    assert missing.status_code == 404 and missing.get_json()["error"]["code"] == "not_found"


def test_only_published_comments_are_listed_and_never_a_contact(client):
    consultation = make_draft(slug="parks")
    shown = add_comment(consultation, 1, body="可以公开的意见", contact=PHONE, display_name="王先生")
    add_comment(consultation, 1, body="不公开的意见", contact=PHONE, wants_public=False)
    add_comment(consultation, 1, body="待审核的意见", state="pending")
    page = client.get("/api/v1/consultations/parks/comments")
    assert [c["text"] for c in page.get_json()["items"]] == ["可以公开的意见"]
    assert page.get_json()["items"][0] == {
        "id": shown.id, "article_id": shown.article_id, "text": "可以公开的意见", "name": "王先生",
        "district": None, "created_at": shown.created_at.isoformat(),
    }  # fmt: skip
    assert PHONE not in page.text and "receipt" not in page.text


def test_answers_are_readable_once_the_report_is_published(client, login):
    consultation = make_draft(slug="parks")
    for body in ("公园厕所太少，应当增加厕所。", "厕所数量不够，建议增建。"):
        add_comment(consultation, 1, body=body, contact=PHONE)
    build_digest(consultation)
    assert client.get("/api/v1/consultations/parks/feedback").status_code == 404
    user = login("drafter")
    theme = next(iter(Theme.query.filter_by(consultation_id=consultation.id)))
    theme.custom_label = "增加公园厕所"
    digest_services.answer_theme(user, theme, "adopted", "修改稿已增加厕所配置要求。", theme.revision)
    consultation.status = "closed"
    digest_services.publish_report(user, consultation, "感谢各位提出意见。")
    db.session.commit()
    report = client.get("/api/v1/consultations/parks/feedback").get_json()
    assert report["introduction"] == "感谢各位提出意见。"
    answered = [a for a in report["answers"] if a["decision"]]
    assert answered and answered[0]["theme"] == "增加公园厕所" and answered[0]["reason"] == "修改稿已增加厕所配置要求。"
    assert PHONE not in str(report)


def test_etags_answer_not_modified_and_change_with_the_data(client):
    consultation = make_draft(slug="parks")
    first = client.get("/api/v1/consultations/parks/comments")
    etag = first.headers["ETag"]
    assert client.get("/api/v1/consultations/parks/comments", headers={"If-None-Match": etag}).status_code == 304
    add_comment(consultation, 1, body="新意见")
    again = client.get("/api/v1/consultations/parks/comments", headers={"If-None-Match": etag})
    assert again.status_code == 200 and again.headers["ETag"] != etag


def test_cors_is_open_for_the_public_part_only(client):
    make_draft(slug="parks")
    origin = {"Origin": "https://example.com"}
    assert client.get("/api/v1/consultations", headers=origin).headers["Access-Control-Allow-Origin"] == "*"
    staff = client.get("/api/v1/staff/consultations/1/comments", headers=origin)
    assert "Access-Control-Allow-Origin" not in staff.headers
    assert "Access-Control-Allow-Origin" not in client.get("/drafts/parks", headers=origin).headers


def test_every_error_has_one_shape(client):
    make_draft(slug="parks")
    for response, status in (
        (client.get("/api/v1/no-such-thing"), 404),
        (client.delete("/api/v1/consultations"), 405),
        (client.get("/api/v1/consultations?limit=0"), 422),
        (client.get("/api/v1/consultations?cursor=not-a-cursor"), 422),
        (client.get("/api/v1/consultations/parks/comments?article=99999999999"), 422),
        (client.get("/api/v1/staff/consultations/1/digest"), 401),
    ):
        body = response.get_json()
        assert response.status_code == status and set(body) == {"error"}, response.text
        assert set(body["error"]) >= {"code", "message"} and body["error"]["message"]
    # The site's own pages keep their HTML error pages.
    assert "text/html" in client.get("/drafts/nope").content_type
