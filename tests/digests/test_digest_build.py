"""Digests are built from stored tokens, survive drafters' shaping, and fail without harm."""

import pytest

from consult.digests import services
from consult.digests.models import Theme, ThemeMember
from consult.drafts.queries import load_structure
from consult.extensions import db

from factories import add_comment, build_digest, make_draft

NOISE = [
    "建议第二条的夜间音量限值降低到五十分贝",
    "广场舞音响太吵了，晚上九点后应当禁止使用音响",
    "夜里跳舞的音乐太大声，影响老人和孩子休息",
    "音量应该限制在五十五分贝以内，并设置噪声监测",
]
DOGS = [
    "遛狗必须牵绳，狗绳长度不应超过一米五",
    "建议允许大型犬在规定时段入园，但必须牵绳",
    "狗粪便不清理的要罚款，建议增加处罚条款",
    "宠物入园应当牵绳并及时清理粪便",
]


def _article_id(consultation, number: int) -> int:
    return load_structure(consultation.version_id).article(str(number)).article_id


def _themes(consultation, number):
    return db.session.scalars(
        db.select(Theme).filter_by(
            consultation_id=consultation.id, article_id=_article_id(consultation, number), retired=False
        )
    ).all()


def test_build_groups_comments_and_counts_campaigns(app):
    consultation = make_draft(articles=3)
    for text in NOISE + DOGS:
        add_comment(consultation, 2, body=text)
    campaign = "坚决反对第二条禁止大型犬入园的规定，大型犬不等于危险犬，请删除该规定！"
    for n in range(6):
        add_comment(consultation, 2, body=campaign + ("" if n % 2 else f"——市民{n}"))
    add_comment(consultation, 2, body="垃圾广告", state="rejected")
    build = build_digest(consultation)
    assert build.state == "done" and build.progress == 100
    assert build.stats["totals"]["total"] == 15 and build.stats["totals"]["rejected"] == 1
    themes = _themes(consultation, 2)
    assert sum(t.size for t in themes) == 14  # the rejected comment counts but is not themed
    assert all(t.label for t in themes if t.auto_label != "")
    copies = db.session.scalars(db.select(ThemeMember).where(ThemeMember.duplicate_of_id.is_not(None))).all()
    assert len(copies) == 5


@pytest.mark.parametrize("comments", [0, 1])
def test_small_and_empty_digests_are_sensible(app, client, login, comments):
    consultation = make_draft(articles=3)
    for n in range(comments):
        add_comment(consultation, 1, body="只有一条意见：建议增加座椅")
    build = build_digest(consultation)
    assert build.state == "done"
    login("drafter")
    page = client.get(f"/staff/digests/{consultation.id}")
    assert page.status_code == 200
    article = client.get(f"/staff/digests/{consultation.id}/articles/{_article_id(consultation, 1)}")
    assert article.status_code == 200
    if comments:
        assert "只有一条意见" in article.text


def test_all_rejected_gives_an_empty_but_working_digest(app, client, login):
    consultation = make_draft(articles=3)
    for n in range(3):
        add_comment(consultation, 1, body=f"广告{n}", state="rejected")
    assert build_digest(consultation).state == "done"
    assert _themes(consultation, 1) == []
    login("drafter")
    assert client.get(f"/staff/digests/{consultation.id}").status_code == 200


def test_failed_build_leaves_the_last_good_digest(app, monkeypatch):
    consultation = make_draft(articles=3)
    for text in NOISE:
        add_comment(consultation, 2, body=text)
    good = build_digest(consultation)
    before = {(t.id, t.size, t.auto_label) for t in _themes(consultation, 2)}
    add_comment(consultation, 2, body="新来的意见：音量限值太宽松")
    from consult.digests import build_groups

    def broken(*args, **kwargs):
        raise RuntimeError("clustering exploded")

    monkeypatch.setattr(build_groups, "analyse_each", broken)
    failed = build_digest(consultation)
    assert failed.state == "failed" and "clustering exploded" in failed.error
    assert services.latest_build(consultation.id).id == good.id
    assert {(t.id, t.size, t.auto_label) for t in _themes(consultation, 2)} == before


