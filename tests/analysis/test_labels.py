"""Theme labels: a campaign's point, not its boilerplate; whole shared words only."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import CountVectorizer

from consult.analysis import CommentInput, Tokenizer, analyse
from consult.analysis.features import _idf, _tfidf
from consult.analysis.themes import _sublinear
from consult.analysis.word_priors import word_weights

WORD = re.compile(r"[^\W_]{2,}")

# A campaign: copies of one letter whose point is camping (露营, said four times),
# wrapped in boilerplate about the writer and their rights (said once each).
CAMPAIGN = (
    "我是一名守法纳税的普通市民，依法享有平等使用公共空间的权利。露营是健康的休闲方式，"
    "建议删除禁止露营的规定，划出露营区，让家庭周末可以露营。"
)
DOGS = [
    "遛狗不拴绳，大狗追着小孩跑，建议规定遛狗必须拴绳。",
    "草坪上到处是狗粪，遛狗的人不清理狗粪，应当罚款。",
    "大狗不拴绳太吓人，遛狗必须拴绳，狗粪要清理。",
    "建议划出专门的遛狗区域，狗粪要及时清理，遛狗要拴绳。",
]


def _label_words(theme):
    """The theme's best words (its label is now a phrase built around them, see test_phrases.py)."""
    return list(theme.keywords[:2])


def _campaign(n=24):
    # Copies differ in the way campaigns' do: punctuation, spacing.
    return [CommentInput(f"c{i}", CAMPAIGN if i % 2 else CAMPAIGN.replace("，", ",") + " ") for i in range(n)]


def test_campaign_alone_in_its_theme_is_labelled_by_its_point_not_its_boilerplate():
    comments = _campaign() + [CommentInput(f"d{i}", t) for i, t in enumerate(DOGS)]
    result = analyse(comments, k=2)
    theme = result.themes[result.assignments["c0"]]
    assert theme.size == 24
    words = _label_words(theme)
    # Its point (said four times) leads; its preamble (said once each) does not.
    assert words[0] == "露营"
    assert len({"守法", "纳税", "享有", "平等", "权利", "市民", "公共空间"} & set(words)) <= 1


def test_campaign_copies_count_once_among_distinct_comments():
    distinct = [
        "想带孩子在草坪上露营，希望公园留一块露营的地方。",
        "露营的帐篷把草坪占满了，建议限定露营区域和时间。",
        "草坪上搭帐篷露营要不要收费？帐篷能放多久？",
    ]
    comments = _campaign(30) + [CommentInput(f"x{i}", t) for i, t in enumerate(distinct)]
    theme = analyse(comments, k=1).themes[0]
    words = _label_words(theme)
    assert "露营" in words and set(words) <= {"露营", "草坪", "帐篷", "露营区"}
    assert not {"守法", "纳税", "享有", "权利", "休闲"} & set(theme.keywords)


def test_label_words_are_shared_by_several_comments():
    texts = [
        "公园露营区太少，周末草坪上全是帐篷，孔明灯也到处飞。",
        "露营帐篷占了草坪，小孩没地方跑，建议限定露营区。",
        "草坪露营要预约，帐篷数量要限制，无人机也该管一管。",
        "建议露营区设在草坪边上，晚上帐篷要收走，烧烤另说。",
        "帐篷露营可以，但要保护草坪，轮流开放，古树旁边不能扎营。",
    ]
    tok = Tokenizer()
    comments = [CommentInput(i, t) for i, t in enumerate(texts)]
    theme = analyse(comments, k=1, tokenizer=tok).themes[0]
    tokens = [set(tok.tokens(t)) for t in texts]
    assert 2 <= len(_label_words(theme)) <= 4
    for word in theme.keywords:
        assert sum(word in t for t in tokens) >= 2, word
    assert not {"孔明灯", "无人机", "烧烤", "古树"} & set(theme.keywords)


def test_labels_have_no_single_characters_or_punctuation():
    # Stored tokens may hold anything a former tokenizer produced.
    stored = [
        ("进", "人", "遛狗", "拴绳", "、", "狗", "!!", "12"),
        ("人", "进", "遛狗", "拴绳", "、", "狗粪", "12"),
        ("狗", "人", "遛狗", "狗粪", "—", "12"),
        ("进", "狗", "拴绳", "狗粪", "…", "12"),
    ]
    comments = [CommentInput(i, DOGS[i], tokens) for i, tokens in enumerate(stored)]
    raw = [
        CommentInput(f"r{i}", t)
        for i, t in enumerate(
            ["人进公园要排队，进园人太多。", "人多，进不去，排队排了一小时。", "排队进园的人太多了，要限流。"]
        )
    ]
    for result in (analyse(comments, k=1), analyse(raw, k=1)):
        for theme in result.themes:
            assert theme.keywords
            for word in _label_words(theme) + list(theme.keywords):
                assert WORD.fullmatch(word) and not word.isdigit(), (theme.label, word)


