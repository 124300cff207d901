"""Properties that must hold for any input, and bulk segmentation."""

from hypothesis import given, settings
from hypothesis import strategies as st

from consult.analysis import Tokenizer, bulk, find_article_refs, normalize_text
from consult.analysis.normalize import _INVISIBLE_RE

TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=200) | st.text(
    alphabet="第十二三条之一款12０１２ 　\u200b，。！？公园遛狗", max_size=60
)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_normalize_is_idempotent_and_leaves_nothing_invisible(text):
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert not _INVISIBLE_RE.search(once)
    assert once == once.strip() and "  " not in once


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_article_refs_point_into_the_normalised_text(text):
    norm = normalize_text(text)
    for ref in find_article_refs(text):
        assert norm[ref.start : ref.end] == ref.text and ref.ordinal > 0


def test_parallel_segmentation_gives_the_same_tokens(monkeypatch):
    monkeypatch.setattr(bulk, "MIN_PARALLEL", 10)
    monkeypatch.setattr(bulk, "CHUNK", 7)
    tok = Tokenizer(extra_terms=("大沙河",))
    texts = [normalize_text(f"大沙河第{i}段，遛狗不拴绳的现象很多，建议罚款{i}元。") for i in range(40)]
    assert bulk.segment_many(tok, texts, workers=2) == [tuple(tok.tokens(t, normalized=True)) for t in texts]
