"""A new version of a draft (修改稿 / 二审稿) and the consultation round on it. Services flush; the view
or command commits.

The drafter imports the new text; its articles are aligned with the current version's (see
versions/align.py) and the drafter confirms or corrects each match. A matched article keeps its
`Article` identity, so its comments, digests and answers follow it across renumbering; an unmatched
one is a new article. The new round is a consultation of its own, saved as 草稿 with its own window.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import sqlalchemy as sa

from consult.drafts.amendment_items import AMENDMENT_NOTE, instructions_of, record_items
from consult.drafts.importers import ImportedText
from consult.drafts.models import Article, Consultation, DraftVersion
from consult.drafts.numerals import int_to_cn
from consult.drafts.queries import ArticleView, load_structure
from consult.drafts.services import (
    DraftError,
    DraftSource,
    ImportPreview,
    check_slug,
    keep_pending,
    read_source,
    version_row,
)
from consult.drafts.structure import ParsedDraft, parse_draft
from consult.drafts.tree import build_nodes
from consult.drafts.versions.align import Row, align
from consult.drafts.versions.apply import AmendmentError, apply_amendment, render
from consult.drafts.versions.instructions import is_amendment, read_amendment
from consult.extensions import db


def current_articles(consultation: Consultation) -> list[ArticleView]:
    return load_structure(consultation.version_id).articles


def proposed_rows(consultation: Consultation, parsed: ParsedDraft) -> list[Row]:
    """The 对照表 the alignment proposes between the consultation's version and the new text."""
    return align(current_articles(consultation), parsed.articles)


def proposed_matches(rows: list[Row], parsed: ParsedDraft) -> dict[int, int | None]:
    """New article index → the article id it continues (None: a new article), as proposed."""
    index = {id(a): n for n, a in enumerate(parsed.articles)}
    return {index[id(r.new)]: getattr(r.old, "article_id", None) for r in rows if r.new is not None}


def save_new_version(
    consultation: Consultation,
    parsed: ParsedDraft,
    matches: dict[int, int | None],
    *,
    label: str,
    title: str,
    slug: str,
    user=None,
    source: DraftSource,
    notes: Sequence[str] = (),
) -> Consultation:
    """The new version with each new article continuing the article the drafter matched it to, and
    a new consultation round on it (草稿). Refused when a match names an article twice or one that is
    not in the current version. When reading the upload noted an amendment draft, its instructions
    are kept as items residents comment on."""
    _check_matches(consultation, parsed, matches)
    slug = check_slug(slug)
    position = next_position(consultation.draft_id)
    version = version_row(
        parsed, user, label.strip() or "草案修改稿", source, draft_id=consultation.draft_id, position=position
    )
    db.session.add(version)
    db.session.flush()
    ids = _article_ids(consultation.draft_id, len(parsed.articles), matches)
    db.session.add_all(build_nodes(parsed, version.id, ids))
    _keep_instructions(consultation, version.id, parsed, ids, instructions_of(source, notes))
    round_ = Consultation(
        draft_id=consultation.draft_id,
        version=version,
        title=title.strip() or consultation.title,
        slug=slug,
        memo="",
        status="draft",
        premoderation=consultation.premoderation,
    )
    db.session.add(round_)
    db.session.flush()
    return round_


def _keep_instructions(consultation: Consultation, version_id: int, parsed: ParsedDraft, ids: list[int], found) -> None:
    if found:
        base = parse_draft(version_text(consultation))
        record_items(version_id, found, base, current_articles(consultation), parsed, ids)


def _article_ids(draft_id: int, count: int, matches: dict[int, int | None]) -> list[int]:
    """Each new article's identity: the one it continues, or a fresh one."""
    fresh = {n: Article(draft_id=draft_id) for n in range(count) if matches.get(n) is None}
    db.session.add_all(fresh.values())
    db.session.flush()
    return [matches.get(n) or fresh[n].id for n in range(count)]


def _check_matches(consultation: Consultation, parsed: ParsedDraft, matches: dict[int, int | None]) -> None:
    if not parsed.articles:
        raise DraftError("no_articles")
    allowed = {a.article_id for a in current_articles(consultation)}
    chosen = [m for m in matches.values() if m is not None]
    if any(m not in allowed for m in chosen):
        raise DraftError("match_unknown")
    if len(chosen) != len(set(chosen)):
        raise DraftError("match_twice")


def next_position(draft_id: int) -> int:
    last = db.session.scalar(sa.select(sa.func.max(DraftVersion.position)).where(DraftVersion.draft_id == draft_id))
    return (last or 0) + 1


def version_text(consultation: Consultation) -> str:
    """The consultation's version as plain text, one line per heading, 款 and 项, as it was imported."""
    structure = load_structure(consultation.version_id)
    lines = [consultation.title, *filter(None, consultation.version.preamble.splitlines())]

    def walk(nodes) -> None:
        for node in nodes:
            if isinstance(node, ArticleView):
                for n, paragraph in enumerate(node.paragraphs):
                    lines.append(f"{node.number}　{paragraph.text}" if n == 0 else paragraph.text)
                    lines.extend(paragraph.items)
            else:
                lines.append(f"{node.number or ''}　{node.title or ''}".strip())
                walk(node.children)

    walk(structure.top)
    for title, text in structure.annexes:
        lines.extend([title, text])
    return "\n".join(lines)


def consolidated_if_amendment(consultation: Consultation, imported: ImportedText) -> ImportedText:
    """An amendment draft (修正案 / 修改决定) uploaded as a new version: its instructions applied to the
    current version give the new version's text. Any other text is returned as it is."""
    if parse_draft(imported.text).articles:
        return imported
    instructions = read_amendment(imported.text)
    if not is_amendment(instructions):
        return imported
    base = parse_draft(version_text(consultation))
    try:
        text = render(base, apply_amendment(base, instructions))
    except AmendmentError as error:
        reasons = "；".join(f"{int_to_cn(r.number)}、{r.reason}" for r in error.refusals)  # as numbered there
        raise DraftError("amendment_refused", reasons=reasons) from error
    return replace(imported, text=text, notes=(*imported.notes, f"{AMENDMENT_NOTE}{len(instructions)}"))


def stage_new_version(
    user, consultation: Consultation, filename: str, data: bytes | None = None, pasted: str | None = None
) -> ImportPreview:
    """Read a new version (or an amendment draft to apply) and keep it for the drafter's preview."""
    imported = consolidated_if_amendment(consultation, read_source(filename, data, pasted))
    raw = pasted.encode("utf-8") if pasted is not None else data
    return keep_pending(user, filename, raw, imported, consultation.id)
