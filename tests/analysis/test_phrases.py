"""Theme labels are phrases of the comments' own words: 4–16 characters, shared where possible, never a
keyword list, never carrying Latin letters, digits or escapes."""

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from consult.analysis import CommentInput, analyse
from consult.analysis.phrases import _occurrences, phrase_label

JUNK = re.compile(r"[A-Za-z0-9_]")
FINES = [
    "第三十五条罚款数额偏低，起不到作用。",
    "我认为罚款数额偏低，建议提高到五百元。",
    "罚款数额偏低，应当加重。",
    "处罚太轻了，罚款数额偏低",
]


def test_the_clause_most_comments_share_is_the_label():
    assert phrase_label(FINES, ["罚款", "数额", "偏低"]) == "罚款数额偏低"


def test_fillers_and_loose_ends_are_taken_off():
    label = phrase_label(["我认为早晨音响开始时间应当推迟的"], ["音响", "早晨"])
    assert label == "早晨音响开始时间应当推迟"


def test_a_long_clause_is_narrowed_around_its_keywords():
    text = "广场舞的音响从早上六点多就开始响一直响到晚上十点半住在旁边的老人孩子根本休息不好"
    label = phrase_label([text], ["音响", "休息"])
    assert 4 <= len(label) <= 16 and "音响" in label and label in text


def test_artefacts_never_reach_a_label():
    texts = ["l9路公交站旁边的绿地_x000D_", "噪音太大x000d晚上睡不着", "晚上广场舞噪音太大", "广场舞噪音太大了"]
    label = phrase_label(texts, ["噪音", "广场舞"])
    assert not JUNK.search(label) and label in ("晚上广场舞噪音太大", "广场舞噪音太大")


def test_nothing_usable_gives_nothing():
    assert phrase_label([], ["罚款"]) == "" and phrase_label(["ok", "123"], []) == ""


def test_every_theme_label_on_mixed_comments_is_a_phrase_not_a_keyword_list():
    texts = FINES + [
        "遛狗不拴绳，大狗追着小孩跑，建议规定遛狗必须拴绳。",
        "草坪上到处是狗粪，遛狗的人不清理狗粪，应当罚款。",
        "大狗不拴绳太吓人，遛狗必须拴绳，狗粪要清理。",
        "广场舞音响太吵，晚上八点以后应当停止。l9",
        "广场舞音响太吵了，老人睡不着_x000D_",
        "音响太吵，建议限制音量。",
    ]
    result = analyse([CommentInput(i, t) for i, t in enumerate(texts)], k=3)
    for theme in result.themes:
        assert 4 <= len(theme.label) <= 16, theme.label
        assert not JUNK.search(theme.label), theme.label
        assert theme.label != "、".join(theme.keywords[:3]) and "、" not in theme.label
        assert any(theme.label in re.sub(r"\s", "", t) for t in texts), theme.label  # the comments' own words


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="公园园开放", max_size=20), st.text(alphabet="公园园开放", max_size=3))
def test_keyword_places_are_found_as_a_regular_expression_would_find_them(clause, word):
    assert list(_occurrences(word, clause)) == [m.start() for m in re.finditer(re.escape(word), clause)]
