"""``python -m consult.analysis stance FILE.jsonl --article ARTICLE.txt [--labels L.jsonl | --ask N]``.

Prints one JSON line per comment, ``{"id", "stance", "confidence"}``; with ``--ask N``, the N ids whose
tags would teach the model most, one per line. LABELS lines are ``{"id", "stance"}`` for comments of
FILE a person tagged.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from typing import TextIO

from . import stance
from .jsonl import InputError, read_jsonl


class LabelError(Exception):
    pass


def add_stance_command(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    command = commands.add_parser("stance", help="stance of each comment toward the article")
    command.add_argument("file", help="one JSON object per line with at least id and text ('-' for stdin)")
    command.add_argument("--article", required=True, help="the article's text (UTF-8), for the record")
    group = command.add_mutually_exclusive_group()
    group.add_argument("--labels", help='JSON lines {"id", "stance"} a person tagged (support/oppose/neither)')
    group.add_argument("--ask", type=int, metavar="N", help="print the N ids it most wants tagged")


def read_labels(lines: Iterable[str], positions: dict[str, int]) -> dict[int, str]:
    """Tags by position in FILE; raises LabelError naming the line for anything unusable."""
    tags: dict[int, str] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise LabelError(f"line {number}: invalid JSON ({exc.msg})") from None
        if not isinstance(row, dict) or "id" not in row:
            raise LabelError(f'line {number}: expected an object with "id" and "stance"')
        if row.get("stance") not in stance.STANCES:
            raise LabelError(f"line {number}: stance must be one of {', '.join(stance.STANCES)}")
        key = json.dumps(row["id"], ensure_ascii=False)
        if key not in positions:
            raise LabelError(f"line {number}: id {key} is not in the comments file")
        tags[positions[key]] = row["stance"]
    return tags


def _read(path: str, stderr: TextIO) -> tuple[list[object], list[str]] | None:
    try:
        handle = sys.stdin if path == "-" else open(path, encoding="utf-8")
        with handle:
            return read_jsonl(handle)
    except (OSError, UnicodeDecodeError) as exc:
        stderr.write(f"error: cannot read {path}: {exc}\n")
    except InputError as exc:
        stderr.write(f"error: {path}: {exc}\n")
    return None


def run_stance(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    read = _read(args.file, stderr)
    if read is None:
        return 1
    ids, texts = read
    try:
        with open(args.article, encoding="utf-8") as handle:
            if not handle.read().strip():
                stderr.write(f"error: {args.article} is empty\n")
                return 1
    except (OSError, UnicodeDecodeError) as exc:
        stderr.write(f"error: cannot read {args.article}: {exc}\n")
        return 1
    positions = {json.dumps(ident, ensure_ascii=False): i for i, ident in enumerate(ids)}
    tags: dict[int, str] = {}
    if args.labels:
        try:
            with open(args.labels, encoding="utf-8") as handle:
                tags = read_labels(handle, positions)
        except (OSError, UnicodeDecodeError) as exc:
            stderr.write(f"error: cannot read {args.labels}: {exc}\n")
            return 1
        except LabelError as exc:
            stderr.write(f"error: {args.labels}: {exc}\n")
            return 1
    if args.ask is not None:
        if args.ask < 1:
            stderr.write("error: --ask must be at least 1\n")
            return 2
        for position in stance.ask(texts, tags, args.ask):
            stdout.write(json.dumps(ids[position], ensure_ascii=False) + "\n")
        return 0
    for ident, guess in zip(ids, stance.predict(texts, tags)):
        line = {"id": ident, "stance": guess.stance, "confidence": guess.confidence}
        stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
    return 0
