"""one queued or running digest build per consultation (a partial unique index); extra active builds
left by an earlier race are marked failed, the newest kept

Revision ID: b7e2c9d4f1a6
Revises: 4c82ae4ae05d
Create Date: 2026-12-01 04:10:00

"""

import sqlalchemy as sa
from alembic import op

revision = "b7e2c9d4f1a6"
down_revision = "4c82ae4ae05d"
branch_labels = None
depends_on = None

ACTIVE = "state IN ('queued', 'running')"


def upgrade():
    op.execute(
        f"""UPDATE digest_builds SET state = 'failed', stage = 'failed', error = 'superseded'
        WHERE {ACTIVE} AND id < (SELECT MAX(newer.id) FROM digest_builds AS newer
                                 WHERE newer.consultation_id = digest_builds.consultation_id AND newer.{ACTIVE})"""
    )
    with op.batch_alter_table("digest_builds", schema=None) as batch_op:
        batch_op.create_index(
            "ux_digest_builds_active", ["consultation_id"], unique=True,
            postgresql_where=sa.text(ACTIVE), sqlite_where=sa.text(ACTIVE),
        )  # fmt: skip


def downgrade():
    with op.batch_alter_table("digest_builds", schema=None) as batch_op:
        batch_op.drop_index("ux_digest_builds_active")
