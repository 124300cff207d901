"""a comment's other points: the themes it also speaks to

Revision ID: f6a2b8c4d9e3
Revises: e5f1a7b3c8d2
Create Date: 2026-11-30 19:30:00

"""
import sqlalchemy as sa
from alembic import op

revision = "f6a2b8c4d9e3"
down_revision = "e5f1a7b3c8d2"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "theme_mentions",
        sa.Column("comment_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=False),
        sa.Column("fit", sa.Float(), nullable=False),
        sa.Column("disputed", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["comment_id"], ["comments.id"], name=op.f("fk_theme_mentions_comment_id_comments")),
        sa.ForeignKeyConstraint(["theme_id"], ["themes.id"], name=op.f("fk_theme_mentions_theme_id_themes")),
        sa.PrimaryKeyConstraint("comment_id", "theme_id", name=op.f("pk_theme_mentions")),
    )
    with op.batch_alter_table("theme_mentions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_theme_mentions_theme_id"), ["theme_id"], unique=False)


def downgrade():
    with op.batch_alter_table("theme_mentions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_theme_mentions_theme_id"))
    op.drop_table("theme_mentions")
