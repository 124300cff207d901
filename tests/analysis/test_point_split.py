"""A comment is cut into the points it makes, and each point can reach its own theme."""

import pytest

from consult.analysis import CommentInput, analyse, normalize_text
from consult.analysis.point_split import split_points, tokens_by_point


def points(text: str) -> list[str]:
    return [p.text for p in split_points(normalize_text(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "一是延长开放时间；二是增设厕所；另外，停车费太贵了。",
            ["一是延长开放时间", "二是增设厕所", "另外,停车费太贵了"],
        ),
        ("建议：1.增加垃圾桶 2.设置吸烟区 3.禁止烧烤", ["1.增加垃圾桶", "2.设置吸烟区", "3.禁止烧烤"]),
        (
            "我建议延长开放时间到晚上十点。另外建议增设无障碍厕所。",
            ["我建议延长开放时间到晚上十点", "另外建议增设无障碍厕所"],
        ),
        ("第一，犬只必须拴绳；第二，狗粪要及时清理。", ["第一,犬只必须拴绳", "第二,狗粪要及时清理"]),
    ],
)
def test_a_letter_with_several_requests_is_cut_where_each_begins(text, expected):
    assert [p.rstrip("。;；") for p in points(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "罚款太低了。应该提高到五百元。",  # the reason and its request are one point
        "广场舞太吵了，因为音响开得太大。所以建议限制音量。",
        "十五是多少？我不知道罚款为什么定为一点五万元。",  # "五是" inside a number is no enumeration
    ],
)
def test_a_point_and_what_goes_on_from_it_stay_together(text):
    assert len(points(text)) == 1


def test_reposts_headlines_links_and_greetings_are_not_the_authors_points():
    text = "各位领导好！#禁摩限电# 【本市将全面禁摩】一刀切太粗暴了，外卖小哥怎么办？http://t.cn/abc //@张三: 支持禁摩"
    assert points(text) == ["一刀切太粗暴了,外卖小哥怎么办?"]


def test_a_bare_stance_makes_no_point_but_a_word_that_also_names_a_subject_does():
    assert points("支持！坚决支持！") == []
    assert points("垃圾桶太少") == ["垃圾桶太少"]  # 垃圾 is a stance word of scorn, 垃圾桶 is a thing


def test_a_long_letter_keeps_at_most_six_points():
    text = "".join(f"{n}、建议在公园里增加第{n}种设施。" for n in "一二三四五六七八九")
    found = points(text)
    assert len(found) == 6
    # The later points are folded into the last one: points never overlap, nothing is lost.
    assert (
        found[-1]
        == "六、建议在公园里增加第六种设施。七、建议在公园里增加第七种设施。八、建议在公园里增加第八种设施。九、建议在公园里增加第九种设施。"
    )
    spans = split_points(normalize_text(text))
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))


def test_stored_tokens_are_shared_out_by_position_and_noise_tokens_dropped():
    text = normalize_text("#话题# 一是延长开放时间；二是增设厕所")
    found = split_points(text)
    tokens = ["话题", "延长", "开放", "时间", "增设", "厕所"]
    assert tokens_by_point(text, tokens, found) == [("延长", "开放", "时间"), ("增设", "厕所")]


def test_a_comment_joins_its_main_theme_and_is_also_listed_under_its_other_point():
    dogs = ["遛狗必须拴绳，大狗太吓人了", "犬只进公园一定要拴绳", "狗不拴绳吓到小孩", "遛狗拴绳是基本要求"]
    noise = ["广场舞音响太吵了", "晚上音响声音太大睡不着", "广场舞的音响应该限制音量", "音响吵得老人睡不着"]
    letter = "建议晚上九点以后禁止使用音响，广场舞音响太吵影响老人睡觉。另外，遛狗一定要拴绳。"
    texts = dogs + noise + [letter]
    result = analyse([CommentInput(i, t) for i, t in enumerate(texts)], k=2)
    letter_id = len(texts) - 1
    dog_theme, noise_theme = result.assignments[0], result.assignments[4]
    assert dog_theme != noise_theme
    assert result.assignments[letter_id] == noise_theme  # its longest point is about noise
    assert dog_theme in result.also[letter_id]
    assert letter_id in result.themes[dog_theme].also_ids
    assert letter_id not in result.themes[dog_theme].member_ids  # counted once, under its main point
    assert sum(t.size for t in result.themes) == len(texts)
    assert all(i not in result.also for i in range(len(texts) - 1))


NOISE_SAMPLES = (
    "//@某人:转发", "【新闻标题】", "https://example.cn/a?b=1", "@张三：", "#公园条例#", "|沈阳·太原...",
    "发表了博文", "转发微博", "轉發微博", "分享自微博客户端", "网页链接", "查看图片", "尊敬的各位领导你好，",
    "您好！", "老师们好", "此致 敬礼", "以上是我的意见仅供参考。", "谢谢你们！", "辛苦了",
)  # fmt: skip


@pytest.mark.parametrize("noise", NOISE_SAMPLES)
def test_the_shortcut_for_text_without_noise_never_skips_noise(noise):
    """Texts that hold no noise mark skip the noise and repost scans; every kind of noise has a mark."""
    from consult.analysis import point_split, stance

    for text in (noise + "建议延长开放时间", "建议延长开放时间" + noise, "建议延长" + noise + "开放时间"):
        norm = normalize_text(text)
        assert point_split.without_noise(norm) == point_split._NOISE.sub(lambda m: "\0" * len(m.group(0)), norm)
        full = stance._REPOST.sub(lambda m: (m.group(1) or "") + " ", norm).strip()
        assert stance.clean(norm, normalized=True) == full
    assert point_split.without_noise(normalize_text(noise)) != normalize_text(noise)
