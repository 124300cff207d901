"""Changes marked inside an article's text, as drafting offices mark a 修改对照表: the words a new
version adds and the words it deletes, character by character (Chinese has no spaces to cut at)."""

from __future__ import annotations

from difflib import SequenceMatcher

Piece = tuple[str, str]  # ("same" | "added" | "deleted", text)


def marked(old: str, new: str) -> tuple[list[Piece], list[Piece]]:
    """(old text with its deleted words marked, new text with its added words marked)."""
    old_pieces: list[Piece] = []
    new_pieces: list[Piece] = []
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    for op, a, b, c, d in matcher.get_opcodes():
        if op == "equal":
            old_pieces.append(("same", old[a:b]))
            new_pieces.append(("same", new[c:d]))
            continue
        if b > a:
            old_pieces.append(("deleted", old[a:b]))
        if d > c:
            new_pieces.append(("added", new[c:d]))
    return old_pieces, new_pieces
