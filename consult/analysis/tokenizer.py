"""Segmentation with a jieba tokenizer that this package owns."""

from __future__ import annotations

import re
import threading
import warnings
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

with warnings.catch_warnings():
    # jieba 0.42 imports pkg_resources, which newer setuptools flag as deprecated.
    warnings.simplefilter("ignore")
    import jieba

from .normalize import normalize_text

# jieba is exported too: importing it from here keeps its import-time warning quiet.
__all__ = ["Tokenizer", "jieba", "stopwords", "user_terms"]

_BASE_LOCK = threading.Lock()
_BASE_DICT: tuple[dict[str, int], int] | None = None
# References (第十二条, 第三款 …) name places in the draft, not subjects: they
# must not become theme words.
_REF_RE = re.compile(r"第?[0-9零〇一二两三四五六七八九十百千]+[条款项章节编](?:之[0-9一二三四五六七八九十]+)?")
_WORDLIKE_RE = re.compile(r"\w", re.UNICODE)


def _words(name: str) -> list[str]:
    """Read a whitespace-separated word list shipped in ``data/``."""
    text = resources.files(__package__).joinpath("data").joinpath(name).read_text("utf-8")
    return [w for line in text.splitlines() if not line.startswith("#") for w in line.split()]


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The stopword list: function words and consultation boilerplate."""
    return frozenset(_words("stopwords.txt"))


@lru_cache(maxsize=1)
def user_terms() -> tuple[str, ...]:
    """The legislative and local terms that segmentation must keep whole."""
    return tuple(_words("userdict.txt"))


def _base_dictionary() -> tuple[dict[str, int], int]:
    """jieba's prefix dictionary, built once per process and never modified."""
    global _BASE_DICT
    with _BASE_LOCK:
        if _BASE_DICT is None:
            # gen_pfdict only reads the file; building it ourselves skips jieba's
            # logging and its cache file in the temp directory.
            builder = jieba.Tokenizer()
            _BASE_DICT = builder.gen_pfdict(builder.get_dict_file())
        return _BASE_DICT


class _OwnJieba(jieba.Tokenizer):
    """A jieba.Tokenizer initialised from a private copy of the base dictionary."""

    initialized: bool

    def initialize(self, dictionary: str | None = None) -> None:
        """Load the shared base dictionary into this instance (``dictionary`` is ignored)."""
        with self.lock:
            if not self.initialized:
                freq, total = _base_dictionary()
                self.FREQ, self.total = dict(freq), total
                self.initialized = True


class Tokenizer:
    """Segment comments into theme words.

    Owns its jieba tokenizer (the global ``jieba.dt`` is never touched), adds the
    package's user dictionary and any ``extra_terms`` of the draft, and removes
    stopwords. After construction it is only read, so one instance may be shared
    between threads.
    """

    def __init__(self, extra_terms: Iterable[str] = (), *, hmm: bool = True):
        self.extra_terms = tuple(dict.fromkeys(t.strip() for t in extra_terms if t and t.strip()))
        self.hmm = hmm
        self._stop = stopwords()
        self._jieba = _OwnJieba()
        self._jieba.initialize()
        for term in user_terms() + tuple(normalize_text(t).casefold() for t in self.extra_terms):
            # No frequency: jieba then suggests one high enough to keep the term whole.
            self._jieba.add_word(term)

    def __reduce__(self) -> tuple[object, tuple[tuple[str, ...], bool]]:
        # Worker processes rebuild the tokenizer rather than receive a 500k-entry dict.
        return (_rebuild, (self.extra_terms, self.hmm))

    def tokens(self, text: str, *, normalized: bool = False) -> list[str]:
        """Return the theme words of ``text``: segmented, lower-cased, stopwords removed."""
        if not normalized:
            text = normalize_text(text)
        text = _REF_RE.sub(" ", text.casefold())
        stop = self._stop
        return [
            w
            for w in self._jieba.cut(text, HMM=self.hmm)
            if w not in stop and not w.isspace() and _WORDLIKE_RE.search(w) and not w.isdigit()
        ]

    def tokens_many(self, texts: Iterable[str], *, normalized: bool = False) -> list[list[str]]:
        """``tokens`` for each text, in one process (see ``bulk`` for several)."""
        return [self.tokens(t, normalized=normalized) for t in texts]


def _rebuild(extra_terms: tuple[str, ...], hmm: bool) -> Tokenizer:
    return Tokenizer(extra_terms, hmm=hmm)


@lru_cache(maxsize=1)
def default_tokenizer() -> Tokenizer:
    """A shared tokenizer with the package dictionary only (built on first use)."""
    return Tokenizer()
