"""What comes before the body: web-page header, title, enactment lines, 目录.

The body starts at the first heading or article; a 目录 block is recognised because its first
heading repeats when the body begins (with or without a 目录 line above it).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from consult.drafts.parsing import lines as L
from consult.drafts.parsing.model import ParseWarning
from consult.drafts.parsing.reflow import Seg


@dataclass
class Front:
    title: str = ""
    preamble: list[str] = field(default_factory=list)
    toc: list[str] = field(default_factory=list)
    body: list[Seg] = field(default_factory=list)
    warnings: list[ParseWarning] = field(default_factory=list)


def split_front(segs: list[Seg], title: str | None) -> Front:
    first_article = next((i for i, s in enumerate(segs) if s.article), len(segs))
    front = Front()
    toc = _find_toc(segs, first_article)
    if toc:
        start, marker, body_start = toc
        entries = segs[marker + 1 if marker is not None else start : body_start]
        front.toc = [s.text for s in entries]
        front.warnings.append(
            ParseWarning(
                "toc_skipped",
                segs[start].no,
                "\n".join(s.text for s in segs[start:body_start]),
                {"count": len(entries)},
            )
        )
        head = segs[:start]
    else:
        body_start = next((i for i, s in enumerate(segs[:first_article]) if s.heading), first_article)
        head = segs[:body_start]
    front.body = segs[body_start:]
    _read_head(head, title, front)
    return front


def _find_toc(segs: list[Seg], limit: int) -> tuple[int, int | None, int] | None:
    """(start, marker index or None, body start) of a 目录 block, or None."""
    marker = next((i for i in range(limit) if L.is_toc_marker(segs[i].text)), None)
    first = next((i for i in range(marker + 1 if marker is not None else 0, limit) if segs[i].heading), None)
    if first is None:
        return None
    heading = segs[first].heading
    assert heading is not None  # `first` was chosen for its heading
    for j in range(first + 1, limit):
        other = segs[j].heading
        if other is not None and other.key == heading.key:
            return (marker if marker is not None else first), marker, j
    return None


def _read_head(head: list[Seg], title: str | None, front: Front) -> None:
    chrome = [s for s in head if L.is_chrome(s.text)]
    if chrome:
        front.warnings.append(ParseWarning("web_chrome", chrome[0].no, "\n".join(s.text for s in chrome)))
    rest = [s for s in head if not L.is_chrome(s.text)]
    if title is not None:
        front.title = title.strip()
        front.preamble = [s.text for s in rest]
        flat = [L.compact(t) for t in front.preamble]
        if L.compact(front.title) in flat:  # the title line itself, once
            del front.preamble[flat.index(L.compact(front.title))]
        return
    index = next((i for i, s in enumerate(rest) if L.looks_like_title(s.text)), None)
    if index is None:
        index = 0 if rest and _plain_title(rest[0].text) else None
    if index is None:
        front.preamble = [s.text for s in rest]
        prefix = L.title_prefix(rest[0].text) if rest else None
        if prefix:
            front.title = prefix
            front.preamble[0] = rest[0].text[len(prefix) :].strip()
        return
    taken = {index}
    front.title = rest[index].text
    if index + 1 < len(rest) and L.is_draft_note(rest[index + 1].text):
        # 北京市公园条例 / （草案） on two lines make one title.
        front.title += rest[index + 1].text
        taken.add(index + 1)
    front.preamble = [s.text for i, s in enumerate(rest) if i not in taken]


def _plain_title(text: str) -> bool:
    """Fallback when nothing ends like a law's name: a short line that is not a date or note."""
    flat = L.compact(text)
    return (
        0 < len(flat) <= 40
        and flat[0] not in "（(【["
        and not L.SENTENCE_PUNCT.search(flat)
        and not L.DATE.search(flat)
    )
