"""Staff roles as people read them."""

from flask_babel import lazy_gettext as _l

STAFF_ROLE_LABELS = {
    "admin": _l("管理员"),
    "drafter": _l("起草人员"),
    "moderator": _l("审核人员"),
    "organizer": _l("会议组织人员"),
}
