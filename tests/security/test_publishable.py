"""What is printed or exported for outside eyes quotes only publishable comments: approved, and
their authors allowed it. Canaries: one private approved comment, one pending comment."""

import io

import openpyxl
import pytest

from consult.digests import services
from consult.digests.models import Theme, ThemeMember
from consult.extensions import db
from consult.hearings.packet import packet_html

from factories import add_comment, make_hearing

PRIVATE = "私密金丝雀意见夜间音量限制五十分贝"
PENDING = "待审金丝雀意见夜间音量限制五十分贝"


@pytest.fixture
def canaries(app):
    hearing = make_hearing()
    article_id = hearing.items[0].article_id
    private = add_comment(hearing.consultation, 1, body=PRIVATE, wants_public=False)
    pending = add_comment(hearing.consultation, 1, body=PENDING, state="pending")
    # Make the canaries the chosen quotes of the article's largest theme, as a build could.
    theme = db.session.scalars(
        db.select(Theme)
        .filter_by(consultation_id=hearing.consultation_id, article_id=article_id, retired=False)
        .order_by(Theme.size.desc())
    ).first()
    for comment in (private, pending):
        db.session.add(ThemeMember(comment_id=comment.id, theme_id=theme.id, kind="other", pinned=True))
    theme.representative_ids = [private.id, pending.id, *theme.representative_ids]
    theme.size += 2
    db.session.commit()
    return hearing, theme


def test_packet_quotes_neither_private_nor_pending_comments(canaries):
    hearing, theme = canaries
    html = packet_html(hearing)
    assert PRIVATE not in html and PENDING not in html
    # The theme is still quoted, from its public comments.
    assert theme.label in html and "“" in html


def test_staff_digest_page_still_shows_them_to_staff(client, login, canaries):
    hearing, theme = canaries
    login("drafter")
    page = client.get(f"/staff/digests/{hearing.consultation_id}/articles/{theme.article_id}").text
    assert PRIVATE in page


def test_feedback_report_and_summary_export_leave_them_out(client, login, canaries):
    hearing, theme = canaries
    consultation = hearing.consultation
    from datetime import timedelta

    from consult.db import utcnow

    consultation.closes_at = utcnow() - timedelta(minutes=1)
    consultation.status = "closed"
    user = login("drafter")
    theme.representative_ids = [theme.representative_ids[0], *theme.representative_ids]
    services.publish_report(user, consultation, "说明")
    db.session.commit()
    report = client.get(f"/drafts/{consultation.slug}/feedback")
    assert report.status_code == 200
    assert PRIVATE not in report.text and PENDING not in report.text
    xlsx = client.get(f"/staff/digests/{consultation.id}/summary.xlsx")
    cells = " ".join(
        str(c.value) for row in openpyxl.load_workbook(io.BytesIO(xlsx.data)).active.iter_rows() for c in row if c.value
    )
    assert PRIVATE not in cells and PENDING not in cells
