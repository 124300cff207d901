"""How long the agenda packet takes: 20 agenda items, each with its article and digest themes.

    .venv/bin/python benchmarks/packet_speed.py [--items 20] [--comments-per-article 40] [--runs 3]

Builds a throw-away SQLite database with a 24-article draft, comments, a digest and a hearing,
then renders the PDF several times and prints wall time per run, pages and size.
"""

from __future__ import annotations

import argparse
import io
import secrets
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

PHRASES = [
    "夜间音量太大，建议限制在五十分贝以内",
    "建议划定专门的活动区域并远离居民楼",
    "应当明确由哪个部门负责执法",
    "罚款数额偏低，起不到威慑作用",
    "建议增加无障碍设施和休息座椅",
    "宠物入园必须牵绳并清理粪便",
    "电动自行车应当在出入口停放",
    "建议延长开放时间方便上班族",
]


def build(app, items: int, per_article: int):
    from consult.comments.privacy import contact_cipher
    from consult.comments.services import CommentInput, submit_comment
    from consult.digests import services as digests
    from consult.digests.build import run_build
    from consult.drafts.queries import load_structure
    from consult.extensions import db
    from consult.hearings import services as hearings

    from factories import make_draft

    consultation = make_draft(articles=max(24, items), slug="bench")
    structure = load_structure(consultation.version_id)
    cipher = contact_cipher()
    for index, article in enumerate(structure.articles[:items]):
        for n in range(per_article):
            text = f"{PHRASES[(index + n) % len(PHRASES)]}。关于{article.number}，{PHRASES[n % len(PHRASES)]}。"
            submit_comment(
                consultation,
                article.article_id,
                CommentInput(body=text),
                token=secrets.token_hex(8),
                cipher=cipher,
                max_chars=5000,
            )
    db.session.commit()
    build = digests.request_build(consultation)
    db.session.commit()
    run_build(build.id)
    hearing = hearings.save_hearing(
        consultation,
        hearings.HearingInput(
            kind="hearing",
            title="基准测试听证会",
            starts_at=datetime.now(timezone.utc) + timedelta(days=5),
            venue="会议室",
            capacity=50,
            speaker_slots=20,
            registration_opens_at=None,
            registration_closes_at=None,
            announcement="",
            article_ids=tuple(a.article_id for a in structure.articles[:items]),
        ),
    )
    for article in structure.articles[:items]:
        hearings.add_item(
            hearing,
            title=f"关于{article.number}",
            article_id=article.article_id,
            duration=15,
            questions="问题一？\n问题二？\n问题三？",
            revision=None,
        )
    db.session.commit()
    return hearing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=20)
    parser.add_argument("--comments-per-article", type=int, default=40)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    import pypdf

    from consult.extensions import db
    from consult.hearings.packet import render_agenda_packet

    from testapp import make_app

    with tempfile.TemporaryDirectory() as folder:
        app = make_app(f"sqlite:///{folder}/bench.sqlite3")
        with app.app_context():
            db.create_all()
            started = time.perf_counter()
            hearing = build(app, args.items, args.comments_per_article)
            print(f"set-up (comments, digest, hearing): {time.perf_counter() - started:.1f} s")
            timings = []
            for run in range(args.runs):
                started = time.perf_counter()
                pdf = render_agenda_packet(hearing)
                timings.append(time.perf_counter() - started)
                print(f"run {run + 1}: {timings[-1]:.2f} s")
            pages = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
            print(f"packet: {args.items} agenda items, {pages} pages, {len(pdf) // 1024} KB")
            print(
                f"render time: first {timings[0]:.2f} s, median {statistics.median(timings):.2f} s "
                f"(target ≤ 10 s on 2 cores)"
            )
            db.engine.dispose()


if __name__ == "__main__":
    main()
