"""comment cuts: each comment's proposal kind and points as the analysis cuts them, worked out at
submission like its tokens (consult.analysis.prepared), so that a digest build skips the rules; a
comment without one, older ones included, is cut the long way

Revision ID: 7c3e91d2a5b0
Revises: 58951f78eaa4
Create Date: 2026-12-01 17:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "7c3e91d2a5b0"
down_revision = "58951f78eaa4"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("comments") as batch_op:
        batch_op.add_column(sa.Column("cut", sa.Text(), nullable=True))


def downgrade():
    with op.batch_alter_table("comments") as batch_op:
        batch_op.drop_column("cut")
