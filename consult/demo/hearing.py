"""A demo hearing on the open park draft: announced, with applicants, speakers chosen and an agenda."""

from __future__ import annotations

from datetime import timedelta

from consult.comments.privacy import contact_cipher
from consult.db import utcnow
from consult.drafts.models import Consultation
from consult.drafts.queries import article_numbers, load_structure
from consult.extensions import db
from consult.hearings import selection, services, speaker_services
from consult.hearings.labels import pick_reason
from consult.timezones import city_zone

APPLICANTS = (
    # name, kind, articles, stance, district, role, summary
    (
        "周建国",
        "speaker",
        (12,),
        "amend",
        "港湾区",
        "citizen",
        "广场舞可以保留，但夜间音响应在八点半前结束，建议增设噪声监测显示屏。",
    ),
    (
        "林秀英",
        "speaker",
        (12,),
        "for",
        "滨江区",
        "citizen",
        "我是广场舞队领队，赞成划定区域和时段，希望公园提供固定场地和电源。",
    ),
    (
        "郑律师",
        "speaker",
        (12, 13),
        "amend",
        "高新区",
        "expert",
        "条文中的“组织者”需要界定，处罚应当与行为人对应，避免“一刀切”。",
    ),
    (
        "陈先生",
        "speaker",
        (13,),
        "against",
        "高新区",
        "citizen",
        "反对一律禁止大型犬入园，应以是否登记、是否牵绳为准。",
    ),
    ("黄女士", "speaker", (13,), "for", "北山区", "citizen", "家里有小孩，赞成禁止烈性犬、大型犬进入公园。"),
    (
        "滨海市养犬协会",
        "speaker",
        (13,),
        "amend",
        "新城区",
        "organisation",
        "建议设置宠物活动区域，并在工作日早晚开放大型犬入园时段。",
    ),
    (
        "吴代表",
        "speaker",
        (15,),
        "amend",
        "港湾区",
        "deputy",
        "电动自行车停放点应设在出入口五十米内，方便老年人和残障人士。",
    ),
    ("赵师傅", "speaker", (15,), "against", "北山区", "enterprise", "外卖骑手需要穿行公园，建议允许低速通过指定园路。"),
    ("孙老师", "observer", (), None, "滨江区", "citizen", ""),
    ("钱同学", "observer", (), None, "高新区", "other", ""),
)
QUESTIONS = {
    12: "夜间音响使用时段应当截止到几点？\n噪声限值按白天和夜间分别规定是否可行？\n由谁负责现场执法？",
    13: "是否应当一律禁止大型犬入园？\n宠物活动区域应当“可以设置”还是“应当设置”？",
    15: "电动自行车停放点应当距离出入口多远？\n是否允许低速通过指定园路？",
}


def load_demo_hearing(consultation: Consultation) -> str:
    structure = load_structure(consultation.version_id)
    ids = {n: article.article_id for n in (12, 13, 15) if (article := structure.article(str(n))) is not None}
    now = utcnow()
    zone = city_zone()
    # 09:00 city time, twelve days from now: a plausible morning session.
    starts = (now + timedelta(days=12)).astimezone(zone).replace(hour=9, minute=0, second=0, microsecond=0)
    hearing = services.save_hearing(
        consultation,
        services.HearingInput(
            kind="hearing",
            title="《滨海市公园管理条例（草案）》立法听证会",
            starts_at=starts,
            venue="滨海市人大常委会机关第一会议室（滨江区人民路 1 号）",
            capacity=60,
            speaker_slots=6,
            registration_opens_at=now - timedelta(days=2),
            registration_closes_at=now + timedelta(days=7),
            announcement="为广泛听取社会各方面意见，市人大常委会法制工作委员会定于下列时间举行立法听证会，"
            "就草案第十二条、第十三条、第十五条听取陈述意见。欢迎市民报名陈述或旁听。",
            article_ids=tuple(ids.values()),
        ),
    )
    hearing.status = "announced"
    _register_applicants(hearing, ids)
    _choose_speakers(hearing)
    _build_agenda(hearing, ids)
    return f"{hearing.title}: /hearings/{hearing.id}"


def _register_applicants(hearing, ids: dict[int, int]) -> None:
    cipher = contact_cipher()
    for index, (name, kind, articles, stance, district, role, summary) in enumerate(APPLICANTS):
        applicant = services.RegistrationInput(
            kind=kind,
            name=name,
            article_ids=tuple(ids[a] for a in articles),
            stance=stance,
            summary=summary,
            district=district,
            role=role,
            contact=f"1390000{index:04d}" if kind == "speaker" else "",  # fictional numbers
        )
        services.register(hearing, applicant, token=f"demo-hearing-{index}", cipher=cipher)


def _choose_speakers(hearing) -> None:
    from consult.accounts.models import User
    from consult.hearings.models import Registration

    organizer = db.session.scalar(db.select(User).filter_by(role="organizer"))
    applicants = db.session.scalars(db.select(Registration).filter_by(hearing_id=hearing.id, kind="speaker")).all()
    picks = selection.propose_speakers(
        [selection.Applicant.of(a) for a in applicants], hearing.speaker_slots, [a.id for a in hearing.articles]
    )
    numbers = article_numbers(hearing.consultation.version_id)
    by_id = {a.id: a for a in applicants}
    reasons = {p.id: pick_reason(p, by_id[p.id].district, by_id[p.id].role, numbers) for p in picks}
    speaker_services.apply_selection(organizer, hearing, reasons)
    speaker_services.publish_selection(organizer, hearing)


def _build_agenda(hearing, ids: dict[int, int]) -> None:
    services.add_item(
        hearing, title="主持人宣布听证事项和纪律", article_id=None, duration=10, questions="", revision=None
    )
    for number, title in ((12, "关于广场舞等文体活动的规定"), (13, "关于犬只入园的规定"), (15, "关于电动自行车的规定")):
        services.add_item(  # the speakers who asked to speak on the article come with it
            hearing, title=title, article_id=ids[number], duration=30, questions=QUESTIONS[number], revision=None
        )
    services.add_item(hearing, title="听证主持人总结", article_id=None, duration=10, questions="", revision=None)
