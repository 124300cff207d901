"""Second drafts and amendment drafts: which article became which (the 修改对照表), and an amendment's
instructions applied to the text it amends — every form, and nothing applied when one cannot be."""

import json
import re
from pathlib import Path

import pytest

from consult.drafts.numerals import article_number, int_to_cn
from consult.drafts.structure import parse_draft
from consult.drafts.versions.align import align
from consult.drafts.versions.apply import AmendmentError, apply_amendment, render
from consult.drafts.versions.instructions import read_amendment

CORPUS = Path(__file__).parents[2].parent / "shared/corpus"
BASE = """滨海市河道管理条例
第一章　总则
第一条　为了加强河道管理，保障防洪安全，发挥河道的综合效益，根据有关法律、法规，制定本条例。
第二条　本市行政区域内河道的整治、利用、保护和管理，适用本条例。
第三条　市水务主管部门负责本市河道的监督管理工作。区水务主管部门负责本辖区内河道的管理。
第四条　河道管理实行统一管理与分级管理相结合的原则。
第二章　整治与保护
第五条　河道整治应当符合防洪规划，兼顾上下游、左右岸，不得任意改变河水流向。
第六条　在河道管理范围内，禁止下列行为：
（一）修建围堤、阻水渠道、阻水道路；
（二）弃置、倾倒矿渣、石渣、煤灰、泥土、垃圾等废弃物；
（三）在堤防和护堤地建房、放牧、开渠、打井、挖窖、葬坟。
第七条　河道管理单位应当定期巡查河道，发现违法行为及时制止并报告水务主管部门。
第八条　任何单位和个人都有保护河道堤防安全和参加防汛抢险的义务。
第三章　法律责任
第九条　违反本条例第六条规定的，由水务主管部门责令停止违法行为，限期清除障碍，可以处一万元以下罚款。
第十条　水务主管部门工作人员玩忽职守、滥用职权的，依法给予处分。
第十一条　本条例自2027年1月1日起施行。"""

SECOND = """滨海市河道管理条例（修改稿）
第一章　总则
第一条　为了加强河道管理，保障防洪安全，发挥河道的综合效益，根据有关法律、法规，制定本条例。
第二条　本市行政区域内河道的整治、利用、保护和管理，适用本条例。
第三条　市水务主管部门负责本市河道的监督管理工作，区水务主管部门负责本辖区内河道的日常管理，镇街予以配合。
第四条　市、区人民政府应当建立河长制，河长负责组织领导相应河道的管理和保护工作。
第五条　河道管理实行统一管理与分级管理相结合的原则。
第二章　整治与保护
第六条　任何单位和个人都有保护河道堤防安全和参加防汛抢险的义务。
第七条　河道整治应当符合防洪规划和生态保护要求，兼顾上下游、左右岸，不得任意改变河水流向。
第八条　在河道管理范围内，禁止下列行为：
（一）修建围堤、阻水渠道、阻水道路；
（二）弃置、倾倒矿渣、石渣、煤灰、泥土、垃圾等废弃物；
（三）在堤防和护堤地建房、放牧、开渠、打井、挖窖、葬坟。
第三章　法律责任
第九条　违反本条例第八条规定的，由水务主管部门责令停止违法行为，限期清除障碍，可以处五万元以下罚款。
第十条　水务主管部门工作人员玩忽职守、滥用职权的，依法给予处分。
第十一条　本条例自2027年1月1日起施行。"""


def rows(old: str, new: str) -> list[tuple[str | None, str | None, str, bool]]:
    found = align(parse_draft(old).articles, parse_draft(new).articles)
    return [(r.old.number if r.old else None, r.new.number if r.new else None, r.change, r.moved) for r in found]


def test_a_second_draft_aligns_across_inserts_removals_moves_and_rewording():
    assert rows(BASE, SECOND) == [
        ("第一条", "第一条", "same", False),
        ("第二条", "第二条", "same", False),
        ("第三条", "第三条", "modified", False),
        (None, "第四条", "added", False),
        ("第四条", "第五条", "same", False),
        ("第八条", "第六条", "same", True),  # moved up from the end of the chapter
        ("第五条", "第七条", "modified", False),
        ("第六条", "第八条", "same", False),
        ("第七条", None, "removed", False),
        ("第九条", "第九条", "modified", False),
        ("第十条", "第十条", "same", False),
        ("第十一条", "第十一条", "same", False),
    ]


