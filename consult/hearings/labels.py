from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from consult.comments.labels import ROLE_LABELS
from consult.errors import messages_from
from consult.hearings.selection import Gap, Pick

KIND_LABELS = {"hearing": _l("立法听证会"), "seminar": _l("立法论证会"), "forum": _l("立法座谈会")}
STATUS_LABELS = {
    "draft": _l("草稿"),
    "announced": _l("已公告"),
    "closed": _l("报名已截止"),
    "held": _l("已举行"),
    "cancelled": _l("已取消"),
}
STANCE_LABELS = {"for": _l("赞成"), "against": _l("反对"), "amend": _l("建议修改")}
REGISTRATION_KIND_LABELS = {"speaker": _l("申请陈述"), "observer": _l("申请旁听")}
REGISTRATION_STATE_LABELS = {
    "applied": _l("已报名，待遴选"),
    "selected": _l("已确定为陈述人"),
    "not_selected": _l("未被选为陈述人"),
    "withdrawn": _l("已撤回"),
}
ERRORS = {
    "unknown_kind": _l("请选择会议类型。"),
    "window_inverted": _l("报名截止时间必须晚于报名开始时间。"),
    "registration_after_start": _l("报名截止时间不能晚于会议开始时间。"),
    "unknown_article": _l("所选条文不属于这部草案。"),
    "bad_transition": _l("当前状态下不能进行这项操作。"),
    "registration_closed": _l("报名未开始或已截止。"),
    "name_missing": _l("请填写姓名。"),
    "stance_missing": _l("请选择您的观点。"),
    "speaker_incomplete": _l("申请陈述需要选择条文并写明观点摘要。"),
    "summary_too_long": _l("观点摘要不能超过 %(limit)s 字。"),
    "too_many_speakers": _l("最多只能选 %(slots)s 位陈述人。"),
    "unknown_registration": _l("所选的人不在本次会议的报名名单中。"),
    "stale": _l("议程刚刚被另一位工作人员修改过，已显示最新议程。请核对后重新提交；您填写的内容保留在表单中。"),
    "title_missing": _l("请填写议题名称。"),
    "bad_duration": _l("时长应在 1 到 480 分钟之间。"),
    "nothing_to_publish": _l("还没有保存陈述人名单，没有可以发布的结果。"),
}
EVENT_LABELS = {
    "selection_saved": _l("保存陈述人名单"),
    "selection_published": _l("发布遴选结果"),
    "agenda_reassigned": _l("按条文重新安排陈述人"),
    "contacts_viewed": _l("查看报名人联系方式"),
    "contacts_exported": _l("导出含联系方式的签到表"),
}


error_message = messages_from(ERRORS)


def pick_reason(pick: Pick, district: str | None, role: str, numbers: dict[int, str]) -> str:
    """Why the proposal chose this applicant, in words the organizer can keep or edit."""
    parts = []
    for article, stance, only in pick.sides:
        side = {"number": numbers.get(article, "—"), "stance": STANCE_LABELS[stance]}
        parts.append(_("%(number)s唯一的“%(stance)s”方", **side) if only else _("%(number)s的“%(stance)s”方", **side))
    if pick.evens:
        parts.append(_("平衡%(numbers)s各方人数", numbers="、".join(numbers.get(a, "—") for a in pick.evens)))
    if pick.new_district and district:
        parts.append(_("来自%(district)s", district=district))
    if pick.new_role:
        parts.append(str(ROLE_LABELS.get(role, role)))
    return _("；").join(parts) or _("按报名先后")  # the separator, translated: "; " in English


def gap_lines(gaps: list[Gap], numbers: dict[int, str]) -> list[str]:
    """One line per unheard side; an article nobody applied to speak on at all gets one line."""
    silent = {g.article_id for g in gaps if g.applicants == 0}
    silent = {
        a for a in silent if sum(1 for g in gaps if g.article_id == a and g.applicants == 0) == len(STANCE_LABELS)
    }
    lines, said = [], set()
    for gap in gaps:
        number = numbers.get(gap.article_id, "—")
        if gap.article_id in silent:
            if gap.article_id not in said:
                lines.append(_("%(number)s：没有人申请就这一条陈述。", number=number))
                said.add(gap.article_id)
            continue
        side = {"number": number, "stance": STANCE_LABELS[gap.stance]}
        if gap.applicants:
            lines.append(_("%(number)s：持“%(stance)s”观点的 %(count)d 人都没有入选。", count=gap.applicants, **side))
        else:
            lines.append(_("%(number)s：没有人以“%(stance)s”观点申请陈述。", **side))
    return lines
