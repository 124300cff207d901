"""Building a digest: the one slow function behind the job queue.

Everything is read and computed first; the results are written in one transaction at the end, so
readers keep the last good digest while a build runs, and a failed build changes nothing.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any, cast

import sqlalchemy as sa
from flask import current_app
from threadpoolctl import threadpool_limits

from consult.analysis import Analysis, classify_proposal, find_article_refs
from consult.analysis.assign import assign_to_groups
from consult.analysis.heap import collection_paused
from consult.db import refresh_statistics, rows_changed, utcnow
from consult.digests import gather, parts, tallies
from consult.digests.build_groups import analyse_articles, build_workers
from consult.digests.build_state import BuildState
from consult.digests.build_write import replace_members, writing
from consult.digests.liveness import Heartbeat, progress
from consult.digests.models import DigestBuild, Theme
from consult.digests.stats import digest_stats
from consult.drafts.models import Consultation
from consult.drafts.numerals import parse_article_number
from consult.drafts.queries import load_structure
from consult.extensions import db
from consult.logs import safe_error_text
from consult.timezones import city_zone

# A build of this many comments rewrites enough rows that the planner must hear of it at once.
ANALYSE_FROM = 10_000
REWRITTEN = ("theme_members", "theme_mentions", "comment_references", "themes")
UNSORTED = ""  # auto_label of the theme holding comments with no words to group by


def run_build(build_id: int) -> None:
    """Run a queued build. Claimed atomically, so a task delivered twice runs once; a heartbeat
    shows it is alive while it runs (see liveness.py)."""
    now = utcnow()
    with db.engine.begin() as connection:
        claimed = connection.execute(
            sa.update(DigestBuild)
            .where(DigestBuild.id == build_id, DigestBuild.state == "queued")
            .values(state="running", progress=1, stage="reading", started_at=now, heartbeat_at=now)
        ).rowcount
    if claimed != 1:
        return
    consultation_id = db.session.get_one(DigestBuild, build_id).consultation_id
    db.session.rollback()
    with Heartbeat(db.engine, build_id, current_app.config["DIGEST_HEARTBEAT_SECONDS"]):
        try:
            with collection_paused():
                _build(build_id, consultation_id)
        except Exception as error:  # a failed build must leave the last good digest untouched
            db.session.rollback()
            current_app.logger.exception("digest build %s failed", build_id)
            progress(build_id, 100, "failed", state="failed", error=safe_error_text(error)[:2000], finished_at=utcnow())


def _build(build_id: int, consultation_id: int) -> None:
    consultation = db.session.get_one(Consultation, consultation_id)
    # One BLAS/OpenMP thread: an article's fits are small, and threads spinning at every barrier cost
    # more than they save (100k comments on 2 cores: 21 s with two threads when idle, 90 s beside other
    # work, 15 s with one). The result then no longer depends on how many cores the worker has.
    total = gather.comment_count(consultation_id)
    with threadpool_limits(limits=1), build_workers(total) as pool:
        pool.warm()  # the worker processes start while the comments are read
        rows = gather.comment_rows(
            consultation_id, lambda read: progress(build_id, 1 + 7 * read // max(1, total), "reading")
        )
        progress(build_id, 9, "reading")
        state = BuildState.load(consultation_id)
        by_article: dict[int | None, list[gather.Row]] = defaultdict(list)
        common = frozenset(_common_tokens(rows))
        for row in rows:
            if row.state != "rejected":
                by_article[row.article_id].append(row)
        articles = sorted(by_article.items(), key=lambda i: i[0] or 0)
        afresh = [(article_id, _place_known(state, article_id, listed, common)) for article_id, listed in articles]
        progress(build_id, 10, "grouping")
        side: dict[str, Any] = {}  # what needs no grouping, worked out while the workers group

        def meanwhile() -> None:
            side["stats"], side["references"] = digest_stats(rows, city_zone()), _references(consultation, rows)

        found = analyse_articles((build_id, consultation_id), pool, afresh, common, meanwhile)
    for article_id, rest in afresh:
        _group_afresh(state, article_id, rest, found[article_id])
    progress(build_id, 86, "writing")
    _write(build_id, state, side["references"], side["stats"], rows)


def _common_tokens(rows: list[gather.Row], share: float = 0.4) -> set[str]:
    """Words used under a large share of the draft's articles (公园 in a park regulation): they say
    nothing about what sets one theme apart. Counted per article, so one campaign cannot make its
    own words look common."""
    stored: dict[int | None, list[str]] = defaultdict(list)
    for row in rows:
        stored[row.article_id].append(row.tokens)
    # Each article's words as one set: one join and split per article (the tokens are stored joined).
    busy = [set(" ".join(tokens).split()) for tokens in stored.values() if len(tokens) >= 3]
    if len(busy) < 5:
        return set()
    spread = Counter(token for tokens in busy for token in tokens)
    return {token for token, n in spread.items() if n >= share * len(busy)}


def _place_known(
    state: BuildState, article_id: int | None, rows: list[gather.Row], common: frozenset[str]
) -> list[gather.Row]:
    """Place this article's comments that need no fresh grouping: pinned stay, new ones join shaped
    themes when close enough. Returns the rest, to be grouped afresh."""
    free = []
    for row in rows:
        if row.id in state.pinned:
            state.place(row.id, state.stored[state.pinned[row.id]], _kind(row))
        else:
            free.append(row)
    shaped = state.live_stored(article_id, shaped=True)
    if not shaped:
        return free
    words = {row.id: tuple(t for t in row.tokens.split() if len(t) > 1 and t not in common) for row in rows}
    groups = {tid: [words[c] for c in state.previous.get(tid, ()) if c in words] for tid in shaped}
    sits_in = {c: tid for tid in shaped for c in state.previous.get(tid, ())}
    joined = assign_to_groups(groups, [words[row.id] for row in free], current=[sits_in.get(row.id) for row in free])
    rest = []
    for row, (theme_id, fit) in zip(free, joined):
        if theme_id is None:
            rest.append(row)
        else:
            state.place(row.id, state.stored[theme_id], _kind(row), fit=fit)
    return rest


def _kind(row: gather.Row) -> str:
    return classify_proposal(row.text, normalized=True).value


def _group_afresh(state: BuildState, article_id: int | None, rows: list[gather.Row], analysis: Analysis) -> None:
    """Themes for comments no shaped theme took (``analysis`` of them); a fresh group keeps the id
    of an old unshaped theme it mostly matches, so links and answers to it stay."""
    if not rows:
        return
    old_free = {tid: state.previous.get(tid, set()) for tid in state.live_stored(article_id, shaped=False)}
    kinds = cast(dict[int, str], analysis.kinds)
    duplicate_of = cast(dict[int, int], analysis.duplicate_of)  # the ids given to analyse are comment ids
    targets: dict[int, Theme] = {}
    for theme in analysis.themes:
        member_ids = cast(tuple[int, ...], theme.member_ids)
        target = targets[theme.index] = _reuse(set(member_ids), old_free, state) or state.new_theme(article_id)
        old_free.pop(target.id, None)
        target.auto_label, target.keywords = theme.label, list(theme.keywords)
        target.representative_ids, target.position = list(theme.representative_ids), theme.index
        for comment_id in member_ids:
            state.place(
                comment_id, target, kinds[comment_id], duplicate_of.get(comment_id), analysis.fit.get(comment_id)
            )
    for comment_id, others in cast(dict[int, dict[int, float]], analysis.also).items():
        for index, fit in others.items():
            state.mention(comment_id, targets[index], fit)
    unsorted = [r.id for r in rows if analysis.assignments.get(r.id, -1) == -1]
    if unsorted:
        target = _reuse(set(unsorted), old_free, state) or state.new_theme(article_id)
        target.auto_label, target.keywords, target.position = UNSORTED, [], 10_000
        for comment_id in unsorted:
            state.place(comment_id, target, kinds[comment_id], fit=0.0)  # grouped by nothing: always held


def _reuse(members: set[int], candidates: dict[int, set[int]], state: BuildState) -> Theme | None:
    best, best_score = None, 0.5
    for theme_id, old in candidates.items():
        score = len(members & old) / max(1, len(members | old))
        if score >= best_score:
            best, best_score = theme_id, score
    return state.stored[best] if best is not None else None


def _references(consultation: Consultation, rows: list[gather.Row]) -> list[tuple[int, int]]:
    """(comment, article) for each article a comment names, other than the one it is filed under."""
    by_number = {parse_article_number(a.number): a.article_id for a in load_structure(consultation.version_id).articles}
    found = set()
    for row in rows:
        if row.state == "rejected" or "条" not in row.text:
            continue
        for ref in find_article_refs(row.text, normalized=True):
            article_id = by_number.get((ref.ordinal, ref.sub))
            if article_id is not None and article_id != row.article_id:
                found.add((row.id, article_id))
    return sorted(found)


def _write(build_id: int, state: BuildState, references, stats: dict, rows: list[gather.Row]) -> None:
    """The build's result in one transaction, and only if the build is still the running one."""
    db.session.add_all(state.fresh)
    db.session.flush()
    replace_members(build_id, state, references)
    parts.forget(state.consultation_id)
    writing(build_id, 95)
    members = state.members()
    for theme in state.themes():
        theme.take_members(members.get(theme.id, []))
    db.session.flush()
    tallies.recount_consultation(state.consultation_id)
    writing(build_id, 98)
    done = {
        "state": "done",
        "progress": 100,
        "stage": "done",
        "finished_at": utcnow(),
        "stats": stats,
        "comment_count": len(rows),
        "last_comment_id": max((row.id for row in rows), default=0),
    }
    finished = db.session.execute(
        sa.update(DigestBuild)
        .where(DigestBuild.id == build_id, DigestBuild.state == "running")
        .values(**done)
        .execution_options(synchronize_session=False)
    )
    if rows_changed(finished) != 1:  # declared lost meanwhile and retried: the retry writes the digest
        db.session.rollback()
        current_app.logger.warning("digest build %s was declared lost; its result is dropped", build_id)
        return
    db.session.commit()
    if len(rows) >= ANALYSE_FROM:
        refresh_statistics(db.session, REWRITTEN)
        db.session.commit()
