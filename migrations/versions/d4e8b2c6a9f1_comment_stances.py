"""comment stances: a drafter's tag and the model's suggestion

Revision ID: d4e8b2c6a9f1
Revises: c3d9a1f0e2b7
Create Date: 2026-11-30 16:00:00

"""
import sqlalchemy as sa
from alembic import op

import consult.db

revision = "d4e8b2c6a9f1"
down_revision = "c3d9a1f0e2b7"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "comment_stances",
        sa.Column("comment_id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("tag", sa.String(length=10), nullable=True),
        sa.Column("tagged_by_id", sa.Integer(), nullable=True),
        sa.Column("tagged_at", consult.db.UTCDateTime(), nullable=True),
        sa.Column("suggested", sa.String(length=10), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("suggested_by", sa.String(length=10), nullable=True),
        sa.Column("ask_rank", sa.Integer(), nullable=True),
        sa.Column("updated_at", consult.db.UTCDateTime(), nullable=False),
        sa.CheckConstraint(
            "tag IS NULL OR tag IN ('support', 'oppose', 'neither')", name=op.f("ck_comment_stances_tag")
        ),
        sa.CheckConstraint(
            "suggested IS NULL OR suggested IN ('support', 'oppose', 'neither')",
            name=op.f("ck_comment_stances_suggested"),
        ),
        sa.ForeignKeyConstraint(["comment_id"], ["comments.id"], name=op.f("fk_comment_stances_comment_id_comments")),
        sa.ForeignKeyConstraint(
            ["consultation_id"], ["consultations.id"], name=op.f("fk_comment_stances_consultation_id_consultations")
        ),
        sa.ForeignKeyConstraint(["tagged_by_id"], ["users.id"], name=op.f("fk_comment_stances_tagged_by_id_users")),
        sa.PrimaryKeyConstraint("comment_id", name=op.f("pk_comment_stances")),
    )
    with op.batch_alter_table("comment_stances", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_comment_stances_consultation_id"), ["consultation_id"], unique=False)


def downgrade():
    with op.batch_alter_table("comment_stances", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_comment_stances_consultation_id"))
    op.drop_table("comment_stances")
