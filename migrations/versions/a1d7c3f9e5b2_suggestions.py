"""deputies' suggestions: units, deputy and unit accounts, suggestions, answers, ratings, events

Revision ID: a1d7c3f9e5b2
Revises: f9c5a1e7b3d2
Create Date: 2026-12-01 00:40:00

"""
import sqlalchemy as sa
from alembic import op

import consult.db

revision = "a1d7c3f9e5b2"
down_revision = "f9c5a1e7b3d2"
branch_labels = None
depends_on = None

STAFF = "'admin', 'drafter', 'moderator', 'organizer'"


def upgrade():
    op.create_table(
        "units",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("created_at", consult.db.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_units")),
        sa.UniqueConstraint("name", name=op.f("uq_units_name")),
    )
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.add_column(sa.Column("unit_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(batch_op.f("fk_users_unit_id_units"), "units", ["unit_id"], ["id"])
        batch_op.drop_constraint(batch_op.f("ck_users_role"), type_="check")
        batch_op.create_check_constraint("role", sa.text(f"role IN ({STAFF}, 'deputy', 'unit')"))
    op.create_table(
        "suggestions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deputy_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("cosigner_ids", sa.JSON(), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("key", sa.Boolean(), nullable=False),
        sa.Column("supervisor", sa.String(length=100), nullable=False),
        sa.Column("lead_unit_id", sa.Integer(), nullable=True),
        sa.Column("co_unit_ids", sa.JSON(), nullable=False),
        sa.Column("merged_into_id", sa.Integer(), nullable=True),
        sa.Column("public", sa.Boolean(), nullable=False),
        sa.Column("created_at", consult.db.UTCDateTime(), nullable=False),
        sa.Column("submitted_at", consult.db.UTCDateTime(), nullable=True),
        sa.Column("assigned_at", consult.db.UTCDateTime(), nullable=True),
        sa.Column("due_at", consult.db.UTCDateTime(), nullable=True),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "state IN ('draft', 'submitted', 'accepted', 'merged', 'assigned', 'answered', 'closed')",
            name=op.f("ck_suggestions_state"),
        ),
        sa.ForeignKeyConstraint(["deputy_id"], ["users.id"], name=op.f("fk_suggestions_deputy_id_users")),
        sa.ForeignKeyConstraint(["lead_unit_id"], ["units.id"], name=op.f("fk_suggestions_lead_unit_id_units")),
        sa.ForeignKeyConstraint(
            ["merged_into_id"], ["suggestions.id"], name=op.f("fk_suggestions_merged_into_id_suggestions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suggestions")),
    )
    with op.batch_alter_table("suggestions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_suggestions_deputy_id"), ["deputy_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_suggestions_lead_unit_id"), ["lead_unit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_suggestions_state"), ["state"], unique=False)
    op.create_table(
        "suggestion_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("suggestion_id", sa.Integer(), nullable=False),
        sa.Column("unit_id", sa.Integer(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("category", sa.String(length=1), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", consult.db.UTCDateTime(), nullable=False),
        sa.CheckConstraint("category IN ('A', 'B', 'C')", name=op.f("ck_suggestion_answers_category")),
        sa.ForeignKeyConstraint(
            ["suggestion_id"], ["suggestions.id"], name=op.f("fk_suggestion_answers_suggestion_id_suggestions")
        ),
        sa.ForeignKeyConstraint(["unit_id"], ["units.id"], name=op.f("fk_suggestion_answers_unit_id_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suggestion_answers")),
    )
    with op.batch_alter_table("suggestion_answers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_suggestion_answers_suggestion_id"), ["suggestion_id"], unique=False)
    op.create_table(
        "suggestion_ratings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("suggestion_id", sa.Integer(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("rating", sa.String(length=12), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("created_at", consult.db.UTCDateTime(), nullable=False),
        sa.CheckConstraint("rating IN ('satisfied', 'basic', 'unsatisfied')", name=op.f("ck_suggestion_ratings_rating")),
        sa.ForeignKeyConstraint(
            ["suggestion_id"], ["suggestions.id"], name=op.f("fk_suggestion_ratings_suggestion_id_suggestions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suggestion_ratings")),
    )
    with op.batch_alter_table("suggestion_ratings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_suggestion_ratings_suggestion_id"), ["suggestion_id"], unique=False)
    op.create_table(
        "suggestion_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("suggestion_id", sa.Integer(), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("from_state", sa.String(length=12), nullable=False),
        sa.Column("to_state", sa.String(length=12), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("at", consult.db.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(["actor_id"], ["users.id"], name=op.f("fk_suggestion_events_actor_id_users")),
        sa.ForeignKeyConstraint(
            ["suggestion_id"], ["suggestions.id"], name=op.f("fk_suggestion_events_suggestion_id_suggestions")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suggestion_events")),
    )
    with op.batch_alter_table("suggestion_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_suggestion_events_suggestion_id"), ["suggestion_id"], unique=False)


def downgrade():
    op.drop_table("suggestion_events")
    op.drop_table("suggestion_ratings")
    op.drop_table("suggestion_answers")
    op.drop_table("suggestions")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_users_role"), type_="check")
        batch_op.create_check_constraint("role", sa.text(f"role IN ({STAFF})"))
        batch_op.drop_constraint(batch_op.f("fk_users_unit_id_units"), type_="foreignkey")
        batch_op.drop_column("unit_id")
    op.drop_table("units")
