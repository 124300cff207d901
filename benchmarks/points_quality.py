"""Comments that make several points: are they found under each theme they speak to?

    python benchmarks/points_quality.py

From the labelled parks & rivers comments, 150 letters are made by joining two comments of different
themes with a turn ("另外，"); the comments used leave the set (else the letters would be near-copies
of them). The rest and the letters are analysed together; each theme takes the label most of its
single-point members carry. A joined letter is "found" when its main theme and its other themes
(``Analysis.also``) name both labels. Also printed: how often a single comment is listed under a
theme of another label (a side point found where there is none).
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from analysis_corpus import labelled_comments  # noqa: E402

from consult.analysis import CommentInput, analyse  # noqa: E402

TURNS = ("另外，", "此外，", "还有，", "另外建议：")


def joined_letters(rows: list[dict], n: int = 150, seed: int = 0) -> tuple[list[dict], list[dict]]:
    """(the letters, the rows not used in them)."""
    rng = random.Random(seed)
    singles = [r for r in rows if r["campaign"] is None]
    rng.shuffle(singles)
    used, letters = set(), []
    for a, b in zip(singles[::2], singles[1::2]):
        if a["label"] != b["label"] and len(letters) < n:
            text = a["text"].rstrip("。！!") + "。" + rng.choice(TURNS) + b["text"]
            letters.append({"id": f"joined-{len(letters)}", "text": text, "labels": {a["label"], b["label"]}})
            used.update((a["id"], b["id"]))
    return letters, [r for r in rows if r["id"] not in used]


def report(rows: list[dict]) -> None:
    letters, rows = joined_letters(rows)
    result = analyse([CommentInput(r["id"], r["text"]) for r in rows + letters], scope="draft")
    majority: dict[int, str] = {}
    for theme in range(len(result.themes)):
        labels = Counter(r["label"] for r in rows if result.assignments[r["id"]] == theme)
        if labels:
            majority[theme] = labels.most_common(1)[0][0]

    def named(comment_id: str) -> set[str]:
        themes = {result.assignments[comment_id], *result.also.get(comment_id, {})}
        return {majority[t] for t in themes if t in majority}

    both = sum(letter["labels"] <= named(letter["id"]) for letter in letters)
    main = sum(majority.get(result.assignments[letter["id"]]) in letter["labels"] for letter in letters)
    stray = sum(len(named(r["id"]) - {r["label"]}) > 0 and r["id"] in result.also for r in rows)
    print(
        f"points: {len(letters)} two-point letters: both points found {both / len(letters):.2f}, "
        f"main point in a theme of one of its labels {main / len(letters):.2f}; "
        f"single comments listed under a theme of another label {stray}/{len(rows)}"
    )


if __name__ == "__main__":
    report(labelled_comments())
