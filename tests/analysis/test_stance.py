"""Stance toward the article: stance words with negation, the commenter's own words, tags that win,
a model that learns from a few tags, the comments it asks about, and the command line."""

import io
import json
import random
from pathlib import Path

import pytest

from consult.analysis import stance
from consult.analysis.cli import main
from consult.analysis.stance_words import lexicon_scores

STANCE_SET = Path(__file__).parents[2].parent / "shared/corpus/stance/ertai.jsonl"

BAN = [
    "坚决支持禁摩，早该这样了，街上安全多了",
    "支持！摩托车噪音太大，禁了好",
    "赞成禁止摩托车上路，大快人心",
    "非常支持这个规定，交通秩序会好很多",
    "反对一刀切禁摩，我们上班怎么办",
    "强烈反对，懒政，凭什么不让骑",
    "不支持禁摩，应该规范管理而不是禁止",
    "这个规定不合理，请求撤回",
    "请问电动自行车算不算在内？",
    "什么时候开始执行？",
]


def test_stance_words_turn_around_when_negated():
    assert lexicon_scores("我支持这个规定") == (1, 0)
    assert lexicon_scores("我不支持这个规定") == (0, 1)
    assert lexicon_scores("这个规定不合理") == (0, 1)  # "合理" inside "不合理" is not praise
    assert lexicon_scores("并不反对，但要有过渡期") == (1, 0)
    assert lexicon_scores("请问几点开始") == (0, 0)


def test_only_the_commenters_own_words_count():
    text = "#禁摩# 同意！@交警 http://t.cn/abc //@某媒体:【禁摩令今起实施】反对者众"
    cleaned = stance.clean(text)
    assert "同意" in cleaned and "反对者众" not in cleaned and "http" not in cleaned and "交警" not in cleaned
    assert "禁摩" in cleaned  # a hashtag is the writer's own words, unwrapped


def test_with_no_tags_every_comment_gets_a_suggested_stance():
    guesses = stance.predict(BAN)
    assert len(guesses) == len(BAN) and {g.source for g in guesses} == {"rules"}
    assert [g.stance for g in guesses[:2]] == ["support", "support"]
    assert guesses[5].stance == "oppose" and guesses[6].stance == "oppose"
    assert all(0 <= g.confidence <= 1 for g in guesses)


def test_a_persons_tag_wins_and_the_rest_are_learned():
    tags = {0: "oppose", 4: "oppose", 8: "neither"}  # deliberately against the words on comment 0
    guesses = stance.predict(BAN, tags)
    assert guesses[0] == stance.StanceGuess("oppose", 1.0, "tagged")
    assert {guesses[i].source for i in range(len(BAN)) if i not in tags} == {"model"}


def test_nothing_to_learn_from_still_answers():
    assert stance.predict([]) == []
    guesses = stance.predict(["", "   ", "请问"], {})
    assert [g.stance for g in guesses] == ["neither"] * 3
    assert stance.predict(["支持"], {0: "support"})[0].source == "tagged"


def test_an_article_answered_only_by_copies_of_one_letter():
    letter = "坚决反对在公园里收费，公园是大家的，应当免费开放。"
    guesses = stance.predict([letter] * 4 + ["同上"] * 2)  # nothing for the reduction to find: no warning
    assert [g.stance for g in guesses[:4]] == ["oppose"] * 4
    tagged = stance.predict([letter] * 4, {0: "oppose"})
    assert {g.stance for g in tagged} == {"oppose"}


def test_ask_names_distinct_untagged_comments():
    asked = stance.ask(BAN, {}, 4)
    assert len(asked) == len(set(asked)) == 4
    tags = {i: "support" for i in asked[:2]} | {i: "oppose" for i in asked[2:]}
    again = stance.ask(BAN, tags, 3)
    assert len(again) == 3 and not set(again) & set(tags)
    assert stance.ask(BAN, {}, 0) == [] and len(stance.ask(BAN[:2], {}, 5)) == 2


