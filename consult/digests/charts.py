"""Server-drawn SVG charts for digests: readable without JavaScript, in print and by screen readers.

Pure: strings and numbers in, an SVG string out; no i18n (callers pass translated text).
The site's Content-Security-Policy forbids inline styles, so everything is drawn with SVG
presentation attributes. Output is deterministic so pages and snapshots stay cacheable.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections.abc import Sequence
from datetime import date, timedelta
from xml.sax.saxutils import escape

FONT = "Noto Sans CJK SC, PingFang SC, Microsoft YaHei, sans-serif"
WIDTH = 640
# Drawn for a phone's content width, so text keeps its size instead of shrinking to fit.
NARROW = 340
TEXT = "#1f2937"  # 14.7:1 on white
MUTED = "#4b5563"  # 7.6:1 on white, for axes and empty messages
BAR = "#1d4ed8"
# Sequential blues, light to dark; the count drawn on a cell switches to white from step 3
# so it keeps at least 4.5:1 against every fill.
PALETTE = ("#f1f5f9", "#bfdbfe", "#60a5fa", "#2563eb", "#1e3a8a")
_ON_PALETTE = (TEXT, TEXT, TEXT, "#ffffff", "#ffffff")
# Characters XML 1.0 forbids; labels are user content and a stray one would break the page.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SAFE_HREF = re.compile(r"^(?:https?://|/|#|\?|\.)|^[^:]*$", re.IGNORECASE)


def _esc(text: object) -> str:
    return escape(_XML_ILLEGAL.sub("", str(text)), {'"': "&quot;"})


def _num(x: float) -> str:
    """Round coordinates so output is compact and identical across platforms."""
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _width(text: str) -> int:
    """Display width in half-em units: wide characters count twice, and so do ambiguous ones
    (…, “, ①) because the CJK fonts we ask for draw them full-width."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WFA" else 1 for ch in text)


def _truncate(text: str, max_units: int) -> str:
    text = " ".join(_XML_ILLEGAL.sub("", text).split())
    if _width(text) <= max_units:
        return text
    out, used = [], 1  # one unit kept for the ellipsis
    for ch in text:
        used += _width(ch)
        if used > max_units:
            break
        out.append(ch)
    return "".join(out) + "…"


def _svg(
    kind: str, height: float, title: str, desc: str, body: list[str], role: str = "img", width: int = WIDTH
) -> str:
    # Ids are derived from the kind and content so different charts on one page do not
    # collide and the output stays byte-identical for identical input.
    key = hashlib.sha1("\x1f".join([kind, str(width), title, desc, *body]).encode("utf-8", "replace")).hexdigest()[:10]
    return "".join(
        [
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {_num(height)}" width="100%"',
            f' role="{role}" aria-labelledby="t-{key} d-{key}" font-family="{FONT}" font-size="13" fill="{TEXT}">',
            f'<title id="t-{key}">{_esc(title)}</title><desc id="d-{key}">{_esc(desc)}</desc>',
            *body,
            "</svg>",
        ]
    )


def _empty(kind: str, title: str, desc: str | None, empty_text: str, width: int) -> str:
    body = [f'<text x="{width // 2}" y="28" text-anchor="middle" fill="{MUTED}">{_esc(empty_text)}</text>']
    return _svg(kind, 44, title, desc or empty_text, body, width=width)


def bar_chart(
    rows: Sequence[tuple[str, int]],
    *,
    title: str,
    max_rows: int = 15,
    unit: str = "",
    empty_text: str = "—",
    desc: str | None = None,
    width: int = WIDTH,
) -> str:
    """Horizontal bars, label on the left and value at the bar end, in the order given.

    Only the first ``max_rows`` rows are drawn (callers sort). ``desc`` defaults to a
    "label: value" listing of the drawn rows for screen readers.
    """
    shown = [(str(label), max(int(value), 0)) for label, value in rows[: max(max_rows, 0)]]
    if not shown:
        return _empty("bar", title, desc, empty_text, width)
    labels = [_truncate(label, 24 if width >= WIDTH else 12) for label, _ in shown]
    label_w = max(_width(label) for label in labels) * 7 + 12
    values = [f"{value}{unit}" for _, value in shown]
    bar_area = width - label_w - (max(_width(v) for v in values) * 7 + 12)
    top = max(value for _, value in shown) or 1
    row_h, bar_h, pad = 26, 18, 6
    body = []
    for i, (label, (_, value), shown_value) in enumerate(zip(labels, shown, values)):
        y = pad + i * row_h
        bar_w = bar_area * value / top
        body.append(
            f'<g><text x="{_num(label_w - 8)}" y="{_num(y + bar_h - 4)}" text-anchor="end">{_esc(label)}</text>'
            f'<rect class="bar" x="{_num(label_w)}" y="{y}" width="{_num(bar_w)}" height="{bar_h}" fill="{BAR}"/>'
            f'<text x="{_num(label_w + bar_w + 5)}" y="{_num(y + bar_h - 4)}">{_esc(shown_value)}</text></g>'
        )
    default_desc = "; ".join(f"{label}: {value}" for (label, _), value in zip(shown, values))
    return _svg("bar", pad * 2 + len(shown) * row_h, title, desc or default_desc, body, width=width)


