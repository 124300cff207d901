"""Texts kept compactly: what goes in comes out, emoji and rare characters included."""

import numpy as np

from consult.analysis.codes import Codes, Texts
from consult.analysis.features import char_counts

TEXTS = ["公园应当免费开放", "", "遛狗要拴绳😀", "𠀾字也是字", "ok"]


def test_texts_come_back_whole_and_selected():
    texts = Texts.of(TEXTS)
    assert list(texts) == TEXTS and len(texts) == 5
    assert list(texts.select(np.array([0, 2, 3]))) == [TEXTS[0], TEXTS[2], TEXTS[3]]
    joined = Texts.join([Texts.of(TEXTS[:2]), Texts.of(TEXTS[2:])])
    assert list(joined) == TEXTS


def test_codes_are_code_points_narrow_when_they_fit():
    assert Codes.of(["公园", "ok"]).codes.dtype == np.uint16
    wide = Codes.of(TEXTS)
    assert wide.codes.dtype == np.uint32 and wide.texts() == TEXTS
    assert Codes.join([Codes.of(TEXTS[:2]), Codes.of(TEXTS[2:])]).texts() == TEXTS
    assert wide.select(np.array([1, 3])).texts() == ["", TEXTS[3]]
    assert [c.texts() for c in wide.slices(2)] == [TEXTS[:2], TEXTS[2:4], TEXTS[4:]]


def test_character_counts_stay_inside_each_text():
    counts = char_counts(Codes.of(TEXTS))
    # Each text of L characters has L unigrams and L - 1 bigrams: none runs into the next text.
    assert counts.sum(axis=1).A1.tolist() == [max(2 * len(t) - 1, 0) for t in TEXTS]
    assert counts[0].max() == 1 and char_counts(["公园公园"]).max() == 2


def test_the_points_are_taken_out_of_what_was_read_and_selected_whole():
    """point_units holds one field of the read and its selection at a time: each field it has taken
    is left empty, and the selection is what the field held for the kept points."""
    from consult.analysis import CommentInput
    from consult.analysis.reading import read_comments
    from consult.analysis.units import point_units

    texts = ["建议延长公园开放时间，方便上班族晨练。", "另外，停车费太贵，希望降低收费标准。", "支持！"]
    read = read_comments([CommentInput(i, t, None) for i, t in enumerate(texts)])
    every_text, every_skeleton = list(read.point_texts), read.point_skeletons.texts()
    keep = np.array([True, False, True])
    kept_points = [i for i, owner in enumerate(read.point_owner) if keep[owner] and read.speaks[owner]]
    units, skeletons = point_units(read, keep & read.speaks)
    assert list(units.texts) == [every_text[i] for i in kept_points]
    assert skeletons.texts() == [every_skeleton[i] for i in kept_points]
    assert len(read.point_texts) == len(read.point_skeletons) == len(read.token_ids) == 0
    assert read.token_ids.dtype == np.int32 and len(read.kind) == 3  # what later stages read stays


def test_texts_counted_once_get_the_vectors_of_texts_counted_slice_by_slice(monkeypatch):
    """Up to CHAR_CHUNK texts, the character counts are built once and kept for the projection;
    beyond, a slice at a time and built again: the same vectors to the last bit."""
    from scipy import sparse

    from consult.analysis import features
    from consult.analysis.normalize import skeleton

    stems = ["公园应当免费开放", "遛狗要拴绳", "广场舞音量太大", "停车费太贵希望降低", "厕所太少应当增设"]
    letters = Codes.of([skeleton(f"{stems[i % 5]}{i}号{stems[(i * 7) % 5][: i % 4]}") for i in range(900)])
    words = sparse.random(900, 300, density=0.02, format="csr", random_state=1, dtype=np.float32)
    words.data = np.ceil(words.data * 3)
    once = features.document_vectors(words.copy(), letters)
    monkeypatch.setattr(features, "CHAR_CHUNK", 200)
    sliced = features.document_vectors(words.copy(), letters)
    assert np.array_equal(once, sliced) and once.shape == (900, features.LSA_DIMS)
