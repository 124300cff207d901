"""Drafts, their versions and the tree of 编/章/节/条/款/项/目, and the consultation on a version.

A version is immutable once saved: its structure can be cached by version id. An `Article` is the
stable identity of one 条 across versions, so comments keep pointing at "the same article" when a
草案修改稿 renumbers it.
"""

from __future__ import annotations

import re
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consult.db import UTCDateTime, utcnow
from consult.extensions import Model

NODE_KINDS = ("part", "chapter", "section", "article", "paragraph", "item", "subitem", "annex")
STATUSES = ("draft", "open", "closed", "archived")


class Draft(Model):
    __tablename__ = "drafts"

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(sa.String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    versions: Mapped[list[DraftVersion]] = relationship(back_populates="draft", order_by="DraftVersion.position")


class DraftVersion(Model):
    __tablename__ = "draft_versions"
    __table_args__ = (sa.UniqueConstraint("draft_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    draft_id: Mapped[int] = mapped_column(sa.ForeignKey("drafts.id"), index=True)
    position: Mapped[int] = mapped_column(default=1)
    label: Mapped[str] = mapped_column(sa.String(40))  # 草案 / 草案修改稿 / 草案二次审议稿
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id"))
    # The original upload, kept byte for byte.
    source_filename: Mapped[str] = mapped_column(sa.String(255), default="")
    source_kind: Mapped[str] = mapped_column(sa.String(10))  # txt / docx / pdf / doc / wps / odt / paste
    source_encoding: Mapped[str | None] = mapped_column(sa.String(20))
    source_data: Mapped[bytes] = mapped_column(sa.LargeBinary, deferred=True)
    preamble: Mapped[str] = mapped_column(sa.Text, default="")
    parse_warnings: Mapped[list] = mapped_column(sa.JSON, default=list)

    draft: Mapped[Draft] = relationship(back_populates="versions")


class Article(Model):
    """The identity of one 条, stable across versions."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(primary_key=True)
    draft_id: Mapped[int] = mapped_column(sa.ForeignKey("drafts.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class StructureNode(Model):
    __tablename__ = "structure_nodes"
    __table_args__ = (
        sa.CheckConstraint(sa.column("kind").in_(NODE_KINDS), name="kind"),
        sa.Index("ix_structure_nodes_lookup", "version_id", "kind", "ordinal", "sub_ordinal"),
        sa.UniqueConstraint("version_id", "position"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(sa.ForeignKey("draft_versions.id"))
    parent_id: Mapped[int | None] = mapped_column(sa.ForeignKey("structure_nodes.id"))
    article_id: Mapped[int | None] = mapped_column(sa.ForeignKey("articles.id"), index=True)
    kind: Mapped[str] = mapped_column(sa.String(10))
    position: Mapped[int]  # document order within the version
    number: Mapped[str | None] = mapped_column(sa.String(40))  # 第二章 / 第十二条之一 / （三）
    ordinal: Mapped[int] = mapped_column(default=0)  # 12 for 第十二条之一
    sub_ordinal: Mapped[int] = mapped_column(default=0)  # 1 for 第十二条之一
    title: Mapped[str | None] = mapped_column(sa.String(300))  # chapter title, article heading
    text: Mapped[str] = mapped_column(sa.Text, default="")

    parent: Mapped[StructureNode | None] = relationship(remote_side=[id])


class Consultation(Model):
    __tablename__ = "consultations"
    __table_args__ = (sa.CheckConstraint(sa.column("status").in_(STATUSES), name="status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    draft_id: Mapped[int] = mapped_column(sa.ForeignKey("drafts.id"), index=True)
    version_id: Mapped[int] = mapped_column(sa.ForeignKey("draft_versions.id"))
    title: Mapped[str] = mapped_column(sa.String(200))
    slug: Mapped[str] = mapped_column(sa.String(80), unique=True)
    memo: Mapped[str] = mapped_column(sa.Text, default="")  # 起草说明
    status: Mapped[str] = mapped_column(sa.String(10), default="draft")
    # Pre-moderation: comments wait for a moderator before they appear. On by default.
    premoderation: Mapped[bool] = mapped_column(default=True, server_default=sa.true())
    opens_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    draft: Mapped[Draft] = relationship()
    version: Mapped[DraftVersion] = relationship()

    def phase(self, now: datetime) -> str:
        """What a reader sees now: draft, scheduled, open, closed or archived."""
        if self.status != "open":
            return self.status
        if self.opens_at and now < self.opens_at:
            return "scheduled"
        if self.closes_at and now >= self.closes_at:
            return "closed"
        return "open"

    @property
    def memo_blocks(self) -> list[tuple[bool, str]]:
        """The 起草说明 as (is a heading, text) blocks: blank lines part them, "#" starts a heading.
        Line endings typed in a browser (\r\n) are read like any other."""
        text = (self.memo or "").replace("\r\n", "\n").replace("\r", "\n")
        blocks = [block.strip() for block in re.split(r"\n\s*\n", text) if block.strip()]
        return [(True, b.lstrip("#").strip()) if b.startswith("#") else (False, b) for b in blocks]

    def accepts_comments(self, now: datetime) -> bool:
        return self.phase(now) == "open"


class PendingImport(Model):
    """An upload between parse preview and save; nothing of it is a draft yet."""

    __tablename__ = "pending_imports"

    id: Mapped[int] = mapped_column(primary_key=True)
    token: Mapped[str] = mapped_column(sa.String(43), unique=True)
    created_by_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    filename: Mapped[str] = mapped_column(sa.String(255), default="")
    kind: Mapped[str] = mapped_column(sa.String(10))
    encoding: Mapped[str | None] = mapped_column(sa.String(20))
    data: Mapped[bytes] = mapped_column(sa.LargeBinary)
    # The text read from a PDF or a converted office file, kept so that the preview and the save
    # neither extract nor convert again; None for text and .docx, which read fast.
    extracted: Mapped[str | None] = mapped_column(sa.Text)
    notes: Mapped[list] = mapped_column(sa.JSON, default=list, server_default="[]")
    # Set when the upload is a new version of this consultation's draft, not a new draft.
    consultation_id: Mapped[int | None] = mapped_column(sa.ForeignKey("consultations.id"))


class AmendmentItem(Model):
    """One instruction of the amendment draft a version was made from (一、将第三条修改为：……): residents
    comment on it as written, and it knows the articles it changed, added or deleted."""

    __tablename__ = "amendment_items"
    __table_args__ = (sa.UniqueConstraint("version_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(sa.ForeignKey("draft_versions.id"), index=True)
    number: Mapped[int]  # 一、 → 1
    kind: Mapped[str] = mapped_column(sa.String(30))
    text: Mapped[str] = mapped_column(sa.Text)  # the instruction as written, quotations included
    # Articles it changed or added, as they are in the version, then the ones it deleted.
    article_ids: Mapped[list] = mapped_column(sa.JSON, default=list)
    removed_ids: Mapped[list] = mapped_column(sa.JSON, default=list)

    @property
    def article_id(self) -> int | None:
        """The one article of the version a comment on this instruction concerns, if there is one."""
        return self.article_ids[0] if len(self.article_ids) == 1 and not self.removed_ids else None
