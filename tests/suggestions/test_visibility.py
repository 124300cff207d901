"""Walked over every route of one suggestion: a unit never reaches another unit's suggestion, a deputy
never another deputy's (a draft not even when named to co-sign it), whatever the method."""

import re

import pytest

from consult.accounts.services import create_user, unit_named
from consult.extensions import db
from consult.suggestions import cosigning, services
from consult.suggestions.models import SuggestionAttachment

PASSWORD = "correct horse battery"


def _urls(app, suggestion_id: int, attachment_id: int) -> list[tuple[str, str]]:
    found = []
    for rule in app.url_map.iter_rules():
        if "<int:suggestion_id>" not in rule.rule or not rule.endpoint.startswith("suggestions."):
            continue
        choice = re.search(r"<any\(([^)]*)\):[^<>]+>", rule.rule)
        options = [o.strip() for o in choice.group(1).split(",")] if choice else [""]
        for option in options:  # every step of an any(...) rule
            path = rule.rule.replace(choice.group(0), option) if choice else rule.rule
            path = path.replace("<int:suggestion_id>", str(suggestion_id))
            path = path.replace("<int:attachment_id>", str(attachment_id))
            found += [(method, path) for method in sorted(rule.methods - {"HEAD", "OPTIONS"})]
    return found


@pytest.fixture
def world(app):
    users = {
        "author": create_user("author@example.org", "deputy", PASSWORD),
        "named": create_user("named@example.org", "deputy", PASSWORD),
        "other_deputy": create_user("other@example.org", "deputy", PASSWORD),
        "clerk": create_user("clerk@example.org", "drafter", PASSWORD),
        "water": create_user("water@example.org", "unit", PASSWORD, unit_name="市水务局"),
        "roads": create_user("roads@example.org", "unit", PASSWORD, unit_name="市交通局"),
    }
    draft = services.create(users["author"], "草稿中的建议", "正文。")
    cosigning.name_cosigners(users["author"], draft, [users["named"].id])
    sent = services.create(users["author"], "已交办的建议", "正文。")
    for s in (draft, sent):
        db.session.add(SuggestionAttachment(suggestion_id=s.id, uploaded_by_id=users["author"].id, filename="a.txt",
                                            content_type="text/plain", size=1, data=b"a"))  # fmt: skip
    services.submit(users["author"], sent)
    services.accept(users["clerk"], sent)
    services.assign(users["clerk"], sent, unit_named("市水务局"), [])
    db.session.commit()
    attachments = {a.suggestion_id: a.id for a in db.session.query(SuggestionAttachment)}
    return {"draft": (draft.id, attachments[draft.id]), "sent": (sent.id, attachments[sent.id])}


def _as(client, email: str):
    client.post("/staff/logout")
    assert client.post("/staff/login", data={"email": email, "password": PASSWORD}).status_code == 302


@pytest.mark.parametrize(
    ("who", "which"),
    [("roads@example.org", "sent"), ("other@example.org", "sent"), ("other@example.org", "draft"),
     ("named@example.org", "draft"), ("water@example.org", "draft"), ("clerk@example.org", "draft")],
)  # fmt: skip
def test_every_route_of_a_suggestion_not_theirs_is_not_found(app, client, world, who, which):
    suggestion_id, attachment_id = world[which]
    _as(client, who)
    urls = _urls(app, suggestion_id, attachment_id)
    assert len(urls) >= 15
    for method, path in urls:
        response = client.open(path, method=method)
        assert response.status_code in (403, 404), (who, method, path, response.status_code)
        assert "草稿中的建议" not in response.text and "已交办的建议" not in response.text


def test_the_lead_unit_and_the_author_do_reach_it(client, world):
    suggestion_id, attachment_id = world["sent"]
    for who in ("water@example.org", "author@example.org", "clerk@example.org"):
        _as(client, who)
        assert client.get(f"/staff/suggestions/{suggestion_id}").status_code == 200
        assert client.get(f"/staff/suggestions/{suggestion_id}/attachments/{attachment_id}").data == b"a"
