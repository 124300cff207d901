"""Stance toward the article on the dev set: F_avg with no tags, 20 random tags, 20 asked for; timing.

    python benchmarks/stance_quality.py [--stance-dir ../shared/corpus/stance]

F_avg = (F1 support + F1 oppose) / 2, the NLPCC measure, over every comment of the set (tagged ones
included: a drafter sees them too). Reference points from the corpus README on the same set: always
"oppose" 0.27; character TF-IDF + logistic regression on 20 random tags 0.48. Also the time to label
10,000 comments of one article: the comment space, built by each refresh (after a build or a tag), and the
spreading of 20 tags over it.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

from sklearn.metrics import f1_score

from consult.analysis import stance
from consult.analysis.tokenizer import default_tokenizer

STANCE_DIR = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "stance"


def f_avg(truth: list[str], predicted: list[str]) -> float:
    support, oppose = f1_score(truth, predicted, labels=["support", "oppose"], average=None)
    return float(support + oppose) / 2


def _predicted(texts, tags, tokens) -> list[str]:
    return [g.stance for g in stance.predict(texts, tags, tokens)]


def report(folder: Path, seeds: int = 10) -> None:
    for path in sorted(folder.glob("*.jsonl")):
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        texts, truth = [r["text"] for r in rows], [r["stance"] for r in rows]
        tokens = default_tokenizer().tokens_many([stance.clean(t) for t in texts], normalized=True)
        print(f"stance, {path.stem} ({len(rows)} comments)")
        print(f"    no tags                  F_avg {f_avg(truth, _predicted(texts, {}, tokens)):.3f}")
        runs = []
        for seed in range(seeds):
            picked = random.Random(seed).sample(range(len(texts)), 20)
            runs.append(f_avg(truth, _predicted(texts, {i: truth[i] for i in picked}, tokens)))
        print(
            f"    20 random tags           F_avg {statistics.mean(runs):.3f} "
            f"(min {min(runs):.3f}, max {max(runs):.3f}, {seeds} draws)"
        )
        asked = stance.ask(texts, {}, 20, tokens)
        print(
            f"    20 asked for             F_avg {f_avg(truth, _predicted(texts, {i: truth[i] for i in asked}, tokens)):.3f}"
        )
        tags = {i: truth[i] for i in stance.ask(texts, {}, 10, tokens)}
        tags.update({i: truth[i] for i in stance.ask(texts, tags, 10, tokens)})
        print(f"    10 asked, then 10 more   F_avg {f_avg(truth, _predicted(texts, tags, tokens)):.3f}")
        timing(texts, truth, tokens)


def timing(texts: list[str], truth: list[str], tokens, size: int = 10_000) -> None:
    """One article with `size` comments: the comment space, then spreading 20 tags."""
    repeat = size // len(texts) + 1
    big = [f"{t} {i}" for i in range(repeat) for t in texts][:size]
    big_tokens = [list(t) for _ in range(repeat) for t in tokens][:size]
    tags = {i: truth[i] for i in range(20)}
    started = time.perf_counter()
    space = stance.comment_space(big, big_tokens)
    built = time.perf_counter() - started
    started = time.perf_counter()
    stance.predict(big, tags, space=space)
    spread = time.perf_counter() - started
    print(f"    {size:,} comments: space {built:.2f} s (each refresh), spreading 20 tags {spread:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--stance-dir", type=Path, default=STANCE_DIR)
    args = parser.parse_args()
    if not args.stance_dir.exists():
        print(f"({args.stance_dir} not found: stance skipped)")
        return
    report(args.stance_dir)


if __name__ == "__main__":
    sys.exit(main())
