"""Which unit should handle a suggestion (集中交办): a classifier over the texts of past assignments.
Character 1–3-grams (no segmentation: unit names and domain words are short, and suggestions mix
place names the dictionary does not know) weighted by TF-IDF, and a linear SVM. Pure: texts in,
unit names out."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.svm import LinearSVC

from consult.analysis.normalize import normalize_text


def _model() -> Pipeline:
    return make_pipeline(
        TfidfVectorizer(analyzer="char", ngram_range=(1, 3), sublinear_tf=True, min_df=1), LinearSVC(C=0.5)
    )


@dataclass
class UnitRouter:
    """Ranks units for a new text; trained on (text, unit) pairs of past assignments."""

    model: Pipeline | None
    only: str | None = None  # every past assignment went to this unit

    @classmethod
    def train(cls, texts: list[str], units: list[str]) -> UnitRouter:
        if not texts:
            return cls(None)
        if len(set(units)) == 1:
            return cls(None, units[0])
        model = _model()
        model.fit([normalize_text(t) for t in texts], units)
        return cls(model)

    def rank(self, text: str, top: int = 3) -> list[str]:
        """The likeliest units first; [] with no history to learn from."""
        if self.model is None:
            return [self.only] if self.only else []
        scores = self.model.decision_function([normalize_text(text)])[0]
        classes = self.model.classes_
        return [str(classes[i]) for i in np.argsort(-scores)[:top]]


def cross_validated_accuracy(
    texts: list[str], units: list[str], groups: list[str] | None = None, folds: int = 4, seed: int = 0
) -> tuple[float, float]:
    """(top-1, top-3) accuracy of the router under stratified k-fold cross-validation. With `groups`
    (e.g. the topic a suggestion is about) no group is in both training and test: near-copies of a
    text must not teach the answer for themselves."""
    counts = Counter(units)
    folds = max(2, min(folds, min(counts.values())))
    splitter = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
    top1 = top3 = 0
    for train, test in splitter.split(texts, units, groups or [str(n) for n in range(len(texts))]):
        router = UnitRouter.train([texts[i] for i in train], [units[i] for i in train])
        for i in test:
            ranked = router.rank(texts[i])
            top1 += bool(ranked) and ranked[0] == units[i]
            top3 += units[i] in ranked
    return top1 / len(texts), top3 / len(texts)
