"""Cutting a comment into the points it makes.

A letter may ask for three things ("一是延长开放时间；二是增设厕所；另外，停车费太贵"); grouping it as one
text blurs every theme it touches. Here a comment loses what is not its author's argument (reposted
chains, news headlines, links, @-mentions, hashtags, greetings and sign-offs) and is cut where a
new point begins: an enumeration (一是 / 第二， / 3、 / （四）), a turn such as 另外 or 此外, or a
sentence that opens a new request (建议 / 希望 / 应当 …) after one already made. Sentences that
merely go on (因为…, 比如…) stay with their point. Precision over recall: a comment cut wrongly
scatters its answer, so a comment without a clear signal stays whole.

Spans index the normalised text, so tokens stored for the whole comment can be shared out
(``tokens_by_point``) without segmenting again.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .points import makes_a_point

MAX_POINTS = 6  # a long letter's later points are folded into its last one
_MIN_BEFORE_NEW = 8  # characters a point must hold before a new request may start another
_NOISE = re.compile(
    r"//\s*@.*$"  # a reposted chain: everything after it is someone else's
    r"|【[^】]{0,60}】"  # a news headline
    r"|https?://\S+"
    r"|@[\w\-]{1,30}[:：]?"
    r"|#[^#]{1,40}#"  # the hashtag names the topic every post shares
    r"|\|[^|]{0,30}(?:\.\.\.|…)$"  # "|沈阳·太原...": a place tag
    r"|发表了博文|转发微博|轉發微博|分享自\S*|网页链接|查看图片"
    r"|^(?:尊敬的)?(?:各位)?(?:(?:领导|同志|老师|工作人员)们?(?:你|您)?|你|您)好[,，!！。:：]?"
    r"|此致\s*敬礼|(?:以上(?:是我的)?(?:意见|建议)?(?:仅?供参考)?|谢谢(?:你们|您)?|辛苦了)[。!！]*$"
)
# Every match of _NOISE holds one of these, or is a greeting the text starts with.
_NOISE_MARKS = (
    *("/", "【", "@", "#", "|", "发表了博文", "转发微博", "轉發微博", "分享自", "网页链接", "查看图片"),
    *("此致", "以上", "谢谢", "辛苦了"),
)
_GREETING_STARTS = ("尊敬的", "各位", "领导", "同志", "老师", "工作人员", "你", "您")
_EDGES = " ,，、:："  # what a point loses at its ends
_NOT_CONTENT = re.compile(r"[\W_\d\0]+")
_SPACES = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"[。！？!?；;…]+")
_NUMBER = "一二三四五六七八九十"
_ENUMERATION = re.compile(
    rf"(?:[{_NUMBER}]+是|其[{_NUMBER}]是?[,，、]?|第[{_NUMBER}]+[,，、:：]|[{_NUMBER}]+、"
    rf"|\(\s*[{_NUMBER}\d]{{1,2}}\s*\)|\d{{1,2}}[、.．)](?!\d))"
)
_TURNS = ("另外", "此外", "还有", "其次", "再者", "再次", "最后", "同时建议", "还建议", "另建议", "另一方面")
_REQUESTS = ("建议", "希望", "应当", "应该", "要求", "恳请", "请求", "呼吁", "强烈建议", "我建议", "我认为", "要")
_GOES_ON = ("因为", "所以", "因此", "这样", "否则", "不然", "比如", "例如", "特别是", "尤其", "而且", "并且", "也就是")


@dataclass(frozen=True)
class Point:
    """One point of a comment: where it sits in the normalised text, and its words without noise."""

    start: int
    end: int
    text: str


def without_noise(text: str) -> str:
    """The text with every noise character replaced by NUL: same length, so positions still hold."""
    if not text.startswith(_GREETING_STARTS) and not any(mark in text for mark in _NOISE_MARKS):
        return text  # most comments hold no noise: no scan
    return _NOISE.sub(lambda m: "\0" * len(m.group(0)), text)


def _sentences(masked: str, enumerates: bool) -> list[tuple[int, int]]:
    ends = [m.end() for m in _SENTENCE_END.finditer(masked)]
    spans = list(zip([0, *ends], [*ends, len(masked)]))
    if enumerates:  # most comments hold no enumeration mark: nothing more to cut
        # An enumeration mark opens a sentence of its own even after a comma.
        cut: list[tuple[int, int]] = []
        for a, b in spans:
            marks = [m.start() for m in _ENUMERATION.finditer(masked, a, b) if _opens(masked, m.start(), a)]
            edges = [a, *[m for m in marks if m > a], b]
            cut.extend(zip(edges, edges[1:]))
        spans = cut
    if "\0" not in masked:
        return [(a, b) for a, b in spans if not masked[a:b].isspace() and a < b]
    return [(a, b) for a, b in spans if masked[a:b].replace("\0", "").strip()]


def _opens(masked: str, at: int, sentence_start: int) -> bool:
    """An enumeration mark counts only where a clause begins (not "五是" inside "十五是多少")."""
    before = masked[sentence_start:at].replace("\0", "")
    return not before.strip() or before[-1] in ",，:：、 "


def _starts_new(sentence: str, current: Callable[[], str], enumerates: bool) -> bool:
    """Whether ``sentence`` opens a new point after the point so far (``current()``); ``enumerates``
    says whether the comment holds an enumeration mark at all (a sentence cannot open with one else)."""
    s = sentence.lstrip(" ,，、\0")
    if enumerates and _ENUMERATION.match(s):
        return True
    if s.startswith(_TURNS):
        return True
    if s.startswith(_GOES_ON) or not s.startswith(_REQUESTS):
        return False
    so_far = current()
    return _asks(so_far) and len(_content(so_far)) >= _MIN_BEFORE_NEW


def _asks(text: str) -> bool:
    """Whether the point so far already makes a request (so a second one is a new point)."""
    return any(word in text for word in _REQUESTS[:-1])


def _content(text: str) -> str:
    return _NOT_CONTENT.sub("", text)


def split_points(normalized: str, whole_speaks: bool = False) -> list[Point]:
    """The points a (normalised) comment makes, in order; empty when it makes none. ``whole_speaks``:
    the caller found that the whole text makes a point (``makes_a_point``), so a single point that is
    the whole text, without noise, makes one too (the same letters are left of both)."""
    masked = without_noise(normalized)
    enumerates = _ENUMERATION.search(masked) is not None
    groups: list[list[int]] = []
    for a, b in _sentences(masked, enumerates):
        sentence = masked[a:b]
        if groups and not _starts_new(sentence, lambda: masked[groups[-1][0] : groups[-1][1]], enumerates):
            groups[-1][1] = b
        else:
            groups.append([a, b])
    while len(groups) > MAX_POINTS:
        last = groups.pop()
        groups[-1][1] = last[1]
    points = [Point(a, b, _clean(masked[a:b])) for a, b in groups]
    if whole_speaks and len(points) == 1 and masked is normalized and is_whole(points[0], normalized):
        return points
    kept = [p for p in points if makes_a_point(p.text, normalized=True)]
    if not kept and points and makes_a_point(_clean(masked), normalized=True):
        kept = [Point(groups[0][0], groups[-1][1], _clean(masked))]
    return kept


def _clean(span: str) -> str:
    return _SPACES.sub(" ", span.replace("\0", " ")).strip(_EDGES)


def clean_span(masked: str, start: int, end: int) -> str:
    """A point's text: its span of the text ``without_noise``, spaces folded, edges trimmed."""
    return _clean(masked[start:end])


