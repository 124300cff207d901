"""Station kinds, star ratings and refusals as people read them."""

from flask_babel import lazy_gettext as _l

from consult.comments.labels import error_message as comment_error_message
from consult.errors import messages_from

KIND_LABELS = {
    "community": _l("社区联络站"),
    "park": _l("公园联络站"),
    "industrial": _l("园区联络站"),
    "sector": _l("行业联络站"),
    "other": _l("其他联络站"),
}
# How a screen reader says the ★☆ row: "三星级"; 0 is a station not yet rated.
STAR_LABELS = {0: _l("未评星级"), 1: _l("一星级"), 2: _l("二星级"), 3: _l("三星级"), 4: _l("四星级"), 5: _l("五星级")}

MESSAGES = {
    "name_missing": _l("请填写联络站名称（不超过 %(limit)s 字）。"),
    "name_taken": _l("已有一个叫“%(name)s”的联络站。"),
    "district_missing": _l("请填写所在区（不超过 %(limit)s 字）。"),
    "bad_kind": _l("请选择联络站类型。"),
    "bad_stars": _l("星级应为 0 到 5（0 表示尚未评定）。"),
    "field_too_long": _l("不能超过 %(limit)s 字。"),
    "not_a_deputy": _l("只能把人大代表联系到联络站。"),
    "not_a_station": _l("这个账号不属于任何联络站。"),
    "closed": _l("这部草案现在不在征求意见期内，不能录入意见。"),
    "body_missing": _l("请填写群众反映的内容（不超过 %(limit)s 字）。"),
    "date_missing": _l("请填写收到的日期。"),
    "date_in_future": _l("收到的日期不能晚于今天。"),
    "deputy_not_at_station": _l("请选择本联络站的代表。"),
    "not_your_matter": _l("这件事项不是交给您的。"),
    "already_suggestion": _l("这件事项已经转为建议。"),
}


def error_message(code: str, **detail) -> str:
    """A refusal of this domain, or of the comment store an opinion passes through."""
    if code not in MESSAGES:
        return comment_error_message(code, **detail)
    return messages_from(MESSAGES)(code, **detail)


def stars_text(stars: int) -> str:
    """★★★☆☆ for three stars of five; empty for a station not yet rated."""
    return "★" * stars + "☆" * (5 - stars) if stars else ""


def stars_label(stars: int) -> str:
    return str(STAR_LABELS.get(stars, stars))


def template_helpers() -> dict:
    """The station pages' template functions: a kind's label, the ★☆ row and how it is read out."""
    return {
        "station_kind_label": lambda code: str(KIND_LABELS.get(code, code)),
        "station_stars_text": stars_text,
        "station_stars_label": stars_label,
    }
