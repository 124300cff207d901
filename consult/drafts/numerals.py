"""Chinese numerals as legislative texts write them, and article numbers such as 第十二条之一.

Pure: no web imports. Numbers are validated strictly (units must fall, a digit must be followed by
a unit or end the number) because the parser uses a failed conversion to reject false labels.
"""

from __future__ import annotations

import re

_DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_UNITS = {"十": 10, "百": 100, "千": 1000}
_WAN = {"万": 10_000, "亿": 100_000_000}
_CN_DIGITS = "零一二三四五六七八九"
# ASCII and full-width digits: drafts typed on a phone often use "第１２条".
_ARABIC = str.maketrans("０１２３４５６７８９", "0123456789")

NUMERAL_CHARS = "".join(_DIGITS) + "".join(_UNITS) + "".join(_WAN) + "0123456789０１２３４５６７８９"

_ARTICLE_LABEL = re.compile(rf"^第\s*([{NUMERAL_CHARS}]+)\s*条(?:\s*之\s*([{NUMERAL_CHARS}]+))?$")


def cn_to_int(s: str) -> int:
    """ "一百零一" → 101, "十二" → 12, "二〇二四" → 2024, "12" / "１２" → 12; ValueError otherwise."""
    s = s.strip()
    if not s:
        raise ValueError("empty numeral")
    arabic = s.translate(_ARABIC)
    if arabic.isascii() and arabic.isdigit():
        return int(arabic)
    if all(ch in _DIGITS for ch in s):
        if len(s) == 1:
            return _DIGITS[s]
        # Digit by digit, as in years: 二〇二四.
        return int("".join(str(_DIGITS[ch]) for ch in s))
    total = 0
    for big_char, big in sorted(_WAN.items(), key=lambda kv: -kv[1]):
        if big_char in s:
            head, _, s = s.partition(big_char)
            if not head or big_char in s:
                raise ValueError(f"bad numeral around {big_char}")
            total += _below_wan(head, allow_bare_ten=True) * big
            s = s.removeprefix("零") if s.startswith("零") and len(s) > 1 else s
    if s:
        total += _below_wan(s, allow_bare_ten=total == 0)
    return total


def _below_wan(s: str, *, allow_bare_ten: bool) -> int:
    """A number below 10,000 written with 千/百/十 and 零 for skipped places."""
    value, pending, last_unit, zero_ok = 0, None, 10_000, False
    for ch in s:
        if ch in _UNITS:
            unit = _UNITS[ch]
            if unit >= last_unit:
                raise ValueError(f"unit out of order in {s!r}")
            if pending is None:
                # "十二" has no leading 一; "一百十" is not how laws write it.
                if unit != 10 or value or not allow_bare_ten:
                    raise ValueError(f"unit without digit in {s!r}")
                pending = 1
            value += pending * unit
            pending, last_unit, zero_ok = None, unit, True
        elif ch in _DIGITS:
            digit = _DIGITS[ch]
            if pending is not None:
                raise ValueError(f"two digits in a row in {s!r}")
            if digit == 0:
                if not zero_ok:
                    raise ValueError(f"misplaced zero in {s!r}")
                zero_ok, last_unit = False, min(last_unit, 100)
                continue
            pending = digit
        else:
            raise ValueError(f"not a numeral: {ch!r}")
    if pending is not None:
        value += pending
    return value


def int_to_cn(n: int) -> str:
    """101 → "一百零一", 12 → "十二", 10 → "十", 110 → "一百一十"."""
    if n < 0:
        raise ValueError("negative numbers have no legislative numeral")
    if n < 10:
        return _CN_DIGITS[n]
    if n >= 100_000_000:
        head, rest = divmod(n, 100_000_000)
        return int_to_cn(head) + "亿" + _tail(rest, 10_000_000)
    if n >= 10_000:
        head, rest = divmod(n, 10_000)
        return int_to_cn(head) + "万" + _tail(rest, 1000)
    return _small_to_cn(n)


def _tail(rest: int, full: int) -> str:
    if rest == 0:
        return ""
    # 10,005 is 一万零五: a zero marks the skipped high places.
    if rest >= full:
        return _small_to_cn(rest) if rest < 10_000 else int_to_cn(rest)
    # After 零 the tens keep their 一: 一万零一十, not 一万零十.
    return "零" + ("一" if 10 <= rest < 20 else "") + int_to_cn(rest)


def _small_to_cn(n: int) -> str:
    if 10 <= n < 20:
        return "十" + (_CN_DIGITS[n - 10] if n > 10 else "")
    out: list[str] = []
    zero = False
    for unit, char in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // unit % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(_CN_DIGITS[digit] + char)
    return "".join(out) or "零"


def parse_article_number(label: str) -> tuple[int, int]:
    """ "第十二条之一" → (12, 1), "第十二条" → (12, 0), "第12条" → (12, 0); ValueError otherwise."""
    match = _ARTICLE_LABEL.match("".join(label.split()))
    if not match:
        raise ValueError(f"not an article label: {label!r}")
    ordinal = cn_to_int(match.group(1))
    sub = cn_to_int(match.group(2)) if match.group(2) else 0
    return ordinal, sub


def article_number(ordinal: int, sub: int = 0) -> str:
    """(12, 1) → "第十二条之一": the normalised label the parser stores."""
    return f"第{int_to_cn(ordinal)}条" + (f"之{int_to_cn(sub)}" if sub else "")


def article_slug(ordinal: int, sub: int) -> str:
    """(12, 0) → "12", (12, 1) → "12-1": stable in URLs across re-imports."""
    return f"{ordinal}-{sub}" if sub else str(ordinal)
