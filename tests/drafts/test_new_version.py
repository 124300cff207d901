"""A drafter imports a second draft of a consultation's draft, confirms which article became which,
and saves it as a new round; the 修改对照表 shows the changes, the earlier round's figures and a .docx;
a resident's receipt says where their article went."""

import io
import re

import docx
import sqlalchemy as sa
from test_versions import BASE, SECOND

from consult.drafts.models import Consultation, DraftVersion, PendingImport, StructureNode
from consult.extensions import db

from factories import add_comment, make_draft


def _upload_version(client, consultation, text: str):
    return client.post(
        f"/staff/consultations/{consultation.id}/versions/new", data={"pasted": text}, follow_redirects=False
    )


def _first_round(client, login):
    consultation = make_draft(text=BASE, slug="river")
    login("drafter")
    return consultation


def _proposed(page: str) -> dict[str, str]:
    """What the preview's selects hold, as a browser would post them."""
    found = {}
    for name, options in re.findall(r'<select id="(match-\d+)" name="match-\d+">(.*?)</select>', page, re.S):
        chosen = re.search(r'<option value="(\d*)"[^>]* selected>', options)
        found[name] = chosen.group(1) if chosen else ""
    return found


def _save(client, location: str, **matches):
    data = {"title": "滨海市河道管理条例（修改稿）", "slug": "river-2", "label": "草案修改稿"}
    data |= _proposed(client.get(location).text) | matches
    return client.post(location, data=data)


def _article_ids(version_id: int) -> dict[str, int]:
    rows = db.session.execute(
        sa.select(StructureNode.number, StructureNode.article_id).where(
            StructureNode.version_id == version_id, StructureNode.kind == "article"
        )
    )
    return dict(rows.all())


def test_a_second_draft_is_matched_article_by_article_and_saved_as_a_new_round(client, login):
    first = _first_round(client, login)
    response = _upload_version(client, first, SECOND)
    assert response.status_code == 302
    preview = client.get(response.headers["Location"]).text
    assert "新版本共 11 条" in preview and "需要确认" in preview
    saved = _save(client, response.headers["Location"])
    assert saved.status_code == 302
    second = db.session.scalar(sa.select(Consultation).filter_by(slug="river-2"))
    assert second.status == "draft" and second.draft_id == first.draft_id
    assert db.session.get(DraftVersion, second.version_id).position == 2
    old, new = _article_ids(first.version_id), _article_ids(second.version_id)
    assert new["第五条"] == old["第四条"] and new["第六条"] == old["第八条"]  # renumbered and moved: same article
    assert new["第四条"] not in old.values()  # the inserted article is a new one
    assert old["第七条"] not in new.values()  # the removed one is gone
    assert db.session.scalar(sa.select(sa.func.count(PendingImport.id))) == 0


def test_the_drafter_corrects_a_match_and_a_match_used_twice_is_refused(client, login):
    first = _first_round(client, login)
    location = _upload_version(client, first, SECOND).headers["Location"]
    old = _article_ids(first.version_id)
    # The new 第四条 (河长制) is new, but the drafter says it continues the old 第七条.
    twice = _save(client, location, **{"match-3": str(old["第八条"]), "match-5": str(old["第八条"])})
    assert twice.status_code == 422 and "同一条原条文被对应到了两条新条文" in twice.text
    fixed = _save(client, location, **{f"match-{n}": "" for n in range(11)} | {"match-3": str(old["第七条"])})
    assert fixed.status_code == 302
    db.session.rollback()  # end this test's read of the database, to see what the request wrote
    second = db.session.scalar(sa.select(Consultation).filter_by(slug="river-2"))
    assert _article_ids(second.version_id)["第四条"] == old["第七条"]


def test_an_amendment_draft_applied_to_the_current_version_becomes_the_new_version(client, login):
    first = _first_round(client, login)
    amendment = "关于修改《滨海市河道管理条例》的决定\n一、将第九条中的“一万元”修改为“五万元”。\n二、删去第七条。\n三、此外，对条文顺序作相应调整。"
    response = _upload_version(client, first, amendment)
    assert response.status_code == 302
    preview = client.get(response.headers["Location"]).text
    assert "按修正案草案的 3 项修改" in preview and "新版本共 10 条" in preview
    refused = _upload_version(client, first, "一、将第九十条修改为：“没有这一条。”\n二、删去第七条。")
    assert refused.status_code == 422 and "第九十条不存在" in refused.text


