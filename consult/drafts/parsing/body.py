"""The body: headings, articles with their 款/项/目, annexes, and a web-page footer.

One pass over the segments with a little state (the open 编/章/节, the open article or annex).
Anything that fits nowhere becomes a warning that keeps its text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from consult.drafts.numerals import article_number
from consult.drafts.parsing import lines as L
from consult.drafts.parsing.model import Annex, Heading, Paragraph, ParsedArticle, ParseWarning
from consult.drafts.parsing.reflow import Seg, expected_after, split_inline_items

# A line at least this long that stops without punctuation was wrapped by the source, not ended.
WRAP_MIN = 15
_CLOSING = re.compile(r"[。；;：:！!？?）)」』”’】…—]$")


@dataclass
class _OpenArticle:
    label: L.ArticleLabel
    line: int
    context: dict[str, str | None]  # part, part_title, chapter, … of the enclosing headings
    heading: str | None
    position: int
    label_text: str
    paragraphs: list[tuple[str, list[str]]] = field(default_factory=list)
    after_item: bool = False


@dataclass
class _OpenAnnex:
    title: str
    line: int
    lines: list[str] = field(default_factory=list)


class BodyBuilder:
    def __init__(self) -> None:
        self.headings: list[Heading] = []
        self.articles: list[ParsedArticle] = []
        self.annexes: list[Annex] = []
        self.warnings: list[ParseWarning] = []
        self.open: dict[str, Heading | None] = {"part": None, "chapter": None, "section": None}
        self.article: _OpenArticle | None = None
        self.annex: _OpenAnnex | None = None
        self.trailer: list[Seg] | None = None
        self.last: tuple[int, int] | None = None

    def build(self, segs: list[Seg]) -> BodyBuilder:
        i = 0
        while i < len(segs):
            i = self._feed(segs, i)
        self._close()
        self._flush_trailer()
        return self

    def _feed(self, segs: list[Seg], i: int) -> int:
        seg = segs[i]
        if self.trailer is not None and not self._resumes(seg):
            self.trailer.append(seg)
        elif L.is_chrome(seg.text) and not (seg.article or seg.heading):
            self._chrome(seg)
        elif self.annex is not None or (self._started and not seg.heading and L.annex_title(seg.text)):
            self._annex_line(seg)
        elif seg.heading:
            return self._heading(segs, i)
        elif seg.article:
            self._start_article(seg, segs[i + 1] if i + 1 < len(segs) else None)
        elif self.article:
            self._add_line(seg)
        else:
            self.warnings.append(ParseWarning("orphan_text", seg.no, seg.text))
        return i + 1

    def _resumes(self, seg: Seg) -> bool:
        """The next article after what looked like a page footer: the footer was a false alarm
        (or a page break of a multi-page view); keep the footer in a warning and go on."""
        if seg.article is None or seg.article.glued or seg.article.key not in expected_after(self.last):
            return False
        self._flush_trailer()
        return True

    def _flush_trailer(self) -> None:
        if self.trailer:
            self.warnings.append(
                ParseWarning("web_chrome", self.trailer[0].no, "\n".join(s.text for s in self.trailer))
            )
        self.trailer = None

    @property
    def _started(self) -> bool:
        return bool(self.articles or self.article)

    def _chrome(self, seg: Seg) -> None:
        if self._started and not L.is_page_mark(seg.text):
            # A page footer (打印本页, 关闭窗口, 版权所有…): nothing after it is the draft.
            self._close()
            self.trailer = [seg]
        else:
            self.warnings.append(ParseWarning("web_chrome", seg.no, seg.text))

    def _annex_line(self, seg: Seg) -> None:
        title = L.annex_title(seg.text)
        if title is None and self.annex is not None:
            self.annex.lines.append(seg.text)
            return
        self._close()
        self.annex = _OpenAnnex(seg.text, seg.no)
        self.warnings.append(ParseWarning("annex", seg.no, "", {"title": seg.text}))

    def _heading(self, segs: list[Seg], i: int) -> int:
        seg, head = segs[i], segs[i].heading
        assert head is not None  # called for heading segments only
        source, title, used = seg.text, head.title, 1
        nxt = segs[i + 1] if i + 1 < len(segs) else None
        after = segs[i + 2] if i + 2 < len(segs) else None
        if nxt and _continues_heading(nxt):
            if not title:
                source, title, used = f"{seg.text}\n{nxt.text}", L.compact(nxt.text), 2
            elif after is None or after.article or after.heading:
                source, title, used = f"{seg.text}\n{nxt.text}", title + L.compact(nxt.text), 2
                self.warnings.append(ParseWarning("heading_wrapped", seg.no, "", {"title": title}))
        self._close()
        heading = Heading(head.level, head.number, title, seg.no, source, self._position())
        self.headings.append(heading)
        if head.level == "part":
            self.open = {"part": heading, "chapter": None, "section": None}
        elif head.level == "chapter":
            # An unnumbered 附则 closes the last 编 too: it belongs to the whole law.
            part = None if head.ordinal is None else self.open["part"]
            self.open = {"part": part, "chapter": heading, "section": None}
        else:
            self.open["section"] = heading
        return i + used

    def _position(self) -> int:
        return len(self.headings) + len(self.articles) + (1 if self.article else 0)

    def _start_article(self, seg: Seg, nxt: Seg | None) -> None:
        self._close()
        label = seg.article
        assert label is not None  # called for article segments only
        self._check_numbering(label, seg.no)
        heading, first, label_text = label.heading, label.rest, label.label
        plain_next = nxt is not None and not (nxt.article or nxt.heading or L.is_item(nxt.text))
        if heading is None and plain_next and _bare_heading(first):
            heading, first = first, ""  # 第三条 适用范围 / 本条例适用于…
        elif heading is not None and not first and not plain_next:
            # 第十条（删除）: a bracket with nothing after it is the article's text, not its name.
            heading, first, label_text = None, label.label[len(label.bare) :].strip(), label.bare
        context = {
            name: value
            for lv in ("part", "chapter", "section")
            for name, value in zip((lv, f"{lv}_title"), _pair(self.open[lv]))
        }
        self.article = _OpenArticle(label, seg.no, context, heading, self._position(), label_text)
        if first:
            self._add_text(first, seg.no)
        self.last = label.key

    def _check_numbering(self, label: L.ArticleLabel, no: int) -> None:
        key, last = label.key, self.last
        if last is not None and key == last:
            kind, expected = "numbering_repeat", label.number
        elif last is not None and key < last:
            kind, expected = "numbering_order", article_number(last[0] + 1)
        elif key not in expected_after(last):
            kind, expected = "numbering_gap", article_number(last[0] + 1 if last else 1)
        else:
            return
        self.warnings.append(ParseWarning(kind, no, label.label, {"expected": expected, "found": label.number}))

    def _add_line(self, seg: Seg) -> None:
        art, text = self._open_article(), seg.text
        if L.is_item(text) and split_inline_items(text) is None:
            if not art.paragraphs:
                art.paragraphs.append(("", []))
            art.paragraphs[-1][1].append(text)
            art.after_item = True
        elif art.after_item and L.is_subitem(text):
            items = art.paragraphs[-1][1]
            items[-1] = f"{items[-1]}\n{text}"  # a 目 belongs to its 项
        elif _wrapped(art):
            self._continue_line(text)
        else:
            self._add_text(text, seg.no)

    def _continue_line(self, text: str) -> None:
        """Join a hard-wrapped line (text copied from a PDF) to the 款 or 项 it continues."""
        art = self._open_article()
        head, items = art.paragraphs[-1]
        if art.after_item:
            items[-1] += text
        else:
            art.paragraphs[-1] = (head + text, items)

    def _add_text(self, text: str, no: int) -> None:
        art = self._open_article()
        split = split_inline_items(text)
        if split is None:
            art.paragraphs.append((text, []))
            art.after_item = False
            return
        head, items, tail = split
        if head or not art.paragraphs:
            art.paragraphs.append((head, items))
        else:  # a line of several items continues the paragraph that introduced them
            art.paragraphs[-1][1].extend(items)
        art.after_item = not tail
        if tail:
            art.paragraphs.append((tail, []))
        excerpt = text if len(text) <= 40 else text[:40] + "…"
        self.warnings.append(ParseWarning("inline_items_split", no, excerpt, {"count": len(items)}))

    def _open_article(self) -> _OpenArticle:
        assert self.article is not None, "text is added to an article only once one has started"
        return self.article

    def _close(self) -> None:
        if self.article is not None:
            a = self.article
            self.articles.append(
                ParsedArticle(
                    number=a.label.number,
                    ordinal=a.label.ordinal,
                    sub_ordinal=a.label.sub,
                    **a.context,
                    heading=a.heading,
                    paragraphs=tuple(Paragraph(t, tuple(items)) for t, items in a.paragraphs) or (Paragraph(""),),
                    line=a.line,
                    label=a.label_text,
                    position=a.position,
                )
            )
            self.article = None
        if self.annex is not None:
            self.annexes.append(Annex(self.annex.title, "\n".join(self.annex.lines), self.annex.line))
            self.annex = None


def _pair(heading: Heading | None) -> tuple[str | None, str | None]:
    return (heading.number, heading.title) if heading else (None, None)


def _continues_heading(seg: Seg) -> bool:
    """A short line without punctuation between a heading and the next article: its tail."""
    flat = L.compact(seg.text)
    return (
        not (seg.article or seg.heading)
        and 0 < len(flat) <= 20
        and not L.is_item(flat)
        and not L.SENTENCE_PUNCT.search(flat)
        and not any(c in flat for c in "，,：:")
        and not L.annex_title(flat)
        and not L.is_chrome(flat)
    )


def _wrapped(art: _OpenArticle) -> bool:
    """The last line stopped mid-sentence: long, and without closing punctuation."""
    if not art.paragraphs:
        return False
    head, items = art.paragraphs[-1]
    last = items[-1] if art.after_item and items else head
    return len(last) >= WRAP_MIN and not _CLOSING.search(last)


def _bare_heading(rest: str) -> bool:
    return 0 < len(rest) <= 20 and not any(c in rest for c in "。；;，,：:、！？!?")
