"""Files attached to a suggestion: the deputy's while it is a draft, the lead unit's with its answer.
A file is accepted by what its first bytes say it is (not by its name or the browser's word), within
a size limit and a count per suggestion; it is served only to those who may see the suggestion, always
as a download."""

from __future__ import annotations

from pathlib import PurePath

import filetype
import sqlalchemy as sa
from flask import current_app

from consult.accounts.models import User
from consult.extensions import db
from consult.suggestions.models import Suggestion, SuggestionAnswer, SuggestionAttachment
from consult.suggestions.services import SuggestionError, own_draft, record

MAX_FILES = 10
# A name's extension → what its content must be found to be (OFD, like .docx, is a zip).
KINDS = {
    "pdf": {"pdf"}, "docx": {"docx", "zip"}, "xlsx": {"xlsx", "zip"}, "doc": {"doc"}, "xls": {"xls", "doc"},
    "ofd": {"zip"}, "jpg": {"jpg"}, "jpeg": {"jpg"}, "png": {"png"}, "txt": set(),
}  # fmt: skip
CONTENT_TYPES = {
    "pdf": "application/pdf", "doc": "application/msword", "xls": "application/vnd.ms-excel",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "ofd": "application/ofd", "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png",
    "txt": "text/plain; charset=utf-8",
}  # fmt: skip


def _is_text(data: bytes) -> bool:
    if b"\x00" in data:
        return False
    for encoding in ("utf-8", "gb18030"):
        try:
            data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return True
    return False


def checked_kind(filename: str, data: bytes) -> str:
    """The file's extension if its content is what the extension says; SuggestionError otherwise."""
    extension = PurePath(filename).suffix.lower().lstrip(".")
    if extension not in KINDS:
        raise SuggestionError("file_kind", kinds="、".join(sorted(KINDS)))
    limit_mb = int(current_app.config["SUGGESTION_ATTACHMENT_MB"])
    if not data or len(data) > limit_mb * 1024 * 1024:
        raise SuggestionError("file_size", limit=limit_mb)
    guessed = filetype.guess_extension(data)
    fits = _is_text(data) if extension == "txt" else guessed in KINDS[extension]
    if not fits:
        raise SuggestionError("file_content", kind=extension)
    return extension


def _attach(actor: User, suggestion: Suggestion, filename: str, data: bytes, answer_id: int | None):
    kind = checked_kind(filename, data)
    if len(attachments_of(suggestion)) >= MAX_FILES:
        raise SuggestionError("too_many_files", limit=MAX_FILES)
    name = PurePath(filename.replace("\\", "/")).name.strip()[-200:] or f"attachment.{kind}"
    row = SuggestionAttachment(suggestion_id=suggestion.id, answer_id=answer_id, uploaded_by_id=actor.id,
                               filename=name, content_type=CONTENT_TYPES[kind], size=len(data), data=data)  # fmt: skip
    db.session.add(row)
    record(actor, suggestion, "attach", name)
    db.session.flush()
    return row


def attach_to_draft(deputy: User, suggestion: Suggestion, filename: str, data: bytes) -> SuggestionAttachment:
    own_draft(deputy, suggestion)
    return _attach(deputy, suggestion, filename, data, None)


def attach_to_answer(unit_user: User, answer: SuggestionAnswer, filename: str, data: bytes) -> SuggestionAttachment:
    """Called with the answer just given, in the same unit of work."""
    suggestion = db.session.get_one(Suggestion, answer.suggestion_id)
    if unit_user.unit_id != answer.unit_id:
        raise SuggestionError("not_yours", action="attach", state=suggestion.state)
    return _attach(unit_user, suggestion, filename, data, answer.id)


def remove_from_draft(deputy: User, suggestion: Suggestion, attachment: SuggestionAttachment) -> None:
    own_draft(deputy, suggestion)
    if attachment.suggestion_id != suggestion.id:
        raise SuggestionError("not_yours", action="detach", state=suggestion.state)
    record(deputy, suggestion, "detach", attachment.filename)
    db.session.delete(attachment)


def attachments_of(suggestion: Suggestion) -> list[SuggestionAttachment]:
    query = sa.select(SuggestionAttachment).where(SuggestionAttachment.suggestion_id == suggestion.id)
    return list(db.session.scalars(query.order_by(SuggestionAttachment.id)))
