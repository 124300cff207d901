"""What counts as making a point: a comment that only says "支持！" or "坚决反对" (or reposts someone
else's words) states a stance but gives the drafters nothing to group, answer or weigh. Such comments
are counted apart as "no specific point" instead of blurring the themes; their stance still counts."""

from __future__ import annotations

import re

from .stance import clean

# Words that only say where one stands. Not the whole stance lexicon: 取消, 垃圾 or 一刀切 also name
# what a point is about ("取消门票", "垃圾桶太少").
_STANCE_ONLY = (
    *("支持", "赞成", "同意", "拥护", "点赞", "赞同", "好政策", "好事", "早该", "终于", "太好了", "好消息"),
    *("英明", "欢迎", "大快人心", "利国利民", "叫好", "赞", "好样的", "反对", "抵制", "扯淡", "荒唐", "荒谬"),
    *("瞎搞", "胡闹", "不靠谱", "呵呵", "无语", "滚蛋", "可笑"),
)
MIN_POINT = 4  # characters of content left once stance words and fillers are taken out
_FILLERS = (
    "我们",
    "我",
    "非常",
    "坚决",
    "强烈",
    "完全",
    "十分",
    "表示",
    "举双手",
    "一万个",
    "楼上",
    "这个",
    "规定",
    "条例",
    "草案",
    "政策",
    "本条",
    "顶",
    "加一",
    "转发微博",
    "转发",
    "分享",
    "轉發微博",
)
_NOT_WORDS = re.compile(r"[\W_\d]+")
_BARE = re.compile("|".join(sorted(map(re.escape, (*_STANCE_ONLY, *_FILLERS)), key=len, reverse=True)))


def makes_a_point(text: str, *, normalized: bool = False) -> bool:
    """False for a bare stance ("支持！", "坚决反对这个规定"), a repost without own words, or noise."""
    own = _NOT_WORDS.sub("", clean(text, normalized=normalized))
    return len(_BARE.sub("", own).replace("不", "").replace("的", "")) >= MIN_POINT
