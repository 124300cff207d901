from flask_babel import lazy_gettext as _l

from consult.errors import messages_from

DECISION_LABELS = {
    "adopted": _l("采纳"),
    "partly_adopted": _l("部分采纳"),
    "not_adopted": _l("未采纳"),
    "already_provided": _l("已有规定"),
    "out_of_scope": _l("不属于本法规调整范围"),
}
KIND_LABELS = {
    "modify": _l("修改"),
    "delete": _l("删除"),
    "add": _l("增加"),
    "support": _l("赞成"),
    "oppose": _l("反对"),
    "question": _l("询问"),
    "other": _l("其他"),
}
STANCE_LABELS = {"support": _l("赞成"), "oppose": _l("反对"), "neither": _l("其他")}
BUILD_STAGE_LABELS = {
    "": _l("排队中"),
    "reading": _l("读取意见"),
    "grouping": _l("归纳主题"),
    "writing": _l("保存摘要"),
    "done": _l("完成"),
    "failed": _l("失败"),
}
ERRORS = {
    "stale": _l("“%(label)s”刚刚被另一位工作人员修改过。请查看最新内容后再提交；您填写的内容保留在下方。"),
    "label_missing": _l("请填写主题名称。"),
    "merge_mismatch": _l("只能合并同一条文下的两个不同主题。"),
    "split_nothing": _l("请勾选要拆分出来的部分意见（不能是全部）。"),
    "move_mismatch": _l("只能把意见移到同一条文下的另一个主题。"),
    "not_members": _l("请勾选这个主题里的意见。"),
    "unknown_stance": _l("请选择赞成、反对或其他。"),
    "no_theme": _l("这条意见还没有归入任何主题，暂时没有可以反馈的答复。"),
    "unknown_article": _l("所选条文不属于这部草案。"),
    "decision_missing": _l("请选择处理意见。"),
    "reason_missing": _l("请用通俗的话写明理由。"),
    "still_open": _l("征求意见截止后才能发布意见采纳情况。"),
}


error_message = messages_from(ERRORS)
