"""A resident finds what is there: announced hearings from the home page and the draft, receipt
lookup from every page, the whole-draft comment form from the top of the draft."""

from consult.extensions import db

from factories import make_hearing


def test_home_and_draft_link_the_announced_hearing(client):
    hearing = make_hearing()
    link = f'href="/hearings/{hearing.id}"'
    assert link in client.get("/").text
    assert link in client.get(f"/drafts/{hearing.consultation.slug}").text


def test_a_hearing_not_yet_announced_is_not_linked(client):
    hearing = make_hearing()
    hearing.status = "draft"
    db.session.commit()
    assert f"/hearings/{hearing.id}" not in client.get("/").text


def test_every_page_links_the_receipt_lookup(client):
    hearing = make_hearing()
    slug = hearing.consultation.slug
    for path in ("/", f"/drafts/{slug}", f"/drafts/{slug}/articles/1", f"/drafts/{slug}/memo"):
        assert 'href="/receipts"' in client.get(path).text, path


def test_whole_draft_comments_are_reachable_from_the_top_and_the_contents(client):
    hearing = make_hearing()
    page = client.get(f"/drafts/{hearing.consultation.slug}").text
    top, _, _ = page.partition('id="comments"')
    assert top.count('href="#comments"') >= 2  # the header link and the table of contents
