"""How well past assignments propose the unit for a new suggestion (issue #15, 集中交办): the demo's 160
suggestions (20 units, 4 topics each, 2 districts per topic), cross-validated.

    .venv/bin/python benchmarks/unit_routing.py

Printed: top-1 and top-3 accuracy when a topic never appears in both training and test (an honest figure
for a new matter), and when it may (suggestions about the same matter in another district: the figure
staff see for recurring matters); chance is 1/20 and 3/20.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

from consult.analysis.routing import cross_validated_accuracy

DATA = Path(__file__).resolve().parent.parent / "consult" / "demo" / "data" / "suggestions.json"


def main() -> None:
    data = json.loads(DATA.read_text(encoding="utf-8"))
    rng = random.Random(7)  # the demo loader's choice of districts
    texts, units, topics = [], [], []
    for unit in data["units"]:
        for title, problem, proposal in unit["topics"]:
            for place in rng.sample(data["places"], 2):
                texts.append(f"关于{place}{title}的建议 {problem.format(place=place)}{proposal}")
                units.append(unit["name"])
                topics.append(title)
    unseen = cross_validated_accuracy(texts, units, groups=topics, folds=4)
    recurring = cross_validated_accuracy(texts, units, folds=4)
    print(f"{len(texts)} suggestions, {len(set(units))} units, 4-fold cross-validation")
    print(f"  new matter (topic held out):       top-1 {unseen[0]:.2f}   top-3 {unseen[1]:.2f}")
    print(f"  recurring matter (topic may recur): top-1 {recurring[0]:.2f}   top-3 {recurring[1]:.2f}")
    print(f"  chance:                             top-1 {1 / 20:.2f}   top-3 {3 / 20:.2f}")


if __name__ == "__main__":
    main()
