"""a keyed hash of a comment's contact, to count residents rather than submissions

Revision ID: a7c3e9d5f1b4
Revises: f6a2b8c4d9e3
Create Date: 2026-11-30 18:50:00

Comments stored before it have none: `flask comments fingerprint` fills them in (it needs the
contact key, which a migration does not have).
"""
import sqlalchemy as sa
from alembic import op

revision = "a7c3e9d5f1b4"
down_revision = "f6a2b8c4d9e3"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("comments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("resident_key", sa.String(length=24), nullable=True))


def downgrade():
    with op.batch_alter_table("comments", schema=None) as batch_op:
        batch_op.drop_column("resident_key")
