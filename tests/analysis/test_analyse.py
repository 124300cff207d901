"""``analyse``: small inputs, determinism, stored tokens and bad input."""

import dataclasses

import pytest

from consult.analysis import Analysis, CommentInput, Theme, Tokenizer, analyse

TOPICS = {
    "dogs": [
        "公园里遛狗不拴绳，大狗追着小孩跑，建议规定遛狗必须拴牵引绳。",
        "草坪上到处是狗粪，遛狗的人不清理狗粪，应当罚款。",
        "大型犬遛狗不拴绳，孩子被狗吓哭好几次，大狗应当禁止进入公园。",
        "建议划出专门的遛狗区域，狗粪要及时清理，遛狗必须拴绳。",
    ],
    "river": [
        "大沙河下游排污口下雨就排污水，河水发黑发臭，建议监测水质。",
        "河面漂着生活垃圾，河水发臭，要尽快治理大沙河的污水。",
        "有工厂晚上往大沙河偷排污水，河水水质越来越差，要顶格处罚。",
        "雨污分流工程两年没完工，污水直排大沙河，河水发黑。",
    ],
    "hours": [
        "公园晚上九点就关门，上班族没时间去，建议延长开放时间到晚上十一点。",
        "公园早上六点才开门太晚，晨练的老人只能在门口等，开放时间应当提前到五点。",
        "夏天天亮得早，公园开放时间应当提前，晚上关门也太早。",
        "公园开放时间调整要提前公示，最好全天开放，不要晚上九点关门。",
    ],
}


def _comments(n_per_topic=4):
    return [
        CommentInput(f"{name}-{i}", text)
        for name, texts in TOPICS.items()
        for i, text in enumerate(texts[:n_per_topic])
    ]


@pytest.mark.parametrize("n", [0, 1, 2, 5])
def test_small_inputs_give_sensible_output(n):
    comments = _comments()[:n]
    result = analyse(comments)
    assert isinstance(result, Analysis)
    assert set(result.assignments) == {c.id for c in comments}
    assert sum(t.size for t in result.themes) == n
    assert all(t.label and 1 <= len(t.representative_ids) <= 3 for t in result.themes)
    if n:
        assert 1 <= len(result.themes) <= max(1, n - 1)


def test_themes_follow_topics_and_are_described():
    result = analyse(_comments(), k=3)
    by_theme = {}
    for cid, theme in result.assignments.items():
        by_theme.setdefault(theme, set()).add(cid.split("-")[0])
    assert sorted(len(v) for v in by_theme.values()) == [1, 1, 1]
    for theme in result.themes:
        assert isinstance(theme, Theme) and theme.size == 4 and len(theme.keywords) >= 2
        assert not {"建议", "应当", "公园"} & set(theme.label.split("、")) - {"公园"}
        assert sum(theme.kinds.values()) == theme.size
        assert set(theme.representative_ids) <= set(theme.member_ids)


def test_same_random_state_gives_same_result():
    comments = _comments()
    assert analyse(comments, random_state=3) == analyse(comments, random_state=3)
    assert analyse(comments, scope="draft") == analyse(comments, scope="draft")


def test_results_are_frozen():
    result = analyse(_comments())
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.themes = ()
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.themes[0].label = "x"


def test_stored_tokens_are_used_instead_of_segmenting():
    comments = [
        CommentInput(c.id, c.text, tokens=("甲乙丙",) if c.id.startswith("dogs") else None) for c in _comments()
    ]
    comments += [CommentInput("joined", "狗粪", tokens="甲乙丙 狗粪")]
    result = analyse(comments, k=3)
    dog_theme = result.themes[result.assignments["dogs-0"]]
    assert "甲乙丙" in dog_theme.keywords


def test_per_draft_tokenizer_is_used():
    tok = Tokenizer(extra_terms=("清水河生态廊道",))
    comments = [CommentInput(i, "清水河生态廊道要保护好，清水河生态廊道不能开发。") for i in range(2)]
    comments.append(CommentInput(2, "清水河生态廊道的绿化很重要，清水河生态廊道要多种树。"))
    result = analyse(comments, tokenizer=tok)
    assert "清水河生态廊道" in result.themes[0].keywords


def test_contentless_comments_are_noise_not_errors():
    comments = _comments(2) + [
        CommentInput("e", ""),
        CommentInput("p", "？？！！"),
        CommentInput("m", "😀😀"),
        CommentInput("none", None),
    ]
    result = analyse(comments)
    assert [result.assignments[i] for i in ("e", "p", "m", "none")] == [-1, -1, -1, -1]
    assert all(i not in t.member_ids for t in result.themes for i in ("e", "p", "m"))


def test_odd_inputs_do_not_crash():
    comments = [
        CommentInput("long", "公园遛狗必须拴绳，" * 11_000),
        CommentInput("en", "The park closes far too early in summer, please open until 11pm."),
        CommentInput("mixed", "Park 门票 ticket 太贵 100元"),
        CommentInput("one", "好"),
    ]
    result = analyse(comments)
    assert set(result.assignments) == {"long", "en", "mixed", "one"}


def test_bad_arguments_raise_clear_errors():
    with pytest.raises(ValueError, match="appears more than once"):
        analyse([CommentInput(1, "a"), CommentInput(1, "b")])
    with pytest.raises(ValueError, match="scope"):
        analyse(_comments(), scope="chapter")
    with pytest.raises(ValueError, match="k must"):
        analyse(_comments(), k=0)


def test_k_larger_than_the_comments_is_capped():
    result = analyse(_comments()[:3], k=10)
    assert len(result.themes) <= 3
