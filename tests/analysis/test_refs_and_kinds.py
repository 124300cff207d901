"""Article references and proposal kinds."""

import pytest

from consult.analysis import ArticleRef, ProposalKind, classify_proposal, find_article_refs
from consult.analysis.refs import parse_number


@pytest.mark.parametrize(
    "token, value",
    [
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("一百零五", 105),
        ("一百一十", 110),
        ("两千", 2000),
        ("12", 12),
        ("一二", 12),
        ("甲", None),
    ],
)
def test_parse_number(token, value):
    assert parse_number(token) == value


@pytest.mark.parametrize(
    "text, expected",
    [
        ("第十二条", (12, 0, None)),
        ("第12条", (12, 0, None)),
        ("关于十二条，我认为太严", (12, 0, None)),
        ("第十二条第二款规定", (12, 0, 2)),
        ("第十二条之一", (12, 1, None)),
        ("第１２条", (12, 0, None)),
        ("第一百零五条之二第三款", (105, 2, 3)),
    ],
)
def test_finds_each_form_of_reference(text, expected):
    [ref] = find_article_refs(text)
    assert (ref.ordinal, ref.sub, ref.paragraph) == expected


def test_reference_offsets_and_order():
    text = "第三条和第12条第一款都要改，另见二十条"
    refs = find_article_refs(text)
    assert [r.ordinal for r in refs] == [3, 12, 20]
    assert all(text[r.start : r.end] == r.text for r in refs)
    assert refs[1] == ArticleRef(12, 0, 1, 4, 11, "第12条第一款")


@pytest.mark.parametrize("text", ["我有三条建议", "一条小河", "这两条路太窄", "提了几条意见", "没有任何引用", ""])
def test_counts_with_tiao_are_not_references(text):
    assert find_article_refs(text) == []


@pytest.mark.parametrize(
    "text, kind",
    [
        ("建议删除第十二条。", ProposalKind.DELETE),
        ("建议增加一款关于母婴室的规定", ProposalKind.ADD),
        ("罚款金额建议提高到五百元", ProposalKind.MODIFY),
        ("坚决反对收取门票！", ProposalKind.OPPOSE),
        ("我不同意这条", ProposalKind.OPPOSE),
        ("非常支持，早该管了", ProposalKind.SUPPORT),
        ("请问什么时候实施？", ProposalKind.QUESTION),
        ("今天公园人很多", ProposalKind.OTHER),
        ("", ProposalKind.OTHER),
    ],
)
def test_classify_proposal(text, kind):
    assert classify_proposal(text) is kind
    assert classify_proposal(text) == kind.value
