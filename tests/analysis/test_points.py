"""Comments that make no point of their own (a bare "支持！") are counted apart, not grouped."""

import io
import json

import pytest

from consult.analysis import CommentInput, analyse
from consult.analysis.cli import main
from consult.analysis.points import makes_a_point


@pytest.mark.parametrize(
    "text", ["支持！", "坚决反对这个规定", "我非常赞成", "同意", "太好了！终于！", "转发微博 //@某人:反对禁摩"]
)
def test_a_bare_stance_or_a_repost_makes_no_point(text):
    assert not makes_a_point(text)


@pytest.mark.parametrize("text", ["建议罚款提高到五百元", "晚上广场舞太吵", "大狗不拴绳", "反对，公园厕所太少"])
def test_a_reason_or_a_request_is_a_point(text):
    assert makes_a_point(text)


def test_bare_stances_join_no_theme_and_the_command_line_says_null(tmp_path):
    texts = [
        "支持！",
        "坚决支持",
        "遛狗必须拴绳，大狗太吓人",
        "遛狗要拴绳，狗粪要清理",
        "广场舞音响太吵",
        "晚上音响太吵睡不着",
    ]
    result = analyse([CommentInput(i, t) for i, t in enumerate(texts)], k=2)
    assert result.assignments[0] == result.assignments[1] == -1
    assert all(result.assignments[i] >= 0 for i in range(2, 6))
    assert sum(t.size for t in result.themes) == 4
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n" for i, t in enumerate(texts)))
    out = io.StringIO()
    assert main(["cluster", str(path), "--k", "2"], out, io.StringIO()) == 0
    clusters = [json.loads(line)["cluster"] for line in out.getvalue().splitlines()]
    assert clusters[:2] == [None, None] and None not in clusters[2:]
