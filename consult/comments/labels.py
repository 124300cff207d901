"""Translated labels for the stable codes of the comments domain."""

from flask_babel import lazy_gettext as _l

from consult.errors import messages_from

ROLE_LABELS = {
    "citizen": _l("市民"),
    "enterprise": _l("企业"),
    "organisation": _l("社会组织"),
    "deputy": _l("人大代表"),
    "cppcc_member": _l("政协委员"),
    "expert": _l("专家学者"),
    "other": _l("其他"),
}
SOURCE_LABELS = {
    "web": _l("网站"),
    "letter": _l("来信"),
    "email": _l("电子邮件"),
    "deputy": _l("人大代表转交"),
    "liaison_station": _l("基层立法联系点"),
    "seminar": _l("座谈会"),
}
REASON_LABELS = {
    "off_topic": _l("与本条无关"),
    "advertising": _l("广告"),
    "abuse": _l("人身攻击"),
    "duplicate": _l("重复"),
    "personal_data": _l("含个人信息"),
    "other": _l("其他原因"),
}
STATE_LABELS = {"pending": _l("待审核"), "approved": _l("已通过"), "rejected": _l("未通过")}
RESIDENT_STATUS_LABELS = {
    "received": _l("已收到"),
    "published": _l("已公开"),
    "not_public": _l("不公开"),
    "answered": _l("已处理"),
}
ACTION_LABELS = {
    "approve": _l("通过"),
    "reject": _l("不通过"),
    "redact": _l("遮盖个人信息"),
    "record": _l("录入其他渠道意见"),
    "premoderation_on": _l("开启先审后发"),
    "premoderation_off": _l("关闭先审后发"),
}
PERSONAL_DATA_LABELS = {
    "id_number": _l("身份证号"),
    "mobile": _l("手机号"),
    "landline": _l("固定电话"),
    "email": _l("电子邮箱"),
    "plate": _l("车牌号"),
    "address": _l("门牌地址"),
}
ERRORS = {
    "closed": _l("征求意见期已结束，不能再提交意见。"),
    "unknown_article": _l("找不到这一条，请从草案页面重新进入。"),
    "empty": _l("请填写您的意见。"),
    "too_long": _l("意见不能超过 %(limit)s 个字。"),
    "unknown_source": _l("请选择意见来源。"),
    "unknown_reason": _l("请选择不通过的理由。"),
}


error_message = messages_from(ERRORS)
