"""Layouts real drafts arrive in, each shown by a small invented text (tests/drafts/fixtures)."""

from __future__ import annotations

from pathlib import Path

import pytest

from consult.drafts.structure import WARNING_KINDS, Paragraph, parse_draft

FIXTURES = Path(__file__).parent / "fixtures"


def fixture(name: str) -> str:
    return (FIXTURES / name).read_bytes().decode("utf-8")


def kinds(parsed) -> list[str]:
    return [w.kind for w in parsed.warnings]


def numbers(parsed) -> list[str]:
    return [a.number for a in parsed.articles]


def test_inline_items_are_split_into_items():
    parsed = parse_draft("某市条例\n第五条 禁止下列行为：（一）攀折花木；（二）损坏设施；（三）乱扔垃圾。")
    (paragraph,) = parsed.articles[0].paragraphs
    assert paragraph.text == "禁止下列行为："
    assert paragraph.items == ("（一）攀折花木；", "（二）损坏设施；", "（三）乱扔垃圾。")
    assert "inline_items_split" in kinds(parsed)


def test_item_cross_reference_is_not_split():
    text = "某市条例\n第一条 违反本条例第十条第一款第（三）项规定的，依照本条第二款第（一）项处理。"
    paragraph = parse_draft(text).articles[0].paragraphs[0]
    assert paragraph.items == ()
    assert paragraph.text.endswith("第（一）项处理。")


def test_text_after_inline_items_is_a_further_paragraph():
    parsed = parse_draft("某市条例\n第一条 禁止：（一）甲；（二）乙。违反前款规定的，处以罚款。")
    paragraphs = parsed.articles[0].paragraphs
    assert [p.text for p in paragraphs] == ["禁止：", "违反前款规定的，处以罚款。"]
    assert paragraphs[0].items == ("（一）甲；", "（二）乙。")


def test_lost_line_breaks_are_restored_at_sentence_boundaries():
    parsed = parse_draft(fixture("one_line.txt"))
    assert parsed.title == "青川市湖泊保护条例（征求意见稿）"
    assert numbers(parsed) == ["第一条", "第二条", "第三条", "第四条"]
    assert [(a.chapter, a.chapter_title) for a in parsed.articles] == [
        ("第一章", "总则"),
        ("第一章", "总则"),
        ("第二章", "保护措施"),
        ("第二章", "保护措施"),
    ]
    assert "依照本条例第十二条规定划定的保护范围" in parsed.articles[1].paragraphs[0].text
    assert len(parsed.articles[2].paragraphs[0].items) == 3
    assert "articles_split" in kinds(parsed)


def test_whole_draft_glued_without_spaces():
    parsed = parse_draft("某市条例第一章总则第一条为了管理，制定本条例。第二条本条例适用于本市。")
    assert parsed.title == "某市条例"
    assert numbers(parsed) == ["第一条", "第二条"]
    assert parsed.articles[0].chapter_title == "总则"


def test_cross_reference_after_full_stop_does_not_start_an_article():
    text = "某市条例\n第一条 甲。第五条规定的事项除外。\n第二条 乙。"
    parsed = parse_draft(text)
    assert numbers(parsed) == ["第一条", "第二条"]
    assert parsed.articles[0].paragraphs[0].text == "甲。第五条规定的事项除外。"


def test_wrapped_cross_reference_at_line_start_stays_in_its_article():
    text = "某市条例\n第一条 本条例适用于本市行政区域。违反本条例\n第三条规定的，依法处理。\n第二条 乙。"
    parsed = parse_draft(text)
    assert numbers(parsed) == ["第一条", "第二条"]
    assert parsed.articles[0].paragraphs[0].text == "本条例适用于本市行政区域。违反本条例第三条规定的，依法处理。"


def test_web_page_header_and_footer_are_kept_out_of_the_articles():
    parsed = parse_draft(fixture("web_page.txt"))
    assert parsed.title == "青川市社区花园条例（草案）"
    assert numbers(parsed) == ["第一条", "第二条", "第三条", "第四条"]
    assert parsed.preamble[0].startswith("关于公开征求")
    chrome = [w.text for w in parsed.warnings if w.kind == "web_chrome"]
    assert any("发布时间" in t for t in chrome) and any("关闭窗口" in t for t in chrome)
    last = parsed.articles[-1]
    assert last.paragraphs[0].text == "本条例自2025年3月1日起施行。" and len(last.paragraphs) == 1
    assert [a.title for a in parsed.annexes] == ["附件：青川市首批社区花园名录"]
    assert "打印本页" not in parsed.annexes[0].text


