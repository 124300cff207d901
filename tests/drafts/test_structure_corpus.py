"""The parser against four real published texts and their hand-checked ground truth.

The corpus lives outside the project (../shared/corpus); these tests skip when it is absent.
"""

from __future__ import annotations

import json
from itertools import groupby
from pathlib import Path

import pytest

from consult.drafts.structure import ParsedArticle, parse_draft

CORPUS = Path(__file__).parents[2].parent / "shared/corpus"
REGULATIONS = CORPUS / "regulations"
NAMES = ["03_beijing_gongyuan", "05_luoyang_gongyuan_guangchang", "10_paimaifa", "12_xingfa"]


@pytest.fixture(scope="module", params=NAMES)
def case(request):
    source = REGULATIONS / f"{request.param}.txt"
    if not source.exists():
        pytest.skip(f"corpus not available at {REGULATIONS}")
    truth = json.loads(source.with_suffix(".truth.json").read_text(encoding="utf-8"))
    # Read bytes and decode like the importer would leave it: the BOM stays for the parser to drop.
    return truth, parse_draft(source.read_bytes().decode("utf-8"))


def _span(articles: list[ParsedArticle]) -> list[str]:
    return [articles[0].number, articles[-1].number]


def _chapters(parsed) -> list[dict]:
    out = []
    key = lambda a: (a.part, a.chapter, a.chapter_title)  # noqa: E731
    for (part, number, title), group in groupby(parsed.articles, key=key):
        group = list(group)
        if number is None and title is None:
            continue  # articles before the first chapter
        sections = [
            {"number": s, "title": t, "articles": _span(list(g))}
            for (s, t), g in groupby(group, key=lambda a: (a.section, a.section_title))
            if s is not None
        ]
        out.append({"number": number, "title": title, "part": part, "sections": sections, "articles": _span(group)})
    return out


def test_title(case):
    truth, parsed = case
    assert parsed.title == truth["title"]


def test_article_count(case):
    truth, parsed = case
    assert len(parsed.articles) == truth["article_count"]


def test_every_article_number_paragraphs_and_items(case):
    truth, parsed = case
    got = [(a.number, len(a.paragraphs), sum(len(p.items) for p in a.paragraphs)) for a in parsed.articles]
    expected = [(a["number"], a["paragraphs"], a["items"]) for a in truth["articles"]]
    assert got == expected


def test_chapters_and_sections(case):
    truth, parsed = case
    got = _chapters(parsed)
    expected = [
        {
            "number": c["number"],
            "title": c["title"],
            "part": c.get("part"),
            "sections": c["sections"],
            "articles": c["articles"],
        }
        for c in truth["chapters"]
    ]
    assert got == expected


def test_chapter_headings_match_truth(case):
    truth, parsed = case
    chapters = [(h.number, h.title) for h in parsed.headings if h.level == "chapter"]
    assert chapters == [(c["number"], c["title"]) for c in truth["chapters"]]


def test_parts(case):
    truth, parsed = case
    parts = [
        {"number": number, "title": title, "articles": _span(list(group))}
        for (number, title), group in groupby(parsed.articles, key=lambda a: (a.part, a.part_title))
        if number is not None
    ]
    assert parts == truth.get("parts", [])


def test_annexes_are_not_articles(case):
    truth, parsed = case
    assert [a.title for a in parsed.annexes] == truth.get("annexes", [])
    for annex in parsed.annexes:
        assert annex.text


def test_toc(case):
    truth, parsed = case
    assert len(parsed.toc) == truth.get("toc_lines", 0)


def test_no_text_is_orphaned(case):
    _, parsed = case
    assert [w for w in parsed.warnings if w.kind in ("orphan_text", "no_articles", "numbering_gap")] == []


def test_normalised_labels_are_unique_and_increasing(case):
    _, parsed = case
    keys = [(a.ordinal, a.sub_ordinal) for a in parsed.articles]
    assert keys == sorted(set(keys))


@pytest.mark.parametrize("joiner", ["", " "])
def test_lost_line_breaks_keep_title_articles_and_chapters(case, joiner):
    truth, parsed = case
    source = REGULATIONS / f"{truth['source_file'].split('.')[0]}.txt"
    flat = source.read_bytes().decode("utf-8").replace("\r\n", "\n").replace("\n", joiner)
    reparsed = parse_draft(flat)
    assert reparsed.title == truth["title"]
    assert [a.number for a in reparsed.articles] == [a["number"] for a in truth["articles"]]
    assert [c for c in _chapters(reparsed)] == [c for c in _chapters(parsed)]
