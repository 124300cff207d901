"""Cut source lines into segments, restoring the line breaks that copy-paste lost.

An article label starts a segment when it opens a line, or when it follows a sentence boundary
(。；：or a space) AND carries the next expected number; so 依照本条例第十二条规定 never starts
an article, and neither does a stray 第十二条 after 。 in article 3. Headings written inline
(…制定本条例。第二章 公园事业发展 第九条 …) are cut off the text before the next article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from consult.drafts.numerals import NUMERAL_CHARS, cn_to_int
from consult.drafts.parsing import lines as L
from consult.drafts.parsing.model import ParseWarning

_BOUNDARY = "。；;：:！!？?"
_ONE_HEADING = rf"第[{NUMERAL_CHARS}]+[编章节][^。；;，,：:第]{{1,30}}"
_HEADING_END = re.compile(rf"(?:{_ONE_HEADING})+$|附\s*则$")
_INLINE_ITEM = re.compile(r"[（(]([一二三四五六七八九十]+)[）)]")


@dataclass(frozen=True)
class Seg:
    no: int  # 1-based source line
    text: str
    article: L.ArticleLabel | None = None
    heading: L.HeadingLabel | None = None


def expected_after(last: tuple[int, int] | None) -> set[tuple[int, int]]:
    if last is None:
        return {(1, 0)}
    return {(last[0] + 1, 0), (last[0], last[1] + 1)}


def starts_article(label: L.ArticleLabel | None, last: tuple[int, int] | None) -> bool:
    """Does a line opening with `label` start an article? Gaps and repeats are allowed when the
    label is set off by a space or heading; a glued one must at least move the numbering on."""
    if label is None or L.is_reference_tail(label):
        return False
    if not label.glued or last is None or label.key in expected_after(last):
        return True
    return label.key > last


def segment(source: list[tuple[int, str]]) -> tuple[list[Seg], list[ParseWarning]]:
    segs: list[Seg] = []
    warnings: list[ParseWarning] = []
    last: tuple[int, int] | None = None
    for no, text in source:
        pieces, last = _split_articles(text, last)
        if sum(label is not None for _, label in pieces) > 1:
            warnings.append(
                ParseWarning("articles_split", no, _excerpt(text), {"count": sum(lb is not None for _, lb in pieces)})
            )
        for index, (piece, label) in enumerate(pieces):
            segs.extend(_split_headings(no, piece, label, before_article=index + 1 < len(pieces)))
    return segs, warnings


def _excerpt(text: str) -> str:
    return text if len(text) <= 40 else text[:40] + "…"


def _at_boundary(text: str, pos: int) -> bool:
    if pos == 0 or text[pos - 1] in _BOUNDARY or text[pos - 1].isspace():
        return True
    # 第一百九十九条（删去）第二百条: a deleted article ends without a full stop.
    return text[pos - 1] in "）)" and text[max(0, pos - 4) : pos].strip("（()）") in ("删去", "删除")


def _glued_to_title(text: str, pos: int) -> bool:
    """北京市公园条例第一章总则第一条…: a whole draft on one line with nothing between."""
    before = text[:pos]
    return L.looks_like_title(before) or L.is_draft_note(before[-12:]) or bool(_HEADING_END.search(before[-160:]))


def _glued_to_heading(text: str, pos: int) -> bool:
    """…继续有效。第二章 犯罪第一节 犯罪和刑事责任第十三条…: headings that open at a boundary
    (本法第二编第三章第十二条 does not) and run up to the label."""
    window = text[max(0, pos - 160) : pos]
    match = _HEADING_END.search(window)
    return match is not None and _at_boundary(text, pos - len(window) + match.start())


def _split_articles(
    text: str, last: tuple[int, int] | None
) -> tuple[list[tuple[str, L.ArticleLabel | None]], tuple[int, int] | None]:
    cuts: list[tuple[int, L.ArticleLabel]] = []
    for match in L.ARTICLE_AT.finditer(text):
        pos = match.start()
        label = L.article_at(text, pos)
        if label is None:
            continue
        if pos == 0:
            accepted = starts_article(label, last)
        else:
            # The first 第一条 may follow the preamble directly when line breaks were lost.
            first = last is None and label.key == (1, 0)
            boundary = (
                _at_boundary(text, pos)
                or _glued_to_heading(text, pos)
                or (first and (not label.glued or _glued_to_title(text, pos)))
            )
            accepted = boundary and label.key in expected_after(last) and not L.is_reference_tail(label)
        if accepted:
            cuts.append((pos, label))
            last = label.key
    bounds = [pos for pos, _ in cuts]
    if not bounds or bounds[0] > 0:
        bounds.insert(0, 0)
    pieces: list[tuple[str, L.ArticleLabel | None]] = []
    for start, end in zip(bounds, bounds[1:] + [len(text)]):
        piece = text[start:end].strip()
        if piece:
            # Re-read the label on the cut piece so its `rest` stops at the next article.
            is_article = any(pos == start for pos, _ in cuts)
            pieces.append((piece, L.article_at(piece, 0) if is_article else None))
    return pieces, last


def _split_headings(no: int, piece: str, label: L.ArticleLabel | None, *, before_article: bool) -> list[Seg]:
    """Cut inline headings off the end of a piece; a piece that is a heading line stays whole.

    Right before an article cut the headings need no boundary in front of them (…修正案》第一编
    总则第一章…第一条): the whole tail must read as headings, which prose never does.
    """
    start = len(label.label) if label else 0
    for cut in _heading_starts(piece, start, anywhere=before_article):
        heads = _as_headings(piece[cut:])
        if heads is None:
            continue
        before = piece[:cut].strip()
        if not before:
            return [Seg(no, text, heading=head) for text, head in heads]
        first = Seg(no, before, article=_relabel(before, label))
        return [first] + [Seg(no, text, heading=head) for text, head in heads]
    return [Seg(no, piece, article=label, heading=None if label else L.heading_of(piece))]


def _relabel(text: str, label: L.ArticleLabel | None) -> L.ArticleLabel | None:
    return L.article_at(text, 0) if label else None


def _heading_starts(piece: str, start: int, *, anywhere: bool) -> list[int]:
    starts = [m.start() for m in L.HEADING_AT.finditer(piece, start)]
    if L.compact(piece[start:]).endswith("附则"):
        # 附　　则 may carry spaces: walk back over its two characters.
        pos, need = len(piece), 2
        while need and pos > start:
            pos -= 1
            need -= 0 if piece[pos].isspace() else 1
        starts.append(pos)
    starts = sorted(set(starts))
    return [p for p in starts if anywhere or _at_boundary(piece, p) or _glued_to_title(piece, p)]


def _as_headings(tail: str) -> list[tuple[str, L.HeadingLabel]] | None:
    """Split `tail` at every heading label; None unless every part is a valid heading."""
    positions = [m.start() for m in L.HEADING_AT.finditer(tail)]
    if not positions or positions[0] != 0:
        positions = [0] + positions
    parts = [tail[a:b].strip() for a, b in zip(positions, positions[1:] + [len(tail)])]
    out = []
    for part in parts:
        head = L.heading_of(part)
        if head is None:
            return None
        out.append((part, head))
    return out


def split_inline_items(text: str) -> tuple[str, list[str], str] | None:
    """禁止下列行为：（一）攀折花木；（二）损坏设施。 → (head, items, text after the last item).

    An item label counts only in sequence and after 「：」 (the first) or 「；。」 (the next ones),
    so 依照本条第一款第（三）项 stays intact. None when fewer than two items are found.
    """
    starts: list[int] = []
    for match in _INLINE_ITEM.finditer(text):
        try:
            number = cn_to_int(match.group(1))
        except ValueError:
            continue
        before = text[: match.start()].rstrip()
        mark = before[-1] if before else ""
        wanted = len(starts) + 1
        if number == wanted and (mark in "：:" or not before if wanted == 1 else mark in "；;。"):
            starts.append(match.start())
    if len(starts) < 2:
        return None
    items = [text[a:b].strip() for a, b in zip(starts, starts[1:] + [len(text)])]
    tail = ""
    stop = items[-1].find("。")
    if 0 <= stop < len(items[-1]) - 1:
        # Items end with 「。」; what follows on the same line is the next 款.
        items[-1], tail = items[-1][: stop + 1], items[-1][stop + 1 :].strip()
    return text[: starts[0]].strip(), items, tail
