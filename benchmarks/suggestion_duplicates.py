"""How well near-duplicate proposals for 并案 find suggestions about the same matter (issue #15):

    .venv/bin/python benchmarks/suggestion_duplicates.py

Printed: on the demo's 160 suggestions (each matter written twice, for two districts) how many pairs
grouping rejoins and how many groups mix matters; on the paraphrased pairs of tests/analysis/test_similar.py
the nearest-neighbour hit rate; on real headlines (../shared/corpus/tnews_dev.jsonl, when present) the
share of grouped pairs that share a topic against chance; and the time to group 1,000 and 5,000 texts.
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections import Counter
from itertools import combinations
from pathlib import Path

import numpy as np

from consult.analysis import similar

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "consult" / "demo" / "data" / "suggestions.json"
TNEWS = ROOT.parent / "shared" / "corpus" / "tnews_dev.jsonl"


def _pairs_in_groups(labels) -> list[tuple[int, int]]:
    members: dict[int, list[int]] = {}
    for position, label in enumerate(labels):
        members.setdefault(int(label), []).append(position)
    return [pair for group in members.values() for pair in combinations(group, 2)]


def demo() -> None:
    data = json.loads(DEMO.read_text(encoding="utf-8"))
    rng = random.Random(7)
    texts, matters = [], []
    for unit in data["units"]:
        for title, problem, proposal in unit["topics"]:
            for place in rng.sample(data["places"], 2):
                texts.append(f"关于{place}{title}的建议 {problem.format(place=place)}{proposal}")
                matters.append(title)
    pairs = _pairs_in_groups(similar.groups(texts))
    right = sum(matters[a] == matters[b] for a, b in pairs)
    print(f"demo: {len(texts)} suggestions, {len(set(matters))} matters written twice")
    print(f"  grouped pairs {len(pairs)}, about one matter {right} ({right / max(len(pairs), 1):.2f})")


def paraphrases() -> None:
    sys.path.insert(0, str(ROOT))
    from tests.analysis.test_similar import TEXTS

    hits = sum(
        bool(found) and found[0][0] == i ^ 1
        for i, found in enumerate(similar.nearest(TEXTS, i, 1) for i in range(len(TEXTS)))
    )
    labels = similar.groups(TEXTS)
    joined = sum(labels[2 * i] == labels[2 * i + 1] for i in range(len(TEXTS) // 2))
    print(f"paraphrased pairs: nearest is the partner {hits}/{len(TEXTS)}, pairs grouped {joined}/{len(TEXTS) // 2}")


def headlines() -> None:
    if not TNEWS.exists():
        print("headlines: ../shared/corpus absent, skipped")
        return
    rows = [json.loads(line) for line in TNEWS.read_text(encoding="utf-8").splitlines()]
    texts, topics = [r["text"] for r in rows], [r["label"] for r in rows]
    pairs = _pairs_in_groups(similar.groups(texts))
    share = np.mean([topics[a] == topics[b] for a, b in pairs])
    counts = np.array(list(Counter(topics).values()))
    chance = float((counts * (counts - 1)).sum() / (len(topics) * (len(topics) - 1)))
    print(f"headlines: {len(texts)} real, {len(pairs)} grouped pairs, same topic {share:.2f} (chance {chance:.2f})")


def speed() -> None:
    data = json.loads(DEMO.read_text(encoding="utf-8"))
    base = [f"{title} {problem.format(place=place)}{proposal}" for unit in data["units"]
            for title, problem, proposal in unit["topics"] for place in data["places"]]  # fmt: skip
    rng = random.Random(1)
    for n in (1_000, 5_000):
        texts = [rng.choice(base) + str(rng.random()) for _ in range(n)]
        started = time.perf_counter()
        similar.groups(texts)
        print(f"grouping {n:,} suggestions: {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    demo()
    paraphrases()
    headlines()
    speed()
