"""Which articles each instruction of an amendment changed, added or deleted: what lets a resident
comment on one instruction and a drafter read those comments beside the article they concern."""

from consult.drafts.numerals import article_number
from consult.drafts.structure import parse_draft
from consult.drafts.versions.apply import amend
from consult.drafts.versions.instructions import read_amendment
from tests.drafts.test_versions import BASE


def _targets(amendment: str) -> dict[int, tuple[list[str], list[str]]]:
    text = amend(parse_draft(BASE), read_amendment(amendment))
    return {
        number: (
            [article_number(*a.number) for a in text.touched[number]],
            [article_number(*a.key) for a in text.removed[number] if a.key],
        )
        for number in text.touched
    }


def test_each_instruction_names_the_articles_it_changed_added_or_deleted():
    found = _targets(
        "一、将第四条修改为：“河道管理实行统一规划、分级负责。”\n"
        "二、在第五条后增加一条，作为第五条之一：“河道整治应当保护河流生态。”\n"
        "三、删去第七条。\n"
        "四、将第九条中的“一万元”修改为“五万元”。\n"
        "五、删去第六条第二项。\n"
        "六、本决定自公布之日起施行。"
    )
    assert found == {
        1: (["第四条"], []),
        2: (["第五条之一"], []),
        3: ([], ["第七条"]),
        4: (["第九条"], []),
        5: (["第六条"], []),
        6: ([], []),
    }


def test_after_renumbering_an_instruction_names_the_article_by_its_new_number():
    found = _targets(
        "一、增加一条，作为第四条：“市、区人民政府应当建立河长制。”\n二、删去第七条。\n三、条文顺序作相应调整。"
    )
    assert found[1] == (["第四条"], [])
    assert found[2] == ([], ["第七条"])
    assert found[3] == ([], [])
