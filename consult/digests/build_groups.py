"""The articles' groupings of a build: which processes do them, in what order, and which a stopped
build already did (parts.py)."""

from __future__ import annotations

import time
from collections.abc import Callable

from flask import current_app

from consult.analysis import Analysis, CommentInput
from consult.analysis.pipeline import analyse_each
from consult.analysis.workers import Workers, default_workers
from consult.digests import gather, parts
from consult.digests.liveness import progress

# How much of an article's grouping is done at the end of each stage of the analysis (measured on an
# article of 27k comments whose cuts were stored at submission); while reading, its share by the
# comments read.
READ_SHARE = 0.4
STAGE_SHARES = {"read": READ_SHARE, "copies": 0.44, "vectors": 0.8, "clusters": 0.94, "themes": 1.0}
WRITE_EVERY = 2.0  # seconds: often enough to watch, rarely enough to cost nothing


def analyse_articles(
    build: tuple[int, int],
    pool: Workers,
    afresh: list[tuple[int | None, list[gather.Row]]],
    common: frozenset[str],
    meanwhile: Callable[[], None] | None = None,
) -> dict[int | None, Analysis]:
    """Each article's comments to group afresh, analysed (the biggest first, so that the processes
    finish together; words used across the draft and one-character words left out) or taken up
    from a build that was stopped after grouping them (see parts.py). ``build`` is (build id,
    consultation id); ``meanwhile`` is the build's own work done while the workers group."""
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
    tracker = GroupingProgress(build_id, sum(len(rest) for _, rest in afresh), [len(rest) for _, rest, _, _ in todo])
    for position, analysis in analyse_each(groups, pool, tracker.hear, meanwhile):
        article_id, _rest, _, key = todo[position]
        parts.save(consultation_id, key, analysis)
        found[article_id] = analysis
        tracker.finished(position)
    return found


class GroupingProgress:
    """The build's progress while its articles are grouped, from 10 to 85 %, by comments (one article
    may hold a quarter of them), an article still being grouped counted by how far it has gone: its
    reading, chunk by chunk, then each later stage. Written every few seconds at most."""

    def __init__(self, build_id: int, total: int, sizes: list[int]):
        self.build_id, self.total, self.sizes = build_id, max(1, total), sizes
        self.done = total - sum(sizes)  # taken up from a stopped build
        self.going: dict[int, float] = {}  # position → share of it done
        self.ended: set[int] = set()  # news of theirs may still arrive, late: it is old
        self.written_at = 0.0

    def hear(self, news: tuple[int, str, int]) -> None:
        position, stage, read = news
        if not 0 <= position < len(self.sizes) or position in self.ended:
            return
        share = READ_SHARE * read / max(1, self.sizes[position]) if stage == "reading" else STAGE_SHARES.get(stage, 0)
        self.going[position] = max(share, self.going.get(position, 0.0))
        self._write(force=False)

    def finished(self, position: int) -> None:
        self.ended.add(position)
        self.going.pop(position, None)
        self.done += self.sizes[position]
        self._write(force=True)

    def _write(self, force: bool) -> None:
        if not force and time.monotonic() - self.written_at < WRITE_EVERY:
            return
        self.written_at = time.monotonic()
        grouped = self.done + sum(self.sizes[p] * share for p, share in self.going.items())
        progress(self.build_id, 10 + int(75 * grouped / self.total), "grouping")


def build_workers(comments: int) -> Workers:
    """Processes for the articles' analyses: several for a big consultation, none for a small one.
    Started as a fork server's children: this job worker runs threads, which a fork would copy mid-lock."""
    config = current_app.config
    if comments < config["DIGEST_PARALLEL_FROM"]:
        return Workers(1)
    return Workers(config["DIGEST_WORKERS"] or default_workers(), start="forkserver")


def _inputs(rows: list[gather.Row]) -> list[CommentInput]:
    return [CommentInput(r.id, r.text, r.tokens, r.cut) for r in rows]
