"""how surely a comment belongs to its theme; residents' "this is not my point"

Revision ID: e5f1a7b3c8d2
Revises: d4e8b2c6a9f1
Create Date: 2026-11-30 16:30:00

"""
import sqlalchemy as sa
from alembic import op

import consult.db

revision = "e5f1a7b3c8d2"
down_revision = "d4e8b2c6a9f1"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("theme_members", schema=None) as batch_op:
        batch_op.add_column(sa.Column("fit", sa.Float(), nullable=True))
    op.create_table(
        "answer_disputes",
        sa.Column("comment_id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("theme_id", sa.Integer(), nullable=True),
        sa.Column("created_at", consult.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["comment_id"], ["comments.id"], name=op.f("fk_answer_disputes_comment_id_comments")),
        sa.ForeignKeyConstraint(
            ["consultation_id"], ["consultations.id"], name=op.f("fk_answer_disputes_consultation_id_consultations")
        ),
        sa.ForeignKeyConstraint(["theme_id"], ["themes.id"], name=op.f("fk_answer_disputes_theme_id_themes")),
        sa.PrimaryKeyConstraint("comment_id", name=op.f("pk_answer_disputes")),
    )
    with op.batch_alter_table("answer_disputes", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_answer_disputes_consultation_id"), ["consultation_id"], unique=False)


def downgrade():
    with op.batch_alter_table("answer_disputes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_answer_disputes_consultation_id"))
    op.drop_table("answer_disputes")
    with op.batch_alter_table("theme_members", schema=None) as batch_op:
        batch_op.drop_column("fit")
