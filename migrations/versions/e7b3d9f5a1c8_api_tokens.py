"""API tokens (hashed) and the audit of their use

Revision ID: e7b3d9f5a1c8
Revises: d2f8b4a0c6e9
Create Date: 2026-12-01 00:00:00

"""
import sqlalchemy as sa
from alembic import op

import consult.db

revision = "e7b3d9f5a1c8"
down_revision = "d2f8b4a0c6e9"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "api_tokens",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("prefix", sa.String(length=12), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", consult.db.UTCDateTime(), nullable=False),
        sa.Column("revoked_at", consult.db.UTCDateTime(), nullable=True),
        sa.Column("last_used_at", consult.db.UTCDateTime(), nullable=True),
        sa.CheckConstraint("role IN ('admin', 'drafter', 'moderator', 'organizer')", name=op.f("ck_api_tokens_role")),
        sa.ForeignKeyConstraint(["created_by_id"], ["users.id"], name=op.f("fk_api_tokens_created_by_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_tokens")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_api_tokens_token_hash")),
    )
    op.create_table(
        "api_token_uses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("token_id", sa.Integer(), nullable=False),
        sa.Column("at", consult.db.UTCDateTime(), nullable=False),
        sa.Column("method", sa.String(length=10), nullable=False),
        sa.Column("path", sa.String(length=300), nullable=False),
        sa.Column("status", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["token_id"], ["api_tokens.id"], name=op.f("fk_api_token_uses_token_id_api_tokens")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_token_uses")),
    )
    with op.batch_alter_table("api_token_uses", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_api_token_uses_token_id"), ["token_id"], unique=False)


def downgrade():
    with op.batch_alter_table("api_token_uses", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_api_token_uses_token_id"))
    op.drop_table("api_token_uses")
    op.drop_table("api_tokens")
