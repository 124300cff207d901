"""The staff list: a unit sees only what it handles (lead or co-unit, asked in SQL), filters, pages of
50, 逾期 / 即将到期 badges, and the same number of queries whatever the number of rows."""

import re
from datetime import timedelta

import pytest
from suggestion_builders import account, cast, cosign, sign_in, suggestion

from consult.db import utcnow
from consult.extensions import db
from consult.suggestions.listing import ListFilters, list_page

from factories import statements


def _numbers(page: str) -> list[int]:
    return [int(n) for n in re.findall(r'<td data-label="编号">(\d+)</td>', page)]


def test_a_unit_lists_what_it_leads_or_co_handles_and_nothing_else(client):
    # Twelve units, so that unit 1 and unit 12 would both match a LIKE '%1%' on the JSON text.
    names = [f"单位{n:02d}" for n in range(1, 13)]
    people = cast(*names)
    first, twelfth = people.unit("单位01"), people.unit("单位12")
    assert (first.id, twelfth.id) == (1, 12)
    led = suggestion(people, "assigned", "单位01", title="一号主办")
    co = suggestion(people, "answered", "单位03", co=("单位01", "单位05"), title="一号协办")
    other = suggestion(people, "assigned", "单位12", co=("单位11",), title="十二号主办")
    suggestion(people, "accepted", title="尚未交办")
    db.session.commit()
    now = utcnow()
    seen = {s.id for s in list_page(people.units["单位01"], ListFilters(), 1, now, now).items}
    assert seen == {led.id, co.id}
    assert {s.id for s in list_page(people.units["单位11"], ListFilters(), 1, now, now).items} == {other.id}
    sign_in(client, people.units["单位01"])
    page = client.get("/staff/suggestions").text
    assert sorted(_numbers(page)) == sorted([led.id, co.id]) and "十二号主办" not in page
    assert other.id not in _numbers(client.get(f"/staff/suggestions?unit={twelfth.id}").text)


def test_a_unit_without_a_department_lists_nothing(client):
    people = cast("市水务局")
    suggestion(people, "assigned", "市水务局")
    loose = account("loose@example.org", "unit")
    now = utcnow()
    assert list_page(loose, ListFilters(), 1, now, now).total == 0


def test_filters_by_state_unit_category_key_and_deadline(client):
    people = cast("市水务局", "市交通局")
    late = suggestion(people, "assigned", "市水务局", title="逾期的", category="城建", key=True, supervisor="主任")
    soon = suggestion(people, "assigned", "市交通局", title="快到期的", co=("市水务局",))
    later = suggestion(people, "assigned", "市交通局", title="还早的", category="城建")
    answered = suggestion(people, "answered", "市交通局", title="答复了的", category="教育")
    late.due_at, soon.due_at = utcnow() - timedelta(days=2), utcnow() + timedelta(days=5)
    db.session.commit()
    sign_in(client, people.clerk)
    water = people.unit("市水务局").id

    def listed(query: str) -> set[int]:
        return set(_numbers(client.get(f"/staff/suggestions?{query}").text))

    assert listed("state=answered") == {answered.id}
    assert listed(f"unit={water}") == {late.id, soon.id}  # lead or co-unit
    assert listed("category=城建") == {late.id, later.id}
    assert listed("category=-") == {soon.id}  # 未分类
    assert listed("key=y") == {late.id}
    assert listed("due=overdue") == {late.id}
    assert listed("due=soon") == {soon.id}
    assert listed("state=bogus&unit=abc") == {late.id, soon.id, later.id, answered.id}  # ignored, not an error
    page = client.get("/staff/suggestions").text
    row_of = {n: row for n, row in zip(_numbers(page), page.split('<td data-label="编号">')[1:])}
    assert "逾期" in row_of[late.id] and "即将到期" in row_of[soon.id]
    assert "逾期" not in row_of[later.id] and "即将到期" not in row_of[later.id]


def test_fifty_a_page_newest_first(client):
    people = cast("市水务局")
    made = [suggestion(people, "submitted", title=f"建议{n}") for n in range(120)]
    db.session.commit()
    sign_in(client, people.clerk)
    first = client.get("/staff/suggestions").text
    assert _numbers(first) == [s.id for s in reversed(made)][:50]
    assert "第 1 页，共 3 页" in first and "page=2" in first
    assert _numbers(client.get("/staff/suggestions?page=3").text) == [s.id for s in reversed(made)][100:]
    assert (
        _numbers(client.get("/staff/suggestions?state=submitted&page=2").text) == [s.id for s in reversed(made)][50:100]
    )


@pytest.mark.parametrize("who", ["clerk", "unit"])
def test_a_page_costs_the_same_queries_whatever_its_rows_show(client, who):
    """Full pages both times (a short first page skips the count): only what the rows show differs."""
    people = cast("市水务局", "市交通局", "市园林局")

    def queries_for_list() -> int:
        with statements() as sent:
            assert client.get("/staff/suggestions").status_code == 200
        return len(sent)

    for n in range(50):
        suggestion(people, "assigned", "市水务局", co=("市交通局",), title=f"建议{n}")
    db.session.commit()
    reader = people.clerk if who == "clerk" else people.units["市交通局"]
    sign_in(client, reader)  # signing in (again, below) loads the reader, outside what is counted
    same_unit = queries_for_list()
    for n in range(50):  # each row now with its own lead unit, category and state
        lead = ("市园林局", "市水务局")[n % 2]
        made = suggestion(people, ("assigned", "answered", "closed")[n % 3], lead, co=("市交通局",), title=f"更多{n}",
                          category=f"类{n % 4}")  # fmt: skip
        made.key = n % 5 == 0
    db.session.commit()
    sign_in(client, reader)
    assert queries_for_list() == same_unit <= 4  # units, categories, the page, its count


def test_a_deputy_lists_their_own_and_those_they_were_named_to_cosign_once_sent(client):
    people = cast("市水务局")
    named = account("named@example.org", "deputy", name="李代表")
    own = suggestion(people, "draft", title="自己的草稿", deputy=named)
    sent = suggestion(people, "submitted", title="已提交的附议建议")
    draft = suggestion(people, "draft", title="还在起草的附议建议")
    stranger = suggestion(people, "submitted", title="与我无关的建议")
    for s in (sent, draft):
        cosign(s, named, None)
    db.session.commit()
    now = utcnow()
    assert {s.id for s in list_page(named, ListFilters(), 1, now, now).items} == {own.id, sent.id}
    sign_in(client, named)
    page = client.get("/staff/suggestions").text
    assert "已提交的附议建议" in page and "还在起草的附议建议" not in page and stranger.title not in page
