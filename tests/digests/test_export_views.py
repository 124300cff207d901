"""The 意见汇总表 and the comment exports, with hostile text and no leaked contact details."""

import csv
import io
import json

import docx
import openpyxl

from factories import add_comment, build_digest, make_draft

HOSTILE = '=HYPERLINK("http://evil.example","点我"), 逗号,"引号"\n换行 😀'


def _digest():
    consultation = make_draft(articles=3, status="closed")
    add_comment(consultation, 1, body=HOSTILE, contact="13911112222", display_name="赵女士")
    add_comment(consultation, 2, body="建议增加无障碍设施", wants_public=False)
    build_digest(consultation)
    return consultation


def test_summary_docx_and_xlsx(client, login):
    consultation = _digest()
    login("drafter")
    response = client.get(f"/staff/digests/{consultation.id}/summary.docx")
    assert response.status_code == 200
    document = docx.Document(io.BytesIO(response.data))
    cells = [cell.text for row in document.tables[0].rows for cell in row.cells]
    assert "意见摘要" in cells and any('=HYPERLINK("http://evil.example"' in text for text in cells)
    assert not any(text.startswith(("=", "+", "-", "@")) for text in cells)
    sheet = openpyxl.load_workbook(io.BytesIO(client.get(f"/staff/digests/{consultation.id}/summary.xlsx").data)).active
    values = [c.value for row in sheet.iter_rows() for c in row if c.value]
    assert not any(str(v).startswith("=") for v in values)


def test_staff_csv_keeps_every_character_and_neutralises_formulas(client, login):
    consultation = _digest()
    login("drafter")
    data = client.get(f"/staff/digests/{consultation.id}/comments.csv").data
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 2
    assert rows[0]["text"] == "'" + HOSTILE
    assert rows[0]["contact"] == "13911112222"  # drafters may see contacts


def test_moderator_export_has_no_contacts(client, login):
    consultation = _digest()
    login("moderator")
    data = client.get(f"/staff/digests/{consultation.id}/comments.json").data
    assert "13911112222" not in data.decode() and "contact" not in json.loads(data)[0]


def test_open_data_has_only_published_comments_and_no_personal_data(client):
    consultation = _digest()
    text = client.get(f"/drafts/{consultation.slug}/open-data.json").get_data(as_text=True)
    rows = json.loads(text)
    assert len(rows) == 1
    assert "13911112222" not in text and "赵女士" not in text and "无障碍" not in text
    assert rows[0]["text"] == HOSTILE  # JSON is data, not a spreadsheet: kept as written


def test_downloads_carry_a_chinese_file_name_and_one_charset(client, login):
    from urllib.parse import unquote

    consultation = _digest()
    login("drafter")
    for path, ascii_name, name in (
        (f"/staff/digests/{consultation.id}/summary.docx", "summary-test-draft.docx", "意见汇总表.docx"),
        (f"/staff/digests/{consultation.id}/comments.csv", "comments-test-draft.csv", "全部意见.csv"),
        ("/drafts/test-draft/open-data.csv", "open-data-test-draft.csv", "公开意见数据.csv"),
    ):
        response = client.get(path)
        disposition = response.headers["Content-Disposition"]
        assert f'filename="{ascii_name}"' in disposition
        assert unquote(disposition.split("filename*=UTF-8''")[1]) == f"《滨海市测试条例（草案）》{name}"
        if path.endswith(".csv"):
            assert response.headers["Content-Type"] == "text/csv; charset=utf-8"


def test_summary_documents_name_the_legislature_and_today(app, client, login):
    from datetime import datetime, timedelta, timezone

    consultation = _digest()
    login("drafter")
    properties = docx.Document(io.BytesIO(client.get(f"/staff/digests/{consultation.id}/summary.docx").data))
    core = properties.core_properties
    assert core.author == app.config["LEGISLATURE_NAME"] and "意见汇总表" in core.title
    created = core.created if core.created.tzinfo else core.created.replace(tzinfo=timezone.utc)
    assert abs(created - datetime.now(timezone.utc)) < timedelta(minutes=5)
    book = openpyxl.load_workbook(io.BytesIO(client.get(f"/staff/digests/{consultation.id}/summary.xlsx").data))
    assert book.properties.creator == app.config["LEGISLATURE_NAME"]
