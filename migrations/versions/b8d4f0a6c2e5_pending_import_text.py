"""keep the text read from a PDF or converted office file with the pending upload

Revision ID: b8d4f0a6c2e5
Revises: a7c3e9d5f1b4
Create Date: 2026-11-30 19:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = "b8d4f0a6c2e5"
down_revision = "a7c3e9d5f1b4"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("pending_imports", schema=None) as batch_op:
        batch_op.add_column(sa.Column("extracted", sa.Text(), nullable=True))
        batch_op.add_column(sa.Column("notes", sa.JSON(), nullable=False, server_default="[]"))


def downgrade():
    with op.batch_alter_table("pending_imports", schema=None) as batch_op:
        batch_op.drop_column("notes")
        batch_op.drop_column("extracted")
