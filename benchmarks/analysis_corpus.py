"""Seeded generators of resident comments about parks and rivers, for the benchmarks.

``labelled_comments`` builds the labelled quality set from the hand-written
phrases in ``data/park_river_phrases.json``: ten concerns, six mass campaigns
(exact copies and near-copies: other name or number, changed punctuation, a
sentence added or dropped, zero-width characters) and off-topic noise.
``bulk_comments`` builds large sets of realistic length (30–300 characters,
20 % campaign copies) for the speed benchmark, with the tokens each comment would
have had stored at submission.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

PHRASES = json.loads((Path(__file__).parent / "data" / "park_river_phrases.json").read_text("utf-8"))
_ZW = ["\u200b", "\u200c", "\u200d", "\ufeff", "\u2060"]
_PREFIXES = ["建议", "希望", "我认为", "强烈建议", "最好", "恳请", "", ""]
_CN = "零一二三四五六七八九"
# Residents say the same thing in their own words: each comment swaps some words
# for synonyms, so that comments built on the same sentence are not copies.
_SYNONYMS = {
    "建议": ["希望", "提议", "恳请"],
    "非常": ["特别", "十分", "很"],
    "很多": ["不少", "许多", "好多"],
    "经常": ["常常", "时常", "总是"],
    "应当": ["应该", "要", "必须"],
    "禁止": ["不准", "严禁", "不允许"],
    "设置": ["设立", "配置", "安装"],
    "公园": ["园区", "公园", "公园里"],
    "晚上": ["夜里", "傍晚", "晚间"],
    "孩子": ["小孩", "小朋友", "娃娃"],
    "老人": ["老年人", "长辈", "老人家"],
    "没人": ["没有人", "无人"],
    "管理": ["管", "管理"],
    "增加": ["多设", "增设", "加"],
    "及时": ["尽快", "马上"],
    "严重": ["厉害", "严重地"],
    "居民": ["住户", "街坊"],
    "现象": ["情况", "问题"],
    "处罚": ["罚款", "惩处"],
    "每天": ["天天", "每日"],
    "要": ["得", "需要"],
    "太": ["过于", "实在太", "真是太"],
    "到处": ["四处", "满地"],
    "根本": ["完全", "压根"],
    "专门": ["专用", "单独"],
    "区域": ["地方", "范围"],
    "规定": ["写明", "明确"],
    "周末": ["节假日", "星期天"],
}
_SYN_RE = re.compile("|".join(sorted(_SYNONYMS, key=len, reverse=True)))
_ASIDES = [
    "说实话，",
    "真的，",
    "我注意到",
    "最近",
    "有时候",
    "说句心里话，",
    "据我观察，",
    "前几天",
    "上个月",
    "每次去都发现",
    "好几次看到",
    "邻居们也说",
]


def _fill(template: str, rng: random.Random, **fixed) -> str:
    values = {
        "park": rng.choice(PHRASES["parks"]),
        "river": rng.choice(PHRASES["rivers"]),
        "estate": rng.choice(PHRASES["estates"]),
        "name": rng.choice(PHRASES["names"]),
        "num": str(rng.randint(1, 40)),
        "phone": "1" + "".join(rng.choice("0123456789") for _ in range(10)),
    }
    values.update(fixed)
    return template.format(**values)


def _reword(sentence: str, rng: random.Random) -> str:
    sentence = _SYN_RE.sub(lambda m: rng.choice(_SYNONYMS[m.group()]) if rng.random() < 0.7 else m.group(), sentence)
    clauses = sentence.split("，")
    if len(clauses) > 2 and rng.random() < 0.3:
        clauses.pop(rng.randrange(1, len(clauses)))
    if rng.random() < 0.4:
        clauses.insert(rng.randrange(len(clauses) + 1), rng.choice(_ASIDES).rstrip("，"))
    return "，".join(clauses)


def organic_pieces(concern: str, rng: random.Random) -> list[str]:
    """One resident's comment on ``concern`` as a list of sentences, in their own words."""
    c = PHRASES["concerns"][concern]
    pieces = [_fill(rng.choice(PHRASES["openers"]), rng)]
    if rng.random() < 0.15:
        pieces.append(f"对第{_CN[rng.randint(1, 9)]}十{_CN[rng.randint(1, 9)]}条，")
    for problem in rng.sample(c["problems"], rng.choice([1, 1, 2])):
        pieces.append(_reword(_fill(problem, rng), rng) + rng.choice(["。", "，", "！", "；"]))
    for proposal in rng.sample(c["proposals"], rng.choice([1, 1, 2])):
        pieces.append(rng.choice(_PREFIXES) + _reword(_fill(proposal, rng), rng) + rng.choice(["。", "！", "。"]))
    if rng.random() < 0.5:
        pieces.append(_reword(rng.choice(c["reasons"]), rng) + "。")
    pieces.append(rng.choice(PHRASES["closers"]))
    return [p for p in pieces if p]


