"""Comment lists as CSV and JSON: every character kept, formulas neutralised for spreadsheets."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime

from consult.digests.exports import neutralise


def _plain(value):
    if value is None:
        return ""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def rows_csv(rows: Iterable[Mapping[str, object]], columns: Sequence[str]) -> bytes:
    """CSV with a header line, UTF-8 with BOM (so Excel reads Chinese) and CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise(c) for c in columns])
    for row in rows:
        writer.writerow([neutralise(_plain(row.get(c))) for c in columns])
    return buffer.getvalue().encode("utf-8-sig")


def _json_default(value):
    return value.isoformat() if isinstance(value, (date, datetime)) else str(value)


def rows_json(rows: Iterable[Mapping[str, object]], columns: Sequence[str]) -> bytes:
    """A JSON array of objects holding ``columns`` (missing keys become null), UTF-8.

    Not neutralised: JSON is read by programs, which need the text as submitted.
    """
    data = [{c: row.get(c) for c in columns} for row in rows]
    # "replace" only matters for lone surrogates, which UTF-8 cannot encode.
    return json.dumps(data, ensure_ascii=False, default=_json_default).encode("utf-8", "replace")
