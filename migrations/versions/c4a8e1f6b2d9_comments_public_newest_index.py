"""an index that also orders published comments by time, so an article's newest are read off it
without sorting (drafts with hundreds of thousands of comments); the narrow one stays for counting

Revision ID: c4a8e1f6b2d9
Revises: b7e2c9d4f1a6
Create Date: 2026-12-01 04:35:00

"""

from alembic import op

revision = "c4a8e1f6b2d9"
down_revision = "b7e2c9d4f1a6"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("comments", schema=None) as batch_op:
        batch_op.create_index(
            "ix_comments_public_newest",
            ["consultation_id", "article_id", "state", "wants_public", "created_at", "id"],
            unique=False,
        )


def downgrade():
    with op.batch_alter_table("comments", schema=None) as batch_op:
        batch_op.drop_index("ix_comments_public_newest")
