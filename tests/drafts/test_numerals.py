"""Chinese numerals and article numbers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consult.drafts.numerals import article_number, article_slug, cn_to_int, int_to_cn, parse_article_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("一", 1),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("一十二", 12),
        ("一百零一", 101),
        ("一百一十", 110),
        ("四百五十一", 451),
        ("两百", 200),
        ("一千", 1000),
        ("一千零一", 1001),
        ("一千零一十", 1010),
        ("一万零五", 10005),
        ("二〇二四", 2024),
        ("12", 12),
        ("１２", 12),
    ],
)
def test_cn_to_int(text, value):
    assert cn_to_int(text) == value


@pytest.mark.parametrize("text", ["", "百", "十十", "一二百", "千百", "十二条", "一万万"])
def test_cn_to_int_rejects_what_is_not_a_number(text):
    with pytest.raises(ValueError):
        cn_to_int(text)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0, "零"),
        (1, "一"),
        (10, "十"),
        (12, "十二"),
        (20, "二十"),
        (101, "一百零一"),
        (110, "一百一十"),
        (1001, "一千零一"),
        (1010, "一千零一十"),
        (10010, "一万零一十"),
        (100000, "十万"),
    ],
)
def test_int_to_cn(value, text):
    assert int_to_cn(value) == text


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**9))
def test_int_to_cn_round_trips(value):
    assert cn_to_int(int_to_cn(value)) == value


@pytest.mark.parametrize(
    ("label", "key"),
    [
        ("第十二条之一", (12, 1)),
        ("第十二条", (12, 0)),
        ("第12条", (12, 0)),
        ("第 一百零一 条", (101, 0)),
        ("第３条之２", (3, 2)),
    ],
)
def test_parse_article_number(label, key):
    assert parse_article_number(label) == key


@pytest.mark.parametrize("label", ["十二条", "第十二章", "第条", "第十二条规定"])
def test_parse_article_number_rejects_other_labels(label):
    with pytest.raises(ValueError):
        parse_article_number(label)


def test_article_slug_and_number():
    assert article_slug(12, 0) == "12"
    assert article_slug(12, 1) == "12-1"
    assert article_number(12, 1) == "第十二条之一"
    assert article_number(451) == "第四百五十一条"
