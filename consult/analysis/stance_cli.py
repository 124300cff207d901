"""``python -m consult.analysis stance FILE.jsonl --article ARTICLE.txt [--labels L.jsonl | --ask N]``.

Prints one JSON line per comment, ``{"id", "stance", "confidence"}``; with ``--ask N``, the N ids whose
tags would teach the model most, one per line. LABELS lines are ``{"id", "stance"}`` for comments of
FILE a person tagged.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable
from typing import TextIO

from . import stance
from .jsonl import FileError, InputError, json_objects, read_comments_file


def add_stance_command(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    command = commands.add_parser("stance", help="stance of each comment toward the article")
    command.add_argument("file", help="one JSON object per line with at least id and text ('-' for stdin)")
    command.add_argument("--article", required=True, help="the article's text (UTF-8), for the record")
    group = command.add_mutually_exclusive_group()
    group.add_argument("--labels", help='JSON lines {"id", "stance"} a person tagged (support/oppose/neither)')
    group.add_argument("--ask", type=int, metavar="N", help="print the N ids it most wants tagged")


def read_labels(lines: Iterable[str], positions: dict[str, int]) -> dict[int, str]:
    """Tags by position in FILE; raises InputError naming the line for anything unusable."""
    tags: dict[int, str] = {}
    for number, row in json_objects(lines):
        if "id" not in row:
            raise InputError(f'line {number}: expected an object with "id" and "stance"')
        tagged = row.get("stance")
        if not isinstance(tagged, str) or tagged not in stance.STANCES:
            raise InputError(f"line {number}: stance must be one of {', '.join(stance.STANCES)}")
        key = json.dumps(row["id"], ensure_ascii=False)
        if key not in positions:
            raise InputError(f"line {number}: id {key} is not in the comments file")
        tags[positions[key]] = tagged
    return tags


def run_stance(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    try:
        ids, texts = read_comments_file(args.file)
    except FileError as exc:
        stderr.write(f"error: {exc}\n")
        return exc.status
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
        except InputError as exc:
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
