"""State changes on drafts and consultations. Services flush; the view or command commits."""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from consult import hooks
from consult.db import utcnow
from consult.drafts.importers import ImportedText, read_pasted, read_upload
from consult.drafts.models import Article, Consultation, Draft, DraftVersion, PendingImport, StructureNode
from consult.drafts.structure import ParsedDraft, parse_draft
from consult.drafts.tree import build_nodes
from consult.drafts.versions.instructions import is_amendment, read_amendment
from consult.errors import DomainError
from consult.extensions import db
from consult.hooks import announce

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PENDING_LIFETIME = timedelta(days=1)
SLOW_KINDS = ("pdf", "doc", "wps", "odt")  # read in a child process: their text is kept with the upload


class DraftError(DomainError):
    pass


@dataclass(frozen=True)
class ImportPreview:
    pending: PendingImport
    imported: ImportedText
    parsed: ParsedDraft


def read_source(filename: str, data: bytes | None = None, pasted: str | None = None) -> ImportedText:
    """Bytes of an upload or pasted text → text, or DraftFileError with a stable code."""
    if pasted is not None:
        return read_pasted(pasted)
    return read_upload(filename, data or b"")


def parse_source(imported: ImportedText) -> ParsedDraft:
    parsed = parse_draft(imported.text)
    if not parsed.articles:
        instructions = read_amendment(imported.text)
        if is_amendment(instructions):
            raise DraftError("amendment_draft", count=len(instructions))
        raise DraftError("no_articles")
    return parsed


def stage_import(user, filename: str, data: bytes | None = None, pasted: str | None = None) -> ImportPreview:
    """Parse an upload and keep it, unsaved, for the drafter's preview."""
    imported = read_source(filename, data, pasted)
    return keep_pending(user, filename, pasted.encode("utf-8") if pasted is not None else data, imported)


def keep_pending(user, filename: str, raw: bytes | None, imported: ImportedText, consultation_id: int | None = None):
    """Parse what was read and keep the upload for the preview: a new draft, or (`consultation_id`) a
    new version of that consultation's draft. The text read is kept where reading it again is slow or
    would lose what reading noted (a PDF, a conversion, an amendment applied)."""
    parsed = parse_source(imported)
    _forget_stale_imports()
    pending = PendingImport(
        token=secrets.token_urlsafe(32),
        created_by_id=user.id,
        filename=stored_filename(filename or ""),
        kind=imported.kind,
        encoding=imported.encoding,
        data=raw or b"",
        extracted=imported.text if imported.kind in SLOW_KINDS or imported.notes else None,
        notes=list(imported.notes),
        consultation_id=consultation_id,
    )
    db.session.add(pending)
    db.session.flush()
    return ImportPreview(pending, imported, parsed)


def stored_filename(name: str, limit: int = 255) -> str:
    """An upload's name as kept with the draft: at most `limit` characters, the extension intact
    (the importer reads the type from it)."""
    if len(name) <= limit:
        return name
    stem, dot, extension = name.rpartition(".")
    if not dot or len(extension) > 10:
        return name[: limit - 1] + "…"
    return stem[: limit - len(extension) - 2] + "…." + extension


def load_pending(user, token: str, consultation_id: int | None = None) -> ImportPreview:
    """A drafter's own pending upload, for a new draft or (`consultation_id`) a new version."""
    pending = db.session.scalar(
        db.select(PendingImport).filter_by(token=token, created_by_id=user.id, consultation_id=consultation_id)
    )
    if pending is None:
        raise DraftError("pending_missing")
    if pending.extracted is not None:
        imported = ImportedText(pending.extracted, pending.encoding, pending.kind, tuple(pending.notes or ()))
    elif pending.kind == "paste":
        imported = read_pasted(pending.data.decode("utf-8"))
    else:
        imported = read_upload(pending.filename, pending.data)
    return ImportPreview(pending, imported, parse_draft(imported.text))


def _forget_stale_imports() -> None:
    db.session.execute(db.delete(PendingImport).where(PendingImport.created_at < utcnow() - PENDING_LIFETIME))


def check_slug(slug: str, consultation: Consultation | None = None) -> str:
    slug = slug.strip().lower()
    if not SLUG_PATTERN.match(slug) or len(slug) > 80:
        raise DraftError("bad_slug")
    query = db.select(Consultation.id).filter_by(slug=slug)
    if consultation is not None:
        query = query.where(Consultation.id != consultation.id)
    if db.session.scalar(query) is not None:
        raise DraftError("slug_taken", slug=slug)
    return slug


