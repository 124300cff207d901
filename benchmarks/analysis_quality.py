"""Quality of consult.analysis against the naive pipeline, side by side.

    python benchmarks/analysis_quality.py [--tnews PATH]

Naive: jieba.lcut, TfidfVectorizer (defaults) on space-joined tokens, KMeans told
the true k. Ours: ``analyse`` choosing k itself (scope "draft"), and told the
true k. Sets: CLUE TNEWS dev headlines (read from the shared corpus, never
copied), a 2,000-item stratified sample of it, and our generated comments about
parks and rivers. Also: copy detection on the parks set and the proposal-kind
signal on the hand-labelled set in data/proposal_kinds.jsonl, comments making two points (see
points_quality.py). Then stance toward the article on the
shared stance dev set (see stance_quality.py).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import warnings
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import points_quality  # noqa: E402
import stance_quality  # noqa: E402
from analysis_corpus import labelled_comments  # noqa: E402
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score  # noqa: E402

from consult.analysis import CommentInput, analyse, classify_proposal  # noqa: E402

TNEWS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "tnews_dev.jsonl"


def naive(texts: list[str], k: int) -> list[int]:
    """The baseline every figure is compared with."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import jieba
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = [" ".join(jieba.lcut(t)) for t in texts]
    return list(KMeans(k, random_state=0).fit_predict(TfidfVectorizer().fit_transform(docs)))


def ours(rows: list[dict], k: int | None) -> tuple[list[int], int]:
    result = analyse([CommentInput(r["id"], r["text"]) for r in rows], k=k, scope="draft")
    return [result.assignments[r["id"]] for r in rows], len(result.themes)


def score_line(name: str, rows: list[dict]) -> None:
    truth = [r["label"] for r in rows]
    k = len(set(truth))
    runs = [
        ("naive, true k", lambda: (naive([r["text"] for r in rows], k), k)),
        ("ours, own k", lambda: ours(rows, None)),
        ("ours, true k", lambda: ours(rows, k)),
    ]
    for label, run in runs:
        start = time.perf_counter()
        pred, found = run()
        print(
            f"{name:22} {label:14} k={found:3d}  NMI {normalized_mutual_info_score(truth, pred):.3f}"
            f"  ARI {adjusted_rand_score(truth, pred):.3f}  ({time.perf_counter() - start:.1f}s)"
        )


def stratified(rows: list[dict], n: int, seed: int = 0) -> list[dict]:
    by_label = defaultdict(list)
    for r in rows:
        by_label[r["label"]].append(r)
    rng, share = random.Random(seed), n / len(rows)
    return [r for group in by_label.values() for r in rng.sample(group, max(1, round(len(group) * share)))]


def copies_report(rows: list[dict]) -> None:
    """Campaign copies found, and whether anything else was merged."""
    from consult.analysis.dedup import SHINGLE
    from consult.analysis.normalize import normalize_text, skeleton

    result = analyse([CommentInput(r["id"], r["text"]) for r in rows])
    rep = {r["id"]: result.duplicate_of.get(r["id"], r["id"]) for r in rows}
    by_id = {r["id"]: r for r in rows}
    campaign_rows = [r for r in rows if r["campaign"] is not None]
    main_rep = {
        c: Counter(rep[r["id"]] for r in campaign_rows if r["campaign"] == c).most_common(1)[0][0]
        for c in {r["campaign"] for r in campaign_rows}
    }
    found = sum(rep[r["id"]] == main_rep[r["campaign"]] for r in campaign_rows)
    mixed = [g for g in result.duplicate_groups if len({by_id[i]["campaign"] for i in g.member_ids}) > 1]

    def shingles(text):
        s = skeleton(normalize_text(text))
        return {s[i : i + SHINGLE] for i in range(len(s) - SHINGLE + 1)}

    organic = [
        (by_id[i], by_id[g.representative_id])
        for g in result.duplicate_groups
        for i in g.member_ids
        if by_id[i]["campaign"] is None
        and i != g.representative_id
        and skeleton(normalize_text(by_id[i]["text"])) != skeleton(normalize_text(by_id[g.representative_id]["text"]))
    ]
    jac = [
        len(shingles(a["text"]) & shingles(b["text"])) / max(1, len(shingles(a["text"]) | shingles(b["text"])))
        for a, b in organic
    ]
    print(
        f"copies: {found}/{len(campaign_rows)} campaign copies joined to their campaign's group; "
        f"{len(mixed)} groups mix campaigns with other text; {len(organic)} non-campaign comments merged as "
        f"near-copies (true shingle Jaccard with their representative: "
        f"min {min(jac, default=0):.2f}, mean {sum(jac) / max(1, len(jac)):.2f}; they share sentences)"
    )


def kinds_report() -> None:
    rows = [
        json.loads(line) for line in (Path(__file__).parent / "data" / "proposal_kinds.jsonl").open(encoding="utf-8")
    ]
    confusion = Counter((r["kind"], classify_proposal(r["text"]).value) for r in rows)
    right = sum(n for (truth, pred), n in confusion.items() if truth == pred)
    print(f"proposal kinds: accuracy {right}/{len(rows)} = {right / len(rows):.2f}")
    for kind in sorted({r["kind"] for r in rows}):
        total = sum(n for (t, _), n in confusion.items() if t == kind)
        predicted = sum(n for (_, p), n in confusion.items() if p == kind)
        print(
            f"    {kind:9} recall {confusion[(kind, kind)] / total:.2f}  precision "
            f"{confusion[(kind, kind)] / max(1, predicted):.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tnews", type=Path, default=TNEWS)
    args = parser.parse_args()
    parks = labelled_comments()
    if args.tnews.exists():
        tnews = [json.loads(line) for line in args.tnews.open(encoding="utf-8")]
        score_line("tnews (4,928)", tnews)
        score_line("tnews sample (2,000)", stratified(tnews, 2000))
    else:
        print(f"({args.tnews} not found: TNEWS skipped)")
    score_line(f"parks & rivers ({len(parks)})", parks)
    copies_report(parks)
    points_quality.report(parks)
    kinds_report()
    if stance_quality.STANCE_DIR.exists():
        stance_quality.report(stance_quality.STANCE_DIR)


if __name__ == "__main__":
    main()
