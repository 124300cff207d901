"""The yearly report (.docx) and the lists (.xlsx): the numbers in their tables and cells for a known
set of suggestions, the year they cover, their file names, and who may download them."""

import io
from datetime import datetime, timedelta, timezone
from urllib.parse import quote

import pytest
from docx import Document
from openpyxl import load_workbook
from suggestion_builders import account, cast, cosign, sign_in, suggestion

from consult.db import utcnow
from consult.extensions import db
from consult.suggestions import services

MARCH = datetime(2026, 3, 1, 2, 0, tzinfo=timezone.utc)


@pytest.fixture
def known(app):
    people = cast("市水务局", "市交通局")
    li, zhao = account("li@example.org", "deputy", name="李代表"), account("zhao@example.org", "deputy", name="赵代表")
    made = {
        "closed": suggestion(people, "closed", "市水务局", title="河道护栏", category="城建", co=("市交通局",), key=True,
                             supervisor="城建环资工委", answer="A", rating="basic", submitted_at=MARCH),
        "again": suggestion(people, "reopened", "市交通局", title="=公交线路", category="交通", answer="C",
                            submitted_at=MARCH),
        "late": suggestion(people, "assigned", "市交通局", title="路灯维修", key=True, supervisor="主任会议",
                           submitted_at=MARCH),
        "sent": suggestion(people, "submitted", title="尚未交办", submitted_at=MARCH),
    }  # fmt: skip
    services.answer(people.units["市交通局"], made["again"], "A", "已重新办理")  # round 2, answered
    cosign(made["closed"], li, MARCH + timedelta(days=1))
    cosign(made["closed"], zhao, None)  # named, never confirmed
    made["late"].due_at = utcnow() - timedelta(days=10)
    db.session.commit()
    return people, made


def _docx_tables(data: bytes) -> list[list[list[str]]]:
    return [[[cell.text for cell in row.cells] for row in table.rows] for table in Document(io.BytesIO(data)).tables]


def test_the_report_tables_hold_the_figures(client, known):
    people, made = known
    sign_in(client, people.clerk)
    response = client.get("/staff/suggestions/report.docx?year=2026")
    assert response.status_code == 200
    disposition = response.headers["Content-Disposition"]
    assert (
        'filename="suggestions-report-2026.docx"' in disposition and quote("2026 年代表建议办理情况报告") in disposition
    )
    totals, units, categories, key, overdue = _docx_tables(response.data)
    figures = dict(row for row in totals[1:])
    assert (figures["收到建议"], figures["已交办"], figures["已答复"], figures["办复率"]) == ("4", "3", "2", "66.7%")
    assert (figures["代表已评判"], figures["满意或基本满意"], figures["满意率"], figures["逾期未答复"]) == (
        "2",
        "1",
        "50.0%",
        "1",
    )
    assert figures["A 类答复"] == "2（100.0%）" and figures["C 类答复"] == "0（0.0%）"
    assert units[0] == ["承办单位", "交办", "已答复", "办复率", "满意率", "A", "B", "C", "逾期"]
    assert units[1:] == [
        ["市交通局", "2", "1", "50.0%", "0.0%", "100.0%", "0.0%", "0.0%", "1"],
        ["市水务局", "1", "1", "100.0%", "100.0%", "100.0%", "0.0%", "0.0%", "0"],
        ["合计", "3", "2", "66.7%", "50.0%", "100.0%", "0.0%", "0.0%", "1"],
    ]
    assert [row[:4] for row in categories[1:]] == [
        ["交通", "1", "1", "1"], ["城建", "1", "1", "1"], ["未分类", "2", "1", "0"], ["合计", "4", "3", "2"]
    ]  # fmt: skip
    assert [(row[0], row[2], row[3], row[4]) for row in key[1:]] == [
        (str(made["closed"].id), "市水务局", "城建环资工委", "已办结"),
        (str(made["late"].id), "市交通局", "主任会议", "办理中"),
    ]
    assert [(row[0], row[1], row[4]) for row in overdue[1:]] == [(str(made["late"].id), "路灯维修", "10")]
    text = "\n".join(p.text for p in Document(io.BytesIO(response.data)).paragraphs)
    assert "2026 年代表建议办理情况报告" in text and "办复率 66.7%" in text


def test_the_lists_hold_each_assigned_suggestion(client, known):
    people, made = known
    sign_in(client, people.clerk)
    response = client.get("/staff/suggestions/lists.xlsx?year=2026")
    assert (
        response.status_code == 200
        and 'filename="suggestions-lists-2026.xlsx"' in response.headers["Content-Disposition"]
    )
    book = load_workbook(io.BytesIO(response.data))
    assert book.sheetnames == ["建议交办清单", "办理结果"]
    assigned, results = book["建议交办清单"], book["办理结果"]
    assert [c.value for c in assigned[2]] == ["编号", "标题", "领衔代表", "附议代表", "类别", "主办单位", "协办单位",
                                              "交办日期", "答复期限", "状态", "重点督办", "督办领导"]  # fmt: skip
    rows = {row[0]: row for row in assigned.iter_rows(min_row=3, values_only=True)}
    assert set(rows) == {made["closed"].id, made["again"].id, made["late"].id}  # not the one still submitted
    closed = rows[made["closed"].id]
    assert closed[1:7] == ("河道护栏", "王代表", "李代表", "城建", "市水务局", "市交通局")  # 赵代表 never confirmed
    city_day = made["closed"].assigned_at.astimezone(timezone(timedelta(hours=8))).date()
    assert closed[7].date() == city_day and closed[8].date() > city_day
    assert closed[9:] == ("已办结", "是", "城建环资工委")
    assert rows[made["again"].id][1] == "'=公交线路"  # a formula-like title stays text
    assert rows[made["late"].id][9:] == ("办理中", "是", "主任会议")
    assert [c.value for c in results[2]] == ["编号", "标题", "主办单位", "答复类别", "答复日期", "办理次数", "代表评判"]
    outcome = {row[0]: row for row in results.iter_rows(min_row=3, values_only=True)}
    again = outcome[made["again"].id]  # answered a second time, its 不满意 still the latest rating
    assert (again[2], again[3], again[5], again[6]) == ("市交通局", "A", 2, "不满意") and again[4] is not None
    assert outcome[made["closed"].id][3] == "A" and outcome[made["closed"].id][5:] == (1, "基本满意")
    assert outcome[made["late"].id][3:] == (None, None, 1, None)


def test_another_year_is_empty(client, known):
    people, _made = known
    sign_in(client, people.clerk)
    totals = _docx_tables(client.get("/staff/suggestions/report.docx?year=2025").data)[0]
    assert dict(row for row in totals[1:])["收到建议"] == "0"
    book = load_workbook(io.BytesIO(client.get("/staff/suggestions/lists.xlsx?year=2025").data))
    assert book["建议交办清单"].max_row == 2  # title and headers only
    every_year = client.get("/staff/suggestions/report.docx")
    assert 'filename="suggestions-report-all.docx"' in every_year.headers["Content-Disposition"]


@pytest.mark.parametrize("role, status", [("deputy", 403), ("unit", 403), ("station", 403), ("moderator", 200),
                                          ("organizer", 200), ("admin", 200)])  # fmt: skip
def test_only_staff_download_the_report_and_lists(client, app, role, status):
    user = account(f"{role}@example.org", role, unit="市水务局" if role == "unit" else None)
    sign_in(client, user)
    assert client.get("/staff/suggestions/report.docx").status_code == status
    assert client.get("/staff/suggestions/lists.xlsx").status_code == status
