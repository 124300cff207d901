"""The agenda packet as PDF: Chinese text of the agenda, articles and digest quotes, an embedded CJK font."""

import io
import subprocess

import pypdf
import pytest

from consult.extensions import db
from consult.hearings.models import AgendaItem, Hearing, Registration
from consult.hearings.packet import render_agenda_packet

from factories import make_hearing


@pytest.fixture
def demo_hearing(app):
    hearing = make_hearing()
    selected = db.session.scalars(db.select(Registration).filter_by(hearing_id=hearing.id)).all()
    for item in hearing.items:
        item.speaker_ids = [r.id for r in selected if item.article_id in r.article_ids]
    from consult.accounts.services import create_user
    from consult.hearings import speaker_services

    organizer = create_user("first-organizer@example.org", "organizer", "organizer-password")
    speaker_services.apply_selection(organizer, hearing, {r.id: "测试" for r in selected[:2]})
    db.session.commit()
    return hearing


def _text(pdf: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages).replace(" ", "").replace("\n", "")


def _fonts(pdf: bytes) -> set[str]:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    names = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts") or [font]
            for each in descendants:
                descriptor = each.get_object().get("/FontDescriptor")
                if descriptor and any(k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    names.add(str(each.get_object()["/BaseFont"]))
    return names


def test_packet_holds_agenda_articles_and_quotes_in_chinese(demo_hearing):
    pdf = render_agenda_packet(demo_hearing)
    text = _text(pdf)
    assert "会议议程" in text and "关于第2条的讨论" in text
    assert "这是第1条的正文，规定公园管理的第1项事务。" in text  # the article's current text
    quote = db.session.scalar(db.select(Registration.summary).filter_by(state="selected"))
    assert quote in text
    assert "讨论问题" in text and "第2条的问题二" in text
    assert any("CJK" in name or "Noto" in name for name in _fonts(pdf)), _fonts(pdf)
    assert len(pypdf.PdfReader(io.BytesIO(pdf)).pages) >= 5


def test_packet_quotes_the_digest(demo_hearing):
    from consult.digests.queries import themes_for

    item = db.session.scalar(db.select(AgendaItem).where(AgendaItem.article_id.is_not(None)))
    view = themes_for(demo_hearing.consultation_id, item.article_id, quotes=2)[0]
    text = _text(render_agenda_packet(demo_hearing))
    assert view.quotes[0].shown_text[:10].replace(" ", "") in text


def test_empty_agenda_and_hostile_fields_still_render(app, demo_hearing):
    for item in list(demo_hearing.items):
        db.session.delete(item)
    speaker = db.session.scalar(db.select(Registration).filter_by(state="selected"))
    speaker.summary = "<script>alert(1)</script>" + "很长的观点" * 1000
    speaker.name = "<b>张三</b>"
    db.session.commit()
    db.session.expire_all()
    text = _text(render_agenda_packet(db.session.get(Hearing, demo_hearing.id)))
    assert "议程尚未确定" in text and "<b>张三</b>" in text


def test_item_whose_article_was_removed(app, demo_hearing):
    from consult.drafts.models import Article

    orphan = Article(draft_id=demo_hearing.consultation.draft_id)
    db.session.add(orphan)
    db.session.flush()
    db.session.add(AgendaItem(hearing_id=demo_hearing.id, title="已删除条文的议题", article_id=orphan.id, position=99))
    db.session.commit()
    db.session.expire_all()
    text = _text(render_agenda_packet(db.session.get(Hearing, demo_hearing.id)))
    assert "已删除条文的议题" in text and "已删除或合并" in text


def test_packet_command_and_download(app, demo_hearing, runner, client, login, tmp_path):
    out = tmp_path / "packet.pdf"
    result = runner.invoke(args=["hearings", "packet", str(demo_hearing.id), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF")
    assert runner.invoke(args=["hearings", "packet", "999", "-o", str(out)]).exit_code != 0
    login("organizer", email="org2@example.org")
    response = client.get(f"/staff/hearings/{demo_hearing.id}/packet.pdf")
    assert response.status_code == 200 and response.data.startswith(b"%PDF")
    html = client.get(f"/staff/hearings/{demo_hearing.id}/packet")
    assert html.status_code == 200 and "会议议程" in html.text


def test_pdftoppm_can_render_the_first_pages(demo_hearing, tmp_path):
    pdf = tmp_path / "p.pdf"
    pdf.write_bytes(render_agenda_packet(demo_hearing))
    try:
        subprocess.run(["pdftoppm", "-png", "-r", "40", "-l", "3", str(pdf), str(tmp_path / "page")], check=True)
    except FileNotFoundError:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    assert len(list(tmp_path.glob("page-*.png"))) == 3
