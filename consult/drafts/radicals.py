"""Radical code points in text taken from a PDF, turned back into the characters a reader sees.

Browsers print CJK text with fonts whose one glyph serves both a character (民, 长, 一) and its
dictionary radical (⺠, ⻓, ⼀); the PDF's text layer then names the radical, and "第⼀条" no longer
reads as 第一条. Kangxi radicals have Unicode compatibility mappings (NFKC); the radicals-supplement
forms that are also everyday simplified characters are mapped by their Equivalent_Unified_Ideograph
property (Unicode's EquivalentUnifiedIdeograph.txt), listed below. Supplement forms whose glyph differs
from any standalone character (⺮, ⺍ …) never stand for one in running text and are left alone.
"""

from __future__ import annotations

import re
import unicodedata

_SUPPLEMENT = {
    0x2E86: 0x5182,  # 冂
    0x2E8A: 0x535C,  # 卜
    0x2E8E: 0x5140,  # 兀
    0x2E95: 0x5F50,  # 彐
    0x2E9B: 0x65E1,  # 旡
    0x2EA0: 0x6C11,  # 民
    0x2EA9: 0x738B,  # 王
    0x2EC1: 0x864E,  # 虎
    0x2EC4: 0x897F,  # 西
    0x2EC5: 0x89C1,  # 见
    0x2EC6: 0x89D2,  # 角
    0x2EC9: 0x8D1D,  # 贝
    0x2ECB: 0x8F66,  # 车
    0x2ED3: 0x957F,  # 长
    0x2ED4: 0x95E8,  # 门
    0x2ED8: 0x9752,  # 青
    0x2EDA: 0x9875,  # 页
    0x2EDB: 0x98CE,  # 风
    0x2EDC: 0x98DE,  # 飞
    0x2EDD: 0x98DF,  # 食
    0x2EE2: 0x9A6C,  # 马
    0x2EE3: 0x9AA8,  # 骨
    0x2EE4: 0x9B3C,  # 鬼
    0x2EE5: 0x9C7C,  # 鱼
    0x2EE6: 0x9E1F,  # 鸟
    0x2EE7: 0x5364,  # 卤
    0x2EE8: 0x9EA6,  # 麦
    0x2EE9: 0x9EC4,  # 黄
    0x2EEA: 0x9EFE,  # 黾
    0x2EEC: 0x9F50,  # 齐
    0x2EEE: 0x9F7F,  # 齿
    0x2EF0: 0x9F99,  # 龙
}
_TABLE = {code: chr(target) for code, target in _SUPPLEMENT.items()}
_KANGXI = re.compile("[\u2f00-\u2fd5\u2e9f\u2ef3]")


def unify_radicals(text: str) -> str:
    """`text` with radical code points replaced by the characters they stand for."""
    text = _KANGXI.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    return text.translate(_TABLE)
