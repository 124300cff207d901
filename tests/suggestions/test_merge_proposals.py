"""并案 with proposals: a suggestion being checked lists the sent ones most like it, offers to merge into
an accepted one in one click, and staff see the undecided suggestions grouped by matter."""

import sqlalchemy as sa

from consult.accounts.models import User
from consult.accounts.services import create_user
from consult.extensions import db
from consult.suggestions import services
from consult.suggestions.models import Suggestion

PASSWORD = "correct horse battery"
ELEVATOR = ("老旧小区加装电梯审批流程繁琐，建议简化审批，提高财政补贴比例。",
            "关于推进既有住宅加装电梯的建议：简化加装电梯的审批手续，加大补贴力度。")  # fmt: skip
OTHERS = ("建议增加地铁末班车时间，方便夜间下班人员出行。", "公园厕所数量少且卫生差，建议增建公厕并加强保洁。",
          "关于治理餐饮油烟扰民的建议：居民楼底商油烟直排，建议安装净化设备并加强执法。")  # fmt: skip


def _sent(deputy, title: str, body: str) -> Suggestion:
    suggestion = services.create(deputy, title, body)
    services.submit(deputy, suggestion)
    return suggestion


def _world():
    first, second = create_user("a@example.org", "deputy", PASSWORD), create_user("b@example.org", "deputy", PASSWORD)
    clerk = create_user("clerk@example.org", "drafter", PASSWORD)
    accepted = _sent(first, "关于加装电梯的建议", ELEVATOR[0])
    services.accept(clerk, accepted)
    checked = _sent(second, "关于老旧住宅电梯的建议", ELEVATOR[1])
    others = [_sent(first, f"建议{n}", text) for n, text in enumerate(OTHERS)]
    db.session.commit()
    return accepted, checked, others


def _as(client, email: str):
    client.post("/staff/logout")
    assert client.post("/staff/login", data={"email": email, "password": PASSWORD}).status_code == 302


def test_the_check_page_proposes_the_same_matter_and_merges_in_one_click(client):
    accepted, checked, others = _world()
    _as(client, "clerk@example.org")
    page = client.get(f"/staff/suggestions/{checked.id}").text
    section = page.split('id="matches-title"')[1].split("</section>")[0]
    assert f"第 {accepted.id} 号 关于加装电梯的建议" in section
    assert section.index(f"第 {accepted.id} 号") < min(
        (section.index(f"第 {o.id} 号") for o in others if f"第 {o.id} 号" in section), default=len(section)
    )
    assert f"并入第 {accepted.id} 号" in section
    assert client.post(f"/staff/suggestions/{checked.id}/merge", data={"into": accepted.id}).status_code == 302
    db.session.rollback()
    assert db.session.get(Suggestion, checked.id).merged_into_id == accepted.id


def test_undecided_suggestions_grouped_by_matter_for_staff_only(client):
    accepted, checked, others = _world()
    _as(client, "clerk@example.org")
    page = client.get("/staff/suggestions/similar").text
    groups = page.split('class="card"')[1:]
    assert len(groups) == 1
    assert f"第 {accepted.id} 号" in groups[0] and f"第 {checked.id} 号" in groups[0]
    assert all(f"第 {o.id} 号" not in page for o in others)
    _as(client, "a@example.org")
    assert client.get("/staff/suggestions/similar").status_code == 403
    assert "matches-title" not in client.get(f"/staff/suggestions/{accepted.id}").text  # a deputy is not shown these


def test_a_suggestion_sent_later_is_proposed_at_once(client):
    accepted, checked, others = _world()
    _as(client, "clerk@example.org")
    assert "关于简化加装电梯的审批的建议" not in client.get(f"/staff/suggestions/{checked.id}").text  # index built
    author = db.session.scalar(sa.select(User).where(User.email == "a@example.org"))
    later = _sent(author, "关于简化加装电梯的审批的建议", "既有住宅加装电梯的审批手续繁琐，建议简化审批、提高补贴。")
    db.session.commit()
    assert f"第 {later.id} 号 关于简化加装电梯的审批的建议" in client.get(f"/staff/suggestions/{checked.id}").text
