"""Reading the JSON-lines files the command line takes: ids and texts, each bad line named."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator


class InputError(Exception):
    """A line of the input file that cannot be used; the message names the line."""


def read_jsonl(lines: Iterable[str]) -> tuple[list[object], list[str]]:
    """Ids and texts from JSON lines; blank lines are skipped.

    Raises InputError with the line number for invalid JSON, a line that is not an
    object, or a missing ``id``/``text``. A ``text`` of null counts as empty.
    """
    ids: list[object] = []
    texts: list[str] = []
    for number, row in json_objects(lines):
        if "id" not in row or row["id"] is None:
            raise InputError(f'line {number}: missing "id"')
        text = row.get("text", ...)
        if text is ...:
            raise InputError(f'line {number}: missing "text"')
        if text is not None and not isinstance(text, str):
            raise InputError(f'line {number}: "text" must be a string')
        ids.append(row["id"])
        texts.append(text or "")
    return ids, texts


def json_objects(lines: Iterable[str]) -> Iterator[tuple[int, dict[str, object]]]:
    """(line number, object) of each non-blank line; InputError names a line that is not a JSON object."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"line {number}: invalid JSON ({exc.msg})") from None
        if not isinstance(row, dict):
            raise InputError(f"line {number}: expected a JSON object, got {type(row).__name__}")
        yield number, row


class FileError(Exception):
    """A file a command cannot use, with the exit status to give: 2 unreadable, 1 a bad line."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.status = status


def read_comments_file(path: str) -> tuple[list[object], list[str]]:
    """Ids and texts of a JSON-lines file ('-' for standard input)."""
    try:
        handle = sys.stdin if path == "-" else open(path, encoding="utf-8")
        with handle:
            return read_jsonl(handle)
    except (OSError, UnicodeDecodeError) as exc:
        raise FileError(f"cannot read {path}: {exc}", 2) from None
    except InputError as exc:
        raise FileError(f"{path}: {exc}", 1) from None
