"""a pending upload may be a new version of a consultation's draft

Revision ID: c0e6a2b8d4f7
Revises: b8d4f0a6c2e5
Create Date: 2026-11-30 19:40:00

"""
import sqlalchemy as sa
from alembic import op

revision = "c0e6a2b8d4f7"
down_revision = "b8d4f0a6c2e5"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("pending_imports", schema=None) as batch_op:
        batch_op.add_column(sa.Column("consultation_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_pending_imports_consultation_id_consultations"), "consultations", ["consultation_id"], ["id"]
        )


def downgrade():
    with op.batch_alter_table("pending_imports", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_pending_imports_consultation_id_consultations"), type_="foreignkey")
        batch_op.drop_column("consultation_id")
