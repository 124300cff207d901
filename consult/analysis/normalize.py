"""Text normalisation shared by segmentation, de-duplication and the CLI."""

from __future__ import annotations

import re
import unicodedata

# Format (Cf) characters, C0/C1 controls, lone surrogates, private use, variation
# selectors and tag characters: invisible to a reader, so they are the usual way of
# making a campaign copy look different to a machine. Listed as ranges (not built
# from unicodedata at import) to keep import cheap; a test checks the list still
# covers every Cf character of the running Python's Unicode database.
_INVISIBLE_RANGES = (
    (0x0000, 0x0008),
    (0x000E, 0x001B),
    (0x007F, 0x009F),
    (0x00AD, 0x00AD),
    (0x0600, 0x0605),
    (0x061C, 0x061C),
    (0x06DD, 0x06DD),
    (0x070F, 0x070F),
    (0x0890, 0x0891),
    (0x08E2, 0x08E2),
    (0x180B, 0x180F),
    (0x200B, 0x200F),
    (0x202A, 0x202E),
    (0x2060, 0x206F),
    (0xD800, 0xF8FF),
    (0xFE00, 0xFE0F),
    (0xFEFF, 0xFEFF),
    (0xFFF9, 0xFFFB),
    (0x110BD, 0x110BD),
    (0x110CD, 0x110CD),
    (0x13430, 0x1345F),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE01EF),
    (0xF0000, 0x10FFFF),
)
_INVISIBLE_RE = re.compile("[" + "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in _INVISIBLE_RANGES) + "]+")
_SPACE_RE = re.compile(r"\s+")
# One character that survives normalisation (neither a space nor invisible), as a regular expression
# both Python and JSON Schema read alike; the planes above the BMP are left out (rare, and a JSON
# Schema pattern cannot name them without the u flag).
VISIBLE_CHARACTER = (
    "[^\\s\\u001c-\\u001f\\u0085"
    + "".join(f"\\u{0xE000 if a == 0xD800 else a:04x}-\\u{b:04x}" for a, b in _INVISIBLE_RANGES if b <= 0xFFFF)
    + "]"  # surrogates (D800–DFFF) left out: regular expression engines refuse to name them
)
# The full-width punctuation and space that NFKC changes in most Chinese text.
# Replacing them first (a fast scan each) lets the slow full NFKC run only on the
# few texts that still need it.
_COMMON_FULLWIDTH = tuple(
    (chr(cp), chr(cp - 0xFEE0)) for cp in (0xFF0C, 0xFF01, 0xFF1F, 0xFF1A, 0xFF1B, 0xFF08, 0xFF09)
) + (("\u3000", " "),)
# Everything that is not a letter or digit: punctuation, symbols, emoji, spaces.
_NON_WORD_RE = re.compile(r"[\W_]+")
_DIGITS_RE = re.compile(r"\d+")


def normalize_text(text: str) -> str:
    """Return ``text`` in NFKC with invisible characters removed and whitespace folded.

    Full-width letters, digits and spaces become their ASCII forms, zero-width and
    control characters are dropped, and any run of whitespace (newlines included)
    becomes one space. ``None`` is treated as the empty string.
    """
    if not text:
        return ""
    # Dropping invisibles before NFKC lets characters that a zero-width space split
    # apart compose again.
    text = _INVISIBLE_RE.sub("", text)
    for wide, narrow in _COMMON_FULLWIDTH:
        text = text.replace(wide, narrow)
    if not unicodedata.is_normalized("NFKC", text):
        text = _INVISIBLE_RE.sub("", unicodedata.normalize("NFKC", text))
    return _SPACE_RE.sub(" ", text).strip()


def skeleton(normalized: str) -> str:
    """Reduce already-normalised text to what matters for copy detection.

    Case, punctuation, spacing, emoji and the value of numbers are dropped, so that
    "同意！！" and "同意。" or two letters differing only in a house number share
    one skeleton.
    """
    text = _NON_WORD_RE.sub("", normalized.casefold())
    return text if text.isalpha() else _DIGITS_RE.sub("0", text)  # letters only: no number to fold


def has_content(normalized: str) -> bool:
    """Tell whether the text holds at least one letter or digit."""
    return bool(_NON_WORD_RE.sub("", normalized))
