"""``python -m consult.analysis cluster|stance FILE.jsonl``: batch analysis for scripts and checks."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO, cast

from .cluster import SCOPE_K
from .jsonl import FileError, read_comments_file
from .models import Analysis, CommentInput
from .pipeline import analyse
from .stance_cli import add_stance_command, run_stance
from .workers import default_workers


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m consult.analysis")
    commands = parser.add_subparsers(dest="command", required=True)
    cluster = commands.add_parser("cluster", help="de-duplicate and cluster comments from a JSONL file")
    cluster.add_argument("file", help="one JSON object per line with at least id and text ('-' for stdin)")
    cluster.add_argument("--k", type=int, default=None, help="number of themes (default: chosen from the data)")
    cluster.add_argument(
        "--scope",
        choices=sorted(SCOPE_K),
        default="draft",
        help="range for choosing k: a handful for one article, more for a draft",
    )
    cluster.add_argument("--random-state", type=int, default=0)
    cluster.add_argument("--workers", type=int, default=default_workers(), help="processes for segmentation")
    cluster.add_argument("--summary", action="store_true", help="write the themes to stderr")
    cluster.add_argument(
        "--themes", metavar="PATH", help="write the themes (cluster, label, size, representatives) as JSON"
    )
    add_stance_command(commands)
    return parser


def _summary(result: Analysis, ids: list[object], out: TextIO) -> None:
    for theme in result.themes:
        out.write(
            f"theme {theme.index}: {theme.label}  (size {theme.size}; "
            f"keywords {' '.join(theme.keywords)}; kinds {json.dumps(theme.kinds)})\n"
        )
        for rep in theme.representative_ids:
            out.write(f"    {json.dumps(ids[cast(int, rep)], ensure_ascii=False)}\n")  # ids are positions
    out.write(
        f"{len(result.duplicate_groups)} copy groups, "
        f"{sum(g.count - 1 for g in result.duplicate_groups)} copies collapsed\n"
    )


def run_cluster(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    """Run the ``cluster`` command; returns the exit status."""
    if args.k is not None and args.k < 1:
        stderr.write("error: --k must be at least 1\n")
        return 2
    try:
        ids, texts = read_comments_file(args.file)
    except FileError as exc:
        stderr.write(f"error: {exc}\n")
        return exc.status
    # Positions, not the file's ids, key the analysis: ids may repeat in a file.
    result = analyse(
        [CommentInput(i, t) for i, t in enumerate(texts)],
        k=args.k,
        scope=args.scope,
        random_state=args.random_state,
        workers=args.workers,
    )
    _write_assignments(result, ids, stdout)
    if args.themes and not _write_themes(result, ids, args.themes, stderr):
        return 1
    if len(set(map(repr, ids))) < len(ids):
        stderr.write("warning: some ids appear more than once; output follows input order\n")
    if args.summary:
        _summary(result, ids, stderr)
    return 0


def _write_themes(result: Analysis, ids: list[object], path: str, stderr: TextIO) -> bool:
    themes = [
        {
            "cluster": theme.index,
            "label": theme.label,
            "size": theme.size,
            "representatives": [ids[cast(int, rep)] for rep in theme.representative_ids],
        }
        for theme in result.themes
    ]
    try:
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(themes, handle, ensure_ascii=False, indent=1)
    except OSError as exc:
        stderr.write(f"error: cannot write {path}: {exc}\n")
        return False
    return True


def _write_assignments(result: Analysis, ids: list[object], out: TextIO) -> None:
    """One JSON line per input line: its id, the theme of its main point, the id of the text it
    copies, and the themes of all its points (main first)."""
    for i, ident in enumerate(ids):
        dup = result.duplicate_of.get(i)
        main = result.assignments[i]
        line = {
            "id": ident,
            "cluster": None if main == -1 else main,  # null: no specific point
            "duplicate_of": None if dup is None else ids[cast(int, dup)],
            "themes": [] if main == -1 else [main, *sorted(result.also.get(i, {}))],  # every point's theme
        }
        out.write(json.dumps(line, ensure_ascii=False) + "\n")


def main(argv: list[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Entry point of ``python -m consult.analysis``."""
    args = _parser().parse_args(argv)
    run = run_stance if args.command == "stance" else run_cluster
    return run(args, stdout or sys.stdout, stderr or sys.stderr)
