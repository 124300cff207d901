"""Server-drawn SVG charts: well-formed, accessible, escaped, CSP-safe and deterministic."""

import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest

from consult.digests.charts import FONT, bar_chart, heat_strip, timeline

NS = {"svg": "http://www.w3.org/2000/svg"}
HOSTILE = '<script>alert("x")</script> & 第十二条'


def parse(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    return root


def bars(root):
    return [r for r in root.iter("{http://www.w3.org/2000/svg}rect") if r.get("class") == "bar"]


def all_charts():
    return [
        bar_chart([("第一条", 3), (HOSTILE, 5)], title=HOSTILE, unit="条"),
        bar_chart([], title=HOSTILE, empty_text="暂无<数据>"),
        heat_strip([("第一条", 0, None), (HOSTILE, 4, "/a?b=1&c=<2>")], title=HOSTILE),
        heat_strip([], title=HOSTILE),
        timeline([(date(2026, 11, 1), 3), (date(2026, 11, 4), 9)], title=HOSTILE),
        timeline([], title=HOSTILE),
    ]


@pytest.mark.parametrize("svg", all_charts())
def test_every_chart_is_accessible_csp_safe_and_escaped(svg):
    root = parse(svg)
    assert root.get("role") in ("img", "group")
    assert root.get("viewBox", "").startswith("0 0 ")
    assert root.get("font-family") == FONT
    title = root.find("svg:title", NS)
    assert title is not None and title.text == HOSTILE
    assert root.find("svg:desc", NS) is not None and root.find("svg:desc", NS).text
    labelled = root.get("aria-labelledby").split()
    assert labelled == [title.get("id"), root.find("svg:desc", NS).get("id")]
    assert "style=" not in svg
    assert "<script" not in svg
    assert "&lt;script&gt;" in svg and "&amp;" in svg


def test_bar_count_is_capped_at_max_rows_and_keeps_order():
    rows = [(f"区{i}", 100 - i) for i in range(20)]
    root = parse(bar_chart(rows, title="t", max_rows=15))
    assert len(bars(root)) == 15
    labels = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text") if t.get("text-anchor") == "end"]
    assert labels == [f"区{i}" for i in range(15)]
    assert len(bars(parse(bar_chart(rows[:4], title="t")))) == 4


def test_bar_widths_are_proportional_to_values_and_values_are_shown():
    root = parse(bar_chart([("a", 10), ("b", 5), ("c", 0), ("d", 2)], title="t", unit="条"))
    widths = [float(b.get("width")) for b in bars(root)]
    assert widths[1] == pytest.approx(widths[0] / 2, abs=0.1)
    assert widths[2] == 0
    assert widths[3] == pytest.approx(widths[0] / 5, abs=0.1)
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert {"10条", "5条", "0条", "2条"} <= set(texts)


def test_bars_stay_inside_the_viewbox():
    root = parse(bar_chart([("很长的标签" * 3, 99999), ("b", 1)], title="t", unit="条"))
    width = float(root.get("viewBox").split()[2])
    for bar in bars(root):
        assert float(bar.get("x")) > 0 and float(bar.get("x")) + float(bar.get("width")) < width


def test_long_label_is_truncated_with_ellipsis():
    label = "关于公园开放时间和夜间照明以及宠物管理的综合性意见" * 2
    root = parse(bar_chart([(label, 1)], title="t"))
    shown = next(t.text for t in root.iter("{http://www.w3.org/2000/svg}text") if t.get("text-anchor") == "end")
    assert shown.endswith("…") and len(shown) < len(label)
    assert label.startswith(shown[:-1])


def test_empty_bar_chart_says_the_empty_text():
    root = parse(bar_chart([], title="按区分布", empty_text="暂无数据"))
    assert not bars(root)
    assert [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")] == ["暂无数据"]


def test_control_characters_in_labels_do_not_break_the_xml():
    parse(bar_chart([("a\x00b\x1f\ud800c", 1)], title="t\x0b"))
    parse(heat_strip([("a\x08", 1, "/x\x01")], title="t"))


def test_heat_strip_shades_by_count_and_links_cells():
    cells = [("第一条", 0, None), ("第二条", 1, "/drafts/1#a2"), ("第三条", 100, "/drafts/1?x=1&y=2")]
    svg = heat_strip(cells, title="热度")
    root = parse(svg)
    links = root.findall("svg:a", NS)
    assert [a.get("href") for a in links] == ["/drafts/1#a2", "/drafts/1?x=1&y=2"]
    assert root.get("role") == "group"  # links inside an img would be hidden from screen readers
    titles = [t.text for t in root.iter("{http://www.w3.org/2000/svg}title")][1:]
    assert titles == ["第一条: 0", "第二条: 1", "第三条: 100"]
    fills = [r.get("fill") for r in root.iter("{http://www.w3.org/2000/svg}rect")]
    assert len(set(fills)) == 3 and fills[0] == "#f1f5f9" and fills[2] == "#1e3a8a"
    counts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]
    assert counts == ["0", "1", "100"]


def test_heat_strip_without_links_is_an_image_and_drops_script_urls():
    root = parse(heat_strip([("a", 1, "javascript:alert(1)"), ("b", 2, None)], title="t"))
    assert root.get("role") == "img"
    assert root.findall("svg:a", NS) == []


def test_heat_strip_wraps_rows():
    root = parse(heat_strip([(str(i), i, None) for i in range(45)], title="t", per_row=20))
    assert root.get("viewBox").split()[3] == "90"  # three rows of 30


def test_timeline_fills_gaps_and_marks_the_maximum():
    root = parse(timeline([(date(2026, 11, 3), 2), (date(2026, 11, 1), 7), (date(2026, 11, 1), 1)], title="t"))
    days = [r for r in root.iter("{http://www.w3.org/2000/svg}rect") if r.get("class") == "day"]
    assert [d.find("svg:title", NS).text for d in days] == ["2026-11-01: 8", "2026-11-02: 0", "2026-11-03: 2"]
    heights = [float(d.get("height")) for d in days]
    assert heights[1] == 0 and heights[2] == pytest.approx(heights[0] / 4, abs=0.1)
    assert "8" in [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")]


def test_timeline_thins_date_labels_so_they_never_overlap():
    points = [(date(2026, 1, 1) + timedelta(d), d % 7) for d in range(365)]
    root = parse(timeline(points, title="t"))
    ticks = [t for t in root.iter("{http://www.w3.org/2000/svg}text") if t.get("class") == "tick"]
    xs = [float(t.get("x")) for t in ticks]
    width = float(root.get("viewBox").split()[2])
    assert 3 <= len(ticks) < 20
    assert all(b - a >= 5 * 5.5 for a, b in zip(xs, xs[1:]))  # five digits of a 10px font
    assert all(x + 14 <= width for x in xs)


def test_timeline_with_one_day_or_none_renders():
    one = parse(timeline([(date(2026, 11, 1), 4)], title="t"))
    days = [r for r in one.iter("{http://www.w3.org/2000/svg}rect") if r.get("class") == "day"]
    assert len(days) == 1 and float(days[0].get("width")) <= 48
    zero = parse(timeline([(date(2026, 11, 1), 0)], title="t"))
    assert float(next(r for r in zero.iter("{http://www.w3.org/2000/svg}rect")).get("height")) == 0
    empty = parse(timeline([], title="t", empty_text="无"))
    assert [t.text for t in empty.iter("{http://www.w3.org/2000/svg}text")] == ["无"]


def test_timeline_across_years_shows_the_year():
    root = parse(timeline([(date(2026, 12, 31), 1), (date(2027, 1, 1), 2)], title="t"))
    ticks = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text") if t.get("class") == "tick"]
    assert ticks[0] == "2026-12-31"


def test_output_is_deterministic_and_ids_differ_between_charts():
    first, again = all_charts(), all_charts()
    assert first == again
    ids = [re.search(r'id="(t-[0-9a-f]+)"', svg).group(1) for svg in first]
    assert len(set(ids)) == len(ids)