def test_nothing_shared_gives_whole_words_of_one_comment_and_a_whole_clause_of_it():
    texts = [
        "公园厕所太少了，建议写明厕所间距，还要有第三卫生间。",
        "儿童游戏场地建议按年龄分区，地面要铺塑胶软垫。",
        "适老化写进去很好，座椅要有靠背和扶手。",
    ]
    comments = [CommentInput(i, t) for i, t in enumerate(texts)]
    theme = analyse(comments, k=1).themes[0]
    words = _label_words(theme)
    assert len(words) == 2
    assert all(WORD.fullmatch(w) for w in words)
    assert any(all(w in t for w in words) for t in texts)  # all from one comment
    # The label is one clause of a comment, whole (not a sentence cut at 16 characters).
    clauses = {c for t in texts for c in re.split(r"[，。]", t) if c}
    assert any(theme.label in c and len(c) - len(theme.label) <= 2 for c in clauses), theme.label
    assert 4 <= len(theme.label) <= 16


def test_the_central_comment_with_a_usable_word_gives_the_words_however_many_have_none():
    """A theme of points whose words all count for nothing: the words come from the member closest
    to its centre that has one, as looking at each member in turn would find."""
    from scipy import sparse

    from consult.analysis.themes import FALLBACK_WORDS, _central_words, _ranked

    rng = np.random.default_rng(3)
    for trial in range(20):
        sub = sparse.random(300, 40, density=0.05, format="csr", random_state=trial, dtype=np.float32)
        usable = rng.random(40) < 0.2
        inside, damp, score = rng.random(300) < 0.7, 1 + rng.random(300), rng.random(40)
        vocab = np.array([f"词{i}" for i in range(40)], dtype=object)
        lengths = np.full(40, 2)
        found = _central_words(sub, damp, inside, score, usable, vocab, lengths)
        members = np.flatnonzero(inside)
        m = sub[members].multiply(score[None, :]).tocsr()
        unit = sparse.diags(1 / np.maximum(np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel()), 1e-12)) @ m
        closeness = unit @ np.asarray((sparse.csr_matrix(damp[members][None, :]) @ unit).todense()).ravel()
        expected: tuple[list, list] = ([], [])
        for i in np.argsort(-closeness, kind="stable"):
            row = sub[members[i]].toarray().ravel() * score
            words, scores = _ranked(row, usable & (row > 0), vocab, lengths)
            if words:
                expected = (words[:FALLBACK_WORDS], scores[:FALLBACK_WORDS])
                break
        assert found == expected


def test_a_word_every_theme_uses_does_not_label_them():
    topics = {
        "dogs": "公园遛狗要拴绳，公园里狗粪要清理",
        "music": "公园广场舞音响太吵，公园晚上要限音量",
        "bikes": "公园里电动车乱骑，公园入口要设停车点",
        "fees": "公园门票太贵，公园应当免费开放",
        "toilets": "公园厕所太少，公园厕所要干净",
    }
    comments = [
        CommentInput(f"{name}-{i}", f"{text}，第{i}次说了，公园管理要加强。")
        for name, text in topics.items()
        for i in range(4)
    ]
    tok = Tokenizer()
    result = analyse(
        [CommentInput(c.id, c.text, tuple(tok.tokens(c.text)) + ("公园",) * 3) for c in comments], k=len(topics)
    )
    assert len(result.themes) == len(topics)
    assert all("公园" not in _label_words(t) for t in result.themes)


def test_content_words_weigh_more_than_numerals_adverbs_and_fragments():
    words = ["大型犬", "分贝", "很快", "否则", "一瓶", "三十米", "是不是", "算不算", "进", "、", "12", "a"]
    w = dict(zip(words, word_weights(words)))
    assert w["大型犬"] == w["分贝"] == 1.0
    assert max(w["很快"], w["否则"], w["一瓶"], w["三十米"], w["是不是"], w["算不算"]) <= 0.5
    assert w["进"] == w["、"] == w["12"] == w["a"] == 0.0


def test_repeats_are_recovered_from_the_vectors_the_pipeline_hands_over():
    tokens = [
        ("露营", "露营", "露营", "草坪"),
        ("露营", "帐篷"),
        ("帐篷", "草坪", "草坪", "草坪", "草坪"),
        (),
        ("孔明灯",),
    ]
    counts = CountVectorizer(analyzer=tuple, dtype=np.float32).fit_transform(tokens).tocsr()
    raw = _sublinear(counts).toarray()
    transformed = _tfidf(counts.copy(), _idf(np.bincount(counts.indices, minlength=counts.shape[1]), len(tokens)))
    assert np.allclose(_sublinear(transformed).toarray(), raw, atol=1e-5)
    assert np.isclose(raw.max(), 1 + np.log(4))


def test_labels_do_not_depend_on_the_process_hash_seed():
    script = (
        "import json, sys\n"
        "from consult.analysis import CommentInput, analyse\n"
        "rows = json.loads(sys.stdin.read())\n"
        "r = analyse([CommentInput(i, t) for i, t in enumerate(rows)], k=2)\n"
        "print(json.dumps([[t.label, list(t.keywords)] for t in r.themes], ensure_ascii=False))\n"
    )
    rows = json.dumps([CAMPAIGN] * 5 + DOGS + ["露营区要有厕所", "露营要预约"], ensure_ascii=False)
    root = Path(__file__).resolve().parents[2]
    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", script], input=rows, capture_output=True, text=True, env=env, cwd=root, check=True
        )
        outputs.add(run.stdout)
    assert len(outputs) == 1
