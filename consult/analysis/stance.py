"""Stance toward an article: does a comment support it, oppose it, or neither?

Separate from what a comment asks for (修改 / 删除 / 增加 / 询问, see proposals.py): "建议把罚款提高到五百元"
asks for a change and supports the ban. Drafters tag some comments; a per-article model learns from
those tags and labels the rest with a confidence. With no tags at all, a small lexicon of stance
words (negation-aware) gives a best-effort answer.

Comments become vectors (character 1–2-grams and jieba words, TF-IDF, with the stance-word scores,
reduced by SVD); the tags and the comments whose stance words are unambiguous spread their labels to
their nearest neighbours (label spreading). Twenty tags are enough to start; none still gives an
answer from the stance words, marked as suggested. Pure: strings in, labels out.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.semi_supervised import LabelSpreading

from .normalize import normalize_text
from .stance_words import lexicon_scores
from .tokenizer import default_tokenizer

STANCES = ("support", "oppose", "neither")
_DIMS = 64  # SVD dimensions of the comment space
_NEIGHBOURS = 15
_SVD_SAMPLE = 3000
_MAX_SUGGESTED = 0.95  # a suggestion is never shown as certain: only a person's tag is
_MAX_UNTAGGED = 0.8  # nor as near-certain before anyone has tagged a comment of the article
_REPOST = re.compile(r"//\s*@.*$|【[^】]{0,60}】|https?://\S+|@[\w\-]{1,30}[:：\s]?|#([^#]{1,40})#")
_REPOST_MARKS = ("/", "【", "@", "#")  # every match of _REPOST holds one of these


@dataclass(frozen=True)
class StanceGuess:
    stance: str
    confidence: float
    source: str  # "tagged" (a person said so), "model" (learned from tags), "rules" (no tags yet)


def clean(text: str, *, normalized: bool = False) -> str:
    """The commenter's own words: reposted chains, URLs and @-mentions dropped, hashtags unwrapped."""
    text = (text or "") if normalized else normalize_text(text or "")
    if not any(mark in text for mark in _REPOST_MARKS):  # most comments: nothing to drop, no scan
        return text.strip()
    return _REPOST.sub(lambda m: (m.group(1) or "") + " ", text).strip()


@dataclass(frozen=True)
class Space:
    """The comments of one article as the model sees them; built once, used by predict and ask."""

    vectors: np.ndarray  # one unit vector per comment
    lexical: np.ndarray  # (support, oppose) stance-word scores per comment
    has_words: np.ndarray  # False where nothing is left of a comment once reposts are dropped


def comment_space(texts: Sequence[str], tokens: Sequence[Sequence[str]] | None = None) -> Space:
    """Each comment as a unit vector (characters, words and the stance-word scores, reduced by SVD),
    and its (support, oppose) word scores."""
    cleaned = [clean(t) for t in texts]
    if tokens is None:
        tokens = default_tokenizer().tokens_many(cleaned, normalized=True)
    lexical = np.array([lexicon_scores(t) for t in cleaned], dtype=np.float64).reshape(len(texts), 2)
    parts = [sparse.csr_matrix(lexical)]
    for vectorizer, docs in (
        (TfidfVectorizer(analyzer="char", ngram_range=(1, 2), sublinear_tf=True, max_features=60000), cleaned),
        (
            TfidfVectorizer(token_pattern=r"(?u)\S+", sublinear_tf=True, max_features=60000),
            [" ".join(t) for t in tokens],
        ),
    ):
        if any(d.strip() for d in docs):
            parts.append(vectorizer.fit_transform(docs))
    x = sparse.hstack(parts).tocsr()
    # Copies add no direction: an article answered only by one campaign letter has nothing to reduce.
    dims = min(_DIMS, x.shape[1] - 1, len(set(cleaned)) - 1)
    if dims >= 2:
        # Fitted on a sample: the directions settle long before 10,000 comments, the cost does not.
        svd = TruncatedSVD(dims, n_iter=4, random_state=0)
        sample = np.random.default_rng(0).permutation(len(texts))[:_SVD_SAMPLE]
        svd.fit(x[np.sort(sample)])
        dense = svd.transform(x)
    else:
        dense = x.toarray()
    dense /= np.linalg.norm(dense, axis=1, keepdims=True) + 1e-12
    return Space(dense, lexical, np.array([bool(c) for c in cleaned], dtype=bool))


