"""Second drafts and amendments at the size of a national law.

    .venv/bin/python benchmarks/versions_speed.py

Targets (issue): compare two 500-article versions ≤ 2 s; apply a 10-instruction amendment to a
500-article law ≤ 2 s. The law is the 刑法 of ../shared/corpus (505 articles); its "second draft" drops
every 40th article, rewords every 25th, inserts an article after every 60th and moves one. The figure
of merit is also printed: how many rows the alignment gets right against that known edit.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

from consult.drafts.numerals import article_number
from consult.drafts.structure import parse_draft
from consult.drafts.versions.align import align
from consult.drafts.versions.apply import apply_amendment, render
from consult.drafts.versions.instructions import read_amendment

LAW = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "regulations" / "12_xingfa.txt"


def second_draft(law) -> tuple[str, dict[str, str]]:
    """A renumbered second draft as text, and the change each old article should show."""
    rng = random.Random(0)
    lines, expected, n = [law.title], {}, 0
    articles = list(law.articles)
    moved = articles.pop(100)
    articles.insert(300, moved)
    for i, article in enumerate(articles):
        if i % 40 == 39:
            expected[article.number] = "removed"
            continue
        texts = ["\n".join((p.text, *p.items)) for p in article.paragraphs]
        if i % 25 == 24:
            words = list(texts[0])
            for _ in range(max(2, len(words) // 12)):
                words.insert(rng.randrange(len(words)), "相应")
            texts[0] = "".join(words)
            expected[article.number] = "modified"
        else:
            expected[article.number] = "same"
        n += 1
        lines.append(f"{article_number(n)}　{texts[0]}")
        lines.extend(texts[1:])
        if i % 60 == 59:
            n += 1
            lines.append(f"{article_number(n)}　国家建立健全第{n}项新的配套制度，具体办法由国务院规定。")
    return "\n".join(lines), expected


def main() -> None:
    if not LAW.exists():
        sys.exit(f"{LAW} not found: the benchmark needs the shared corpus")
    law = parse_draft(LAW.read_text(encoding="utf-8-sig"))
    text, expected = second_draft(law)
    new = parse_draft(text)
    start = time.perf_counter()
    rows = align(law.articles, new.articles)
    seconds = time.perf_counter() - start
    right = sum(1 for r in rows if r.old is not None and expected[r.old.number] == r.change)
    added = sum(1 for r in rows if r.change == "added")
    inserted = sum(1 for a in new.articles if "新的配套制度" in a.paragraphs[0].text)
    print(f"compare {len(law.articles)} × {len(new.articles)} articles: {seconds:.2f} s (target ≤ 2 s); "
          f"{right}/{len(law.articles)} old articles right, {added} added ({inserted} inserted)")  # fmt: skip
    plain = [a for a in law.articles if not a.sub_ordinal and "的" in a.paragraphs[0].text]
    amendment = "\n".join(
        f"{n}、将{plain[n * 40].number}中的“的”修改为“之”。" if n % 2 else
        f"{n}、在{plain[n * 40].number}后增加一条，作为{article_number(plain[n * 40].ordinal, 9)}：“新增的第{n}条。”"
        for n in range(1, 11)
    )  # fmt: skip
    start = time.perf_counter()
    consolidated = render(law, apply_amendment(law, read_amendment(amendment)))
    seconds = time.perf_counter() - start
    print(f"apply 10 instructions to {len(law.articles)} articles: {seconds:.2f} s (target ≤ 2 s); "
          f"{len(parse_draft(consolidated).articles)} articles after")  # fmt: skip


if __name__ == "__main__":
    main()
