"""A drafter imports a draft, checks the parse, saves it and runs the consultation window."""

import io
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from format_files import blank_pdf, docx_of, regulation_pdf
from pypdf import PdfReader

from consult.drafts.models import Consultation, DraftVersion, PendingImport, StructureNode
from consult.extensions import db

from factories import draft_text, make_draft

TEXT = draft_text(5, title="滨海市绿道条例（草案）", chapters=2)


def _upload(client, name: str, data: bytes):
    return client.post(
        "/staff/imports/new", data={"source": (io.BytesIO(data), name)}, content_type="multipart/form-data"
    )


def _count(model) -> int:
    return db.session.scalar(db.select(db.func.count()).select_from(model))


@pytest.mark.parametrize(
    "name,data",
    [
        ("draft.txt", TEXT.encode("gb18030")),
        ("draft.txt", b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode("utf-8")),
        ("draft.docx", docx_of(TEXT)),
    ],
)
def test_upload_preview_and_save(client, login, name, data):
    login("drafter")
    response = _upload(client, name, data)
    assert response.status_code == 302
    preview = client.get(response.headers["Location"])
    assert "共解析出 5 条" in preview.text
    assert 'value="滨海市绿道条例（草案）"' in preview.text
    saved = client.post(
        response.headers["Location"],
        data={"title": "滨海市绿道条例（草案）", "slug": "greenway", "label": "草案", "memo": "说明"},
    )
    assert saved.status_code == 302
    consultation = db.session.scalar(db.select(Consultation).filter_by(slug="greenway"))
    assert consultation.status == "draft"
    version = db.session.get(DraftVersion, consultation.version_id)
    assert version.source_data == data  # the original upload is kept byte for byte
    assert _count(PendingImport) == 0
    assert (
        db.session.scalar(
            db.select(db.func.count()).where(StructureNode.version_id == version.id, StructureNode.kind == "article")
        )
        == 5
    )


def test_a_pdf_preview_says_how_it_was_read_and_what_was_removed_and_the_save_keeps_the_pdf(client, login):
    login("drafter")
    data = regulation_pdf()
    response = _upload(client, "湿地公园条例.pdf", data)
    assert response.status_code == 302
    preview = client.get(response.headers["Location"]).text
    assert "读取方式：PDF" in preview and "共解析出 11 条" in preview
    pages = len(PdfReader(io.BytesIO(data)).pages)
    assert f"删去页眉或页脚“https://www.example.gov.cn/lfyj/2026/1130.html 1/{pages}”（{pages} 页）" in preview
    assert "页末尾的段落与下一页开头接续" in preview
    pending = db.session.scalar(db.select(PendingImport))
    assert pending.extracted and pending.kind == "pdf"  # the preview and the save read it once
    saved = client.post(
        response.headers["Location"], data={"title": "湿地公园条例", "slug": "wetland", "label": "草案", "memo": ""}
    )
    assert saved.status_code == 302
    consultation = db.session.scalar(db.select(Consultation).filter_by(slug="wetland"))
    version = db.session.get(DraftVersion, consultation.version_id)
    assert version.source_data == data and version.source_kind == "pdf"


def test_pasted_text_imports(client, login):
    login("drafter")
    response = client.post("/staff/imports/new", data={"pasted": TEXT})
    assert response.status_code == 302
    assert "共解析出 5 条" in client.get(response.headers["Location"]).text


@pytest.mark.parametrize(
    "name,data,message",
    [
        ("empty.txt", b"", "文件是空的"),
        ("blank.txt", b"   \n\n  ", "文件是空的"),
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20, "这不是文本文件"),
        ("fake.docx", b"this is not a zip file at all", "不是有效的 Word 文档"),
        ("old.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "已加密"),
        ("scan.pdf", blank_pdf(), "没有文字层"),
        ("draft.doc", "第一条 只是文字。".encode(), "不是这种格式的文档"),
        ("notes.txt", "今天天气很好，我们去公园散步。\n没有任何条文。".encode(), "没有找到任何条文"),
        ("draft.pages", b"PK\x03\x04 ...", "不支持这种文件类型"),
    ],
)
def test_bad_files_get_a_clear_message_and_nothing_is_stored(client, login, name, data, message):
    login("drafter")
    make_draft(slug="existing")
    before = (_count(Consultation), _count(StructureNode), _count(PendingImport))
    response = _upload(client, name, data)
    assert response.status_code == 422
    assert message in response.text
    assert (_count(Consultation), _count(StructureNode), _count(PendingImport)) == before


def test_neither_file_nor_text(client, login):
    login("drafter")
    response = client.post("/staff/imports/new", data={})
    assert response.status_code == 422
    assert "请上传文件或粘贴草案全文" in response.text


