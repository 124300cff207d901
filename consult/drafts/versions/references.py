"""Cross-references kept true when articles are renumbered: "违反本条例第六条规定" must name the same
article after "条文顺序作相应调整" as before. References to other laws ("《水法》第三十条", "该法第三条")
are left alone; so is a reference to an article the amendment deleted (a drafter must rewrite it)."""

from __future__ import annotations

import re

from consult.drafts.numerals import NUMERAL_CHARS, article_number, parse_article_number
from consult.drafts.versions.working import WorkArticle

_REFERENCE = re.compile(rf"(?P<before>[》法]?)(?P<label>第[{NUMERAL_CHARS}]+条(?:之[{NUMERAL_CHARS}]+)?)")
_OTHER_LAW = re.compile(r"(?:》|[^本]法|该法|该条例|办法》)$")


def renumber_references(articles: list[WorkArticle]) -> None:
    """Rewrite references to renumbered articles of this text, in every 款 and 项, in place."""
    moved = {a.key: a.number for a in articles if a.key is not None and a.key != a.number}
    if not moved:
        return

    def rewrite(text: str) -> str:
        def replace(match: re.Match[str]) -> str:
            preceding = text[max(0, match.start() - 6) : match.start() + len(match.group("before"))]
            if _OTHER_LAW.search(preceding):
                return match.group(0)
            try:
                target = moved.get(parse_article_number(match.group("label")))
            except ValueError:
                return match.group(0)
            return match.group("before") + article_number(*target) if target else match.group(0)

        return _REFERENCE.sub(replace, text)

    for article in articles:
        for paragraph in article.paragraphs:
            paragraph.text = rewrite(paragraph.text)
            paragraph.items = [rewrite(item) for item in paragraph.items]
