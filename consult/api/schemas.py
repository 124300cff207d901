"""What the API reads and returns, as marshmallow schemas: they validate input and, through
flask-smorest, make the OpenAPI document. Nothing here carries a resident's contact details except
StaffCommentSchema.contact, filled only for roles allowed to see contacts."""

from __future__ import annotations

import re
from typing import cast

import marshmallow as ma
from flask_babel import lazy_gettext as _l
from marshmallow import fields, validate

from consult.analysis.normalize import VISIBLE_CHARACTER
from consult.comments.models import ROLES as RESIDENT_ROLES
from consult.comments.models import SOURCES, STATES
from consult.config import DEFAULTS
from consult.drafts.models import STATUSES
from consult.forms import CONTACT_MESSAGE, CONTACT_PATTERN

PHASES = (*STATUSES, "scheduled")
EMPTY_MESSAGE = _l("请填写您的意见。")
# The city's districts and the longest comment as configured by default: the document states them,
# so it says exactly what is accepted (a deployment changing them changes these defaults too).
DISTRICTS = cast(tuple[str, ...], DEFAULTS["DISTRICTS"])
MAX_CHARS = cast(int, DEFAULTS["COMMENT_MAX_CHARS"])  # code points: never more characters as people count them


class Pattern(validate.Regexp):
    """A regular expression the whole value must match, as JSON Schema reads "pattern" (Python's
    `$` would also let a trailing newline through)."""

    def __call__(self, value: str) -> str:  # type: ignore[override]  # text only, never bytes
        if cast(re.Pattern[str], self.regex).fullmatch(value) is None:
            raise ma.ValidationError(self._format_error(value))
        return value


class Contains(validate.Regexp):
    """A regular expression found somewhere in the value, as JSON Schema reads an unanchored pattern."""

    def __call__(self, value: str) -> str:  # type: ignore[override]  # text only, never bytes
        if cast(re.Pattern[str], self.regex).search(value) is None:
            raise ma.ValidationError(self._format_error(value))
        return value