def test_a_split_article_is_flagged_for_the_drafter_with_the_article_it_came_from():
    split = BASE.replace(
        "第三条　市水务主管部门负责本市河道的监督管理工作。区水务主管部门负责本辖区内河道的管理。",
        "第三条　市水务主管部门负责本市河道的监督管理工作。\n第四条　区水务主管部门负责本辖区内河道的管理。",
    )
    found = align(parse_draft(BASE).articles, parse_draft(split).articles)
    added = [r for r in found if r.change == "added"]
    assert len(added) == 1 and added[0].doubtful and added[0].resembles.number == "第三条"


def test_merged_articles_are_flagged_for_the_drafter_with_the_article_they_went_into():
    merged = (
        BASE.replace(
            "第七条　河道管理单位应当定期巡查河道，发现违法行为及时制止并报告水务主管部门。\n"
            "第八条　任何单位和个人都有保护河道堤防安全和参加防汛抢险的义务。",
            "第七条　河道管理单位应当定期巡查河道，发现违法行为及时制止并报告水务主管部门。"
            "任何单位和个人都有保护河道堤防安全和参加防汛抢险的义务。",
        )
        .replace("第九条", "第八条")
        .replace("第十条", "第九条")
        .replace("第十一条", "第十条")
    )
    found = align(parse_draft(BASE).articles, parse_draft(merged).articles)
    removed = [r for r in found if r.change == "removed"]
    assert [r.old.number for r in removed] == ["第八条"]
    assert removed[0].doubtful and removed[0].resembles.number == "第七条"
    kept = next(r for r in found if r.old is not None and r.old.number == "第七条")
    assert kept.new.number == "第七条" and kept.change == "modified"


def test_compare_prints_one_row_per_article_as_json(runner, tmp_path):
    (tmp_path / "old.txt").write_text(BASE, encoding="utf-8")
    (tmp_path / "new.txt").write_text(SECOND, encoding="utf-8")
    result = runner.invoke(args=["drafts", "compare", str(tmp_path / "old.txt"), str(tmp_path / "new.txt")])
    assert result.exit_code == 0
    printed = json.loads(result.output)["rows"]
    assert [(r["old"], r["new"], r["change"]) for r in printed] == [(o, n, c) for o, n, c, _m in rows(BASE, SECOND)]


def amended(amendment: str, base: str = BASE) -> dict[str, str]:
    parsed = parse_draft(base)
    text = render(parsed, apply_amendment(parsed, read_amendment(amendment)))
    return {a.number: "\n".join(p.text + "".join(f"\n{i}" for i in p.items) for p in a.paragraphs)
            for a in parse_draft(text).articles}  # fmt: skip


@pytest.mark.parametrize(
    ("instruction", "article", "expected"),
    [
        ("一、将第四条修改为：“河道管理实行统一规划、分级负责。”", "第四条", "河道管理实行统一规划、分级负责。"),
        (
            "一、将第三条修改为：“市水务主管部门负责本市河道的监督管理工作。\n“区水务主管部门负责本辖区内河道的管理。”",
            "第三条",
            "市水务主管部门负责本市河道的监督管理工作。\n区水务主管部门负责本辖区内河道的管理。",
        ),
        (
            "一、将第六条第三项修改为：“（三）在堤防和护堤地建房、开渠、打井。”",
            "第六条",
            "在河道管理范围内，禁止下列行为：\n（一）修建围堤、阻水渠道、阻水道路；\n"
            "（二）弃置、倾倒矿渣、石渣、煤灰、泥土、垃圾等废弃物；\n（三）在堤防和护堤地建房、开渠、打井。",
        ),
        (
            "一、在第十条中增加一款作为第二款：“构成犯罪的，依法追究刑事责任。”",
            "第十条",
            "水务主管部门工作人员玩忽职守、滥用职权的，依法给予处分。\n构成犯罪的，依法追究刑事责任。",
        ),
        (
            "一、将第九条中的“一万元”修改为“五万元”，“限期清除障碍”修改为“限期恢复原状”。",
            "第九条",
            "违反本条例第六条规定的，由水务主管部门责令停止违法行为，限期恢复原状，可以处五万元以下罚款。",
        ),
        ("一、删去第七条中的“并报告水务主管部门”。", "第七条", "河道管理单位应当定期巡查河道，发现违法行为及时制止。"),
        (
            "一、删去第六条第二项。",
            "第六条",
            "在河道管理范围内，禁止下列行为：\n（一）修建围堤、阻水渠道、阻水道路；\n"
            "（三）在堤防和护堤地建房、放牧、开渠、打井、挖窖、葬坟。",
        ),  # fmt: skip
    ],
)
def test_each_instruction_form_changes_only_what_it_names(instruction, article, expected):
    before = amended("一、将第一条中的“发挥”修改为“发挥”。")
    after = amended(instruction)
    assert after[article] == expected
    assert {k: v for k, v in after.items() if k != article} == {k: v for k, v in before.items() if k != article}