@dataclass(frozen=True)
class DraftSource:
    """The file a draft came from, kept byte for byte with its first version."""

    filename: str = ""
    kind: str = "paste"  # txt / docx / paste
    encoding: str | None = None
    data: bytes = b""


def save_draft(
    parsed: ParsedDraft,
    *,
    title: str,
    slug: str,
    memo: str,
    user=None,
    label: str = "草案",
    source: DraftSource = DraftSource(),
) -> Consultation:
    """Store a parsed draft as a new draft with its first version and a consultation (草稿)."""
    if not parsed.articles:
        raise DraftError("no_articles")
    title = title.strip() or parsed.title
    if not title:
        raise DraftError("title_missing")
    slug = check_slug(slug)
    draft = Draft(title=title)
    version = version_row(parsed, user, label, source, draft=draft, position=1)
    db.session.add_all([draft, version])
    db.session.flush()
    articles = [Article(draft_id=draft.id) for _ in parsed.articles]
    db.session.add_all(articles)
    db.session.flush()
    db.session.add_all(build_nodes(parsed, version.id, [a.id for a in articles]))
    consultation = Consultation(
        draft=draft, version=version, title=title, slug=slug, memo=_clean_memo(memo), status="draft"
    )
    db.session.add(consultation)
    db.session.flush()
    return consultation


def version_row(parsed: ParsedDraft, user, label: str, source: DraftSource, **where) -> DraftVersion:
    """A version of a draft (`where`: its draft or draft_id, and its position) as parsed and uploaded."""
    return DraftVersion(
        **where,
        label=label,
        created_by_id=getattr(user, "id", None),
        source_filename=stored_filename(source.filename),
        source_kind=source.kind,
        source_encoding=source.encoding,
        source_data=source.data,
        preamble="\n".join(parsed.preamble),
        parse_warnings=[warning_record(w) for w in parsed.warnings],
    )


def _clean_memo(memo: str) -> str:
    """Line endings as one \\n whatever the browser sent, so blank lines part paragraphs."""
    return memo.replace("\r\n", "\n").replace("\r", "\n").strip()


def save_pending(user, token: str, *, title: str, slug: str, memo: str, label: str = "草案") -> Consultation:
    preview = load_pending(user, token)
    consultation = save_draft(
        preview.parsed,
        title=title,
        slug=slug,
        memo=memo,
        user=user,
        label=label,
        source=pending_source(preview.pending),
    )
    db.session.delete(preview.pending)
    db.session.flush()
    return consultation


def forget_pending(pending: PendingImport) -> None:
    """A pending upload that has become a draft or a version."""
    db.session.delete(pending)


def pending_source(pending: PendingImport) -> DraftSource:
    """The upload a pending import holds, as kept with the version it becomes."""
    return DraftSource(pending.filename, pending.kind, pending.encoding, pending.data)


def warning_record(warning) -> dict:
    return {
        "kind": warning.kind,
        "line": warning.line,
        "text": warning.text,
        "detail": dict(warning.detail),
        "message": str(warning),
    }


def update_consultation(consultation: Consultation, *, title: str, slug: str, memo: str) -> None:
    if not title.strip():
        raise DraftError("title_missing")
    consultation.slug = check_slug(slug, consultation)
    consultation.title = title.strip()
    consultation.memo = _clean_memo(memo)
    db.session.flush()


def schedule_consultation(consultation: Consultation, opens_at: datetime, closes_at: datetime) -> None:
    """Publish with a window; the page shows 即将开始 until opens_at and 已截止 after closes_at."""
    if closes_at <= opens_at:
        raise DraftError("window_inverted")
    if consultation.status == "archived":
        raise DraftError("archived")
    consultation.opens_at, consultation.closes_at = opens_at, closes_at
    published_now = consultation.status == "draft"
    consultation.status = "open"
    db.session.flush()
    if published_now:
        announce(hooks.round_published, consultation=consultation)


def open_consultation(consultation: Consultation, closes_at: datetime, now: datetime | None = None) -> None:
    schedule_consultation(consultation, now or utcnow(), closes_at)


def close_consultation(consultation: Consultation, now: datetime | None = None) -> None:
    if consultation.status not in ("open", "closed"):
        raise DraftError("not_open")
    now = now or utcnow()
    consultation.status = "closed"
    if consultation.closes_at is None or consultation.closes_at > now:
        consultation.closes_at = now
    db.session.flush()


def archive_consultation(consultation: Consultation) -> None:
    if consultation.status == "draft":
        raise DraftError("not_published")
    consultation.status = "archived"
    db.session.flush()


def node_count(version_id: int) -> int:
    return db.session.scalar(db.select(db.func.count(StructureNode.id)).filter_by(version_id=version_id))
