"""A rule-based signal for the kind of proposal a comment makes."""

from __future__ import annotations

import re
from enum import Enum

from .normalize import normalize_text


class ProposalKind(str, Enum):
    """What a comment asks for; the values are what the web layer stores."""

    MODIFY = "modify"
    DELETE = "delete"
    ADD = "add"
    SUPPORT = "support"
    OPPOSE = "oppose"
    QUESTION = "question"
    OTHER = "other"


_NEG = r"(?:不|别|勿|无需|不必|不要|没必要)"
# Order matters: a concrete change (delete, add, modify) outranks an attitude, and
# an objection outranks a question ("凭什么收费？坚决反对").
_RULES = (
    (
        ProposalKind.DELETE,
        re.compile(r"删除|删去|删掉|去掉|取消(?!了)|废止|废除|拿掉|剔除|没有必要(?:规定|设置|保留)|不应(?:当)?保留"),
    ),
    (
        ProposalKind.ADD,
        re.compile(
            r"增加|增设|新增|补充|增补|添加|加上|加入|写入|写进|纳入|另起一款|增列|应(?:当)?(?:增加|规定|明确)"
            r"|(?:没有|未|缺少|缺乏)(?:规定|明确|提及|涉及)"
        ),
    ),
    (
        ProposalKind.MODIFY,
        re.compile(
            r"修改|改为|改成|调整|更改|变更|替换|提高|降低|放宽|收紧|延长|缩短|细化|明确|表述|措辞|"
            r"上调|下调|扩大|缩小|限定|改进|完善"
        ),
    ),
    (
        ProposalKind.OPPOSE,
        re.compile(
            rf"反对|{_NEG}(?:同意|赞成|赞同|支持|合理|可行|公平)|不能接受|无法接受|不妥|欠妥|"
            r"站不住|一刀切|凭什么|不该|不应该|太过|过于|过重|过高|扰民"
        ),
    ),
    (
        ProposalKind.SUPPORT,
        re.compile(r"赞成|赞同|同意|支持|拥护|点赞|好事|很好|非常好|必要|及时雨|叫好|期待早日|尽快(?:出台|实施|通过)"),
    ),
    (
        ProposalKind.QUESTION,
        re.compile(
            r"[?？]|吗$|吗[，。,.!！]|请问|是否|能否|可否|怎么|如何|为什么|为何|哪些|哪里|什么时候|多少|谁来|有没有"
        ),
    ),
)


def classify_proposal(text: str, *, normalized: bool = False) -> ProposalKind:
    """Return the kind of proposal ``text`` makes, by the first rule that matches.

    A cheap signal meant for showing a theme's mix, not for deciding a single
    comment; measured in ``benchmarks/analysis_quality.py``.
    """
    if not normalized:
        text = normalize_text(text)
    for kind, pattern in _RULES:
        if pattern.search(text):
            return kind
    return ProposalKind.OTHER