class JsonBoolean(fields.Boolean):
    """true or false, as JSON writes them: not 0, 1 or "yes" (Python counts 0 == False)."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, bool):
            raise self.make_error("invalid")
        return value


class ErrorBody(ma.Schema):
    code = fields.String(required=True, metadata={"description": "A stable code: not_found, invalid_input …"})
    message = fields.String(required=True, metadata={"description": "For people, in the request's language"})
    details = fields.Dict(metadata={"description": "Field errors, for invalid input"})


class ErrorSchema(ma.Schema):
    error = fields.Nested(ErrorBody, required=True)


class PageArgs(ma.Schema):
    cursor = fields.Integer(
        load_default=None,
        validate=validate.Range(min=0, max=2**31 - 1),
        metadata={"description": "The next_cursor of the page before; none for the first page"},
    )
    limit = fields.Integer(
        load_default=50, validate=validate.Range(min=1, max=200), metadata={"description": "Rows per page"}
    )


class PublicCommentArgs(PageArgs):
    article = fields.Integer(
        load_default=None, validate=validate.Range(min=1, max=2**31 - 1), metadata={"description": "An article id"}
    )


class VersionSchema(ma.Schema):
    position = fields.Integer(required=True)
    label = fields.String(required=True)


class ConsultationSchema(ma.Schema):
    id = fields.Integer(required=True)
    slug = fields.String(required=True)
    title = fields.String(required=True)
    phase = fields.String(required=True, validate=validate.OneOf(PHASES))
    opens_at = fields.AwareDateTime(allow_none=True)
    closes_at = fields.AwareDateTime(allow_none=True)
    version = fields.Nested(VersionSchema, required=True)
    articles = fields.Integer(required=True, metadata={"description": "How many 条 the version has"})
    url = fields.String(required=True, metadata={"description": "The page residents read"})


class ConsultationDetailSchema(ConsultationSchema):
    memo = fields.String(required=True, metadata={"description": "起草说明"})


class ConsultationPageSchema(ma.Schema):
    items = fields.List(fields.Nested(ConsultationSchema), required=True)
    next_cursor = fields.Integer(allow_none=True, required=True)


class ParagraphSchema(ma.Schema):
    text = fields.String(required=True)
    items = fields.List(fields.String(), required=True, metadata={"description": "项 of this 款"})


class StanceSchema(ma.Schema):
    support = fields.Integer(required=True)
    oppose = fields.Integer(required=True)
    neither = fields.Integer(required=True)
    confirmed = fields.Integer(required=True, metadata={"description": "Tagged by a drafter; the rest suggested"})


class ArticleSchema(ma.Schema):
    id = fields.Integer(required=True, metadata={"description": "Stable across versions of the draft"})
    number = fields.String(required=True, metadata={"example": "第十二条"})
    slug = fields.String(required=True, metadata={"description": "The article's part of its page's URL"})
    heading = fields.String(allow_none=True)
    headings = fields.List(fields.String(), required=True, metadata={"description": "Enclosing 编/章/节"})
    paragraphs = fields.List(fields.Nested(ParagraphSchema), required=True, metadata={"description": "款"})
    published_comments = fields.Integer(required=True)
    stance = fields.Nested(StanceSchema, allow_none=True, required=True)


class ArticleListSchema(ma.Schema):
    items = fields.List(fields.Nested(ArticleSchema), required=True)


class NodeSchema(ma.Schema):
    kind = fields.String(required=True, validate=validate.OneOf(("part", "chapter", "section", "article")))
    number = fields.String(allow_none=True, required=True)
    title = fields.String(allow_none=True, required=True)
    article_id = fields.Integer(allow_none=True, required=True)
    children = fields.List(fields.Nested(lambda: NodeSchema()), required=True)


class StructureSchema(ma.Schema):
    title = fields.String(required=True)
    nodes = fields.List(fields.Nested(NodeSchema), required=True)


class PublicCommentSchema(ma.Schema):
    id = fields.Integer(required=True)
    article_id = fields.Integer(allow_none=True, required=True, metadata={"description": "null: on the whole draft"})
    text = fields.String(required=True)
    name = fields.String(allow_none=True, required=True, metadata={"description": "As the resident signed"})
    district = fields.String(allow_none=True, required=True)
    created_at = fields.AwareDateTime(required=True)


class PublicCommentPageSchema(ma.Schema):
    items = fields.List(fields.Nested(PublicCommentSchema), required=True)
    next_cursor = fields.Integer(allow_none=True, required=True)


class CommentInSchema(ma.Schema):
    body = fields.String(
        required=True,
        validate=[validate.Length(min=1, max=MAX_CHARS), Contains(VISIBLE_CHARACTER, error=str(EMPTY_MESSAGE))],
        metadata={"description": "The comment, with at least one visible character"},
    )
    article = fields.String(
        load_default=None,
        validate=Pattern(r"^[0-9]{1,4}(?:-[0-9]{1,3})?$"),
        metadata={"description": "The article's slug (12, or 12-1 for 第十二条之一); none: the whole draft"},
    )
    name = fields.String(load_default="", validate=validate.Length(max=40))
    contact = fields.String(
        load_default="",
        validate=[validate.Length(max=100), Pattern(CONTACT_PATTERN, error=str(CONTACT_MESSAGE))],
        metadata={"description": "A phone number or an e-mail address; never published"},
    )
    district = fields.String(load_default="", validate=validate.OneOf(("", *DISTRICTS)))
    role = fields.String(load_default="citizen", validate=validate.OneOf(RESIDENT_ROLES))
    public = JsonBoolean(load_default=True)
    updates = JsonBoolean(
        load_default=False,
        metadata={"description": "E-mail the receipt and, once confirmed, the answer (needs an e-mail contact)"},
    )


class ReceiptSchema(ma.Schema):
    receipt = fields.String(required=True, metadata={"description": "The resident's receipt number"})
    state = fields.String(required=True, validate=validate.OneOf(STATES))
    url = fields.String(required=True, metadata={"description": "The receipt page (keep it private)"})


class AnswerSchema(ma.Schema):
    article_id = fields.Integer(allow_none=True, required=True)
    theme = fields.String(required=True)
    comments = fields.Integer(required=True)
    decision = fields.String(allow_none=True, required=True, metadata={"description": "null: still under study"})
    reason = fields.String(required=True)


class FeedbackSchema(ma.Schema):
    published_at = fields.AwareDateTime(required=True)
    introduction = fields.String(required=True)
    answers = fields.List(fields.Nested(AnswerSchema), required=True)


class StaffCommentSchema(ma.Schema):
    id = fields.Integer(required=True)
    receipt = fields.String(required=True)
    article_id = fields.Integer(allow_none=True, required=True)
    body = fields.String(required=True)
    public_text = fields.String(required=True)
    state = fields.String(required=True, validate=validate.OneOf(STATES))
    reject_reason = fields.String(allow_none=True, required=True)
    public = fields.Boolean(required=True, metadata={"description": "The resident agreed to publication"})
    source = fields.String(required=True, validate=validate.OneOf(SOURCES))
    role = fields.String(required=True)
    name = fields.String(allow_none=True, required=True)
    district = fields.String(allow_none=True, required=True)
    created_at = fields.AwareDateTime(required=True)
    moderated_at = fields.AwareDateTime(allow_none=True, required=True)
    contact = fields.String(allow_none=True, metadata={"description": "Only for roles allowed to see contacts"})


class StaffCommentPageSchema(ma.Schema):
    items = fields.List(fields.Nested(StaffCommentSchema), required=True)
    next_cursor = fields.Integer(allow_none=True, required=True)


class StaffCommentArgs(PageArgs):
    state = fields.String(load_default=None, validate=validate.OneOf(STATES))


class ThemeSchema(ma.Schema):
    id = fields.Integer(required=True)
    article_id = fields.Integer(allow_none=True, required=True)
    label = fields.String(required=True)
    keywords = fields.List(fields.String(), required=True)
    size = fields.Integer(required=True)
    decision = fields.String(allow_none=True, required=True)
    reason = fields.String(required=True)
    stance = fields.Nested(StanceSchema, allow_none=True, required=True)


class DigestSchema(ma.Schema):
    built_at = fields.AwareDateTime(allow_none=True, required=True)
    comments = fields.Integer(required=True, metadata={"description": "Comments the digest holds"})
    themes = fields.List(fields.Nested(ThemeSchema), required=True)
