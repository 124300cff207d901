"""``python -m consult.analysis cluster``."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from consult.analysis.cli import main

ROOT = Path(__file__).resolve().parents[2]
COMMENTS = [
    {"id": 1, "text": "公园遛狗必须拴绳，狗粪要清理。"},
    {"id": 2, "text": "公园遛狗必须拴绳！狗粪要清理！"},
    {"id": "x", "text": "大沙河污水直排，河水发黑发臭，要治理。"},
    {"id": 4, "text": ""},
    {"id": 5, "text": "大沙河有工厂偷排污水，河水发臭。"},
]


def _write(tmp_path, lines):
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _run(args, capsys):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def test_writes_one_line_per_input_in_order(tmp_path, capsys):
    path = _write(tmp_path, [json.dumps(c, ensure_ascii=False) for c in COMMENTS])
    code, out, err = _run(["cluster", str(path), "--summary"], capsys)
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == [1, 2, "x", 4, 5]
    assert rows[1]["duplicate_of"] == 1 and rows[0]["duplicate_of"] is None
    assert rows[0]["cluster"] == rows[1]["cluster"] and rows[3]["cluster"] is None
    assert "theme 0" in err


def test_fixed_k_and_repeated_ids(tmp_path, capsys):
    lines = [json.dumps({"id": 7, "text": c["text"]}, ensure_ascii=False) for c in COMMENTS]
    code, out, err = _run(["cluster", str(_write(tmp_path, lines)), "--k", "2"], capsys)
    assert code == 0 and len(out.splitlines()) == len(COMMENTS)
    assert {json.loads(line)["cluster"] for line in out.splitlines()} <= {None, 0, 1}
    assert "more than once" in err


@pytest.mark.parametrize(
    "bad_line, message",
    [
        ("{not json", "line 2: invalid JSON"),
        ("[1, 2]", "line 2: expected a JSON object"),
        ('{"text": "没有编号"}', 'line 2: missing "id"'),
        ('{"id": 9}', 'line 2: missing "text"'),
        ('{"id": 9, "text": 12}', 'line 2: "text" must be a string'),
    ],
)
def test_malformed_jsonl_exits_non_zero_with_line_number(tmp_path, capsys, bad_line, message):
    path = _write(tmp_path, ['{"id": 1, "text": "好"}', bad_line])
    code, out, err = _run(["cluster", str(path)], capsys)
    assert code != 0 and message in err and out == ""


def test_missing_file_is_a_clear_error(tmp_path, capsys):
    code, _, err = _run(["cluster", str(tmp_path / "absent.jsonl")], capsys)
    assert code == 2 and "cannot read" in err


def test_runs_as_a_module(tmp_path):
    path = _write(tmp_path, [json.dumps(c, ensure_ascii=False) for c in COMMENTS[:3]])
    proc = subprocess.run(
        [sys.executable, "-m", "consult.analysis", "cluster", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert len(proc.stdout.splitlines()) == 3
    assert proc.stderr == ""  # nothing from jieba's logger


def test_themes_file_holds_labels_sizes_and_representatives(tmp_path, capsys):
    path = _write(tmp_path, [json.dumps(c, ensure_ascii=False) for c in COMMENTS])
    themes_path = tmp_path / "themes.json"
    code, out, _ = _run(["cluster", str(path), "--k", "2", "--themes", str(themes_path)], capsys)
    assert code == 0
    themes = json.loads(themes_path.read_text(encoding="utf-8"))
    assert sorted(t["cluster"] for t in themes) == [0, 1]
    assert sum(t["size"] for t in themes) == 4  # the empty text is in no theme
    assigned = {json.loads(line)["id"]: json.loads(line)["cluster"] for line in out.splitlines()}
    for theme in themes:
        assert 4 <= len(theme["label"]) <= 16 and "、" not in theme["label"]
        assert all(assigned[rep] == theme["cluster"] for rep in theme["representatives"])
    code, _, err = _run(["cluster", str(path), "--themes", str(tmp_path / "no" / "such" / "dir.json")], capsys)
    assert code == 1 and "cannot write" in err


def test_each_line_lists_the_themes_of_all_its_points_main_first(tmp_path, capsys):
    texts = [
        "遛狗必须拴绳，大狗太吓人了",
        "犬只进公园一定要拴绳",
        "广场舞音响太吵了",
        "晚上音响声音太大睡不着",
        "建议晚上九点以后禁止使用音响，广场舞音响太吵影响老人睡觉。另外，遛狗一定要拴绳。",
        "支持！",
    ]
    lines = [json.dumps({"id": i, "text": t}, ensure_ascii=False) for i, t in enumerate(texts)]
    code, out, _err = _run(["cluster", str(_write(tmp_path, lines)), "--k", "2", "--scope", "article"], capsys)
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert rows[4]["themes"] == [rows[2]["cluster"], rows[0]["cluster"]]
    assert rows[0]["themes"] == [rows[0]["cluster"]] and rows[5]["themes"] == []