def _step(count: int, top: int) -> int:
    """Palette step 0-4; zero stays lightest. Square-root scale because comment counts are
    heavy-tailed: a linear scale would paint all but the top article the same pale shade."""
    if count <= 0 or top <= 0:
        return 0
    return 1 + min(3, int(math.sqrt(count / top) * 4))


def heat_strip(
    cells: Sequence[tuple[str, int, str | None]],
    *,
    title: str,
    per_row: int = 20,
    empty_text: str = "—",
    desc: str | None = None,
    width: int = WIDTH,
) -> str:
    """One small cell per article, shaded by comment count, wrapping every ``per_row`` cells.

    Each cell shows its count and carries "label: count" in its own ``<title>``; cells with
    an href become links. With links inside, the root role is ``group`` rather than ``img``:
    ARIA makes an image's children presentational, which would hide the links.
    """
    if not cells:
        return _empty("heat", title, desc, empty_text, width)
    per_row = max(per_row, 1)
    size, gap = width / per_row, 2
    top = max(max(int(count), 0) for _, count, _ in cells)
    body = []
    for i, (label, count, href) in enumerate(cells):
        count = max(int(count), 0)
        x, y = (i % per_row) * size, (i // per_row) * 30
        step = _step(count, top)
        cell = (
            f"<title>{_esc(label)}: {count}</title>"
            f'<rect x="{_num(x)}" y="{y}" width="{_num(size - gap)}" height="28" fill="{PALETTE[step]}"/>'
            f'<text x="{_num(x + (size - gap) / 2)}" y="{y + 18}" text-anchor="middle" font-size="11"'
            f' fill="{_ON_PALETTE[step]}">{count}</text>'
        )
        if href and _SAFE_HREF.match(href.strip()):
            body.append(f'<a href="{_esc(href.strip())}">{cell}</a>')
        else:
            body.append(f"<g>{cell}</g>")
    rows = math.ceil(len(cells) / per_row)
    has_links = any("<a href" in part for part in body)
    default_desc = "; ".join(f"{label}: {max(int(count), 0)}" for label, count, _ in cells)
    role = "group" if has_links else "img"
    return _svg("heat", rows * 30, title, desc or default_desc, body, role=role, width=width)


def _daily(points: Sequence[tuple[date, int]]) -> list[tuple[date, int]]:
    """Sum duplicates and fill missing days with zero so the x axis is linear in time."""
    totals: dict[date, int] = {}
    for day, count in points:
        totals[day] = totals.get(day, 0) + max(int(count), 0)
    first, last = min(totals), max(totals)
    return [(first + timedelta(d), totals.get(first + timedelta(d), 0)) for d in range((last - first).days + 1)]


def _y_axis(left: float, plot_top: float, base: float, top: int, width: int) -> list[str]:
    """Baseline with 0 and a light gridline with the maximum: enough to read every column."""
    label = f'text-anchor="end" font-size="10" fill="{MUTED}"'
    return [
        f'<line x1="{_num(left)}" y1="{base}" x2="{width - 8}" y2="{base}" stroke="{MUTED}"/>',
        f'<line x1="{_num(left)}" y1="{plot_top}" x2="{width - 8}" y2="{plot_top}" stroke="#d1d5db"/>',
        f'<text x="{_num(left - 4)}" y="{plot_top + 4}" {label}>{top}</text>',
        f'<text x="{_num(left - 4)}" y="{base}" {label}>0</text>',
    ]


def timeline(
    points: Sequence[tuple[date, int]],
    *,
    title: str,
    empty_text: str = "—",
    desc: str | None = None,
    width: int = WIDTH,
) -> str:
    """Submissions per day as columns, with thinned date labels and the maximum on the y axis."""
    if not points:
        return _empty("timeline", title, desc, empty_text, width)
    days = _daily(points)
    multi_year = days[0][0].year != days[-1][0].year
    fmt = "%Y-%m-%d" if multi_year else "%m-%d"
    top = max(count for _, count in days)
    left, plot_top, plot_h, axis_h = max(40, 8 + _width(str(top)) * 6 + 8), 10, 140, 22
    plot_w = width - left - 8
    # Columns stay narrow for short periods so one day does not become a full-width slab.
    col_w = min(plot_w / len(days), 48)
    label_w = _width(days[0][0].strftime(fmt)) * 5.5 + 10  # 10px font, plus a gap
    every = max(1, math.ceil(label_w / col_w))
    base = plot_top + plot_h
    body = _y_axis(left, plot_top, base, top, width)
    for i, (day, count) in enumerate(days):
        x = left + i * col_w
        h = plot_h * count / top if top else 0
        body.append(
            f'<rect class="day" x="{_num(x + 1)}" y="{_num(base - h)}" width="{_num(max(col_w - 2, 1))}"'
            f' height="{_num(h)}" fill="{BAR}"><title>{day.isoformat()}: {count}</title></rect>'
        )
        if i % every == 0 and x + col_w / 2 + label_w / 2 <= width:  # never clipped at the edge
            body.append(
                f'<text class="tick" x="{_num(x + col_w / 2)}" y="{base + 15}" text-anchor="middle"'
                f' font-size="10" fill="{MUTED}">{day.strftime(fmt)}</text>'
            )
    default_desc = "; ".join(f"{day.isoformat()}: {count}" for day, count in days if count)
    return _svg("timeline", base + axis_h, title, desc or default_desc or empty_text, body, width=width)
