"""Parse the text of a Chinese draft regulation into 编/章/节, 条/款/项/目, annexes and warnings.

Pure: str in, frozen dataclasses out; no web imports. `parse_draft` never raises and never drops
a non-blank character: whatever it cannot place is kept in a warning's `text`.
The steps live in `consult.drafts.parsing`: lines (recognising one line), reflow (restoring lost
line breaks), front (title, preamble, 目录) and body (articles, headings, annexes).
"""

from __future__ import annotations

from consult.drafts.parsing import lines as _lines
from consult.drafts.parsing.body import BodyBuilder
from consult.drafts.parsing.front import split_front
from consult.drafts.parsing.model import (
    WARNING_KINDS,
    Annex,
    Heading,
    Paragraph,
    ParsedArticle,
    ParsedDraft,
    ParseWarning,
)
from consult.drafts.parsing.reflow import segment

INVISIBLE = _lines.INVISIBLE

__all__ = [
    "WARNING_KINDS",
    "INVISIBLE",
    "Annex",
    "Heading",
    "Paragraph",
    "ParsedArticle",
    "ParsedDraft",
    "ParseWarning",
    "parse_draft",
]


def parse_draft(text: str, *, title: str | None = None) -> ParsedDraft:
    """Parse a draft's text; `title` overrides the title found in the text."""
    segs, split_warnings = segment(_lines.source_lines(text))
    front = split_front(segs, title)
    body = BodyBuilder().build(front.body)
    warnings = front.warnings + split_warnings + body.warnings
    if not body.articles:
        warnings.append(ParseWarning("no_articles", None, ""))
    warnings.sort(key=lambda w: w.line or 0)
    return ParsedDraft(
        title=front.title,
        preamble=tuple(front.preamble),
        toc=tuple(front.toc),
        headings=tuple(body.headings),
        articles=tuple(body.articles),
        annexes=tuple(body.annexes),
        warnings=tuple(warnings),
    )
