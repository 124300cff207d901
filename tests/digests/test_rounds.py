"""Digests across rounds: the same article, however the second draft numbers it, with what residents
said about it in each round, on its digest page and in a table of every article and round."""

from datetime import timedelta

import sqlalchemy as sa

from consult.db import utcnow
from consult.drafts import version_services
from consult.drafts.models import Consultation
from consult.drafts.services import DraftSource, schedule_consultation
from consult.drafts.structure import parse_draft
from consult.extensions import db

from factories import add_comment, build_digest, draft_text, make_draft


def _two_rounds():
    """A 4-article first round, and a second draft with a new article before the old 第三条."""
    first = make_draft(articles=4, slug="parks")
    lines = draft_text(4).splitlines()
    at = next(n for n, line in enumerate(lines) if line.startswith("第三条"))
    lines.insert(at, "第三条　新增一条关于公园开放时间的规定，市民可以在清晨六点入园晨练。")
    for n in range(at + 1, len(lines)):
        for old, new in (("第三条", "第四条"), ("第四条", "第五条")):
            if lines[n].startswith(old):
                lines[n] = new + lines[n][len(old) :]
                break
    parsed = parse_draft("\n".join(lines))
    rows = version_services.proposed_rows(first, parsed)
    second = version_services.save_new_version(
        first, parsed, version_services.proposed_matches(rows, parsed), label="草案修改稿", title="第二轮",
        slug="parks-2", source=DraftSource(),
    )  # fmt: skip
    now = utcnow()
    schedule_consultation(second, now - timedelta(days=1), now + timedelta(days=30))
    db.session.commit()
    return first, second


def test_an_article_digest_shows_the_same_article_in_every_round(client, login):
    first, second = _two_rounds()
    for body in ("开放时间应当延长到晚上十点。", "晚上开放需要增加照明。"):
        add_comment(first, 3, body=body)
    add_comment(second, 4, body="延长开放时间后要加强巡逻。")  # the old 第三条, now 第四条
    build_digest(first)
    build_digest(second)
    login("drafter")
    article_id = add_comment(second, 4, body="还是第四条。").article_id
    page = client.get(f"/staff/digests/{second.id}/articles/{article_id}").text
    section = page[page.index("本条在各轮征求意见中") :]
    assert "该轮中为第三条" in section and "2 条意见" in section  # the first round, as it was numbered there
    assert "该轮中为第四条" in section and "2 条意见" in section[section.index("该轮中为第四条") :]
    assert f"/staff/digests/{first.id}/articles/{article_id}" in section


def test_the_rounds_table_lists_every_article_of_both_rounds(client, login):
    first, second = _two_rounds()
    add_comment(first, 3, body="开放时间应当延长。")
    login("drafter")
    assert "各轮意见对照（2 轮）" in client.get(f"/staff/digests/{second.id}").text
    table = client.get(f"/staff/digests/{second.id}/rounds").text
    rows = table[table.index("<tbody>") :]
    new_row = rows[rows.index("第三条") : rows.index("</tr>", rows.index("第三条"))]
    assert "无此条" in new_row  # the new 第三条 was not in the first round
    old_row = rows[rows.index('<th scope="row">第四条') :]
    old_row = old_row[: old_row.index("</tr>")]
    assert ">第三条</a>" in old_row and "1 条意见" in old_row
    one = db.session.scalar(sa.select(Consultation).filter_by(slug="parks"))
    assert "各轮意见对照" in client.get(f"/staff/digests/{one.id}").text  # the first round sees it too
