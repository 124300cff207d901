"""Exact copies and near-copies."""

from consult.analysis import CommentInput, analyse
from consult.analysis.copies import copies_of
from consult.analysis.reading import read_comments

LETTER = (
    "我是翠苑小区12栋的居民张伟。坚决反对公园收取门票！城市公园是用财政资金建设的公共设施，"
    "理应向全体市民免费开放。收费会让低收入家庭和老年人望而却步，违背了公园的公益属性。"
    "请求删除草案中关于公园可以收取门票的规定。"
)
VARIANTS = [
    LETTER,
    LETTER.replace("张伟", "李娜").replace("12", "7"),  # other name and number
    LETTER.replace("。", "！").replace("，", " , "),  # punctuation and spacing
    LETTER.replace("收费会让低收入家庭和老年人望而却步，违背了公园的公益属性。", ""),  # sentence dropped
    LETTER + "另外，公园开放时间也应当延长到晚上十一点。",  # sentence added
    "\u200b".join(LETTER[:40]) + LETTER[40:],  # zero-width tricks
]
DISTINCT = [
    "公园门票收费不合理，建议所有城市公园免费开放，老人和孩子更需要公园。",
    "公园收门票可以理解，但应当对老年人和学生免票，并公开票价依据。",
    "大沙河边经常有人野泳，建议设置防溺水警示牌和救生圈。",
]


def _groups(texts):
    """Each text's copy-group representative, as the analysis finds it."""
    return copies_of(read_comments([CommentInput(i, t) for i, t in enumerate(texts)]))


def test_campaign_variants_form_one_group():
    reps = _groups(VARIANTS)
    assert set(reps) == {0}


def test_distinct_opinions_on_one_topic_stay_apart():
    reps = _groups(DISTINCT + [LETTER])
    assert list(reps) == [0, 1, 2, 3]


def test_representative_is_the_most_copied_member():
    texts = [VARIANTS[1], LETTER, LETTER, VARIANTS[3]]
    assert list(_groups(texts)) == [1, 1, 1, 1]


def test_contentless_texts_are_not_grouped():
    assert list(_groups(["", "！！", "😀", ""])) == [0, 1, 2, 3]


def test_analysis_reports_groups_and_duplicate_of():
    comments = [CommentInput(f"v{i}", t) for i, t in enumerate(VARIANTS)]
    comments += [CommentInput(f"d{i}", t) for i, t in enumerate(DISTINCT)]
    result = analyse(comments)
    [group] = result.duplicate_groups
    assert group.representative_id == "v0" and group.count == len(VARIANTS)
    assert set(group.member_ids) == {f"v{i}" for i in range(len(VARIANTS))}
    assert result.duplicate_of == {f"v{i}": "v0" for i in range(1, len(VARIANTS))}
    assert sum(t.size for t in result.themes) == len(comments)
