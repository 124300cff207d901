"""The demo's second round: the 大沙河 draft, amended after its first round, out for comment again."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from consult.db import utcnow
from consult.drafts import services as drafts
from consult.drafts import version_services
from consult.drafts.importers import read_upload
from consult.drafts.models import Consultation


def load_second_round(consultation: Consultation, amendment: Path) -> str:
    """Apply the demo amendment draft to the round's version and schedule the new round."""
    raw = amendment.read_bytes()
    imported = version_services.consolidated_if_amendment(consultation, read_upload(amendment.name, raw))
    parsed = drafts.parse_source(imported)
    rows = version_services.proposed_rows(consultation, parsed)
    second = version_services.save_new_version(
        consultation,
        parsed,
        version_services.proposed_matches(rows, parsed),
        label="草案修改稿",
        title=consultation.title,
        slug=f"{consultation.slug}-2",
        source=drafts.DraftSource(amendment.name, imported.kind, imported.encoding, raw),
        notes=imported.notes,
    )
    now = utcnow()
    drafts.schedule_consultation(second, now + timedelta(days=3), now + timedelta(days=33))
    return f"{second.title}（{second.version.label}）: /drafts/{second.slug}/changes"
