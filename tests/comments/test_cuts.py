"""`flask comments cut` cuts the comments stored without a cut, or by earlier rules, and no others."""

from consult.analysis.prepared import RULES, cut_by_rules, read_cut
from consult.comments.models import Comment
from consult.extensions import db

from factories import add_comment, make_draft


def test_comments_without_a_current_cut_are_cut_and_the_rest_left_alone(app):
    consultation = make_draft(articles=2)
    texts = ["一是延长开放时间；二是增设厕所。", "停车费太贵，希望降低", "支持！", "建议晚上十点关门"]
    for text in texts:
        add_comment(consultation, 1, body=text)
    comments = db.session.scalars(db.select(Comment).order_by(Comment.id)).all()
    current = comments[3].cut
    comments[0].cut, comments[1].cut = None, "0badc0de" + comments[1].cut[len(RULES) :]
    comments[2].cut = None
    db.session.commit()

    result = app.test_cli_runner().invoke(args=["comments", "cut"])
    assert result.exit_code == 0 and "Cut 3 comments." in result.output
    db.session.expire_all()
    for comment in comments:
        words = tuple(comment.tokens.split())
        assert read_cut(comment.cut, comment.body_normalized, words) == cut_by_rules(comment.body_normalized, words)
    assert comments[3].cut == current
    again = app.test_cli_runner().invoke(args=["comments", "cut"])
    assert "Cut 0 comments." in again.output