def test_wrapped_chapter_title_is_joined():
    parsed = parse_draft("某市条例\n第一章 公园的规划\n与建设管理\n第一条 甲。")
    assert parsed.headings[0].title == "公园的规划与建设管理"
    assert parsed.articles[0].chapter_title == "公园的规划与建设管理"
    assert "heading_wrapped" in kinds(parsed)


def test_chapter_number_alone_takes_its_title_from_the_next_line():
    parsed = parse_draft("某市条例\n第一章\n总　　则\n第一条 甲。")
    assert (parsed.headings[0].number, parsed.headings[0].title) == ("第一章", "总则")
    assert len(parsed.articles[0].paragraphs) == 1


def test_article_numbers_with_or_without_space():
    parsed = parse_draft("某市条例\n第一条为了管理，制定本条例。\n第二条　乙。\n第三条 丙。\n第 四 条 丁。")
    assert numbers(parsed) == ["第一条", "第二条", "第三条", "第四条"]
    assert parsed.articles[0].paragraphs[0].text == "为了管理，制定本条例。"


def test_arabic_and_full_width_numbers_are_normalised():
    parsed = parse_draft("某市条例\n第1条 甲。\n第２条 乙。\n第3条之1 丙。")
    assert numbers(parsed) == ["第一条", "第二条", "第三条之一"]
    assert [a.label for a in parsed.articles] == ["第1条", "第２条", "第3条之1"]
    assert [(a.ordinal, a.sub_ordinal) for a in parsed.articles] == [(1, 0), (2, 0), (3, 1)]


def test_hundreds_and_sub_articles():
    text = "某法\n第一百条 甲。\n第一百零一条 乙。\n第一百零一条之一 丙。\n第一百零二条 丁。"
    parsed = parse_draft(text)
    assert [(a.ordinal, a.sub_ordinal) for a in parsed.articles] == [(100, 0), (101, 0), (101, 1), (102, 0)]


def test_articles_before_the_first_chapter_have_no_chapter():
    parsed = parse_draft("某市条例\n第一条 甲。\n第二章 管理\n第二条 乙。")
    assert [(a.chapter, a.chapter_title) for a in parsed.articles] == [(None, None), ("第二章", "管理")]


def test_numbering_gaps_repeats_and_reversals_are_warned():
    parsed = parse_draft("某市条例\n第一条 甲。\n第二条 乙。\n第二条 丙。\n第五条 丁。\n第四条 戊。")
    assert numbers(parsed) == ["第一条", "第二条", "第二条", "第五条", "第四条"]
    found = [(w.kind, w.line, w.detail.get("found")) for w in parsed.warnings]
    assert found == [
        ("numbering_repeat", 4, "第二条"),
        ("numbering_gap", 5, "第五条"),
        ("numbering_order", 6, "第四条"),
    ]
    assert str(parsed.warnings[1]) == "第5行：条文编号不连续，应为第三条，实为第五条"


def test_toc_with_marker_bom_and_crlf():
    parsed = parse_draft(fixture("toc_crlf.txt"))
    assert parsed.title == "青川市古树名木保护办法"
    assert parsed.preamble == ("（2023年12月1日青川市人民政府第五次常务会议通过）",)
    assert len(parsed.toc) == 5
    assert numbers(parsed) == ["第一条", "第二条", "第三条", "第三条之一", "第四条", "第五条"]
    assert [(a.section, a.section_title) for a in parsed.articles][2:5] == [
        ("第一节", "认定"),
        ("第一节", "认定"),
        ("第二节", "养护"),
    ]
    assert parsed.articles[0].line == 14
    assert "toc_skipped" in kinds(parsed)


