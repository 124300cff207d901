"""Personal data written into a comment's text: ID card numbers (checksum verified), mobile and
landline numbers, e-mail addresses, vehicle plates and street addresses down to the 号 or 室.

Found at moderation time so that nobody publishes them by a bulk 通过, and masked on request (the
original stays on record, as with any redaction). Pure: plain strings in, spans out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_NOT_DIGIT_BEFORE, _NOT_DIGIT_AFTER = r"(?<![0-9０-９])", r"(?![0-9０-９])"
_PATTERNS = (
    (
        "id_number",
        re.compile(_NOT_DIGIT_BEFORE + r"[1-9]\d{5}(?:18|19|20)\d{2}[01]\d[0-3]\d\d{3}[\dXx]" + _NOT_DIGIT_AFTER),
    ),
    ("mobile", re.compile(_NOT_DIGIT_BEFORE + r"(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}" + _NOT_DIGIT_AFTER)),
    ("landline", re.compile(_NOT_DIGIT_BEFORE + r"0\d{2,3}[ -]?\d{7,8}" + _NOT_DIGIT_AFTER)),
    ("email", re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.ASCII)),
    (
        "plate",
        re.compile(
            r"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z][·• ]?[A-HJ-NP-Z0-9]{5,6}(?![A-Za-z0-9])"
        ),
    ),
    (
        "address",
        re.compile(
            r"[\u4e00-\u9fff]{1,12}(?:路|街|巷|道|弄|胡同|大街|社区|小区|村)"
            r"[0-9０-９一二三四五六七八九十百零〇-]+号(?:院)?"
            r"(?:[0-9０-９]+(?:号楼|栋|幢|座|单元|楼|层))*(?:[0-9０-９]+室)?"
        ),
    ),
)
MASKS = {
    "id_number": "［身份证号已遮盖］",
    "mobile": "［电话已遮盖］",
    "landline": "［电话已遮盖］",
    "email": "［邮箱已遮盖］",
    "plate": "［车牌已遮盖］",
    "address": "［地址已遮盖］",
}


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int


_ID_LABEL = re.compile(r"(?:身份证|证件)(?:号码|号)?[:：是为\s]*$")


def _looks_like_id(text: str, match: re.Match[str]) -> bool:
    """A valid checksum (GB 11643), or a number labelled as one (people mistype the last digit)."""
    number = match.group()
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS))
    return _ID_CHECK[total % 11] == number[17].upper() or bool(
        _ID_LABEL.search(text[max(0, match.start() - 8) : match.start()])
    )


def find_personal_data(text: str) -> list[Finding]:
    """The spans of personal data in `text`, in order, never overlapping (the first kind wins)."""
    found: list[Finding] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if kind == "id_number" and not _looks_like_id(text, match):
                continue
            if any(match.start() < f.end and f.start < match.end() for f in found):
                continue
            found.append(Finding(kind, match.start(), match.end()))
    return sorted(found, key=lambda f: f.start)


def personal_data_kinds(text: str) -> list[str]:
    """The kinds found, each once, in the order they first appear."""
    return list(dict.fromkeys(f.kind for f in find_personal_data(text)))


def mask_personal_data(text: str) -> str:
    """`text` with every finding replaced by a mask that says what was there."""
    for finding in reversed(find_personal_data(text)):
        text = text[: finding.start] + MASKS[finding.kind] + text[finding.end :]
    return text