def test_articles_added_after_one_keep_the_numbers_the_amendment_gives_them():
    after = amended(
        "一、在第五条后增加一条，作为第五条之一：“河道整治应当保护河流生态。”\n"
        "二、在第八条后增加二条，作为第八条之一、第八条之二：“第八条之一　鼓励公众参与河道保护。\n"
        "“第八条之二　河长名单应当向社会公布。”"
    )
    assert after["第五条之一"] == "河道整治应当保护河流生态。"
    assert after["第八条之一"] == "鼓励公众参与河道保护。" and after["第八条之二"] == "河长名单应当向社会公布。"
    assert list(after).index("第五条之一") == list(after).index("第五条") + 1


def test_a_decision_that_adds_and_deletes_articles_renumbers_them_when_it_says_so():
    after = amended(
        "一、增加一条，作为第四条：“市、区人民政府应当建立河长制。”\n二、删去第七条。\n三、此外，对条文顺序作相应调整。"
    )
    assert after["第四条"] == "市、区人民政府应当建立河长制。"
    assert after["第五条"].startswith("河道管理实行统一管理")
    assert len(after) == 11 and after["第十一条"].startswith("本条例自")


def test_instructions_that_cannot_be_applied_are_all_named_and_nothing_is_applied(runner, tmp_path):
    (tmp_path / "base.txt").write_text(BASE, encoding="utf-8")
    (tmp_path / "amend.txt").write_text(
        "关于修改《滨海市河道管理条例》的决定\n一、将第四条修改为：“新的第四条。”\n二、将第九十九条修改为：“没有这一条。”\n"
        "三、将第九条中的“十万元”修改为“二十万元”。\n四、在第一条之后插播一条广告。",
        encoding="utf-8",
    )
    result = runner.invoke(args=["drafts", "amend", str(tmp_path / "base.txt"), str(tmp_path / "amend.txt")])
    assert result.exit_code == 1
    assert "instruction 2: 第九十九条不存在" in result.output
    assert "instruction 3: 没有找到“十万元”" in result.output
    assert "instruction 4: 无法识别" in result.output
    assert "新的第四条" not in result.output  # nothing half-applied, nothing printed
    with pytest.raises(AmendmentError):
        apply_amendment(parse_draft(BASE), read_amendment("一、删去第三十条。"))


def test_an_amendment_imported_as_a_draft_is_recognised_as_one(runner, tmp_path):
    (tmp_path / "amend.txt").write_text("一、将第四条修改为：“新的第四条。”\n二、删去第七条。", encoding="utf-8")
    result = runner.invoke(args=["drafts", "parse", str(tmp_path / "amend.txt")])
    assert result.exit_code != 0 and "修正案或修改决定草案（2 处修改）" in result.output


corpus = pytest.mark.skipif(not CORPUS.exists(), reason="shared corpus not available")


@corpus
def test_every_instruction_of_three_real_amendments_is_recognised():
    for path in sorted((CORPUS / "amendments").glob("*.txt")):
        instructions = read_amendment(path.read_text(encoding="utf-8-sig"))
        assert instructions and all(i.kind != "unknown" for i in instructions), path.name


