"""Around the steps: 附议 named in the draft and confirmed after sending, files that are what they say
they are, progress reports and co-unit opinions from the right unit only, answers kept off the public
record when marked so, and the history of each."""

import io
import re

import docx
import pytest
import sqlalchemy as sa
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from consult.accounts.services import create_user, unit_named
from consult.extensions import db
from consult.suggestions.models import Suggestion, SuggestionAnswer, SuggestionAttachment, SuggestionEvent

PASSWORD = "correct horse battery"


def _account(email: str, role: str, unit: str | None = None, name: str = ""):
    user = create_user(email, role, PASSWORD, display_name=name, unit_name=unit)
    db.session.commit()
    return user


def _as(client, email: str):
    client.post("/staff/logout")
    assert client.post("/staff/login", data={"email": email, "password": PASSWORD}).status_code == 302


def _docx_bytes(text: str) -> bytes:
    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


@pytest.fixture
def people(client):
    return {
        "author": _account("author@example.org", "deputy", name="王代表"),
        "friend": _account("friend@example.org", "deputy", name="李代表"),
        "stranger": _account("stranger@example.org", "deputy", name="赵代表"),
        "clerk": _account("clerk@example.org", "drafter"),
        "water": _account("water@example.org", "unit", unit="市水务局"),
        "parks": _account("parks@example.org", "unit", unit="市园林局"),
        "roads": _account("roads@example.org", "unit", unit="市交通局"),
    }


def _draft(client, people, **extra) -> int:
    _as(client, "author@example.org")
    data = {"title": "关于增设河道护栏的建议", "body": "大沙河沿线缺少护栏。", **extra}
    created = client.post("/staff/suggestions/new", data=data)
    assert created.status_code == 302, created.text
    return int(re.search(r"/staff/suggestions/(\d+)", created.headers["Location"]).group(1))


def _post(client, path: str, **data):
    return client.post(path, data=data, content_type="multipart/form-data")


def test_cosigners_named_in_the_draft_see_it_only_once_sent_and_confirm(client, people):
    suggestion_id = _draft(client, people, cosigners=[str(people["friend"].id)])
    page = f"/staff/suggestions/{suggestion_id}"
    assert "李代表（待确认）" in client.get(page).text
    _as(client, "friend@example.org")
    assert client.get(page).status_code == 404  # a draft stays its author's
    _as(client, "author@example.org")
    client.post(f"{page}/submit")
    _as(client, "friend@example.org")
    assert "您被列为这条建议的附议代表" in client.get(page).text
    assert client.post(f"{page}/cosign").status_code == 302
    assert "李代表（待确认）" not in client.get(page).text and "李代表" in client.get(page).text
    _as(client, "stranger@example.org")
    assert client.get(page).status_code == 404
    refused = client.post(f"{page}/cosign")
    assert refused.status_code == 404
    db.session.rollback()
    actions = db.session.scalars(
        sa.select(SuggestionEvent.action).where(SuggestionEvent.suggestion_id == suggestion_id)
    )
    assert list(actions) == ["submit", "cosign"]


def test_a_named_cosigner_may_withdraw_and_then_sees_it_no_more(client, people):
    suggestion_id = _draft(client, people, cosigners=[str(people["friend"].id)])
    client.post(f"/staff/suggestions/{suggestion_id}/submit")
    _as(client, "friend@example.org")
    assert client.post(f"/staff/suggestions/{suggestion_id}/uncosign").status_code == 302
    assert client.get(f"/staff/suggestions/{suggestion_id}").status_code == 404


def test_the_author_edits_only_a_draft(client, people):
    suggestion_id = _draft(client, people)
    edit = f"/staff/suggestions/{suggestion_id}/edit"
    assert "大沙河沿线缺少护栏" in client.get(edit).text
    saved = client.post(edit, data={"title": "关于增设护栏和照明的建议", "body": "沿线缺少护栏和照明。",
                                    "cosigners": [str(people["stranger"].id)]})  # fmt: skip
    assert saved.status_code == 302
    db.session.rollback()
    assert db.session.get(Suggestion, suggestion_id).title == "关于增设护栏和照明的建议"
    emptied = client.post(edit, data={"title": "", "body": "沿线缺少护栏和照明。"})
    assert emptied.status_code == 422 and "请填写标题" in emptied.text
    client.post(f"/staff/suggestions/{suggestion_id}/submit")
    late = client.get(edit)
    assert late.status_code == 302 and "不能进行这一步" in client.get(late.headers["Location"]).text


def test_files_are_accepted_by_their_content_and_served_only_to_who_may_see(client, people):
    suggestion_id = _draft(client, people)
    base = f"/staff/suggestions/{suggestion_id}/attachments"
    good = _post(client, base, file=(io.BytesIO(_docx_bytes("现场照片说明")), "说明.docx"))
    assert good.status_code == 302
    faked = _post(client, base, file=(io.BytesIO(b"MZ\x90\x00 not a pdf"), "photo.pdf"))
    assert faked.status_code == 422 and "文件内容与扩展名 .pdf 不符" in faked.text
    script = _post(client, base, file=(io.BytesIO(b"<script>"), "x.html"))
    assert script.status_code == 422 and "只能上传这些格式的文件" in script.text
    db.session.rollback()
    stored = db.session.scalars(sa.select(SuggestionAttachment)).all()
    assert [a.filename for a in stored] == ["说明.docx"]
    download = client.get(f"{base}/{stored[0].id}")
    assert download.status_code == 200 and download.data == _docx_bytes_of(stored[0])
    assert "attachment" in download.headers["Content-Disposition"]
    _as(client, "water@example.org")
    assert client.get(f"{base}/{stored[0].id}").status_code == 404


