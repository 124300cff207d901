"""An Atom feed of consultations opening and closing and of published feedback reports."""

from datetime import timedelta
from xml.etree import ElementTree

from consult.db import utcnow
from consult.digests.models import FeedbackReport
from consult.extensions import db

from factories import make_draft

ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_feed_lists_what_opened_closed_and_was_reported_and_nothing_unpublished(client):
    now = utcnow()
    closed = make_draft(slug="closed-one", status="open")
    closed.opens_at, closed.closes_at = now - timedelta(days=40), now - timedelta(days=10)
    db.session.add(FeedbackReport(consultation_id=closed.id, published_at=now - timedelta(days=2)))
    make_draft(slug="still-a-draft", status="draft")
    db.session.commit()
    response = client.get("/feeds/consultations.atom")
    assert response.status_code == 200 and response.content_type.startswith("application/atom+xml")
    root = ElementTree.fromstring(response.data)
    titles = [e.findtext(f"{ATOM}title") for e in root.iter(f"{ATOM}entry")]
    assert (
        titles[0].startswith("意见采纳情况")
        and titles[1].startswith("征求意见截止")
        and titles[2].startswith("开始征求意见")
    )
    links = [e.find(f"{ATOM}link").get("href") for e in root.iter(f"{ATOM}entry")]
    assert links[0].endswith("/drafts/closed-one/feedback") and all("still-a-draft" not in link for link in links)
    assert 'type="application/atom+xml"' in client.get("/").text
