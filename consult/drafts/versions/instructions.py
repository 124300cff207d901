"""Reading an amendment draft (修正案 / 关于修改《…》的决定) into its numbered instructions.

Each "一、…" is one instruction; what it says is recognised from the words before its quotation:
将第X条[第Y款][第Z项]修改为“…”; 在第X条中增加一款作为第Y款; 在第X条[第Y款]后增加一款; 在第X条后增加一条，
作为第X条之一; 增加一条，作为第X条; 删去第X条[第Y款][第Z项]; 将第X条[第Y款]中的“A”修改为“B”; 删去第X条中的
“A”; 条文顺序作相应调整. Quoted text may run over several paragraphs, each opening with “ and the last
closing with ”. Anything else is kept as an instruction of kind "unknown", so that applying refuses it
by number instead of skipping it silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from consult.drafts.numerals import NUMERAL_CHARS, cn_to_int, parse_article_number

_N = f"[{NUMERAL_CHARS}]+"
_ARTICLE = rf"第{_N}条(?:之{_N})?"
_TARGET = rf"(?:刑法|本法|本条例|条例|该法)?(?P<art>{_ARTICLE})(?:第(?P<para>{_N})款)?(?:第(?P<item>{_N})项)?"
_START = re.compile(rf"^\s*({_N})、\s*")
_FORMS = (
    ("modify", re.compile(rf"^将{_TARGET}修改为[:：]?$")),
    ("add_paragraph", re.compile(rf"^在{_TARGET}中增加一款[，,]?作为第(?P<at>{_N})款[:：]?$")),
    ("add_paragraph_after", re.compile(rf"^在{_TARGET}后增加一款[:：]?$")),
    ("add_article_after", re.compile(rf"^在{_TARGET}后增加一条[，,]?作为(?P<new>{_ARTICLE})[:：]?$")),
    ("add_article", re.compile(rf"^增加一条[，,]?作为(?P<new>{_ARTICLE})[:：]?$")),
    ("delete", re.compile(rf"^删去{_TARGET}[。；;]?$")),
    (
        "add_articles_after",
        re.compile(rf"^在{_TARGET}后增加{_N}条[，,]?作为(?P<news>{_ARTICLE}(?:、{_ARTICLE})*)[:：]?$"),
    ),
    (
        "modify",
        re.compile(
            rf"^将(?:刑法|本法|本条例|条例)?(?P<art>{_ARTICLE})第(?P<para>{_N})款、第(?P<last>{_N})款修改为[:：]?$"
        ),
    ),
)
# "……，在刑法第二百九十九条中增加一款作为第二款，将该条修改为：": the whole article, rewritten.
_REWRITE_IT = re.compile(rf"(?P<art>{_ARTICLE})(?!.*{_ARTICLE}).*将该条修改为[:：]?$")
_WORDS = re.compile(rf"^(?:将)?{_TARGET}中的“")
_PAIR = re.compile(r"“([^”]*)”修改为“([^”]*)”")
_STRIKE = re.compile(r"^(?:删去.*?中的“([^”]+)”|将.*?中的“([^”]+)”删去)")
_RENUMBER = re.compile(r"(?:条文|章节|条款)[^。“]{0,12}顺序(?:作|做)相应调整")
# "在第二章后增加一章，作为第三章" / "增加一章，作为第三章" / "增加一节，作为第二章第三节"
_ADD_DIVISION = re.compile(
    rf"^(?:在(?:第(?P<after>{_N})章)(?:第(?P<after_section>{_N})节)?后)?增加一(?P<level>[章节])[，,]?作为"
    rf"(?:第(?P<chapter>{_N})章)?(?:第(?P<section>{_N})节)?[:：]?$"
)
_IN_FORCE = re.compile(r"^本(?:修正案|决定)自.*施行")


@dataclass(frozen=True)
class Instruction:
    number: int  # 一、 → 1
    kind: str  # a name from _FORMS, "replace_words", "delete_words", "renumber", "in_force" or "unknown"
    source: str  # the instruction as written
    article: tuple[int, int] | None = None  # (ordinal, sub) of the article it names
    paragraph: int | None = None
    item: int | None = None
    at: int | None = None  # the new paragraph's place, or the new article's number via `new_article`
    new_article: tuple[int, int] | None = None
    new_articles: tuple[tuple[int, int], ...] = ()  # "增加五条，作为第X条之二、…"
    # "增加一章 / 一节": its place (chapter, section) and the chapter (and section) it follows, by number
    division: tuple[int | None, int | None] | None = None
    after_division: tuple[int | None, int | None] | None = None
    last_paragraph: int | None = None  # "第一款、第二款修改为"
    text: tuple[str, ...] = ()  # the quoted paragraphs
    words: tuple[tuple[str, str], ...] = field(default=())  # (old, new) pairs; new "" to delete


def split_instructions(text: str) -> list[tuple[int, list[str]]]:
    """The numbered blocks of an amendment: (number, its lines). Lines before the first are its title."""
    blocks: list[tuple[int, list[str]]] = []
    for raw in text.replace("\r\n", "\n").replace("\ufeff", "").split("\n"):
        line = raw.strip()
        if not line:
            continue
        start = _START.match(line)
        if start:
            blocks.append((cn_to_int(start.group(1)), [line[start.end() :]]))
        elif blocks:
            blocks[-1][1].append(line)
    return blocks


def _quoted(lines: list[str]) -> tuple[str, tuple[str, ...]]:
    """(the words before the quotation, the quoted paragraphs without their marks)."""
    first = lines[0]
    opening = first.find("“")
    head, rest = (first, lines[1:]) if opening < 0 else (first[:opening], [first[opening:], *lines[1:]])
    paragraphs = []
    for line in rest:
        if not line.startswith("“"):
            break  # "原第二款作为第三款。": what follows the quotation
        paragraphs.append(line[1:])
    if paragraphs and paragraphs[-1].endswith("”"):
        paragraphs[-1] = paragraphs[-1][:-1]
    return head.strip(), tuple(paragraphs)


def _article(label: str | None) -> tuple[int, int] | None:
    return parse_article_number(label) if label else None


def read_instruction(number: int, lines: list[str]) -> Instruction:
    source = "\n".join(lines)
    first = lines[0]
    if _RENUMBER.search(source) and not _START.match(first) and "“" not in first:
        return Instruction(number, "renumber", source)
    if _IN_FORCE.match(first):
        return Instruction(number, "in_force", source)
    about_words = _about_words(number, source, first)
    if about_words is not None:
        return about_words
    head, paragraphs = _quoted(lines)
    for kind, pattern in _FORMS:
        match = pattern.match(head)
        if match:
            groups = match.groupdict()
            return Instruction(
                number,
                kind,
                source,
                **_target(match),
                at=cn_to_int(groups["at"]) if groups.get("at") else None,
                new_article=_article(groups.get("new")),
                new_articles=tuple(parse_article_number(a) for a in (groups.get("news") or "").split("、") if a),
                last_paragraph=cn_to_int(groups["last"]) if groups.get("last") else None,
                text=paragraphs,
            )
    division = _ADD_DIVISION.match(head)
    if division:
        return _division(number, source, division, paragraphs)
    rewrite = _REWRITE_IT.search(head)
    if rewrite:
        return Instruction(number, "modify", source, article=_article(rewrite.group("art")), text=paragraphs)
    if _RENUMBER.search(source):
        return Instruction(number, "renumber", source)
    return Instruction(number, "unknown", source)


def _about_words(number: int, source: str, first: str) -> Instruction | None:
    """将第X条中的“A”修改为“B”[，“C”修改为“D”] / 删去第X条中的“A”."""
    words = _WORDS.match(first)
    if words and _PAIR.search(first):
        return Instruction(number, "replace_words", source, **_target(words), words=tuple(_PAIR.findall(first)))
    strike = _STRIKE.match(first)
    target = re.search(_TARGET, first) if strike else None
    if strike and target:
        word = strike.group(1) or strike.group(2)
        return Instruction(number, "delete_words", source, **_target(target), words=((word, ""),))
    return None


def _division(number: int, source: str, match: re.Match[str], paragraphs: tuple[str, ...]) -> Instruction:
    def num(name: str) -> int | None:
        value = match.group(name)
        return cn_to_int(value) if value else None

    kind = "add_chapter" if match.group("level") == "章" else "add_section"
    after = (num("after"), num("after_section")) if match.group("after") else None
    return Instruction(
        number, kind, source, division=(num("chapter"), num("section")), after_division=after, text=paragraphs
    )


def _target(match: re.Match[str]) -> dict:
    groups = match.groupdict()
    return {
        "article": _article(groups.get("art")),
        "paragraph": cn_to_int(groups["para"]) if groups.get("para") else None,
        "item": cn_to_int(groups["item"]) if groups.get("item") else None,
    }


def read_amendment(text: str) -> list[Instruction]:
    """Every numbered instruction of an amendment text, in order. An amendment of one instruction may
    leave it unnumbered: then its first paragraph that names an article is the instruction."""
    blocks = split_instructions(text)
    if not blocks:
        lines = [line.strip() for line in text.replace("\ufeff", "").splitlines() if line.strip()]
        start = next(
            (i for i, line in enumerate(lines) if re.search(_ARTICLE, line) and not line.startswith("“")), None
        )
        blocks = [(1, lines[start:])] if start is not None else []
    return [read_instruction(number, lines) for number, lines in blocks]


def is_amendment(found: list[Instruction]) -> bool:
    """Whether these instructions (read from a text without articles) make an amendment draft: most
    of them recognised."""
    known = [i for i in found if i.kind not in ("unknown", "in_force")]
    return len(known) >= 1 and len(known) >= 0.5 * len(found)