def test_toc_without_marker_is_recognised_by_the_repeated_heading():
    text = "某市条例\n第一章 总则……1\n第二章 管理……3\n第一章 总则\n第一条 甲。\n第二章 管理\n第二条 乙。"
    parsed = parse_draft(text)
    assert parsed.toc == ("第一章 总则……1", "第二章 管理……3")
    assert [h.title for h in parsed.headings] == ["总则", "管理"]


def test_parts_chapters_sections_and_an_unnumbered_closing_chapter():
    text = (
        "某法\n第一编 总则\n第一章 一般规定\n第一节 定义\n第一条 甲。\n第二编 分则\n"
        "第一章 具体规定\n第二条 乙。\n附　　则\n第三条 丙。"
    )
    parsed = parse_draft(text)
    contexts = [(a.part, a.chapter, a.chapter_title, a.section) for a in parsed.articles]
    assert contexts == [
        ("第一编", "第一章", "一般规定", "第一节"),
        ("第二编", "第一章", "具体规定", None),
        (None, None, "附则", None),
    ]


def test_annexes_after_the_last_article_are_not_articles():
    text = "某市条例\n第一条 甲。\n附件一\n第一条 附件里的编号\n1．名录\n附件二\n清单"
    parsed = parse_draft(text)
    assert numbers(parsed) == ["第一条"]
    assert [(a.title, a.text) for a in parsed.annexes] == [
        ("附件一", "第一条 附件里的编号\n1．名录"),
        ("附件二", "清单"),
    ]


def test_article_headings_in_brackets_or_after_the_number():
    text = (
        "某市条例\n第一条【立法目的】为了管理，制定本条例。\n第二条（适用范围）\n本条例适用于本市。\n"
        "第三条 基本原则\n公园管理遵循公益原则。"
    )
    parsed = parse_draft(text)
    assert [a.heading for a in parsed.articles] == ["立法目的", "适用范围", "基本原则"]
    assert [len(a.paragraphs) for a in parsed.articles] == [1, 1, 1]
    assert parsed.articles[1].paragraphs[0].text == "本条例适用于本市。"
    assert parsed.articles[0].label == "第一条【立法目的】"


def test_items_sub_items_and_a_closing_paragraph():
    text = "某市条例\n第一条 禁止下列行为：\n（一）甲；\n1．子目一\n2．子目二\n(二)乙。\n有前款行为的，予以劝阻。"
    paragraphs = parse_draft(text).articles[0].paragraphs
    assert [p.text for p in paragraphs] == ["禁止下列行为：", "有前款行为的，予以劝阻。"]
    assert paragraphs[0].items == ("（一）甲；\n1．子目一\n2．子目二", "(二)乙。")


def test_orphan_text_after_a_heading_is_kept_in_a_warning():
    parsed = parse_draft("某市条例\n第一章 总则\n本章说明文字。\n第一条 甲。")
    (orphan,) = [w for w in parsed.warnings if w.kind == "orphan_text"]
    assert (orphan.line, orphan.text) == (3, "本章说明文字。")


def test_title_argument_and_draft_note_on_its_own_line():
    assert parse_draft("某市条例\n（草案）\n第一条 甲。").title == "某市条例（草案）"
    parsed = parse_draft("某市条例\n说明\n第一条 甲。", title="另一个标题")
    assert parsed.title == "另一个标题"
    assert parsed.preamble == ("某市条例", "说明")


@pytest.mark.parametrize("text", ["", "   \n\u3000\n", "一段说明文字，没有条文。"])
def test_empty_and_article_less_texts_warn_no_articles(text):
    parsed = parse_draft(text)
    assert parsed.articles == ()
    assert kinds(parsed) == ["no_articles"]


@pytest.mark.parametrize(
    "text",
    [
        *(fixture(n) for n in ("web_page.txt", "one_line.txt", "toc_crlf.txt")),
        "某市条例\n第一章 总则\n说明。\n第一章 公园的规划\n与建设管理\n第三条 甲。\n第三条 乙。",
    ],
)
def test_every_emitted_warning_kind_is_documented(text):
    for warning in parse_draft(text).warnings:
        assert warning.kind in WARNING_KINDS
        assert str(warning)


