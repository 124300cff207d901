"""Find references to articles (第十二条, 第12条第二款, 第十二条之一 …) in free text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .normalize import normalize_text

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_NUM = r"(?:[0-9]{1,4}|[零〇一二两三四五六七八九十百千]{1,8})"
_REF_RE = re.compile(
    rf"(?<![0-9零〇一二两三四五六七八九十百千])(?P<di>第)?(?P<ord>{_NUM})条(?:之(?P<sub>{_NUM}))?(?:第(?P<para>{_NUM})款)?"
)
# Without 第, "三条" is usually a count ("三条建议", "两条河"), so the bare form is
# only taken when it is not preceded by a counting word nor followed by a noun
# that is commonly counted with 条.
_COUNT_BEFORE = set("这那哪每几各多好前后上下头些数零")
_COUNTED_AFTER = re.compile(
    r"(?:建议|意见|措施|理由|原因|问题|规定|内容|标准|要求|路|街|河|溪|江|线|道|"
    r"狗|鱼|船|蛇|龙|命|信息|消息|短信|留言|评论|新闻|小|大|长)"
)


@dataclass(frozen=True)
class ArticleRef:
    """One reference to an article: 第{ordinal}条之{sub}第{paragraph}款.

    ``sub`` is 0 for a plain article; ``start``/``end`` index the text that was
    searched (after normalisation when ``find_article_refs`` normalised it).
    """

    ordinal: int
    sub: int
    paragraph: int | None
    start: int
    end: int
    text: str


def parse_number(token: str) -> int | None:
    """Read an Arabic or Chinese numeral (十二, 一百零五, 12); None if it is not one."""
    if not token:
        return None
    if token.isdigit():
        return int(token)
    if not any(ch in _UNITS for ch in token):
        # Positional form such as 一二 (rare, but seen in pasted text).
        digits = [_DIGITS.get(ch) for ch in token]
        if None in digits:
            return None
        return int("".join(map(str, digits)))
    total, current = 0, 0
    for ch in token:
        if ch in _DIGITS:
            current = _DIGITS[ch]
        elif ch in _UNITS:
            total += (current or 1) * _UNITS[ch]
            current = 0
        else:
            return None
    return total + current


def _is_count_usage(text: str, match: re.Match[str]) -> bool:
    if match.group("di") or match.group("sub") or match.group("para"):
        return False
    start, end = match.span()
    if start and text[start - 1] in _COUNT_BEFORE:
        return True
    if match.group("ord") in ("一", "两", "1"):
        return True
    return bool(_COUNTED_AFTER.match(text, end))


def find_article_refs(text: str, *, normalized: bool = False) -> list[ArticleRef]:
    """Return the article references in ``text``, in order of appearance.

    The text is normalised first (so full-width digits work) unless ``normalized``
    says it already is; offsets refer to the normalised text.
    """
    if not normalized:
        text = normalize_text(text)
    refs = []
    for match in _REF_RE.finditer(text):
        ordinal = parse_number(match.group("ord"))
        if not ordinal or _is_count_usage(text, match):
            continue
        sub = parse_number(match.group("sub") or "") or 0
        para = parse_number(match.group("para") or "") if match.group("para") else None
        refs.append(ArticleRef(ordinal, sub, para, match.start(), match.end(), match.group()))
    return refs
