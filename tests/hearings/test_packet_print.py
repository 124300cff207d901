"""The demo hearing's agenda packet prints as is: no nearly blank pages, no heading left at the foot of a
page, table words kept whole, each campaign and each speaker's summary printed once."""

import io
import re

import pypdf
import pytest

from consult.extensions import db
from consult.hearings.models import Hearing, Registration
from consult.hearings.packet import packet_data, render_agenda_packet

FOOTER = re.compile(r"^第\s*\d+\s*页")
HEADINGS = {"条文", "公众意见摘要", "讨论问题", "本议题陈述人", "会议议程", "陈述人名单", "陈述人观点摘要"}


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """The demo loaded once; the packet's pages as lists of body lines (running header and footer off)."""
    from consult.demo.loader import load_demo

    from testapp import make_app

    app = make_app("sqlite:///" + str(tmp_path_factory.mktemp("packet") / "demo.sqlite3"))
    with app.app_context(), app.test_request_context():
        db.create_all()
        load_demo()
        hearing = db.session.scalar(db.select(Hearing))
        pdf = render_agenda_packet(hearing)
        data = packet_data(hearing)
        summaries = [r.summary for r in db.session.scalars(db.select(Registration).filter_by(state="selected"))]
        campaigns = [c.representative.shown_text for item in data.items for v in item.themes for c in v.campaigns]
        pages = []
        for page in pypdf.PdfReader(io.BytesIO(pdf)).pages:
            lines = [line.strip() for line in page.extract_text().splitlines() if line.strip()]
            pages.append([line for line in lines if line != hearing.title and not FOOTER.match(line)])
        yield {"pages": pages, "summaries": summaries, "campaigns": campaigns, "title": hearing.title}
        db.engine.dispose()


def _flat(lines) -> str:
    return "".join(lines).replace(" ", "")


def test_no_page_but_the_last_is_nearly_blank(printed):
    body = [len(_flat(lines)) for lines in printed["pages"]]
    nearly_blank = [number for number, chars in enumerate(body[1:-1], start=2) if chars < 120]
    assert nearly_blank == [], body


def test_no_heading_is_left_at_the_foot_of_a_page(printed):
    for number, lines in enumerate(printed["pages"], start=1):
        last = lines[-1] if lines else ""
        item_heading = re.match(r"^议题\d+：", last) and "..." not in last  # contents lines carry leaders
        assert last not in HEADINGS and not item_heading, (number, last)


def test_table_words_are_not_broken_across_lines(printed):
    lines = [line for page in printed["pages"] for line in page]
    for word in ("专家学者", "建议修改", "人大代表", "郑律师", "10分钟", "09:00"):
        assert any(word in line.replace(" ", "") for line in lines), word
    assert not any(line.replace(" ", "") in {"所在", "区", "专家学", "者", "建议修", "改"} for line in lines)


def test_each_campaign_and_summary_is_printed_once(printed):
    text = _flat(_flat(lines) for lines in printed["pages"])
    assert printed["campaigns"], "the demo should have a campaign on an agenda article"
    for campaign in printed["campaigns"]:
        assert text.count(campaign.replace(" ", "")[:24]) == 1, campaign[:24]
    for summary in printed["summaries"]:
        assert text.count(summary.replace(" ", "")[:20]) == 1, summary[:20]


def test_cover_time_reads_like_a_date(printed):
    cover = _flat(printed["pages"][0])
    assert re.search(r"\d{4}年\d{1,2}月\d{1,2}日（星期.）(上午|下午)\d{1,2}:\d{2}", cover), cover
    assert "+08" not in cover and "标准时间" not in cover and ":00:00" not in cover