def test_positions_keep_document_order_when_lines_repeat():
    parsed = parse_draft(fixture("one_line.txt"))
    events = sorted(
        [(h.position, h.title) for h in parsed.headings] + [(a.position, a.number) for a in parsed.articles]
    )
    assert [e[1] for e in events] == ["总则", "第一条", "第二条", "保护措施", "第三条", "第四条"]


def test_to_json_has_exactly_the_documented_shape():
    data = parse_draft(fixture("toc_crlf.txt")).to_json()
    assert set(data) == {"title", "articles", "warnings"}
    article = data["articles"][0]
    assert set(article) == {"number", "part", "chapter", "chapter_title", "section", "section_title", "paragraphs"}
    assert article["paragraphs"] == [{"text": "为了加强古树名木保护，制定本办法。", "items": []}]
    assert all(isinstance(w, str) for w in data["warnings"])


def test_hard_wrapped_pdf_text_and_page_numbers():
    text = (
        "青川市养犬管理条例（草案）\n第一条（目的和依据）\n为了规范养犬行为，保障公民健康和人身安全，根据有关法律，制定\n"
        "本条例。\n— 1 —\n第二条 本条例自2025年1月1日起施行。"
    )
    parsed = parse_draft(text)
    assert numbers(parsed) == ["第一条", "第二条"]
    assert parsed.articles[0].paragraphs == (
        Paragraph("为了规范养犬行为，保障公民健康和人身安全，根据有关法律，制定本条例。"),
    )
    assert [(w.kind, w.text) for w in parsed.warnings] == [("web_chrome", "— 1 —")]


def test_deleted_article_keeps_its_bracket_as_text():
    parsed = parse_draft("某市条例\n第一条 甲。\n第二条（删除）\n第三条 丙。")
    deleted = parsed.articles[1]
    assert (deleted.heading, deleted.label, deleted.paragraphs) == (None, "第二条", (Paragraph("（删除）"),))


def test_items_numbered_with_enumeration_comma():
    parsed = parse_draft("某市条例\n第一条 养犬人不得有下列行为：\n一、携犬进入商场；\n二、放任犬只扰民。")
    assert parsed.articles[0].paragraphs[0].items == ("一、携犬进入商场；", "二、放任犬只扰民。")


def test_drafting_notes_after_the_text_are_not_part_of_the_last_article():
    text = "某市条例（草案）\n第一条 甲。\n关于《某市条例（草案）》的说明\n各位委员：\n一、立法必要性"
    parsed = parse_draft(text)
    assert parsed.articles[-1].paragraphs == (Paragraph("甲。"),)
    assert parsed.annexes[0].title == "关于《某市条例（草案）》的说明"
    assert parsed.annexes[0].text == "各位委员：\n一、立法必要性"


def test_a_false_footer_does_not_swallow_the_following_articles():
    parsed = parse_draft("某市条例\n第一条 甲。\n打印本页\n第二条 乙。\n第三条 丙。\n关闭窗口\n版权所有")
    assert numbers(parsed) == ["第一条", "第二条", "第三条"]
    assert [w.text for w in parsed.warnings if w.kind == "web_chrome"] == ["打印本页", "关闭窗口\n版权所有"]


def test_paragraph_that_starts_like_a_page_label_is_not_chrome():
    parsed = parse_draft("某市条例\n第一条 甲。\n编辑出版物应当遵守本条例。\n第二条 乙。")
    assert [p.text for p in parsed.articles[0].paragraphs] == ["甲。", "编辑出版物应当遵守本条例。"]


def test_a_line_of_several_items_belongs_to_the_paragraph_above():
    parsed = parse_draft("某市条例\n第一条 禁止下列行为：\n（一）攀折花木；（二）损坏设施。\n违反前款的，予以劝阻。")
    paragraphs = parsed.articles[0].paragraphs
    assert [(p.text, len(p.items)) for p in paragraphs] == [("禁止下列行为：", 2), ("违反前款的，予以劝阻。", 0)]


def test_an_article_mentioning_page_furniture_is_still_an_article():
    parsed = parse_draft("某市条例\n第一条 网站应当办理ICP备案，并在页面设置打印本页功能。\n第二条 乙。")
    assert numbers(parsed) == ["第一条", "第二条"]
    assert not [w for w in parsed.warnings if w.kind == "web_chrome"]
