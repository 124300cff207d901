"""Words that show a stance toward a rule, and their negations: the no-tags fallback and two
features of the stance model.

Kept general (any article, any policy): explicit agreement and objection, praise and scorn of a
rule, and the words residents use for a rule's costs. Topic words stay out: they are what the
per-article model learns from a drafter's tags.
"""

from __future__ import annotations

import re

SUPPORT = (
    "支持",
    "赞成",
    "同意",
    "拥护",
    "点赞",
    "赞同",
    "好政策",
    "好事",
    "早该",
    "终于",
    "太好了",
    "好消息",
    "英明",
    "欢迎",
    "大快人心",
    "利国利民",
    "必要",
    "合理",
    "必须的",
    "应该的",
    "期待",
    "叫好",
    "赞",
    "好样的",
    "严格执行",
    "加大力度",
    "坚决执行",
)
OPPOSE = (
    "反对",
    "抵制",
    "取消",
    "废除",
    "废止",
    "撤销",
    "一刀切",
    "懒政",
    "凭什么",
    "扯淡",
    "荒唐",
    "荒谬",
    "瞎搞",
    "胡闹",
    "不靠谱",
    "不合理",
    "没用",
    "有什么用",
    "有何用",
    "坑人",
    "坑钱",
    "可笑",
    "悲哀",
    "呵呵",
    "伤不起",
    "养不起",
    "负担",
    "歧视",
    "弱势",
    "侵犯",
    "剥夺",
    "强盗",
    "恶心",
    "垃圾",
    "无语",
    "强烈要求",
    "请求撤回",
    "滚蛋",
)
# A negation just before a word turns it around: "不支持", "没有必要", "不合理" (listed as opposition already).
_NEGATION = re.compile(r"(?:不|没|没有|别|非|无|未|毫无|并不|绝不|决不)$")
_SUPPORT_RE = re.compile("|".join(sorted(map(re.escape, SUPPORT), key=len, reverse=True)))
_OPPOSE_RE = re.compile("|".join(sorted(map(re.escape, OPPOSE), key=len, reverse=True)))
# "不合理" is listed whole; "合理" inside it must not also count as praise.
_NEGATED_FORMS = {word for word in OPPOSE if any(word.endswith(s) for s in SUPPORT)}


def lexicon_scores(text: str) -> tuple[float, float]:
    """(support, oppose) evidence in a text; a negated word counts for the other side."""
    support = oppose = 0.0
    covered: set[int] = set()
    for match in _OPPOSE_RE.finditer(text):
        covered.update(range(*match.span()))
        negated = _NEGATION.search(text[max(0, match.start() - 3) : match.start()]) is not None
        if negated and match.group() not in _NEGATED_FORMS:
            support += 1
        else:
            oppose += 1
    for match in _SUPPORT_RE.finditer(text):
        if match.start() in covered:
            continue
        if _NEGATION.search(text[max(0, match.start() - 3) : match.start()]):
            oppose += 1
        else:
            support += 1
    return support, oppose
