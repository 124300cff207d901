"""subscriptions to a draft or a comment, and the outbox of messages

Revision ID: f9c5a1e7b3d2
Revises: e7b3d9f5a1c8
Create Date: 2026-12-01 00:20:00

"""
import sqlalchemy as sa
from alembic import op

import consult.db

revision = "f9c5a1e7b3d2"
down_revision = "e7b3d9f5a1c8"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "subscriptions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("draft_id", sa.Integer(), nullable=False),
        sa.Column("comment_id", sa.Integer(), nullable=True),
        sa.Column("registration_id", sa.Integer(), nullable=True),
        sa.Column("email_encrypted", sa.LargeBinary(), nullable=False),
        sa.Column("email_key", sa.String(length=24), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("created_at", consult.db.UTCDateTime(), nullable=False),
        sa.Column("confirmed_at", consult.db.UTCDateTime(), nullable=True),
        sa.Column("unsubscribed_at", consult.db.UTCDateTime(), nullable=True),
        sa.CheckConstraint("state IN ('pending', 'confirmed', 'unsubscribed')", name=op.f("ck_subscriptions_state")),
        sa.ForeignKeyConstraint(["comment_id"], ["comments.id"], name=op.f("fk_subscriptions_comment_id_comments")),
        sa.ForeignKeyConstraint(["draft_id"], ["drafts.id"], name=op.f("fk_subscriptions_draft_id_drafts")),
        sa.ForeignKeyConstraint(
            ["registration_id"],
            ["hearing_registrations.id"],
            name=op.f("fk_subscriptions_registration_id_hearing_registrations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subscriptions")),
    )
    with op.batch_alter_table("subscriptions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_subscriptions_comment_id"), ["comment_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_subscriptions_draft_id"), ["draft_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_subscriptions_email_key"), ["email_key"], unique=False)
        batch_op.create_index(batch_op.f("ix_subscriptions_registration_id"), ["registration_id"], unique=False)
    op.create_table(
        "outgoing_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("subscription_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("html", sa.Text(), nullable=False),
        sa.Column("unsubscribe_url", sa.String(length=300), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.String(length=300), nullable=False),
        sa.Column("created_at", consult.db.UTCDateTime(), nullable=False),
        sa.Column("next_attempt_at", consult.db.UTCDateTime(), nullable=False),
        sa.Column("sent_at", consult.db.UTCDateTime(), nullable=True),
        sa.CheckConstraint("state IN ('queued', 'sent', 'failed')", name=op.f("ck_outgoing_messages_state")),
        sa.ForeignKeyConstraint(
            ["subscription_id"], ["subscriptions.id"], name=op.f("fk_outgoing_messages_subscription_id_subscriptions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outgoing_messages")),
    )
    with op.batch_alter_table("outgoing_messages", schema=None) as batch_op:
        batch_op.create_index("ix_outgoing_messages_due", ["state", "next_attempt_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_outgoing_messages_sent_at"), ["sent_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_outgoing_messages_subscription_id"), ["subscription_id"], unique=False)


def downgrade():
    op.drop_table("outgoing_messages")
    op.drop_table("subscriptions")