def campaign_copy(campaign: dict, original: dict, rng: random.Random) -> str:
    """A copy of a campaign letter, exact or altered the way real campaigns are."""
    fixed = dict(original)
    r = rng.random()
    if r < 0.25:
        fixed.update(
            name=rng.choice(PHRASES["names"]),
            num=str(rng.randint(1, 40)),
            estate=rng.choice(PHRASES["estates"]),
            phone="1" + str(rng.randint(10**9, 10**10 - 1)),
        )
    text = _fill(campaign["text"], rng, **fixed)
    if 0.25 <= r < 0.4:
        text = text.replace("。", rng.choice(["！", "，", "；", ". "])).replace("，", rng.choice([",", " ", "，"]))
    elif 0.4 <= r < 0.5:
        sentences = re.split(r"(?<=[。！])", text)
        sentences.pop(rng.randrange(len(sentences) - 1))
        text = "".join(sentences)
    elif 0.5 <= r < 0.6:
        text += campaign["extra"]
    elif 0.6 <= r < 0.68:
        chars = list(text)
        for _ in range(rng.randint(3, 12)):
            chars.insert(rng.randrange(len(chars)), rng.choice(_ZW))
        text = "".join(chars)
    return text


def labelled_comments(seed: int = 0, per_concern: int = 62, copies: int = 170, noise: int = 40) -> list[dict]:
    """The labelled quality set: dicts with id, text, label and campaign (or None)."""
    rng = random.Random(seed)
    rows = []
    for concern in PHRASES["concerns"]:
        rows += [
            {"text": "".join(organic_pieces(concern, rng)), "label": concern, "campaign": None}
            for _ in range(per_concern)
        ]
    campaigns = PHRASES["campaigns"]
    originals = [
        {
            "name": rng.choice(PHRASES["names"]),
            "num": "12",
            "estate": rng.choice(PHRASES["estates"]),
            "phone": "13800138000",
            "river": rng.choice(PHRASES["rivers"]),
            "park": rng.choice(PHRASES["parks"]),
        }
        for _ in campaigns
    ]
    for _ in range(copies):
        i = min(int(rng.paretovariate(1.2)) - 1, len(campaigns) - 1)  # a few big campaigns, some small
        rows.append(
            {"text": campaign_copy(campaigns[i], originals[i], rng), "label": campaigns[i]["concern"], "campaign": i}
        )
    rows += [{"text": rng.choice(PHRASES["noise"]), "label": "noise", "campaign": None} for _ in range(noise)]
    rng.shuffle(rows)
    for n, row in enumerate(rows):
        row["id"] = f"c{n}"
    return rows


class _ClauseTokens:
    """Tokens of each generated clause, segmented once: the stand-in for tokens
    stored at submission, without segmenting a million comments first. jieba cuts
    at punctuation anyway, so clause by clause gives the same tokens as the whole."""

    _SPLIT = re.compile(r"[，。！；：、？,.!;:?\s]+")

    def __init__(self, tokenizer):
        self.tokenizer, self.cache = tokenizer, {}

    def __call__(self, text: str) -> tuple[str, ...]:
        out = []
        for clause in self._SPLIT.split(text):
            if clause not in self.cache:
                self.cache[clause] = tuple(self.tokenizer.tokens(clause))
            out.extend(self.cache[clause])
        return tuple(out)


def bulk_comments(n: int, seed: int = 0, tokenizer=None) -> list[tuple[str, tuple[str, ...] | None]]:
    """``n`` comments of 30–300 characters, 20 % campaign copies, 3 % noise.

    Returns (text, tokens) pairs; tokens are None unless a tokenizer is given.
    """
    rng = random.Random(seed)
    concerns = list(PHRASES["concerns"])
    campaigns = PHRASES["campaigns"]
    originals = [
        {
            "name": rng.choice(PHRASES["names"]),
            "num": "12",
            "estate": rng.choice(PHRASES["estates"]),
            "phone": "13800138000",
            "river": rng.choice(PHRASES["rivers"]),
            "park": rng.choice(PHRASES["parks"]),
        }
        for _ in campaigns
    ]
    tokens_of = _ClauseTokens(tokenizer) if tokenizer else None
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.2:
            i = min(int(rng.paretovariate(1.0)) - 1, len(campaigns) - 1)
            pieces = [campaign_copy(campaigns[i], originals[i], rng)]
        elif r < 0.23:
            pieces = [rng.choice(PHRASES["noise"])]
        else:
            pieces = organic_pieces(rng.choice(concerns), rng)
            while rng.random() < 0.45 and len("".join(pieces)) < 220:  # longer comments
                pieces = pieces[:-1] + organic_pieces(rng.choice(concerns), rng)[1:]
        text = "".join(pieces)
        if len(text) > 300:
            text = text[:300]
        out.append((text, tokens_of(text) if tokens_of else None))
    return out
