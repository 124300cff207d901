"""Properties of parse_draft on generated texts: it never raises and never drops a character."""

from __future__ import annotations

import ast
import sys
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consult.drafts.structure import INVISIBLE, parse_draft

FRAGMENTS = [
    "某市公园条例",
    "（草案）",
    "目　　录",
    "第一编 总则",
    "第二编",
    "第一章　总　　则",
    "第二章 规划",
    "与建设",
    "第一节 定义",
    "附则",
    "附　　则",
    "第一条",
    "第二条 ",
    "第三条　",
    "第十二条之一",
    "第一百零一条",
    "第12条",
    "第１条",
    "第三条【适用范围】",
    "第四条（定义）",
    "为了管理，制定本条例。",
    "依照本条例第十二条规定",
    "违反本条第一款第（三）项",
    "禁止下列行为：",
    "（一）攀折花木；",
    "（二）损坏设施。",
    "(三)",
    "1．目一",
    "①",
    "附件一",
    "附：名录",
    "首页 > 立法",
    "来源：人大",
    "打印本页",
    "关闭窗口",
    "分享到",
    "2024年1月1日通过",
    "。",
    "；",
    "：",
    " ",
    "\u3000",
    "\n",
    "\r\n",
    "\r",
    "\ufeff",
    "\t",
    "第",
    "条",
    "章",
    "之",
    "一",
    "十",
    "百",
    "零",
]

texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=40).map("".join)


def _non_blank(text: str) -> Counter:
    return Counter(c for c in text if not c.isspace() and c not in INVISIBLE)


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_parse_never_raises_and_never_drops_a_character(text):
    parsed = parse_draft(text)
    held = Counter(c for s in parsed.all_text() for c in s)
    assert not _non_blank(text) - held


@settings(max_examples=100, deadline=None)
@given(texts, st.text(max_size=10))
def test_given_title_keeps_every_character_too(text, title):
    parsed = parse_draft(text, title=title)
    held = Counter(c for s in parsed.all_text() for c in s)
    assert not _non_blank(text) - held


@settings(max_examples=150, deadline=None)
@given(texts)
def test_output_is_well_formed(text):
    parsed = parse_draft(text)
    data = parsed.to_json()
    assert set(data) == {"title", "articles", "warnings"}
    assert len(data["articles"]) == len(parsed.articles)
    for article in parsed.articles:
        assert article.number.startswith("第") and "条" in article.number
        assert article.paragraphs
    assert all(str(w) for w in parsed.warnings)
    assert bool(parsed.articles) != any(w.kind == "no_articles" for w in parsed.warnings)


PURE_MODULES = [
    "structure.py",
    "numerals.py",
    "importers.py",
    "docx_lines.py",
    "converters.py",
    "sandbox.py",
    "pdf_lines.py",
    "radicals.py",
    *(f"versions/{p.name}" for p in (Path(__file__).parents[2] / "consult/drafts/versions").glob("*.py")),
    *(f"parsing/{p.name}" for p in (Path(__file__).parents[2] / "consult/drafts/parsing").glob("*.py")),
]
ALLOWED = (
    "consult.drafts.numerals",
    "consult.drafts.parsing",
    "consult.drafts.structure",
    "consult.drafts.docx_lines",
    "consult.drafts.converters",
    "consult.drafts.sandbox",
    "consult.drafts.radicals",
    "docx",
    "pdfplumber",
    "pdfminer",
    "consult.drafts.versions",
    "numpy",
    "sklearn",
)


def test_parser_and_importers_import_nothing_from_the_web_layer():
    root = Path(__file__).parents[2] / "consult/drafts"
    for name in PURE_MODULES:
        tree = ast.parse((root / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                modules = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                modules = [node.module or ""]
            else:
                continue
            for module in modules:
                assert module.split(".")[0] in sys.stdlib_module_names or module.startswith(ALLOWED), (
                    f"{name} imports {module}"
                )
