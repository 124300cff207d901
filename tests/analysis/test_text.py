"""Normalising, segmentation and the jieba tokenizer the package owns."""

import sys
import threading
import unicodedata

import pytest

from consult.analysis import Tokenizer, normalize_text
from consult.analysis.normalize import _INVISIBLE_RE, skeleton


def test_normalize_folds_width_space_and_removes_invisibles():
    raw = "\ufeff公园\u200b开放\u3000时间：\tＡＢＣ１２３\n\n\u202e晚上\x07"
    assert normalize_text(raw) == "公园开放 时间: ABC123 晚上"


def test_normalize_handles_empty_and_none():
    assert normalize_text("") == ""
    assert normalize_text(None) == ""
    assert normalize_text(" \u200b\u3000\n") == ""


def test_invisible_ranges_cover_every_format_character():
    missing = [
        hex(cp)
        for cp in range(sys.maxunicode + 1)
        if unicodedata.category(chr(cp)) in ("Cf", "Cc")
        and chr(cp) not in "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85"
        and not _INVISIBLE_RE.fullmatch(chr(cp))
    ]
    assert missing == []


def test_skeleton_ignores_punctuation_spacing_case_and_numbers():
    a = skeleton(normalize_text("我是12栋居民，坚决反对收费！！"))
    b = skeleton(normalize_text("我是 3 栋居民。坚决反对收费 😡"))
    assert a == b


@pytest.fixture(scope="module")
def tokenizer():
    return Tokenizer(extra_terms=("公园管理机构", "大沙河"))


def test_tokens_keep_draft_terms_whole_and_drop_boilerplate(tokenizer):
    tokens = tokenizer.tokens("我认为第十二条应当修改为：公园管理机构在大沙河河道管理范围内设置警示牌。")
    assert {"公园管理机构", "大沙河", "河道管理范围", "警示牌"} <= set(tokens)
    assert not {"认为", "第十二条", "修改为", "应当", "，", "。", "的"} & set(tokens)


def test_tokens_of_contentless_and_foreign_text(tokenizer):
    assert tokenizer.tokens("") == []
    assert tokenizer.tokens("！！！？？ 😀😀 ……") == []
    assert tokenizer.tokens("The park should open LATE") == ["park", "should", "open", "late"]


def test_tokenizer_survives_a_very_long_comment(tokenizer):
    tokens = tokenizer.tokens("公园遛狗必须拴绳。" * 12_000)
    assert len(tokens) >= 12_000 and "遛狗" in tokens


def test_global_jieba_dictionary_is_untouched():
    import jieba

    before = (jieba.dt.initialized, len(getattr(jieba.dt, "FREQ", {})), jieba.dt.total)
    Tokenizer(extra_terms=("一个不存在的条例术语",)).tokens("一个不存在的条例术语")
    assert (jieba.dt.initialized, len(getattr(jieba.dt, "FREQ", {})), jieba.dt.total) == before
    assert "一个不存在的条例术语" not in getattr(jieba.dt, "FREQ", {})


def test_extra_terms_are_private_to_their_tokenizer(tokenizer):
    plain = Tokenizer()
    assert "公园管理机构" in tokenizer.tokens("公园管理机构负责")
    assert "大沙河" in tokenizer.tokens("大沙河的水")
    assert plain.tokens("公园管理机构负责") == Tokenizer().tokens("公园管理机构负责")


def test_tokenizer_is_safe_to_share_between_threads(tokenizer):
    texts = ["大沙河边禁止野泳，建议设置救生圈。", "公园开放时间太短，晚上九点就闭园。"] * 50
    expected = [tokenizer.tokens(t) for t in texts]
    results = {}

    def work(n):
        results[n] = [tokenizer.tokens(t) for t in texts]

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == expected for r in results.values())
