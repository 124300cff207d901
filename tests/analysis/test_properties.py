"""Properties that must hold for any input, and reading in several processes."""

import time

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from consult.analysis import CommentInput, Tokenizer, analyse, find_article_refs, normalize_text
from consult.analysis.normalize import _INVISIBLE_RE, skeleton
from consult.analysis.point_split import is_whole, split_points
from consult.analysis.points import makes_a_point
from consult.analysis.reading import read_comments
from consult.analysis.workers import Workers, report

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


POINTY = st.text(alphabet="建议公园开放时间延长。，、：另外停车费太贵希望降低1２一是二是 ", min_size=4, max_size=40)


@settings(max_examples=300, deadline=None)
@given(TEXT | POINTY)
def test_a_comment_known_to_make_a_point_is_cut_as_any_other(text):
    """read_chunk tells split_points that the whole comment makes a point, and takes the comment's
    skeleton for a point that is the whole comment: both shortcuts give what the long way gives."""
    norm = normalize_text(text)
    if makes_a_point(norm, normalized=True):
        found = split_points(norm, whole_speaks=True)
        assert found == split_points(norm)
        if len(found) == 1 and is_whole(found[0], norm):
            assert skeleton(found[0].text) == skeleton(norm)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_article_refs_point_into_the_normalised_text(text):
    norm = normalize_text(text)
    for ref in find_article_refs(text):
        assert norm[ref.start : ref.end] == ref.text and ref.ordinal > 0


def _cn(number: int) -> str:
    """A number in Chinese numerals: digits would make the comments copies of each other."""
    return "".join("零一二三四五六七八九"[int(d)] for d in str(number))


def test_reading_in_worker_processes_gives_what_one_process_reads():
    tok = Tokenizer(extra_terms=("大沙河",))
    texts = [f"大沙河第{_cn(i)}段，遛狗不拴绳的现象很多，建议罚款{_cn(i)}元。另外，晚上应当关灯。" for i in range(60)]
    comments = [CommentInput(i, t) for i, t in enumerate(texts)]
    alone = read_comments(comments, Workers(1, tok), chunk_size=7)
    with Workers(2, tok) as pool:
        pooled = read_comments(iter(comments), pool, chunk_size=7)
    assert pooled.ids == alone.ids == list(range(60))
    assert list(pooled.point_texts) == list(alone.point_texts) and len(alone.point_texts) == 120  # two points each
    assert np.array_equal(pooled.skeleton_hash, alone.skeleton_hash)
    assert np.array_equal(pooled.signatures, alone.signatures)
    words = lambda read: [read.words[t] for t in read.token_ids]  # noqa: E731
    assert words(pooled) == words(alone)
    assert "大沙河" in words(alone)
    # Segmented per point, as the tokenizer would segment the point alone.
    first = alone.token_ids[alone.token_ends[0] : alone.token_ends[1]]
    assert [alone.words[t] for t in first] == tok.tokens(alone.point_texts[0], normalized=True)


def test_analysis_streamed_through_worker_processes_equals_one_process():
    """A generator read in small chunks by two processes gives what one process gives a list."""
    concerns = [
        "遛狗不拴绳，建议罚款",
        "公园厕所太少，应当增设",
        "晚上广场舞噪音扰民，建议限制音量",
        "停车费太贵，希望降低",
    ]
    texts = [f"{concerns[i % 4]}。{_cn(i)}号楼的居民说，另外，大沙河{_cn(i % 7)}段也要管。" for i in range(240)]
    texts += [texts[3]] * 30 + ["支持！"] * 5
    listed = analyse([CommentInput(i, t) for i, t in enumerate(texts)], scope="draft")
    streamed = analyse((CommentInput(i, t) for i, t in enumerate(texts)), scope="draft", workers=2, chunk_size=16)
    assert streamed.assignments == listed.assignments
    assert streamed.duplicate_groups == listed.duplicate_groups and len(listed.duplicate_groups) >= 1
    assert [t.label for t in streamed.themes] == [t.label for t in listed.themes]
    assert [t.member_ids for t in streamed.themes] == [t.member_ids for t in listed.themes]
    assert listed.assignments[len(texts) - 1] == -1  # a bare "支持！" makes no point