def _rule_guess(support: float, oppose: float) -> tuple[str, float]:
    margin = support - oppose
    if margin == 0:
        return "neither", 0.34
    return ("support" if margin > 0 else "oppose"), min(0.5 + 0.15 * abs(margin), 0.8)


def predict(
    texts: Sequence[str],
    tags: Mapping[int, str] | None = None,
    tokens: Sequence[Sequence[str]] | None = None,
    *,
    space: Space | None = None,
) -> list[StanceGuess]:
    """A stance for every text (by position); `tags` maps positions to a person's stance.

    The tags, and the comments whose stance words are unambiguous, spread their labels to similar
    comments (label spreading over nearest neighbours); the confidence is the share of the label."""
    tags = {i: s for i, s in (tags or {}).items() if s in STANCES and 0 <= i < len(texts)}
    if not texts:
        return []
    space = space or comment_space(texts, tokens)
    rules = [_rule_guess(*scores) for scores in space.lexical]
    seeds = {i: stance for i, (stance, confidence) in enumerate(rules) if confidence >= 0.65}
    train = {**seeds, **tags}  # a person's tag overrides the words
    spread = _spread(space.vectors, train) if len(set(train.values())) >= 2 and len(texts) > 2 else None
    out = []
    for i in range(len(texts)):
        if i in tags:
            out.append(StanceGuess(tags[i], 1.0, "tagged"))
        elif i in seeds:
            # A comment that says "赞成" or "反对" in so many words keeps what it says.
            out.append(StanceGuess(*rules[i], "model" if tags else "rules"))
        elif spread is not None:
            share = spread[i]
            best = int(share.argmax())
            confidence = min(round(float(share[best]), 3), _MAX_SUGGESTED if tags else _MAX_UNTAGGED)
            out.append(StanceGuess(STANCES[best], confidence, "model" if tags else "rules"))
        else:
            out.append(StanceGuess(*rules[i], "rules"))
    return out


def _spread(space: np.ndarray, train: Mapping[int, str]) -> np.ndarray:
    y = np.full(len(space), -1)
    for i, stance in train.items():
        y[i] = STANCES.index(stance)
    model = LabelSpreading(kernel="knn", n_neighbors=min(_NEIGHBOURS, len(space) - 1), alpha=0.5, max_iter=100)
    model.fit(space, y)
    shares = np.zeros((len(space), len(STANCES)))
    shares[:, model.classes_] = np.nan_to_num(model.label_distributions_)
    return shares


def ask(
    texts: Sequence[str],
    tags: Mapping[int, str] | None,
    n: int,
    tokens: Sequence[Sequence[str]] | None = None,
    random_state: int = 0,
    *,
    space: Space | None = None,
    guesses: Sequence[StanceGuess] | None = None,
) -> list[int]:
    """The `n` untagged texts whose tags would teach the model most: one from each of `n` groups of
    similar comments (so the tags cover the range of arguments) — the most typical one while the model
    has little to go on, later the one it is least sure of. `space` and `guesses` save recomputing
    what the caller already has."""
    tags = dict(tags or {})
    if n <= 0 or not texts:
        return []
    space = space or comment_space(texts, tokens)
    pool = [i for i in range(len(texts)) if i not in tags and space.has_words[i]]
    if len(pool) <= n:
        return pool
    groups = KMeans(n_clusters=n, n_init=3, random_state=random_state).fit(space.vectors[pool])
    if len(set(tags.values())) < 2:
        distances = groups.transform(space.vectors[pool])
        return sorted({pool[int(np.argmin(distances[:, c]))] for c in range(n)})
    guesses = guesses or predict(texts, tags, tokens, space=space)
    certainty = np.array([guesses[i].confidence for i in pool])
    chosen = []
    for c in range(n):
        members = np.flatnonzero(groups.labels_ == c)
        if len(members):
            chosen.append(pool[int(members[np.argmin(certainty[members])])])
    return sorted(chosen)
