"""Finding articles by the words people use: the query is segmented like comments are, each word
widened by a small list of the field's synonyms (遛狗 → 携犬、犬只), and articles are ranked by how
many of the query's words they hold and how often. Results carry their matches for highlighting."""

from __future__ import annotations

import re
from dataclasses import dataclass

from consult.analysis.tokenizer import default_tokenizer
from consult.drafts.queries import ArticleView, Structure

# What residents type → what regulations write. Kept small and local to the field.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "遛狗": ("携犬", "犬只", "宠物", "犬"),
    "狗": ("犬只", "犬", "宠物"),
    "宠物": ("犬只", "犬"),
    "电动车": ("电动自行车", "非机动车"),
    "电瓶车": ("电动自行车",),
    "摩托车": ("摩托车", "机动车"),
    "噪音": ("噪声", "音量", "音响"),
    "吵": ("噪声", "音量"),
    "广场舞": ("文体活动", "健身活动", "音响"),
    "罚款": ("罚款", "处罚"),
    "停车": ("停放", "车辆"),
    "垃圾": ("废弃物", "垃圾"),
    "烧烤": ("烧烤", "明火"),
    "钓鱼": ("垂钓",),
    "游泳": ("游泳", "戏水"),
    "抽烟": ("吸烟",),
    "门票": ("收费", "票价"),
    "厕所": ("公共厕所", "卫生间"),
}
SNIPPET = 48  # characters around the first match


@dataclass(frozen=True)
class SearchHit:
    article: ArticleView
    score: float
    snippet: tuple[tuple[str, bool], ...]  # (text, is a match) pieces, to render with <mark>


def _words(query: str) -> list[str]:
    words: list[str] = []
    for part in query.split():
        pieces = default_tokenizer().tokens(part) or [part]
        words += [part] if part in SYNONYMS else pieces
    return list(dict.fromkeys(w for w in words if w))[:8]


def term_groups(query: str) -> list[tuple[str, ...]]:
    """For each word of the query, the strings that count as it (the word and its synonyms)."""
    return [(word, *SYNONYMS.get(word, ())) for word in _words(query)]


def search_articles(structure: Structure, query: str, limit: int = 50) -> list[SearchHit]:
    """Articles holding every word of the query (or a synonym), best first; when none holds them
    all, those holding some, ranked by how many."""
    groups = term_groups(query)
    if not groups:
        return []
    hits: list[SearchHit] = []
    complete: list[SearchHit] = []
    for article in structure.articles:
        haystack = f"{article.number}{article.heading or ''}{article.text}"
        counts = [sum(haystack.count(alt) for alt in group) for group in groups]
        matched = sum(1 for n in counts if n)
        if matched:
            score = matched * 100 + min(sum(counts), 99) + (50 if any(g[0] in haystack for g in groups) else 0)
            hit = SearchHit(article, score, _snippet(article.text, groups))
            (complete if matched == len(groups) else hits).append(hit)
    found = complete or hits
    found.sort(key=lambda h: (-h.score, structure.articles.index(h.article)))
    return found[:limit]


def _snippet(text: str, groups: list[tuple[str, ...]]) -> tuple[tuple[str, bool], ...]:
    alternatives = sorted({alt for group in groups for alt in group}, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(a) for a in alternatives))
    first = pattern.search(text)
    start = max(0, (first.start() if first else 0) - SNIPPET // 3)
    window = text[start : start + SNIPPET * 2]
    pieces: list[tuple[str, bool]] = [("…", False)] if start else []
    at = 0
    for match in pattern.finditer(window):
        pieces += [(window[at : match.start()], False), (match.group(), True)]
        at = match.end()
    pieces.append((window[at:] + ("…" if start + len(window) < len(text) else ""), False))
    return tuple(p for p in pieces if p[0])


def suggestions(structure: Structure, query: str, limit: int = 5) -> list[str]:
    """Words of the field that this draft does use, for a search that found nothing."""
    text = "".join(f"{a.heading or ''}{a.text}" for a in structure.articles)
    candidates = [alt for group in term_groups(query) for alt in group[1:]]
    candidates += [word for words in SYNONYMS.values() for word in words]
    return [w for w in dict.fromkeys(candidates) if w in text and w not in query][:limit]