def _docx_bytes_of(row: SuggestionAttachment) -> bytes:
    return db.session.scalar(sa.select(SuggestionAttachment.data).where(SuggestionAttachment.id == row.id))


def test_a_file_too_large_is_refused_and_nothing_is_stored(client, people, app):
    app.config["SUGGESTION_ATTACHMENT_MB"] = 1
    suggestion_id = _draft(client, people)
    big = b"%PDF-1.7\n" + b"0" * (1024 * 1024 + 10)
    # Encoded here, in memory: the test client would spool a body this size to a file it never closes.
    boundary, body = encode_multipart(MultiDict({"file": FileStorage(io.BytesIO(big), "big.pdf")}))
    refused = client.post(f"/staff/suggestions/{suggestion_id}/attachments", data=body,
                          content_type=f"multipart/form-data; boundary={boundary}")  # fmt: skip
    assert refused.status_code == 422 and "不能超过 1 MB" in refused.text
    db.session.rollback()
    assert db.session.scalar(sa.select(sa.func.count(SuggestionAttachment.id))) == 0


def _assigned(client, people) -> int:
    suggestion_id = _draft(client, people)
    client.post(f"/staff/suggestions/{suggestion_id}/submit")
    _as(client, "clerk@example.org")
    client.post(f"/staff/suggestions/{suggestion_id}/accept")
    water, parks = unit_named("市水务局"), unit_named("市园林局")
    assigned = client.post(f"/staff/suggestions/{suggestion_id}/assign",
                           data={"lead": str(water.id), "co_units": [str(parks.id)], "key": "y", "supervisor": "城建环资委"})  # fmt: skip
    assert assigned.status_code == 302
    return suggestion_id


def test_progress_from_the_lead_unit_and_opinions_from_co_units_only(client, people):
    suggestion_id = _assigned(client, people)
    page = f"/staff/suggestions/{suggestion_id}"
    _as(client, "parks@example.org")
    assert (
        client.post(f"{page}/co-opinion", data={"co_opinion-text": "同意增设，园林段由我局配合。"}).status_code == 302
    )
    refused = client.post(f"{page}/progress", data={"progress-text": "我局已开工。"})
    assert refused.status_code == 302 and "这一步不由您办理" in client.get(refused.headers["Location"]).text
    _as(client, "water@example.org")
    shown = client.get(page).text
    assert "同意增设，园林段由我局配合。" in shown and "还有协办单位未报送意见" not in shown
    empty = client.post(f"{page}/progress", data={"progress-text": ""})
    assert empty.status_code == 422 and "请填写内容" in empty.text
    assert client.post(f"{page}/progress", data={"progress-text": "已完成设计招标。"}).status_code == 302
    _as(client, "roads@example.org")
    assert client.get(page).status_code == 404
    _as(client, "author@example.org")
    assert "已完成设计招标。" in client.get(page).text  # the deputy follows the progress


def test_an_answer_with_its_letter_and_kept_off_the_public_record(client, people):
    suggestion_id = _assigned(client, people)
    _as(client, "water@example.org")
    letter = _docx_bytes("答复函")
    answered = _post(client, f"/staff/suggestions/{suggestion_id}/answer", category="A", text="已安装护栏。",
                     not_public="y", attachment=(io.BytesIO(letter), "答复函.docx"))  # fmt: skip
    assert answered.status_code == 302, answered.text
    db.session.rollback()
    reply = db.session.scalars(sa.select(SuggestionAnswer)).one()
    assert reply.public is False
    files = db.session.scalars(sa.select(SuggestionAttachment)).all()
    assert [(f.filename, f.answer_id) for f in files] == [("答复函.docx", reply.id)]
    _as(client, "author@example.org")
    page = client.get(f"/staff/suggestions/{suggestion_id}").text
    assert "答复不公开" in page and "答复函.docx" in page


def test_a_bad_letter_refuses_the_whole_answer(client, people):
    suggestion_id = _assigned(client, people)
    _as(client, "water@example.org")
    refused = _post(client, f"/staff/suggestions/{suggestion_id}/answer", category="A", text="已安装护栏。",
                    attachment=(io.BytesIO(b"plain words"), "答复函.pdf"))  # fmt: skip
    assert (
        refused.status_code == 422 and "文件内容与扩展名 .pdf 不符" in refused.text and "已安装护栏。" in refused.text
    )
    db.session.rollback()
    assert db.session.get(Suggestion, suggestion_id).state == "assigned"
    assert db.session.scalar(sa.select(sa.func.count(SuggestionAnswer.id))) == 0
