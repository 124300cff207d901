"""`flask drafts parse` prints the agreed JSON shape; `flask drafts import` stores; bad files exit non-zero."""

import json

from consult.drafts.models import Consultation
from consult.extensions import db

from factories import draft_text


def test_parse_prints_the_agreed_shape(runner, tmp_path):
    path = tmp_path / "d.txt"
    path.write_text(draft_text(3, chapters=1), encoding="utf-8")
    result = runner.invoke(args=["drafts", "parse", str(path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"title", "articles", "warnings"}
    assert data["title"] == "滨海市测试条例（草案）"
    first = data["articles"][0]
    assert set(first) == {"number", "part", "chapter", "chapter_title", "section", "section_title", "paragraphs"}
    assert first["number"] == "第一条" and first["chapter"] == "第一章" and first["part"] is None
    assert first["paragraphs"] == [{"text": "这是第1条的正文，规定公园管理的第1项事务。", "items": []}]


def test_parse_bad_file_exits_non_zero(runner, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(args=["drafts", "parse", str(empty)])
    assert result.exit_code != 0
    assert "文件是空的" in result.output
    missing = runner.invoke(args=["drafts", "parse", str(tmp_path / "nope.txt")])
    assert missing.exit_code != 0


def test_import_stores_a_draft(runner, tmp_path):
    path = tmp_path / "d.txt"
    path.write_text(draft_text(4), encoding="utf-8")
    result = runner.invoke(args=["drafts", "import", str(path), "--slug", "cli-draft"])
    assert result.exit_code == 0, result.output
    consultation = db.session.scalar(db.select(Consultation).filter_by(slug="cli-draft"))
    assert consultation.status == "draft" and consultation.version.source_data == path.read_bytes()
    again = runner.invoke(args=["drafts", "import", str(path), "--slug", "cli-draft"])
    assert again.exit_code != 0
    assert db.session.scalar(db.select(db.func.count(Consultation.id))) == 1


def test_demo_load_makes_one_open_and_one_closed_consultation(runner, client):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    home = client.get("/").text
    assert "公园管理条例" in home and "大沙河保护条例" in home
    article = client.get("/drafts/park-regulation/articles/12")
    assert article.status_code == 200
    assert client.get("/drafts/park-regulation/memo").status_code == 200
    skipped = runner.invoke(args=["demo", "load", "--if-empty"])
    assert "not loaded" in skipped.output