def is_whole(point: Point, normalized: str) -> bool:
    """Whether the point's text is the whole comment, but for punctuation at its ends: it then has
    the comment's letters and digits, so the same skeleton."""
    return point.text == normalized or point.text == normalized.strip(_EDGES)


def tokens_by_point(text: str, tokens: Sequence[str], points: Sequence[Point]) -> list[tuple[str, ...]]:
    """Share a comment's tokens (in text order, some possibly left out) among its points: each token
    goes to the point whose span holds it; tokens in noise between points are dropped."""
    positions: list[int] = []
    cursor = 0
    find = text.find
    for token in tokens:
        at = find(token, cursor)
        if at < 0:  # segmented from another form of the text: the careful way below
            return _tokens_in_place(text, tokens, points)
        positions.append(at)
        cursor = at + len(token)
    tokens = tuple(tokens)
    return [tokens[bisect_left(positions, p.start) : bisect_left(positions, p.end)] for p in points]


def _tokens_in_place(text: str, tokens: Sequence[str], points: Sequence[Point]) -> list[tuple[str, ...]]:
    """``tokens_by_point`` when some token is not found where expected: it stays in place."""
    out: list[list[str]] = [[] for _ in points]
    cursor, which = 0, 0
    for token in tokens:
        at = text.find(token, cursor)
        if at < 0:  # not where expected (segmented from another form of the text): keep it in place
            if points and points[which].start <= cursor < points[which].end:
                out[which].append(token)
            continue
        cursor = at + len(token)
        while which < len(points) - 1 and at >= points[which].end:
            which += 1
        if points and points[which].start <= at < points[which].end:
            out[which].append(token)
    return [tuple(t) for t in out]
