"""The agenda packet: one Jinja template, print CSS, and WeasyPrint — the slow work behind one function."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

import sqlalchemy as sa
from flask import render_template

from consult.db import utcnow
from consult.digests.queries import ThemeView, themes_for
from consult.drafts.queries import ArticleView, load_structure
from consult.drafts.version_queries import ChangeRow, previous_version, version_changes
from consult.extensions import db
from consult.hearings.models import Hearing, Registration

STATIC = Path(__file__).resolve().parent.parent / "static"


@dataclass
class PacketItem:
    number: int
    title: str
    starts_at: datetime
    duration: int
    article: ArticleView | None
    article_missing: bool  # the item names an article the current version no longer has
    themes: list[ThemeView]
    questions: list[str]
    speakers: list[Registration]
    minutes: str = ""
    change: ChangeRow | None = None  # how the article changed from the version before, if it did


@dataclass
class Packet:
    hearing: Hearing
    items: list[PacketItem] = field(default_factory=list)
    speakers: list[Registration] = field(default_factory=list)
    ends_at: datetime | None = None
    generated_at: datetime = field(default_factory=utcnow)
    earlier_label: str = ""  # the version the hearing's text revises ("" for a first version)
    changes: list[ChangeRow] = field(default_factory=list)  # its changed articles, in reading order


def packet_data(hearing: Hearing) -> Packet:
    structure = load_structure(hearing.consultation.version_id)
    by_article = {a.article_id: a for a in structure.articles}
    speakers = db.session.scalars(
        sa.select(Registration)
        .filter_by(hearing_id=hearing.id, kind="speaker", state="selected")
        .order_by(Registration.created_at)
    ).all()
    by_id = {s.id: s for s in speakers}
    packet = Packet(hearing, speakers=list(speakers))
    earlier = previous_version(hearing.consultation)
    if earlier is not None:
        packet.earlier_label = earlier.label
        packet.changes = [
            r for r in version_changes(earlier.id, hearing.consultation.version_id) if r.change != "same" or r.moved
        ]
    changed = {row.article_id: row for row in packet.changes}
    clock = hearing.starts_at
    for number, item in enumerate(sorted(hearing.items, key=lambda i: i.position), start=1):
        article = by_article.get(item.article_id) if item.article_id else None
        packet.items.append(
            PacketItem(
                number=number,
                title=item.title,
                starts_at=clock,
                duration=item.duration_minutes,
                article=article,
                article_missing=item.article_id is not None and article is None,
                themes=themes_for(hearing.consultation_id, item.article_id, quotes=2, publishable=True)
                if article
                else [],
                questions=[q.strip() for q in item.questions.splitlines() if q.strip()],
                speakers=[by_id[s] for s in item.speaker_ids if s in by_id],
                minutes=item.minutes,
                change=changed.get(item.article_id) if item.article_id else None,
            )
        )
        clock += timedelta(minutes=item.duration_minutes)
    packet.ends_at = clock
    return packet


def packet_html(hearing: Hearing, *, for_pdf: bool = False) -> str:
    return render_template(
        "hearings/packet.html",
        packet=packet_data(hearing),
        for_pdf=for_pdf,
        packet_css=(STATIC / "packet.css").read_text(encoding="utf-8") if for_pdf else None,
    )


def render_agenda_packet(hearing: Hearing) -> bytes:
    """The agenda packet as PDF (A4, page numbers, running headers, embedded CJK font)."""
    from weasyprint import HTML  # imported here: loading Pango costs time only when a PDF is made

    return HTML(string=packet_html(hearing, for_pdf=True), base_url=str(STATIC)).write_pdf()
