"""Line-level recognition: article labels, headings, items, web-page chrome, annexes, titles.

Each function looks at one line (or one position in a line) and knows nothing of the document;
context — numbering, where the body starts — is the business of the modules that call them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from consult.drafts.numerals import NUMERAL_CHARS, article_number, cn_to_int, int_to_cn

# Invisible characters dropped everywhere; with whitespace they are what "blank" means.
INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"
_INVISIBLE_TABLE = dict.fromkeys(map(ord, INVISIBLE))
MAX_ORDINAL = 9999  # an article or heading numbered beyond this is noise, not a label

_NUM = f"[{NUMERAL_CHARS}]+"
_SP = r"[ \t\u3000\xa0]*"
ARTICLE_AT = re.compile(rf"第{_SP}({_NUM}){_SP}条(?:{_SP}之{_SP}({_NUM}))?")
_HEADING = re.compile(rf"^第{_SP}({_NUM}){_SP}(编|章|节)(.*)$")
HEADING_AT = re.compile(rf"第{_SP}({_NUM}){_SP}(编|章|节)")
_LEVELS = {"编": "part", "章": "chapter", "节": "section"}
_UNNUMBERED = {"附则": "chapter"}
# After a glued label these words mean a cross-reference (第十二条规定的…), not an article.
_REFERENCE_TAIL = re.compile(r"^(?:规定|的|第|款|项|、|，|,|和|或|至|及|中|所|之|与|到|～|~|－|—|-)")
_BRACKETS = {"【": "】", "〔": "〕", "[": "]", "［": "］", "（": "）", "(": ")"}
_NUMERAL_ONLY = re.compile(rf"^{_NUM}$")
SENTENCE_PUNCT = re.compile(r"[。；;！!？?]")
ITEM = re.compile(r"^(?:[（(]\s*[一二三四五六七八九十百]+\s*[）)]|[一二三四五六七八九十]{1,3}、)")
SUBITEM = re.compile(r"^(?:[0-9０-９]{1,3}\s*[.．、](?![0-9０-９])|[（(][0-9０-９]{1,3}[）)]|[①-⑳])")
_TOC_MARKER = re.compile(r"^目录$")
_ANNEX = re.compile(
    r"^(?:附件|附录|附表)[一二三四五六七八九十0-9０-９]*(?:[:：].{0,40})?$|^附[:：].{1,40}$"
    # The drafting notes often published after the text: not articles either.
    r"|^关于.{2,60}的(?:起草|修改|审议结果的|修改情况的)?(?:说明|报告)$|^(?:起草|立法|修改)说明$"
)
_TITLE_SUFFIX = re.compile(
    r"(?:条例|办法|规定|规则|细则|决定|法|规程|章程|准则|草案|征求意见稿|送审稿|修正案|修订案|修改稿)"
    r"(?:[（(][^（）()]{1,20}[）)])?$"
)
_TITLE_THEN_DATE = re.compile(r"^(\S.{1,60}?)\s*(?=[0-9０-９]{4}\s*年|[（(][0-9０-９]{4})")
_DRAFT_NOTE = re.compile(r"^[（(][^（）()]{0,12}(?:草案|征求意见稿|送审稿|修改稿|审议稿)[^（）()]{0,8}[）)]$")
DATE = re.compile(r"[0-9０-９]{4}\s*年|[一二三四五六七八九〇○零]{4}年")
# Web-page furniture. Field labels count only with their colon (来源：…), so a paragraph that starts
# with 编辑出版物… is not mistaken for one; a few phrases count anywhere in a short line.
_CHROME = re.compile(
    r"^(?:来源|信息来源|文章来源|发布时间|发布日期|发文日期|发布机构|作者|浏览次数|浏览量|点击数|点击量|"
    r"阅读次数|阅读量|责任编辑|编辑|审核|字号|字体|当前位置|您现在的位置|你现在的位置|您的位置|分享到|"
    r"主办单位|承办单位|主办|承办|联系电话|访问量)[:：]"
    r"|^(?:【字体|【打印|【关闭|分享到|扫一扫|网站地图|版权所有|联系我们|上一篇|下一篇|相关链接|相关阅读|"
    r"相关文章|相关文件|附件下载|返回顶部|返回首页|Copyright|©|首页[>＞›»/]|首页$)"
    r"|^.{0,40}(?:打印本页|关闭窗口|【打印】|【关闭】|ICP备[0-9０-９]|公网安备)",
    re.IGNORECASE,
)
# Page numbers left by a PDF or a paged web view: dropped one by one, they do not end the body.
_PAGE_MARK = re.compile(r"^(?:第[0-9]+页(?:[/／共][0-9]+页?)?|[-—－–]+[0-9]+[-—－–]+|[0-9]+/[0-9]+)$")


@dataclass(frozen=True)
class ArticleLabel:
    ordinal: int
    sub: int
    label: str  # the source text of the label, heading brackets included
    bare: str  # the label without its heading: 第三条
    heading: str | None
    rest: str  # the text after the label
    glued: bool  # the text follows the number without a space or heading

    @property
    def key(self) -> tuple[int, int]:
        return self.ordinal, self.sub

    @property
    def number(self) -> str:
        return article_number(self.ordinal, self.sub)


@dataclass(frozen=True)
class HeadingLabel:
    level: str
    ordinal: int | None
    title: str  # whitespace removed

    @property
    def number(self) -> str | None:
        if self.ordinal is None:
            return None
        return f"第{int_to_cn(self.ordinal)}{'编章节'[('part', 'chapter', 'section').index(self.level)]}"

    @property
    def key(self) -> tuple[str, int | None, str | None]:
        return self.level, self.ordinal, self.title if self.ordinal is None else None


def compact(text: str) -> str:
    return "".join(text.split())


def source_lines(text: str) -> list[tuple[int, str]]:
    """(1-based line number, stripped text) of every non-blank line, CRLF/CR and BOM undone."""
    text = text.translate(_INVISIBLE_TABLE).replace("\r\n", "\n").replace("\r", "\n")
    return [(no, line.strip()) for no, line in enumerate(text.split("\n"), 1) if line.strip()]


def _to_int(numeral: str | None) -> int | None:
    if not numeral:
        return None
    try:
        value = cn_to_int(numeral)
    except ValueError:
        return None
    return value if 0 < value <= MAX_ORDINAL else None


def article_at(text: str, pos: int = 0) -> ArticleLabel | None:
    """The article label starting exactly at `pos`, with its heading if it has one."""
    match = ARTICLE_AT.match(text, pos)
    if not match:
        return None
    ordinal = _to_int(match.group(1))
    sub = _to_int(match.group(2)) if match.group(2) else 0
    if ordinal is None or sub is None:
        return None
    end = match.end()
    after = text[end:]
    heading, heading_end = _bracket_heading(after)
    bare = text[pos:end].strip()
    if heading is not None:
        return ArticleLabel(
            ordinal, sub, text[pos : end + heading_end].strip(), bare, heading, after[heading_end:].strip(), glued=False
        )
    glued = bool(after) and not after[0].isspace()
    return ArticleLabel(ordinal, sub, bare, bare, None, after.strip(), glued)


def _bracket_heading(after: str) -> tuple[str | None, int]:
    """第三条【适用范围】 / 第三条（适用范围）: the heading and where it ends in `after`."""
    stripped = after.lstrip()
    if not stripped or stripped[0] not in _BRACKETS:
        return None, 0
    close = stripped.find(_BRACKETS[stripped[0]], 1)
    inner = stripped[1:close].strip() if close > 0 else ""
    if close < 0 or not inner or len(inner) > 30 or _NUMERAL_ONLY.match(inner):
        return None, 0
    if SENTENCE_PUNCT.search(inner) or "，" in inner:
        return None, 0
    return inner, len(after) - len(stripped) + close + 1


def is_reference_tail(label: ArticleLabel) -> bool:
    """A glued label followed by 规定/的/第… reads as a cross-reference, not a new article."""
    return label.glued and bool(_REFERENCE_TAIL.match(label.rest))


def heading_of(line: str) -> HeadingLabel | None:
    """第二章 规划与建设 / 第一编总则 / 附　　则 as a whole line; None for anything else."""
    flat = compact(line)
    if flat in _UNNUMBERED:
        return HeadingLabel(_UNNUMBERED[flat], None, flat)
    match = _HEADING.match(line)
    if not match:
        return None
    ordinal = _to_int(match.group(1))
    title = compact(match.group(3))
    if ordinal is None or len(title) > 40 or SENTENCE_PUNCT.search(title) or re.search("[，,：:]", title):
        return None
    return HeadingLabel(_LEVELS[match.group(2)], ordinal, title)


def is_item(line: str) -> bool:
    return bool(ITEM.match(line))


def is_subitem(line: str) -> bool:
    return bool(SUBITEM.match(line))


def is_toc_marker(line: str) -> bool:
    return bool(_TOC_MARKER.match(compact(line)))


def is_chrome(line: str) -> bool:
    return is_page_mark(line) or (len(line) <= 200 and bool(_CHROME.search(compact(line))))


def is_page_mark(line: str) -> bool:
    return bool(_PAGE_MARK.match(compact(line)))


def annex_title(line: str) -> str | None:
    flat = line.strip()
    if len(flat) > 50 or SENTENCE_PUNCT.search(flat):
        return None
    return flat if _ANNEX.match(compact(flat)) else None


def looks_like_title(line: str) -> bool:
    flat = compact(line)
    if not flat or len(flat) > 60 or flat[0] in "（(【[" or DATE.search(flat):
        return False
    if SENTENCE_PUNCT.search(flat) or is_chrome(line) or ARTICLE_AT.match(flat) or heading_of(line):
        return False
    return bool(_TITLE_SUFFIX.search(flat))


def title_prefix(line: str) -> str | None:
    """洛阳市…管理条例2009年10月22日…通过: the title glued to the enactment line after it."""
    match = _TITLE_THEN_DATE.match(line)
    return match.group(1) if match and looks_like_title(match.group(1)) else None


def is_draft_note(line: str) -> bool:
    """（草案）/（征求意见稿） on its own line under a title."""
    return bool(_DRAFT_NOTE.match(compact(line)))
