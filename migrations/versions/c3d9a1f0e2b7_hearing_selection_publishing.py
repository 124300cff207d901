"""hearing selections are published separately from saving; the hearing audit log

Revision ID: c3d9a1f0e2b7
Revises: b7e1c2d3a4f5
Create Date: 2026-11-30 15:10:00

"""
import sqlalchemy as sa
from alembic import op

import consult.db

revision = "c3d9a1f0e2b7"
down_revision = "b7e1c2d3a4f5"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("hearings", schema=None) as batch_op:
        batch_op.add_column(sa.Column("selection_published_at", consult.db.UTCDateTime(), nullable=True))
    with op.batch_alter_table("hearing_registrations", schema=None) as batch_op:
        batch_op.add_column(sa.Column("published_state", sa.String(length=15), nullable=True))
    # Selections made before this change were shown to applicants at once: they count as published.
    op.execute(
        "UPDATE hearing_registrations SET published_state = state WHERE state IN ('selected', 'not_selected')"
    )
    op.create_table(
        "hearing_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("hearing_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=30), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", consult.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["users.id"], name=op.f("fk_hearing_events_actor_id_users")),
        sa.ForeignKeyConstraint(["hearing_id"], ["hearings.id"], name=op.f("fk_hearing_events_hearing_id_hearings")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_hearing_events")),
    )
    with op.batch_alter_table("hearing_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_hearing_events_hearing_id"), ["hearing_id"], unique=False)


def downgrade():
    with op.batch_alter_table("hearing_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_hearing_events_hearing_id"))
    op.drop_table("hearing_events")
    with op.batch_alter_table("hearing_registrations", schema=None) as batch_op:
        batch_op.drop_column("published_state")
    with op.batch_alter_table("hearings", schema=None) as batch_op:
        batch_op.drop_column("selection_published_at")