def _run(args):
    out, err = io.StringIO(), io.StringIO()
    return main(args, out, err), out.getvalue(), err.getvalue()


@pytest.fixture
def files(tmp_path):
    comments = tmp_path / "comments.jsonl"
    comments.write_text("".join(json.dumps({"id": f"c{i}", "text": t}) + "\n" for i, t in enumerate(BAN)), "utf-8")
    article = tmp_path / "article.txt"
    article.write_text("第三条 本市行政区域内禁止摩托车通行。", "utf-8")
    return comments, article, tmp_path


def test_command_line_prints_a_stance_per_comment_and_what_to_tag(files):
    comments, article, folder = files
    labels = folder / "labels.jsonl"
    labels.write_text('{"id": "c4", "stance": "oppose"}\n{"id": "c0", "stance": "support"}\n', "utf-8")
    status, out, _ = _run(["stance", str(comments), "--article", str(article), "--labels", str(labels)])
    lines = [json.loads(line) for line in out.splitlines()]
    assert status == 0 and [line["id"] for line in lines] == [f"c{i}" for i in range(len(BAN))]
    assert lines[4] == {"id": "c4", "stance": "oppose", "confidence": 1.0}
    status, out, _ = _run(["stance", str(comments), "--article", str(article), "--ask", "3"])
    assert status == 0 and len(out.splitlines()) == 3
    assert all(json.loads(line) in {f"c{i}" for i in range(len(BAN))} for line in out.splitlines())


def test_command_line_names_what_is_wrong(files):
    comments, article, folder = files
    bad = folder / "bad.jsonl"
    bad.write_text('{"id": "c1", "stance": "maybe"}\n', "utf-8")
    status, _, err = _run(["stance", str(comments), "--article", str(article), "--labels", str(bad)])
    assert status == 1 and "line 1" in err and "support, oppose, neither" in err
    bad.write_text('{"id": "nobody", "stance": "support"}\n', "utf-8")
    status, _, err = _run(["stance", str(comments), "--article", str(article), "--labels", str(bad)])
    assert status == 1 and '"nobody" is not in the comments file' in err
    status, _, err = _run(["stance", str(comments), "--article", str(folder / "missing.txt")])
    assert status == 1 and "cannot read" in err
    status, _, err = _run(["stance", str(comments), "--article", str(article), "--ask", "0"])
    assert status == 2


@pytest.mark.skipif(not STANCE_SET.exists(), reason="shared stance corpus not available")
def test_on_real_posts_twenty_tags_beat_the_baseline():
    """Corpus README: character TF-IDF + logistic regression on 20 random tags scores 0.48, always
    "oppose" 0.27; the target is 0.60 with 20 tags and 0.40 with none."""
    from sklearn.metrics import f1_score

    rows = [json.loads(line) for line in STANCE_SET.read_text(encoding="utf-8").splitlines() if line.strip()]
    texts, truth = [r["text"] for r in rows], [r["stance"] for r in rows]

    def f_avg(tags):
        predicted = [g.stance for g in stance.predict(texts, tags)]
        support, oppose = f1_score(truth, predicted, labels=["support", "oppose"], average=None)
        return (support + oppose) / 2

    assert f_avg({}) >= 0.40
    draws = [f_avg({i: truth[i] for i in random.Random(seed).sample(range(len(texts)), 20)}) for seed in range(3)]
    assert sum(draws) / len(draws) >= 0.55, draws


def test_a_comment_that_says_its_stance_keeps_it_among_neighbours_who_disagree():
    crowd = [f"反对禁止大型犬入园，应以是否登记为准（{i}）" for i in range(9)]
    lone = "禁止狗进儿童游戏场地，非常必要，赞成。孩子在沙坑里玩，狗在旁边撒尿"  # 沙坑 is no 坑人
    guesses = stance.predict([*crowd, lone], {0: "oppose", 1: "oppose"})
    assert guesses[-1].stance == "support"
    assert all(g.confidence <= 0.95 for g in guesses if g.source != "tagged")  # only a person is certain
