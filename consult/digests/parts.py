"""A build's finished stages, kept so that a retry after a killed worker starts where it stopped.

Each article's grouping is stored, committed on its own connection, as soon as it is done; a later
build that has exactly the same comments to group for that article (same ids, scope and words left
out: the fingerprint) takes it up instead of grouping again. The digest itself is still written in
one transaction at the end, so a killed build never leaves half a digest. Stored as compressed JSON
(never pickle: what is read back from the database is data, not code).
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from consult.analysis import Analysis, Theme
from consult.digests.models import DigestPart
from consult.extensions import db


def fingerprint(comment_ids: Iterable[int], scope: str, dropped: Iterable[str]) -> str:
    digest = hashlib.sha256(f"{scope}|{','.join(sorted(dropped))}|".encode())
    digest.update(",".join(map(str, sorted(comment_ids))).encode())
    return digest.hexdigest()


def load(consultation_id: int, key: str) -> Analysis | None:
    payload = db.session.scalar(
        sa.select(DigestPart.payload).where(
            DigestPart.consultation_id == consultation_id, DigestPart.fingerprint == key
        )
    )
    return _decode(payload) if payload is not None else None


def save(consultation_id: int, key: str, analysis: Analysis) -> None:
    """Stored and committed at once, on a connection of its own (the build's session stays open)."""
    values = {"consultation_id": consultation_id, "fingerprint": key, "payload": _encode(analysis)}
    with db.engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(postgresql.insert(DigestPart).values(**values).on_conflict_do_nothing())
        else:
            connection.execute(sa.insert(DigestPart).prefix_with("OR IGNORE").values(**values))


def forget(consultation_id: int) -> None:
    """In the transaction that writes the digest: its parts are of no further use."""
    db.session.execute(sa.delete(DigestPart).where(DigestPart.consultation_id == consultation_id))


def _encode(analysis: Analysis) -> bytes:
    data = {
        "themes": [
            [t.index, t.label, t.keywords, t.size, t.member_ids, t.representative_ids, t.kinds, t.also_ids]
            for t in analysis.themes
        ],
        "assignments": list(analysis.assignments.items()),
        "duplicate_of": list(analysis.duplicate_of.items()),
        "fit": list(analysis.fit.items()),
        "also": [[c, list(found.items())] for c, found in analysis.also.items()],
        "kinds": list(analysis.kinds.items()),
    }
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode(), 1)  # kept minutes


def _decode(payload: bytes) -> Analysis:
    data = json.loads(zlib.decompress(payload))
    themes = tuple(
        Theme(i, label, tuple(words), size, tuple(members), tuple(reps), kinds, tuple(also))
        for i, label, words, size, members, reps, kinds, also in data["themes"]
    )
    return Analysis(
        themes=themes,
        duplicate_groups=(),  # the build does not read them
        assignments=dict(map(tuple, data["assignments"])),
        duplicate_of=dict(map(tuple, data["duplicate_of"])),
        fit=dict(map(tuple, data["fit"])),
        also={c: {int(t): f for t, f in found} for c, found in data["also"]},
        kinds=dict(map(tuple, data["kinds"])),
    )