def _published_second_round(client, login):
    first = _first_round(client, login)
    comment = add_comment(first, 9, body="罚款太低，建议提高。")
    location = _upload_version(client, first, SECOND).headers["Location"]
    _save(client, location)
    second = db.session.scalar(sa.select(Consultation).filter_by(slug="river-2"))
    second.status = "open"
    db.session.commit()
    return first, second, comment


def test_the_changes_page_marks_added_and_deleted_words_and_counts_the_earlier_comments(client, login):
    _first, second, _comment = _published_second_round(client, login)
    page = client.get("/drafts/river-2/changes").text
    assert "<del>一</del>" in page and "<ins>五</ins>" in page  # 一万元 → 五万元 in 第九条
    row = page[page.index("第九条") :]
    assert "上一轮公开意见 1 条" in row[: row.index("</tr>")]
    only = client.get("/drafts/river-2/changes?changed=1").text
    assert "第十条" not in only and "第九条" in only
    download = client.get(f"/staff/consultations/{second.id}/changes.docx")
    assert download.status_code == 200
    document = docx.Document(io.BytesIO(download.data))
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["原条文", "修改后条文", "说明（意见采纳情况）"]
    struck = [r.text for row in table.rows for r in row.cells[0].paragraphs[0].runs if r.font.strike]
    added = [r.text for row in table.rows for r in row.cells[1].paragraphs[0].runs if r.bold and r.underline]
    assert "一" in struck and "五" in added


def test_a_receipt_says_where_the_commented_article_went(client, login):
    _first, _second, comment = _published_second_round(client, login)
    page = client.get(f"/receipts/{comment.receipt}").text
    assert "您评论的第九条在草案修改稿中编号不变，内容已修改" in page
    link = re.search(r'href="([^"]*/drafts/river-2/changes#row-\d+)"', page)
    assert link is not None


def test_the_command_imports_a_new_version_and_lists_the_matches_to_check(runner, tmp_path):
    first = make_draft(text=BASE, slug="river")
    (tmp_path / "second.txt").write_text(SECOND, encoding="utf-8")
    result = runner.invoke(args=["drafts", "import", str(tmp_path / "second.txt"), "--slug", "river", "--new-version"])
    assert result.exit_code == 0, result.output
    assert "/drafts/river-v2" in result.output and "check:" in result.output
    second = db.session.scalar(sa.select(Consultation).filter_by(slug="river-v2"))
    assert _article_ids(second.version_id)["第五条"] == _article_ids(first.version_id)["第四条"]


def test_a_hearing_on_a_later_version_prints_the_changes_in_its_packet(client, login):
    from datetime import datetime, timezone

    from consult.drafts.queries import load_structure
    from consult.hearings import services as hearing_services

    _first, second, _comment = _published_second_round(client, login)
    article = load_structure(second.version_id).article("9")
    hearing = hearing_services.save_hearing(
        second,
        hearing_services.HearingInput(
            kind="hearing", title="河道条例修改稿听证会", starts_at=datetime(2027, 1, 20, 1, 30, tzinfo=timezone.utc),
            venue="第一会议室", capacity=30, speaker_slots=2, registration_opens_at=None,
            registration_closes_at=None, announcement="公告", article_ids=(article.article_id,),
        ),
    )  # fmt: skip
    hearing_services.add_item(
        hearing, title="罚款数额", article_id=article.article_id, duration=30, questions="", revision=None
    )
    db.session.commit()
    login("organizer")
    response = client.get(f"/staff/hearings/{hearing.id}/packet")
    packet = response.text
    chapter = packet[packet.index('id="changes"') :]
    assert "<del>一</del>" in chapter and "<ins>五</ins>" in chapter  # 第九条: 一万元 → 五万元
    assert "第四条" in chapter and "第十条" not in chapter[: chapter.index("</section>")]  # only what changed
    assert "与草案对照" in packet[packet.index('id="item-1"') :]