def test_unordered_results_arrive_as_each_task_finishes():
    side: list[str] = []
    with Workers(2) as pool:
        tasks = [(0.8,), (0.0,), (0.0,), (0.0,)]
        finished = [
            position for position, _ in pool.map_unordered(time.sleep, tasks, meanwhile=lambda: side.append("x"))
        ]
    assert sorted(finished) == [0, 1, 2, 3] and finished[-1] == 0  # the long first task does not hold back the rest
    assert side == ["x"]  # the caller's own work, done once while the workers ran
    assert list(Workers(1).map_unordered(len, [("ab",), ("c",)], meanwhile=lambda: side.append("y"))) == [
        (0, 2),
        (1, 1),
    ]
    assert side == ["x", "y"]


def _slow_reporter(label: str, steps: int) -> str:
    for step in range(steps):
        report((label, step))
        time.sleep(0.3)
    return label


def test_a_long_task_is_heard_from_before_it_ends():
    for processes in (2, 1):
        heard: list[tuple[str, int, float]] = []
        ended: dict[str, float] = {}
        with Workers(processes) as pool:
            hear = lambda news: heard.append((*news, time.monotonic()))  # noqa: E731
            for _position, label in pool.map_unordered(_slow_reporter, [("long", 8), ("short", 1)], hear):
                ended[label] = time.monotonic()
        assert [step for label, step, _ in heard if label == "long"] == list(range(8))
        early = [step for label, step, at in heard if label == "long" and at < ended["long"] - 0.25]
        assert len(early) >= 4, (processes, heard, ended)  # heard while it ran, not all at its end
    report(("nobody", 0))  # outside a task: no listener, nothing happens


def test_warming_a_fork_server_pool_leaves_the_waiting_to_a_thread():
    """A build reads its comments while the workers boot: warm() must not wait for the fork server,
    which first loads the analysis (a fresh interpreter: far longer than returning takes)."""
    with Workers(2, start="forkserver") as pool:
        pool.warm()
        booting = pool._booting is not None and pool._booting.is_alive()
        assert list(pool.map(len, [("ab",), ("c",), ("def",)])) == [2, 1, 3]
    assert booting and pool._booting is None  # the boot thread is over once the pool is


def test_forked_workers_are_started_by_the_caller_not_by_a_thread():
    """Forking from a second thread could copy a lock the first holds mid-call: warm() forks inline."""
    with Workers(2, start="fork") as pool:
        pool.warm()
        assert pool._booting is None
        assert pool._pool is not None and len(pool._pool._processes) == 2
        assert list(pool.map(len, [("ab",), ("c",), ("def",)])) == [2, 1, 3]


OWNER = """
import sys, time
from consult.analysis.workers import Workers
with Workers(2, start="forkserver") as pool:
    assert list(pool.map(len, [("ab",), ("c",), ("d",)])) == [2, 1, 1]
    print(" ".join(map(str, pool._pool._processes)), flush=True)
    time.sleep(600)
"""


def test_workers_go_when_the_process_that_started_them_is_killed():
    """A job worker killed mid-build (the OOM killer, a hard stop) must not leave its pool behind."""
    import signal
    import subprocess
    import sys

    with subprocess.Popen([sys.executable, "-c", OWNER], stdout=subprocess.PIPE, text=True) as owner:
        try:
            workers = [int(pid) for pid in owner.stdout.readline().split()]
            assert len(workers) == 2 and all(_alive(pid) for pid in workers)
        finally:
            owner.send_signal(signal.SIGKILL)
    deadline = time.monotonic() + 30
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in workers)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ")[-1][0] != "Z"  # a zombie has ended
    except FileNotFoundError:
        return False