def test_shaped_themes_survive_a_rebuild_and_new_comments_join_them(app, login):
    consultation = make_draft(articles=3)
    for text in NOISE + DOGS:
        add_comment(consultation, 2, body=text)
    build_digest(consultation)
    drafter = login("drafter")
    themes = sorted(_themes(consultation, 2), key=lambda t: -t.size)
    noise = next(t for t in themes if any("音" in k or "分贝" in k for k in t.keywords + [t.auto_label]))
    services.rename_theme(noise, "广场舞噪声")
    services.answer_theme(drafter, noise, "partly_adopted", "将夜间限值写入条文。", noise.revision)
    db.session.commit()
    newcomer = add_comment(consultation, 2, body="广场舞的音量夜间应该再降低，五十分贝就够了")
    build_digest(consultation)
    db.session.refresh(noise)
    assert noise.label == "广场舞噪声" and noise.decision == "partly_adopted" and not noise.retired
    member = db.session.get(ThemeMember, newcomer.id)
    assert member.theme_id == noise.id


def test_split_move_merge_and_misfile(app, login):
    consultation = make_draft(articles=3)
    comments = [add_comment(consultation, 2, body=text) for text in NOISE + DOGS]
    build_digest(consultation)
    drafter = login("drafter")
    theme = max(_themes(consultation, 2), key=lambda t: t.size)
    members = [m.comment_id for m in db.session.scalars(db.select(ThemeMember).filter_by(theme_id=theme.id))]
    new = services.split_theme(theme, members[:1], "拆出来的主题")
    db.session.commit()
    assert db.session.get(ThemeMember, members[0]).theme_id == new.id and new.size == 1
    services.merge_themes(theme, new)
    db.session.commit()
    assert new.retired and db.session.get(ThemeMember, members[0]).theme_id == theme.id
    home = db.session.get(Theme, db.session.get(ThemeMember, comments[0].id).theme_id)
    services.misfile(drafter, home, [comments[0].id], _article_id(consultation, 3))
    db.session.commit()
    build_digest(consultation)
    moved = db.session.get(ThemeMember, comments[0].id)
    assert db.session.get(Theme, moved.theme_id).article_id == _article_id(consultation, 3)


def test_general_comment_naming_an_article_is_linked_back(app, client, login):
    consultation = make_draft(articles=3)
    add_comment(consultation, None, body="整体支持，但第三条的规定太笼统，建议细化。")
    build_digest(consultation)
    login("drafter")
    page = client.get(f"/staff/digests/{consultation.id}/articles/{_article_id(consultation, 3)}").text
    assert "其他位置提到本条的意见" in page and "第三条的规定太笼统" in page


def test_a_big_build_groups_its_articles_in_worker_processes_with_the_same_result(app):
    consultation = make_draft(articles=3)
    for number in (1, 2, 3):
        for text in NOISE + DOGS:
            add_comment(consultation, number, body=f"{text}（第{number}条）")
    build_digest(consultation)

    inline = _placed()
    app.config.update(DIGEST_PARALLEL_FROM=1, DIGEST_WORKERS=2)  # every build "big": a pool of two
    pooled_build = build_digest(consultation)
    assert pooled_build.state == "done" and _placed() == inline and len(inline) == 24


def test_comments_are_cut_at_submission_and_a_build_reads_the_same_without_the_cuts(app, monkeypatch):
    """A build takes the cuts stored at submission; comments stored before cuts existed, or cut by
    other rules, are cut the long way, to the same digest."""
    from consult.analysis import chunks
    from consult.analysis.prepared import RULES, cut_by_rules, points_by_rules, read_cut
    from consult.comments.models import Comment

    by_rules: list[str] = []
    monkeypatch.setattr(
        chunks, "points_by_rules", lambda norm, words: by_rules.append(norm) or points_by_rules(norm, words)
    )

    consultation = make_draft(articles=3)
    for text in NOISE + DOGS + ["一是遛狗要牵绳；二是广场舞音量要限制。另外，厕所太少。", "支持！"]:
        add_comment(consultation, 2, body=text)
    comments = db.session.scalars(db.select(Comment)).all()
    assert all(c.cut and c.cut.startswith(RULES) for c in comments)
    for c in comments:
        words = tuple(c.tokens.split())
        assert read_cut(c.cut, c.body_normalized, words) == cut_by_rules(c.body_normalized, words)
    build_digest(consultation)
    with_cuts = _placed()
    assert by_rules == []

    db.session.execute(db.update(Comment).values(cut=None))
    db.session.commit()
    build_digest(consultation)
    assert _placed() == with_cuts and len(with_cuts) == len(comments)
    assert len(by_rules) == len(comments)


