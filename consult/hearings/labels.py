from flask_babel import lazy_gettext as _l

from consult.errors import messages_from

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
}


error_message = messages_from(ERRORS)
