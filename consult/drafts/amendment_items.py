"""The instructions of the amendment draft a version was made from, kept one by one so that residents
can comment on each as written. Services flush; the view or command commits."""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from flask_babel import gettext as _

from consult.drafts.importers import read_pasted, read_upload
from consult.drafts.models import AmendmentItem, Consultation
from consult.drafts.numerals import int_to_cn
from consult.drafts.parsing.model import ParsedDraft
from consult.drafts.queries import ArticleView
from consult.drafts.services import DraftError, DraftSource
from consult.drafts.versions.apply import AmendmentError, amend
from consult.drafts.versions.instructions import Instruction, read_amendment
from consult.extensions import db

AMENDMENT_NOTE = "amendment:"


def item_label(item: AmendmentItem) -> str:
    """The instruction as residents cite it; its number as the amendment writes it (一、→ 第一项)."""
    return _("第%(number)s项修改", number=int_to_cn(item.number))


def labels_of(version_id: int) -> dict[int | None, str]:
    return {item.id: item_label(item) for item in items_of(version_id)}


def instructions_of(source: DraftSource, notes: Sequence[str]) -> list[Instruction]:
    """The instructions of an upload that was read as an amendment draft (its notes say so); [] for a
    whole new text. The upload is read again: what the preview kept is the consolidated text."""
    if not any(note.startswith(AMENDMENT_NOTE) for note in notes):
        return []
    raw = (
        read_pasted(source.data.decode("utf-8"))
        if source.kind == "paste"
        else read_upload(source.filename, source.data)
    )
    return read_amendment(raw.text)


def record_items(
    version_id: int,
    instructions: list[Instruction],
    base: ParsedDraft,
    base_articles: list[ArticleView],
    new: ParsedDraft,
    new_ids: list[int],
) -> list[AmendmentItem]:
    """One item per instruction with the articles it changed or added (as `new_ids` names them) and the
    ones it deleted (as `base_articles` names them). `base` is the text the instructions were applied to."""
    try:
        work = amend(base, instructions)
    except AmendmentError as error:
        raise DraftError("amendment_stale") from error
    if [a.number for a in work.articles] != [(a.ordinal, a.sub_ordinal) for a in new.articles]:
        raise DraftError("amendment_stale")  # the draft changed between the upload and the save
    at = {id(a): n for n, a in enumerate(work.articles)}
    old_ids = {(a.ordinal, a.sub_ordinal): v.article_id for a, v in zip(base.articles, base_articles)}
    numbers = [i.number for i in instructions]
    unique = len(set(numbers)) == len(numbers)
    items = [
        AmendmentItem(
            version_id=version_id,
            number=ins.number if unique else n,
            kind=ins.kind,
            text=ins.source,
            article_ids=[new_ids[at[id(a)]] for a in work.touched.get(ins.number, []) if id(a) in at],
            removed_ids=[old_ids[a.key] for a in work.removed.get(ins.number, []) if a.key in old_ids],
        )
        for n, ins in enumerate(instructions, 1)
    ]
    db.session.add_all(items)
    return items


def items_of(version_id: int) -> list[AmendmentItem]:
    return list(
        db.session.scalars(
            sa.select(AmendmentItem).where(AmendmentItem.version_id == version_id).order_by(AmendmentItem.number)
        )
    )


def item_of(consultation: Consultation, number: int) -> AmendmentItem | None:
    return db.session.scalar(
        sa.select(AmendmentItem).where(
            AmendmentItem.version_id == consultation.version_id, AmendmentItem.number == number
        )
    )
