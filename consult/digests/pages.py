"""View models of the digest pages: charts, rankings and article summaries from the last build."""

from __future__ import annotations

from datetime import date

from flask import url_for
from flask_babel import gettext as _

from consult.comments.labels import ROLE_LABELS
from consult.digests import charts, mentions, queries, rounds, stance_queries
from consult.drafts.queries import load_structure


def _both(draw, data, *, narrow: dict | None = None, **options) -> dict[str, str]:
    """A chart drawn twice: for wide screens, and for a phone's width so its text stays readable
    (the page's CSS shows one of them)."""
    return {"wide": draw(data, **options), "narrow": draw(data, **options, **(narrow or {}), width=charts.NARROW)}


def _draft_charts(consultation, structure, stats: dict, ranking) -> dict[str, dict[str, str]]:
    per_article = stats.get("articles", {})
    heat = [
        (
            a.number,
            per_article.get(str(a.article_id), {}).get("total", 0),
            url_for("digests_admin.article", consultation_id=consultation.id, article_id=a.article_id),
        )
        for a in structure.articles
    ]
    days = [(date.fromisoformat(day), n) for day, n in stats.get("days", [])]
    none = _("暂无意见")
    districts = [(d or _("未填写"), n) for d, n in stats.get("districts", [])]
    roles = [(str(ROLE_LABELS.get(r, r)), n) for r, n in stats.get("roles", [])]
    return {
        "heat": _both(charts.heat_strip, heat, title=_("各条意见数量"), narrow={"per_row": 8}),
        "ranking": _both(
            charts.bar_chart, [(a.number, n) for a, n in ranking if n], title=_("最受关注的条文"), empty_text=none
        ),
        "district": _both(charts.bar_chart, districts, title=_("按所在区"), empty_text=none),
        "role": _both(charts.bar_chart, roles, title=_("按提出者身份"), empty_text=none),
        "timeline": _both(charts.timeline, days, title=_("每日提交的意见"), empty_text=none),
    }


def draft_overview(consultation, build) -> dict:
    structure = load_structure(consultation.version_id)
    stats = build.stats if build else {}
    per_article = stats.get("articles", {})
    ranking = sorted(
        ((a, per_article.get(str(a.article_id), {}).get("total", 0)) for a in structure.articles),
        key=lambda pair: -pair[1],
    )
    themes = queries.themes_for(consultation.id, None)
    return {
        "structure": structure,
        "stats": stats,
        "ranking": [(a, n) for a, n in ranking if n][:15],
        "general": per_article.get("general", {}),
        "charts": _draft_charts(consultation, structure, stats, ranking),
        "themes": themes,
        "mention_counts": mentions.counts([v.theme.id for v in themes]),
        "resident_counts": queries.resident_counts([v.theme.id for v in themes]),
        "answered": queries.answered_counts(consultation.id),
        "theme_stances": stance_queries.by_theme_of_article(consultation.id, None),  # the general themes shown
        "article_stances": stance_queries.by_article(consultation.id),
        "round_count": len(rounds.rounds_of(consultation)),
    }


def article_overview(consultation, article, build) -> dict:
    theme_stances = stance_queries.by_theme_of_article(consultation.id, article.article_id)
    stats = (build.stats if build else {}).get("articles", {}).get(str(article.article_id), {})
    themes = queries.themes_for(consultation.id, article.article_id)
    return {
        "counts": stats,
        "themes": themes,
        "mention_counts": mentions.counts([v.theme.id for v in themes]),
        "resident_counts": queries.resident_counts([v.theme.id for v in themes]),
        "references": queries.referencing_comments(article.article_id),
        "article_split": stance_queries.total(theme_stances),
        "theme_stances": theme_stances,
        "tag_next": stance_queries.tag_next(consultation.id, article.article_id),
        "across": rounds.across_rounds(consultation, article.article_id),
    }
