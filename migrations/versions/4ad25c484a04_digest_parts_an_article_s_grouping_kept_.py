"""digest parts: an article's grouping, kept while a build runs so that a retry after a killed worker
takes it up instead of grouping the article again

Revision ID: 4ad25c484a04
Revises: c4a8e1f6b2d9
Create Date: 2026-12-01 07:06:19

"""

import sqlalchemy as sa
from alembic import op

import consult.db

revision = "4ad25c484a04"
down_revision = "c4a8e1f6b2d9"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "digest_parts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("consultation_id", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("payload", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", consult.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["consultation_id"], ["consultations.id"], name=op.f("fk_digest_parts_consultation_id_consultations")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_digest_parts")),
        sa.UniqueConstraint("consultation_id", "fingerprint", name=op.f("uq_digest_parts_consultation_id")),
    )


def downgrade():
    op.drop_table("digest_parts")
