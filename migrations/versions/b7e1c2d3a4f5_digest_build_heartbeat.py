"""digest builds carry a heartbeat and an attempt number

Revision ID: b7e1c2d3a4f5
Revises: 51673bf7b5c8
Create Date: 2026-11-30 12:00:00

"""
import sqlalchemy as sa
from alembic import op

import consult.db

revision = "b7e1c2d3a4f5"
down_revision = "51673bf7b5c8"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("digest_builds", schema=None) as batch_op:
        batch_op.add_column(sa.Column("heartbeat_at", consult.db.UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("attempt", sa.Integer(), server_default="1", nullable=False))


def downgrade():
    with op.batch_alter_table("digest_builds", schema=None) as batch_op:
        batch_op.drop_column("attempt")
        batch_op.drop_column("heartbeat_at")
