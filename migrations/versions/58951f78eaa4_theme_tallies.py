"""theme tallies: each theme's residents, stances, mentions and campaigns kept on the theme, so that
digest pages read them instead of counting a million members per view; counted here once for the
digests already built; and an index for the few comments to tag next

Revision ID: 58951f78eaa4
Revises: 4ad25c484a04
Create Date: 2026-12-01 10:17:38

"""

from collections import defaultdict

import sqlalchemy as sa
from alembic import op

revision = "58951f78eaa4"
down_revision = "4ad25c484a04"
branch_labels = None
depends_on = None

ASKED = {"postgresql_where": sa.text("ask_rank IS NOT NULL"), "sqlite_where": sa.text("ask_rank IS NOT NULL")}
COLUMNS = ("resident_count", "stance_support", "stance_oppose", "stance_neither", "stance_confirmed", "mention_count")

MEMBERS = "FROM theme_members m {join} WHERE m.theme_id = themes.id"
STANCE = "coalesce(s.tag, s.suggested)"
BACKFILL = {
    "resident_count": (
        "count(DISTINCT c.resident_key) + coalesce(sum(CASE WHEN c.resident_key IS NULL THEN 1 ELSE 0 END), 0)",
        MEMBERS.format(join="JOIN comments c ON c.id = m.comment_id"),
    ),
    **{
        f"stance_{name}": (
            f"coalesce(sum(CASE WHEN {STANCE} = '{name}' THEN 1 ELSE 0 END), 0)",
            MEMBERS.format(join="JOIN comment_stances s ON s.comment_id = m.comment_id"),
        )
        for name in ("support", "oppose", "neither")
    },
    "stance_confirmed": (
        "coalesce(sum(CASE WHEN s.tag IS NOT NULL THEN 1 ELSE 0 END), 0)",
        MEMBERS.format(join="JOIN comment_stances s ON s.comment_id = m.comment_id"),
    ),
    "mention_count": (
        "count(*)",
        "FROM theme_mentions t LEFT JOIN theme_members own ON own.comment_id = t.comment_id "
        "WHERE t.theme_id = themes.id AND NOT themes.retired AND NOT t.disputed "
        "AND coalesce(own.theme_id, 0) != t.theme_id",
    ),
}
CAMPAIGNS = (
    "SELECT theme_id, duplicate_of_id, count(*) FROM theme_members WHERE duplicate_of_id IS NOT NULL "
    "GROUP BY theme_id, duplicate_of_id HAVING count(*) >= 2"
)
STATEMENTS = [f"UPDATE themes SET {column} = (SELECT {value} {source})" for column, (value, source) in BACKFILL.items()]


def upgrade():
    with op.batch_alter_table("themes", schema=None) as batch_op:
        for column in COLUMNS:
            batch_op.add_column(sa.Column(column, sa.Integer(), server_default="0", nullable=False))
        batch_op.add_column(sa.Column("campaigns", sa.JSON(), server_default="[]", nullable=False))
    for statement in STATEMENTS:
        op.execute(statement)
    count_campaigns(op.get_bind())
    with op.batch_alter_table("comment_stances", schema=None) as batch_op:
        batch_op.create_index("ix_comment_stances_asked", ["consultation_id", "ask_rank"], **ASKED)


def count_campaigns(connection) -> None:
    """Each theme's 20 largest groups of three or more copies: [first comment, copies], largest first."""
    found = defaultdict(list)
    for theme_id, first, copies in connection.execute(sa.text(CAMPAIGNS)):
        found[theme_id].append([first, copies + 1])
    update = sa.text("UPDATE themes SET campaigns = :campaigns WHERE id = :id").bindparams(
        sa.bindparam("campaigns", type_=sa.JSON)
    )
    for theme_id, groups in found.items():
        groups.sort(key=lambda group: (-group[1], group[0]))
        connection.execute(update, {"id": theme_id, "campaigns": groups[:20]})


def downgrade():
    with op.batch_alter_table("comment_stances", schema=None) as batch_op:
        batch_op.drop_index("ix_comment_stances_asked", **ASKED)
    with op.batch_alter_table("themes", schema=None) as batch_op:
        batch_op.drop_column("campaigns")
        for column in reversed(COLUMNS):
            batch_op.drop_column(column)
