"""Proposing the unit for a suggestion from past assignments, and measuring it honestly."""

from consult.analysis.routing import UnitRouter, cross_validated_accuracy

PAST = [
    ("大沙河沿岸缺少护栏，建议加装护栏", "市水务局"),
    ("下穿通道暴雨积水，建议增设排涝泵站", "市水务局"),
    ("河道水质差，建议公开水质监测数据", "市水务局"),
    ("公园没有厕所，建议在公园增建公共厕所", "市园林局"),
    ("公园晚上闭园太早，建议延长公园开放时间", "市园林局"),
    ("行道树遮挡采光，建议修剪行道树", "市园林局"),
    ("公交站太远，建议新开公交线路", "市交通运输局"),
    ("学校门口上下学拥堵，建议设置即停即走区", "市交通运输局"),
    ("共享单车占用人行道，建议划定停放区域", "市交通运输局"),
]


def test_the_router_ranks_the_unit_whose_past_suggestions_read_alike_first():
    router = UnitRouter.train([t for t, _u in PAST], [u for _t, u in PAST])
    assert router.rank("社区公园里的公共厕所太少")[0] == "市园林局"
    assert router.rank("暴雨后河道水位上涨，泵站排涝能力不足")[0] == "市水务局"
    assert len(router.rank("任何内容", top=3)) == 3


def test_with_no_history_nothing_is_proposed_and_with_one_unit_that_one():
    assert UnitRouter.train([], []).rank("公园厕所") == []
    assert UnitRouter.train(["河道护栏"], ["市水务局"]).rank("公园厕所") == ["市水务局"]


def test_cross_validation_keeps_each_group_out_of_its_own_training(monkeypatch):
    from consult.analysis import routing

    texts, units = [t for t, _u in PAST] * 2, [u for _t, u in PAST] * 2
    groups = [t for t, _u in PAST] * 2  # each text twice: a matter raised in two districts
    trained_on: list[set[str]] = []
    real_train = routing.UnitRouter.train

    def spy(train_texts, train_units):
        trained_on.append(set(train_texts))
        return real_train(train_texts, train_units)

    monkeypatch.setattr(routing.UnitRouter, "train", staticmethod(spy))
    top1, top3 = cross_validated_accuracy(texts, units, groups=groups, folds=3)
    assert len(trained_on) == 3 and 0 <= top1 <= top3 == 1.0  # three units: always among the top three
    held_out = [set(texts) - seen for seen in trained_on]
    assert all(held_out) and set().union(*held_out) == set(texts)  # every text tested once, never with its twin
