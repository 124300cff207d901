"""Plain rows handed to the yearly report (.docx) and the lists (.xlsx), so neither touches the database.
Every string is already what the reader sees (labels translated, dates written out)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from consult.suggestions.figures import Dashboard


@dataclass(frozen=True)
class KeyRow:
    """One 重点督办 suggestion."""

    number: int
    title: str
    unit: str
    supervisor: str
    state: str
    due: str


@dataclass(frozen=True)
class OverdueRow:
    number: int
    title: str
    unit: str
    due: str
    days: int  # days past the deadline


@dataclass(frozen=True)
class YearReport:
    title: str  # 2026 年代表建议办理情况报告
    subtitle: str  # who, and the day the figures were taken
    author: str
    remind_days: int
    dashboard: Dashboard
    key: tuple[KeyRow, ...]
    overdue: tuple[OverdueRow, ...]


@dataclass(frozen=True)
class ListRow:
    """One assigned suggestion: a row of 建议交办清单 and of 办理结果."""

    number: int
    title: str
    deputy: str  # 领衔代表
    cosigners: str  # 附议代表 who confirmed, "、"-joined
    category: str
    lead_unit: str
    co_units: str
    assigned: date | None  # in the city's calendar
    due: date | None
    state: str
    key: str  # 是 / 否
    supervisor: str
    answer_category: str  # of the latest answer: A / B / C, or ""
    answered: date | None
    rounds: int  # 办理次数
    rating: str  # the latest 代表评判, or ""


@dataclass(frozen=True)
class Lists:
    title: str
    author: str
    rows: tuple[ListRow, ...]
