"""the instructions of an amendment draft, each commentable

Revision ID: d2f8b4a0c6e9
Revises: c0e6a2b8d4f7
Create Date: 2026-11-30 23:50:00

"""
import sqlalchemy as sa
from alembic import op

revision = "d2f8b4a0c6e9"
down_revision = "c0e6a2b8d4f7"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "amendment_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("article_ids", sa.JSON(), nullable=False),
        sa.Column("removed_ids", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["version_id"], ["draft_versions.id"], name=op.f("fk_amendment_items_version_id_draft_versions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_amendment_items")),
        sa.UniqueConstraint("version_id", "number", name=op.f("uq_amendment_items_version_id")),
    )
    with op.batch_alter_table("amendment_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_amendment_items_version_id"), ["version_id"], unique=False)
    with op.batch_alter_table("comments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("amendment_item_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_comments_amendment_item_id_amendment_items"), "amendment_items", ["amendment_item_id"], ["id"]
        )


def downgrade():
    with op.batch_alter_table("comments", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_comments_amendment_item_id_amendment_items"), type_="foreignkey")
        batch_op.drop_column("amendment_item_id")
    with op.batch_alter_table("amendment_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_amendment_items_version_id"))
    op.drop_table("amendment_items")
