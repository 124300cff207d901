"""Text work done once per comment at submission, so that digests never re-segment."""

from __future__ import annotations

import regex

from consult.analysis import Tokenizer, normalize_text
from consult.analysis.prepared import prepare_cut
from consult.analysis.tokenizer import default_tokenizer


def tokenizer() -> Tokenizer:
    # jieba loads its dictionary once (about a second); submission, digests and search share it.
    return default_tokenizer()


def perceived_length(text: str) -> int:
    """Characters as a person counts them: an emoji with modifiers or a letter with accents is one."""
    return len(regex.findall(r"\X", text))


# No character a person types is longer than this many code points (family emoji, flags with tags).
LONGEST_GRAPHEME = 8


def too_long(text: str, limit: int) -> bool:
    """Whether text exceeds `limit` characters as people count them, without counting a huge
    paste grapheme by grapheme."""
    if len(text) <= limit:
        return False
    return len(text) > limit * LONGEST_GRAPHEME or perceived_length(text) > limit


def prepare(text: str) -> tuple[str, str, str | None]:
    """(normalised text, space-joined tokens, code of its cut) for storage beside the original."""
    normalized = normalize_text(text)
    tokens = " ".join(tokenizer().tokens(normalized, normalized=True))
    return normalized, tokens, prepare_cut(normalized, tokens)
