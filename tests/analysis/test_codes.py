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
