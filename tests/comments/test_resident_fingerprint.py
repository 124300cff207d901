"""Themes count people, not submissions: comments left with the same contact share a keyed
fingerprint, which reveals nothing without the key and never leaves the server."""

import sqlalchemy as sa

from consult.comments.models import Comment
from consult.comments.privacy import ContactCipher, canonical_contact
from consult.digests.models import Theme, ThemeMember
from consult.extensions import db

from factories import add_comment, build_digest, make_draft

KEY_A = "u5vjcHyfAVwQz2QhBmXhYkQWxkH8v1kEm0sYQ5bS0cE="
KEY_B = "3mN1JQk0bV3xD9nXz2HqYtq8L6cWwZr1Vb5aP4sKx0E="


def test_one_person_spells_a_contact_many_ways():
    same = ["13912345678", "+86 139-1234-5678", "139 1234 5678", "8613912345678"]
    assert {canonical_contact(c) for c in same} == {"13912345678"}
    assert canonical_contact(" Li.Ming@Example.ORG ") == "li.ming@example.org"


def test_the_fingerprint_is_keyed_and_shows_nothing_of_the_contact():
    a, b = ContactCipher((KEY_A,)), ContactCipher((KEY_B,))
    assert a.fingerprint("13912345678") == a.fingerprint("+86 139 1234 5678")
    assert a.fingerprint("13912345678") != a.fingerprint("13912345679")
    assert a.fingerprint("13912345678") != b.fingerprint("13912345678")
    assert "1391234" not in a.fingerprint("13912345678")


def test_a_theme_counts_the_people_behind_its_comments(client, login):
    consultation = make_draft(articles=2)
    # One person sends the same opinion three times (the third time spelling the number another
    # way); someone else, leaving no contact, agrees.
    texts = [
        "遛狗必须拴绳，大狗太吓人了。",
        "遛狗必须拴绳，大狗太吓人了！",
        "遛狗必须拴绳！大狗太吓人了",
        "遛狗必须拴绳，大狗太吓人",
    ]
    for text, contact in zip(texts, ["139-1234-5678", "13912345678", "+86 139 1234 5678", ""]):
        add_comment(consultation, 1, body=text, contact=contact)
    build_digest(consultation)
    comment = db.session.scalar(sa.select(Comment).filter_by(body=texts[0]))
    theme_id = db.session.get(ThemeMember, comment.id).theme_id
    login("drafter")
    page = client.get(f"/staff/digests/themes/{theme_id}").text
    assert "4 条 · 来自 2 位提出者" in page
    overview = client.get(f"/staff/digests/{consultation.id}/articles/{comment.article_id}").text
    assert "来自 2 位提出者" in overview
    assert comment.resident_key not in page and comment.resident_key not in overview


def test_the_command_fills_in_fingerprints_for_older_comments(runner):
    consultation = make_draft(articles=1)
    comment = add_comment(consultation, 1, body="公园厕所太少。", contact="li@example.org")
    expected = comment.resident_key
    comment.resident_key = None
    db.session.commit()
    result = runner.invoke(args=["comments", "fingerprint"])
    assert result.exit_code == 0 and "Fingerprinted 1 comments." in result.output
    db.session.expire_all()
    assert db.session.get(Comment, comment.id).resident_key == expected


def test_the_command_recounts_the_people_behind_each_theme(runner):
    consultation = make_draft(articles=1)
    texts = ["公园厕所太少了。", "公园厕所太少了！", "公园的厕所太少了"]
    comments = [add_comment(consultation, 1, body=text, contact="li@example.org") for text in texts]
    build_digest(consultation)
    theme = db.session.get(Theme, db.session.get(ThemeMember, comments[0].id).theme_id)
    assert (theme.size, theme.resident_count) == (3, 1)
    db.session.execute(sa.update(Comment).values(resident_key=None))  # stored before fingerprints existed
    build_digest(consultation)
    assert db.session.get(Theme, theme.id).resident_count == 3
    assert runner.invoke(args=["comments", "fingerprint"]).exit_code == 0
    db.session.expire_all()
    assert db.session.get(Theme, theme.id).resident_count == 1