def test_slug_taken_keeps_the_form(client, login):
    login("drafter")
    make_draft(slug="greenway")
    location = client.post("/staff/imports/new", data={"pasted": TEXT}).headers["Location"]
    response = client.post(location, data={"title": "新标题", "slug": "greenway", "label": "草案", "memo": "我的说明"})
    assert response.status_code == 422
    assert "已被使用" in response.text
    assert "我的说明" in response.text
    assert _count(Consultation) == 1


def test_other_drafters_cannot_see_my_pending_import(app, client, login):
    login("drafter", email="a@example.org")
    location = client.post("/staff/imports/new", data={"pasted": TEXT}).headers["Location"]
    client.post("/staff/logout")
    login("drafter", email="b@example.org")
    assert client.get(location).status_code == 404


def test_schedule_close_and_archive(client, login):
    login("drafter")
    consultation = make_draft(slug="greenway", status="draft")
    url = f"/staff/consultations/{consultation.id}"
    response = client.post(
        url + "/schedule", data={"schedule-opens_at": "2026-01-01T09:00", "schedule-closes_at": "2026-02-01T18:00"}
    )
    assert response.status_code == 302
    db.session.refresh(consultation)
    assert consultation.status == "open"
    zone = ZoneInfo("Asia/Shanghai")
    assert consultation.opens_at == datetime(2026, 1, 1, 9, 0, tzinfo=zone)
    assert consultation.closes_at == datetime(2026, 2, 1, 18, 0, tzinfo=zone)
    assert client.post(url + "/close").status_code == 302
    db.session.refresh(consultation)
    assert consultation.status == "closed"
    client.post(url + "/archive")
    db.session.refresh(consultation)
    assert consultation.status == "archived"


def test_inverted_window_is_refused(client, login):
    login("drafter")
    consultation = make_draft(slug="greenway", status="draft")
    response = client.post(
        f"/staff/consultations/{consultation.id}/schedule",
        data={"schedule-opens_at": "2026-03-01T09:00", "schedule-closes_at": "2026-02-01T18:00"},
    )
    assert response.status_code == 422
    assert "截止时间必须晚于开始时间" in response.text
    db.session.refresh(consultation)
    assert consultation.status == "draft"


def test_edit_title_and_memo(client, login):
    login("drafter")
    consultation = make_draft(slug="greenway")
    response = client.post(
        f"/staff/consultations/{consultation.id}", data={"title": "新的标题", "slug": "greenway-2", "memo": "新的说明"}
    )
    assert response.status_code == 302
    assert "新的说明" in client.get("/drafts/greenway-2/memo").text
    bad = client.post(f"/staff/consultations/{consultation.id}", data={"title": "x", "slug": "Bad Slug!", "memo": ""})
    assert bad.status_code == 422
    assert re.search("只能使用小写字母", bad.text)


def test_an_error_in_pasted_text_shows_under_the_pasted_text(client, login):
    import re as regex

    login("drafter")
    response = client.post("/staff/imports/new", data={"pasted": "没有任何条文的一段文字。"})
    assert response.status_code == 422

    def field(name: str) -> str:
        return regex.search(
            rf'<div class="field[^"]*">\s*<label class="field-label" for="{name}">[\s\S]*?</div>', response.text
        ).group(0)

    assert "没有找到任何条文" in field("pasted")
    assert "没有找到任何条文" not in field("source")


def test_dashboard_counts_comments_and_pending_ones(client, login):
    from factories import add_comment

    consultation = make_draft(articles=3)
    add_comment(consultation, 1, state="approved")
    add_comment(consultation, 2, state="pending")
    login("moderator")
    page = client.get("/staff/").text
    assert "2 条意见" in page and "1 条待审核" in page
    client.post("/staff/logout")
    login("organizer")
    row = client.get("/staff/").text
    assert "· <a" not in row.split("意见摘要")[0].split("</span>")[-1]  # no stray separator before the only link


def test_a_pasted_amendment_draft_is_named_as_one_under_the_pasted_text(client, login):
    login("drafter")
    amendment = "关于修改《滨海市绿道条例》的决定\n一、将第三条修改为：“新的第三条。”\n二、删去第五条。"
    response = client.post("/staff/imports/new", data={"pasted": amendment})
    assert response.status_code == 422
    error = re.search(r'<p class="field-error" id="([^"]+)-error">([^<]+)</p>', response.text)
    assert error and error.group(1) == "pasted" and "修正案或修改决定草案（2 处修改）" in error.group(2)
    assert _count(PendingImport) == 0
