"""Suggestions about the same matter, in different words: found as neighbours and grouped together,
while suggestions about other matters stay apart; on real headlines (../shared/corpus), the pairs it
calls likely duplicates are mostly about one topic."""

import json
from itertools import combinations
from pathlib import Path

import numpy as np
import pytest

from consult.analysis import similar

TNEWS = Path(__file__).parents[2].parent / "shared/corpus/tnews_dev.jsonl"

# Written for these tests: each pair asks for one thing in two deputies' words.
PAIRS = [
    ("关于在大沙河滨江段增设护栏的建议：滨江段沿河步道没有护栏，夜间有人落水，建议加装护栏和照明。",
     "建议在大沙河港湾段步道临水一侧加装护栏，并增加夜间照明，防止行人落水。"),
    ("关于延长社区卫生服务中心晚间门诊时间的建议：上班族下班后看不上病。",
     "建议社区卫生服务中心开设夜间门诊，方便上班族下班后就诊。"),
    ("老旧小区加装电梯审批流程繁琐，建议简化审批，提高财政补贴比例。",
     "关于推进既有住宅加装电梯的建议：简化加装电梯的审批手续，加大补贴力度。"),
    ("学校周边上下学时段交通拥堵，建议设置临时停车接送区并安排交警疏导。",
     "关于缓解中小学校门口接送拥堵的建议：划定即停即走接送车位，高峰期增派警力。"),
    ("菜市场周边占道经营严重，影响通行，建议规范管理并设置便民摊点。",
     "关于整治农贸市场周边流动摊贩占道的建议，可划定临时摊区。"),
    ("建议增加地铁末班车时间，方便夜间下班人员出行。",
     "关于延长轨道交通夜间运营时间的建议：末班地铁太早，加班族回不了家。"),
    ("公园厕所数量少且卫生差，建议增建公厕并加强保洁。",
     "关于改善公园公共卫生间条件的建议：增加厕位，提高保洁频次。"),
    ("关于加强电动自行车充电安全管理的建议：楼道充电火灾隐患大，建议建设集中充电桩。",
     "小区电动车飞线充电、入户充电现象多，建议增设充电设施，禁止楼道停放充电。"),
    ("建议在社区建设更多养老服务驿站，提供助餐、助浴服务。",
     "关于完善居家养老服务的建议：社区老年食堂太少，希望增加助餐点和上门服务。"),
    ("关于治理餐饮油烟扰民的建议：居民楼底商油烟直排，建议安装净化设备并加强执法。",
     "底商饭店油烟噪声影响楼上住户，建议环保部门督促安装油烟净化器。"),
]  # fmt: skip
TEXTS = [text for pair in PAIRS for text in pair]
ODD = "关于中小学课后服务引入体育俱乐部的建议。"


def test_the_same_request_in_other_words_is_the_nearest():
    found = [similar.nearest(TEXTS, i, top=1) for i in range(len(TEXTS))]
    partners = [hits[0][0] if hits else None for hits in found]
    right = sum(partner == i ^ 1 for i, partner in enumerate(partners))  # i ^ 1: the other of its pair
    assert right >= 18  # of 20 (measured 19)


def test_groups_join_each_matter_and_leave_the_odd_one_alone():
    labels = similar.groups([*TEXTS, ODD])
    joined = sum(labels[2 * i] == labels[2 * i + 1] for i in range(len(PAIRS)))
    assert joined >= 9  # of 10 (measured 10)
    assert sum(labels == labels[-1]) == 1  # the odd one joins nothing
    sizes = np.bincount(labels)
    assert sizes.max() <= 4  # no chaining of everything into one heap


def test_fewer_than_two_texts():
    assert similar.nearest(TEXTS[:1], 0) == [] and list(similar.groups(TEXTS[:1])) == [0]


@pytest.mark.skipif(not TNEWS.exists(), reason="../shared/corpus is not beside the project")
def test_on_real_headlines_grouped_texts_mostly_share_a_topic():
    rows = [json.loads(line) for line in TNEWS.read_text(encoding="utf-8").splitlines()[:2000]]
    texts, topics = [r["text"] for r in rows], np.array([r["label"] for r in rows])
    labels = similar.groups(texts)
    pairs = [(a, b) for members in _members(labels).values() for a, b in combinations(members, 2)]
    assert len(pairs) >= 50
    same_topic = np.mean([topics[a] == topics[b] for a, b in pairs])
    # About one in twelve by chance (15 topics of unequal size); headlines are not paraphrases, so this
    # checks only that grouping follows meaning (benchmarks/suggestion_duplicates.py prints it).
    assert same_topic >= 0.3


def _members(labels) -> dict[int, list[int]]:
    found: dict[int, list[int]] = {}
    for position, label in enumerate(labels):
        found.setdefault(int(label), []).append(position)
    return {k: v for k, v in found.items() if len(v) > 1}
