"""A comment's cut worked out at submission reads back to exactly what the rules give, and the
analysis reads the same with the codes as without them."""

import ast
import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consult.analysis import normalize_text, prepared
from consult.analysis.chunks import read_chunk
from consult.analysis.prepared import RULE_MODULES, cut_by_rules, prepare_cut, read_cut
from consult.analysis.tokenizer import default_tokenizer

STANCE_SET = Path(__file__).parents[2].parent / "shared/corpus/stance/ertai.jsonl"
LETTERS = st.text(
    alphabet="建议公园开放时间延长。，、：另外停车费太贵希望降低1２一是二是 此致敬礼【】#@/谢谢支持！", max_size=60
)
TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=120) | LETTERS


def _prepared(text: str) -> tuple[str, str, str | None]:
    norm = normalize_text(text)
    tokens = " ".join(default_tokenizer().tokens(norm, normalized=True))
    return norm, tokens, prepare_cut(norm, tokens)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_a_code_reads_back_to_what_the_rules_cut(text):
    norm, tokens, code = _prepared(text)
    words = tuple(tokens.split())
    assert code is not None and code.startswith(prepared.RULES + "|")
    assert read_cut(code, norm, words) == cut_by_rules(norm, words)


LETTERS_WITH_NOISE = [
    "尊敬的领导：一是延长开放时间；二是增设厕所。另外，停车费太贵，希望降低。此致敬礼",
    "#公园条例# 建议晚上十点关门 //@小王: 同意",
    "支持！",
    "【新闻】公园要收费了 我认为不应该收费，门票应当免费。",
    "",
]


def _items(texts: list[str], with_codes: bool) -> list[tuple[str, str, str | None]]:
    return [(norm, tokens, code if with_codes else None) for norm, tokens, code in map(_prepared, texts)]


def _assert_same_chunk(texts: list[str]) -> None:
    fast, slow = read_chunk(_items(texts, True)), read_chunk(_items(texts, False))
    for field in ("skeleton_hash", "signed", "signatures", "speaks", "kind", "point_owner", "point_main"):
        assert np.array_equal(getattr(fast, field), getattr(slow, field)), field
    assert [fast.words[t] for t in fast.token_ids] == [slow.words[t] for t in slow.token_ids]
    assert np.array_equal(fast.token_ends, slow.token_ends)
    assert list(fast.point_texts) == list(slow.point_texts)
    assert fast.point_skeletons.texts() == slow.point_skeletons.texts()


def test_reading_with_codes_gives_what_reading_by_the_rules_gives():
    _assert_same_chunk(LETTERS_WITH_NOISE * 2)
    chunk = read_chunk(_items(LETTERS_WITH_NOISE, True))
    texts = list(chunk.point_texts)
    assert texts[1:4] == ["一是延长开放时间;", "二是增设厕所。", "另外,停车费太贵,希望降低。"]  # noise left out
    assert "同意" not in "".join(texts) and not chunk.speaks[2]  # a repost's words; a bare stance


@pytest.mark.skipif(not STANCE_SET.exists(), reason="shared stance corpus not available")
def test_real_comments_read_the_same_with_their_codes():
    """Weibo comments as residents wrote them: reposts, hashtags, place tags, emoji."""
    texts = [json.loads(line)["text"] for line in STANCE_SET.read_text(encoding="utf-8").splitlines()]
    codes = [_prepared(t)[2] for t in texts]
    assert sum(code is None for code in codes) <= len(texts) // 100  # nearly every comment gets one
    _assert_same_chunk(texts)


def _other_rules(code: str) -> str:
    _, kind, points = code.split("|")
    return f"0badc0de|{(int(kind) + 1) % len(prepared.KINDS)}|{points}"


def test_a_code_made_by_other_rules_is_read_the_long_way():
    """A cut stored under earlier rules (a different RULES) is ignored: the rules in force run."""
    items = _items(LETTERS_WITH_NOISE, True)
    # Earlier rules found another kind: were the code trusted, the kinds below would differ.
    old = [(norm, tokens, _other_rules(code)) for norm, tokens, code in items]
    norm, tokens, code = old[0]
    assert read_cut(code, norm, tuple(tokens.split())) is None
    assert read_cut(items[0][2], norm, tuple(tokens.split())) is not None
    stale, slow = read_chunk(old), read_chunk(_items(LETTERS_WITH_NOISE, False))
    assert list(stale.point_texts) == list(slow.point_texts) and np.array_equal(stale.kind, slow.kind)
    assert np.array_equal(stale.token_ids, slow.token_ids) and np.array_equal(stale.speaks, slow.speaks)


def test_a_code_that_does_not_read_back_to_the_cut_is_not_stored(monkeypatch):
    """Tokens out of order still share out as slices; a code that would read back to anything but
    the rules' cut is not stored, and the comment is read the long way."""
    norm = normalize_text(LETTERS_WITH_NOISE[0])
    assert prepare_cut(norm, "停车费 太贵 建议 延长") is not None
    tokens = " ".join(default_tokenizer().tokens(norm, normalized=True))
    monkeypatch.setattr(prepared, "read_cut", lambda code, norm, words: prepared.Cut(0, [norm], [words]))
    assert prepare_cut(norm, tokens) is None


def test_the_rules_a_code_names_cover_every_module_they_import():
    """A rule changed in a module left out of RULES would leave stale codes in use."""
    folder = Path(prepared.__file__).parent
    for name in RULE_MODULES:
        tree = ast.parse((folder / f"{name}.py").read_text(encoding="utf-8"))
        imported = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.level == 1}
        assert imported <= set(RULE_MODULES), (name, imported - set(RULE_MODULES))


def test_texts_stored_normalised_are_read_as_they_are():
    """A build hands over the texts normalised at submission: reading them again as they are gives
    what normalising them again gives (normalising is idempotent), without the work."""
    texts = [*LETTERS_WITH_NOISE, "ＡＢＣ全角的建议：公园应当免费开放！\u200b另外，停车费太贵。"]
    items = _items(texts, True)
    again, taken = read_chunk(items), read_chunk(items, normalized=True)
    assert list(taken.point_texts) == list(again.point_texts) and np.array_equal(taken.kind, again.kind)
    assert np.array_equal(taken.skeleton_hash, again.skeleton_hash)
    as_is = read_chunk([("ＡＢＣ建议公园免费开放，延长时间", None, None)], normalized=True)
    assert "ＡＢＣ" in list(as_is.point_texts)[0]  # taken as it is: not normalised here