@pytest.mark.parametrize("workers", [0, 2])
def test_progress_moves_while_a_big_build_reads_groups_and_writes(app, monkeypatch, workers):
    from consult.digests import build_groups

    consultation = make_draft(articles=2)
    for n in range(40):
        add_comment(consultation, 1, body=f"{(NOISE + DOGS)[n % 8]}，第{n}位居民的意见")
    add_comment(consultation, 2, body=DOGS[0])
    from consult.digests import build as building
    from consult.digests import build_write

    written: list[tuple[int, str]] = []
    for module in (build_groups, building, build_write):
        monkeypatch.setattr(module, "progress", lambda _build, percent, stage: written.append((percent, stage)))
    monkeypatch.setattr(build_groups, "WRITE_EVERY", 0.0)
    monkeypatch.setattr(build_write, "REPORT_ROWS", 10)  # the members are written in four steps
    app.config.update(ANALYSIS_CHUNK=5)  # eight chunks to read for the big article
    if workers:
        app.config.update(DIGEST_PARALLEL_FROM=1, DIGEST_WORKERS=workers)
    assert build_digest(consultation).state == "done"
    percents = [percent for percent, _ in written]
    order = ["reading", "grouping", "writing"]
    assert percents == sorted(percents) and [order.index(stage) for _, stage in written] == sorted(
        order.index(stage) for _, stage in written
    )
    assert written[0][1] == "reading"
    grouping = [percent for percent, stage in written if stage == "grouping"]
    assert 10 <= grouping[0] and grouping[-1] == 85
    assert len(set(grouping)) >= 6  # not just once per article: while the big one was read and grouped
    if db.engine.dialect.name != "sqlite":  # SQLite has one writer: its bar waits for the digest's transaction
        assert len({percent for percent, stage in written if stage == "writing"}) >= 4  # then as it is written


def test_a_build_stopped_midway_is_taken_up_where_it_stopped_and_never_half_written(app, monkeypatch):
    from consult.digests import build_groups
    from consult.digests.models import DigestPart

    consultation = make_draft(articles=3)
    for number in (1, 2, 3):
        for text in NOISE + DOGS:
            add_comment(consultation, number, body=f"{text}（第{number}条）")
    analyse_each = build_groups.analyse_each

    def dies_after_the_first(groups, pool, hear=None, meanwhile=None):
        results = analyse_each(groups, pool, hear, meanwhile)
        yield next(results)
        raise RuntimeError("worker killed")  # the others never finish

    monkeypatch.setattr(build_groups, "analyse_each", dies_after_the_first)
    assert build_digest(consultation).state == "failed"
    assert db.session.scalar(db.select(db.func.count()).select_from(ThemeMember)) == 0  # nothing half written
    assert db.session.scalar(db.select(db.func.count()).select_from(DigestPart)) == 1  # the finished article

    analysed = []

    def counting(groups, pool, hear=None, meanwhile=None):
        groups = list(groups)
        analysed.extend(len(comments) for comments, *_ in groups)
        return analyse_each(groups, pool, hear, meanwhile)

    monkeypatch.setattr(build_groups, "analyse_each", counting)
    assert build_digest(consultation).state == "done"
    assert analysed == [8, 8]  # the third article was taken up, not grouped again
    assert db.session.scalar(db.select(db.func.count()).select_from(ThemeMember)) == 24
    assert db.session.scalar(db.select(db.func.count()).select_from(DigestPart)) == 0
    taken_up = _placed()
    monkeypatch.setattr(build_groups, "analyse_each", analyse_each)
    build_digest(consultation)  # grouped from scratch: the same digest
    assert _placed() == taken_up


def _placed():
    return sorted(db.session.execute(db.select(ThemeMember.comment_id, Theme.auto_label).join(Theme)).all())


def test_news_of_an_article_heard_after_it_ended_moves_nothing(monkeypatch):
    from consult.digests import build_groups

    written: list[int] = []
    monkeypatch.setattr(build_groups, "progress", lambda _build, percent, _stage: written.append(percent))
    tracker = build_groups.GroupingProgress(1, 100, [60, 40])
    tracker.hear((0, "reading", 30))
    tracker.finished(1)
    tracker.finished(0)
    tracker.hear((0, "themes", 60))  # sent before it ended, arrived after: old news
    tracker.hear((5, "read", 1))  # not a position of this build
    assert written == sorted(written) and written[-1] == 85 and len(written) == 3


def test_words_common_to_most_articles_are_words_not_characters():
    """The tokens are stored space-joined: the common words are counted word by word."""
    from types import SimpleNamespace

    from consult.digests.build import _common_tokens

    topics = ["遛狗 牵绳", "广场舞 音量", "停车费 太贵", "厕所 太少", "开放 时间", "门票 免费"]
    rows = [
        SimpleNamespace(article_id=article, tokens=f"建议 公园 {topic} 第{article * 3 + n}位")
        for article, topic in enumerate(topics)
        for n in range(3)
    ]
    assert _common_tokens(rows) == {"建议", "公园"}
    assert _common_tokens(rows[:12]) == set()  # fewer than five articles with comments: nothing is common