@corpus
def test_a_real_amendment_applied_to_the_law_before_it_gives_the_law_after_it():
    after = parse_draft((CORPUS / "regulations/12_xingfa.txt").read_text(encoding="utf-8-sig"))
    instructions = read_amendment((CORPUS / "amendments/xingfa_xiuzhengan_11.txt").read_text(encoding="utf-8-sig"))
    added = {n for i in instructions for n in (i.new_article, *i.new_articles) if n}
    # The law before 修正案（十一）: without its new articles and its new paragraph (its rewritten
    # articles and paragraphs already read as amended, so rewriting them again changes nothing).
    without_articles = parse_draft(_without((CORPUS / "regulations/12_xingfa.txt").read_text("utf-8-sig"), added))
    new_paragraphs = [i for i in instructions if i.kind == "add_paragraph"]
    undo = "\n".join(
        f"{n}、删去{article_number(*i.article)}第{int_to_cn(i.at)}款。" for n, i in enumerate(new_paragraphs, 1)
    )
    before = parse_draft(render(without_articles, apply_amendment(without_articles, read_amendment(undo))))
    assert len(before.articles) == len(after.articles) - len(added)
    result = parse_draft(render(before, apply_amendment(before, instructions)))
    assert [(a.number, a.paragraphs) for a in result.articles] == [(a.number, a.paragraphs) for a in after.articles]


def _without(text: str, numbers: set[tuple[int, int]]) -> str:
    """The text without these articles (every line of each, up to the next article or heading)."""
    labels = tuple(article_number(*n) for n in numbers)
    kept, skipping = [], False
    for line in text.splitlines():
        stripped = line.strip()
        if re.match(r"第[一二三四五六七八九十百零〇]+(?:条|章|节|编)", stripped):
            skipping = stripped.startswith(labels) and re.match(r"第\S+?条(?:之\S+?)?[\s　]", stripped) is not None
            skipping = skipping and stripped.split()[0].rstrip("　") in labels
        if not skipping:
            kept.append(line)
    return "\n".join(kept)


def test_a_new_chapter_is_placed_after_the_one_it_names_and_the_chapters_after_it_renumbered():
    parsed = parse_draft(BASE)
    amendment = (
        "一、在第二章后增加一章，作为第三章：“第三章　河长制\n“第九条　市、区人民政府应当建立河长制。\n"
        "“第十条　河长名单应当向社会公布。”\n二、此外，对条文顺序和章节顺序作相应调整。"
    )
    result = parse_draft(render(parsed, apply_amendment(parsed, read_amendment(amendment))))
    chapters = [(a.number, a.chapter, a.chapter_title) for a in result.articles]
    assert chapters[8:11] == [
        ("第九条", "第三章", "河长制"),
        ("第十条", "第三章", "河长制"),
        ("第十一条", "第四章", "法律责任"),
    ]
    assert result.articles[-1].number == "第十三条"


def test_a_new_section_without_renumbering_must_not_reuse_an_article_number():
    parsed = parse_draft(BASE)
    with pytest.raises(AmendmentError) as refused:
        apply_amendment(
            parsed, read_amendment("一、增加一节，作为第二章第二节：“第二节　岸线\n“第七条　岸线应当保护。”")
        )
    assert "重复" in refused.value.refusals[0].reason
    ok = apply_amendment(
        parsed, read_amendment("一、增加一节，作为第二章第二节：“第二节　岸线\n“第八条之一　岸线应当保护。”")
    )
    added = next(a for a in ok if a.number == (8, 1))
    assert added.place[2:] == ("第二章", "整治与保护", "第二节", "岸线")


def test_renumbering_keeps_references_between_articles_true_and_leaves_other_laws_alone():
    amendment = (
        "一、增加一条，作为第五条：“河道保护实行河长制。”\n"
        "二、将第十条修改为：“违反《中华人民共和国水法》第三十条和本条例第六条规定的，依法处理。”\n"
        "三、此外，对条文顺序作相应调整。"
    )
    after = amended(amendment)
    assert after["第十条"].startswith("违反本条例第七条规定的")  # the old 第九条, pointing at the old 第六条
    assert after["第十一条"] == "违反《中华人民共和国水法》第三十条和本条例第七条规定的，依法处理。"
