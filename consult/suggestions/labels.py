"""Suggestion states, answer categories, ratings and refusals as people read them."""

from flask_babel import lazy_gettext as _l

from consult.errors import messages_from

STATE_LABELS = {
    "draft": _l("草稿"),
    "submitted": _l("已提交，待审查"),
    "accepted": _l("已立案，待交办"),
    "merged": _l("已并案办理"),
    "assigned": _l("办理中"),
    "answered": _l("已答复，待代表评判"),
    "closed": _l("已办结"),
}
CATEGORY_LABELS = {
    "A": _l("A 类：所提问题已经解决或基本解决"),
    "B": _l("B 类：所提问题正在解决或已列入计划逐步解决"),
    "C": _l("C 类：因条件限制暂时难以解决，留作参考"),
}
RATING_LABELS = {"satisfied": _l("满意"), "basic": _l("基本满意"), "unsatisfied": _l("不满意")}
ACTION_LABELS = {
    "submit": _l("提交建议"),
    "return_": _l("退回修改"),
    "accept": _l("立案"),
    "merge": _l("并案"),
    "assign": _l("交办"),
    "answer": _l("答复"),
    "rate": _l("评判"),
    "reopen": _l("不满意，重新办理"),
    "cosign": _l("确认附议"),
    "uncosign": _l("撤回附议"),
    "progress": _l("报送办理进度"),
    "co_opinion": _l("报送协办意见"),
    "attach": _l("上传附件"),
    "detach": _l("删除附件"),
    "publish": _l("恢复公开"),
    "unpublish": _l("撤回公开"),
}
REPORT_LABELS = {"progress": _l("办理进度"), "co_opinion": _l("协办意见")}

MESSAGES = {
    "not_now": _l("这条建议现在是“%(state)s”，不能进行这一步。"),
    "not_yours": _l("这一步不由您办理。"),
    "not_a_deputy": _l("只有代表可以提出建议。"),
    "title_missing": _l("请填写标题（不超过 %(limit)s 字）。"),
    "body_missing": _l("请填写建议内容（不超过 %(limit)s 字）。"),
    "reason_missing": _l("请写明理由（不超过 %(limit)s 字）。"),
    "answer_missing": _l("请填写答复内容（不超过 %(limit)s 字）。"),
    "bad_category": _l("请选择答复类别（A、B 或 C）。"),
    "bad_rating": _l("请选择满意、基本满意或不满意。"),
    "bad_merge_target": _l("只能并入另一条已立案的建议。"),
    "lead_is_co_unit": _l("主办单位不能同时是协办单位。"),
    "unknown_unit": _l("没有这个承办单位。"),
    "too_many_cosigners": _l("附议代表最多 %(limit)s 位。"),
    "report_missing": _l("请填写内容（不超过 %(limit)s 字）。"),
    "file_kind": _l("只能上传这些格式的文件：%(kinds)s。"),
    "file_size": _l("文件不能为空，也不能超过 %(limit)s MB。"),
    "file_content": _l("文件内容与扩展名 .%(kind)s 不符，请确认文件没有损坏或改过扩展名。"),
    "too_many_files": _l("每条建议最多 %(limit)s 个附件。"),
}


def error_message(code: str, **detail) -> str:
    if "state" in detail:
        detail = {**detail, "state": str(STATE_LABELS.get(detail["state"], detail["state"]))}
    return messages_from(MESSAGES)(code, **detail)
