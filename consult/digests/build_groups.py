"""The articles' groupings of a build: which processes do them, in what order, and which a stopped
build already did (parts.py)."""

from __future__ import annotations

from flask import current_app

from consult.analysis import Analysis, CommentInput
from consult.analysis.pipeline import analyse_each
from consult.analysis.workers import Workers, default_workers
from consult.digests import gather, parts
from consult.digests.liveness import progress


def analyse_articles(
    build: tuple[int, int], pool: Workers, afresh: list[tuple[int | None, list[gather.Row]]], common: frozenset[str]
) -> dict[int | None, Analysis]:
    """Each article's comments to group afresh, analysed (the biggest first, so that the processes
    finish together; words used across the draft and one-character words left out) or taken up
    from a build that was stopped after grouping them (see parts.py). ``build`` is (build id,
    consultation id)."""
    build_id, consultation_id = build
    found: dict[int | None, Analysis] = {}
    todo = []
    for i in sorted(range(len(afresh)), key=lambda i: -len(afresh[i][1])):
        article_id, rest = afresh[i]
        scope = "draft" if article_id is None else "article"
        key = parts.fingerprint((row.id for row in rest), scope, common)
        kept = parts.load(consultation_id, key) if rest else Analysis((), (), {}, {})
        if kept is None:
            todo.append((article_id, rest, scope, key))
        else:
            found[article_id] = kept
    chunk = current_app.config["ANALYSIS_CHUNK"]
    groups = [(_inputs(rest), scope, common, 2, chunk) for _, rest, scope, _ in todo]
    total = sum(len(rest) for _, rest in afresh)
    done = total - sum(len(rest) for _, rest, _, _ in todo)  # taken up from a stopped build
    for position, analysis in analyse_each(groups, pool):
        article_id, rest, _, key = todo[position]
        parts.save(consultation_id, key, analysis)
        found[article_id] = analysis
        done += len(rest)  # by comments, not articles: one article may hold a quarter of them
        progress(build_id, 10 + int(75 * done / max(1, total)), "grouping")
    return found


def build_workers(comments: int) -> Workers:
    """Processes for the articles' analyses: several for a big consultation, none for a small one.
    Started as a fork server's children: this job worker runs threads, which a fork would copy mid-lock."""
    config = current_app.config
    if comments < config["DIGEST_PARALLEL_FROM"]:
        return Workers(1)
    return Workers(config["DIGEST_WORKERS"] or default_workers(), start="forkserver")


def _inputs(rows: list[gather.Row]) -> list[CommentInput]:
    return [CommentInput(r.id, r.text, r.tokens) for r in rows]
