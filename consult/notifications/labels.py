"""Subjects of the messages, by kind; %(title)s is the consultation's title."""

from flask_babel import lazy_gettext as _l

SUBJECTS = {
    "confirm": _l("请确认：关注《%(title)s》"),
    "receipt": _l("已收到您对《%(title)s》的意见（回执 %(receipt)s）"),
    "answer": _l("您对《%(title)s》的意见已有处理结果"),
    "new_round": _l("《%(title)s》%(label)s公开征求意见"),
    "selection": _l("%(title)s：陈述人遴选结果"),
}
