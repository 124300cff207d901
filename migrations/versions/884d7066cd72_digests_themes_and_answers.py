"""digests, themes and answers

Revision ID: 884d7066cd72
Revises: 2c5527cb05af
Create Date: 2026-11-27 07:22:30.803622

"""
from alembic import op
import sqlalchemy as sa

import consult.db


revision = '884d7066cd72'
down_revision = '2c5527cb05af'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('digest_builds',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('consultation_id', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('progress', sa.Integer(), nullable=False),
    sa.Column('stage', sa.String(length=40), nullable=False),
    sa.Column('error', sa.Text(), nullable=False),
    sa.Column('requested_by_id', sa.Integer(), nullable=True),
    sa.Column('comment_count', sa.Integer(), nullable=False),
    sa.Column('last_comment_id', sa.Integer(), nullable=False),
    sa.Column('stats', sa.JSON(), nullable=False),
    sa.Column('created_at', consult.db.UTCDateTime(), nullable=False),
    sa.Column('started_at', consult.db.UTCDateTime(), nullable=True),
    sa.Column('finished_at', consult.db.UTCDateTime(), nullable=True),
    sa.CheckConstraint("state IN ('queued', 'running', 'done', 'failed')", name=op.f('ck_digest_builds_state')),
    sa.ForeignKeyConstraint(['consultation_id'], ['consultations.id'], name=op.f('fk_digest_builds_consultation_id_consultations')),
    sa.ForeignKeyConstraint(['requested_by_id'], ['users.id'], name=op.f('fk_digest_builds_requested_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_digest_builds'))
    )
    with op.batch_alter_table('digest_builds', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_digest_builds_consultation_id'), ['consultation_id'], unique=False)

    op.create_table('feedback_reports',
    sa.Column('consultation_id', sa.Integer(), nullable=False),
    sa.Column('introduction', sa.Text(), nullable=False),
    sa.Column('published_at', consult.db.UTCDateTime(), nullable=True),
    sa.Column('published_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['consultation_id'], ['consultations.id'], name=op.f('fk_feedback_reports_consultation_id_consultations')),
    sa.ForeignKeyConstraint(['published_by_id'], ['users.id'], name=op.f('fk_feedback_reports_published_by_id_users')),
    sa.PrimaryKeyConstraint('consultation_id', name=op.f('pk_feedback_reports'))
    )
    op.create_table('themes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('consultation_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=True),
    sa.Column('auto_label', sa.String(length=200), nullable=False),
    sa.Column('custom_label', sa.String(length=200), nullable=True),
    sa.Column('keywords', sa.JSON(), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('kinds', sa.JSON(), nullable=False),
    sa.Column('representative_ids', sa.JSON(), nullable=False),
    sa.Column('shaped', sa.Boolean(), nullable=False),
    sa.Column('retired', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('decision', sa.String(length=20), nullable=True),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('answered_by_id', sa.Integer(), nullable=True),
    sa.Column('answered_at', consult.db.UTCDateTime(), nullable=True),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('created_at', consult.db.UTCDateTime(), nullable=False),
    sa.CheckConstraint("decision IS NULL OR decision IN ('adopted', 'partly_adopted', 'not_adopted', 'already_provided', 'out_of_scope')", name=op.f('ck_themes_decision')),
    sa.ForeignKeyConstraint(['answered_by_id'], ['users.id'], name=op.f('fk_themes_answered_by_id_users')),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_themes_article_id_articles')),
    sa.ForeignKeyConstraint(['consultation_id'], ['consultations.id'], name=op.f('fk_themes_consultation_id_consultations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_themes'))
    )
    with op.batch_alter_table('themes', schema=None) as batch_op:
        batch_op.create_index('ix_themes_place', ['consultation_id', 'article_id'], unique=False)

    op.create_table('comment_answers',
    sa.Column('comment_id', sa.Integer(), nullable=False),
    sa.Column('decision', sa.String(length=20), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('answered_by_id', sa.Integer(), nullable=False),
    sa.Column('answered_at', consult.db.UTCDateTime(), nullable=False),
    sa.CheckConstraint("decision IN ('adopted', 'partly_adopted', 'not_adopted', 'already_provided', 'out_of_scope')", name=op.f('ck_comment_answers_decision')),
    sa.ForeignKeyConstraint(['answered_by_id'], ['users.id'], name=op.f('fk_comment_answers_answered_by_id_users')),
    sa.ForeignKeyConstraint(['comment_id'], ['comments.id'], name=op.f('fk_comment_answers_comment_id_comments')),
    sa.PrimaryKeyConstraint('comment_id', name=op.f('pk_comment_answers'))
    )
    op.create_table('comment_placements',
    sa.Column('comment_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=True),
    sa.Column('placed_by_id', sa.Integer(), nullable=False),
    sa.Column('placed_at', consult.db.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_comment_placements_article_id_articles')),
    sa.ForeignKeyConstraint(['comment_id'], ['comments.id'], name=op.f('fk_comment_placements_comment_id_comments')),
    sa.ForeignKeyConstraint(['placed_by_id'], ['users.id'], name=op.f('fk_comment_placements_placed_by_id_users')),
    sa.PrimaryKeyConstraint('comment_id', name=op.f('pk_comment_placements'))
    )
    op.create_table('comment_references',
    sa.Column('comment_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_comment_references_article_id_articles')),
    sa.ForeignKeyConstraint(['comment_id'], ['comments.id'], name=op.f('fk_comment_references_comment_id_comments')),
    sa.PrimaryKeyConstraint('comment_id', 'article_id', name=op.f('pk_comment_references'))
    )
    with op.batch_alter_table('comment_references', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_comment_references_article_id'), ['article_id'], unique=False)

    op.create_table('theme_members',
    sa.Column('comment_id', sa.Integer(), nullable=False),
    sa.Column('theme_id', sa.Integer(), nullable=False),
    sa.Column('duplicate_of_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('pinned', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['comment_id'], ['comments.id'], name=op.f('fk_theme_members_comment_id_comments')),
    sa.ForeignKeyConstraint(['duplicate_of_id'], ['comments.id'], name=op.f('fk_theme_members_duplicate_of_id_comments')),
    sa.ForeignKeyConstraint(['theme_id'], ['themes.id'], name=op.f('fk_theme_members_theme_id_themes')),
    sa.PrimaryKeyConstraint('comment_id', name=op.f('pk_theme_members'))
    )
    with op.batch_alter_table('theme_members', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_theme_members_theme_id'), ['theme_id'], unique=False)



def downgrade():
    with op.batch_alter_table('theme_members', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_theme_members_theme_id'))

    op.drop_table('theme_members')
    with op.batch_alter_table('comment_references', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_comment_references_article_id'))

    op.drop_table('comment_references')
    op.drop_table('comment_placements')
    op.drop_table('comment_answers')
    with op.batch_alter_table('themes', schema=None) as batch_op:
        batch_op.drop_index('ix_themes_place')

    op.drop_table('themes')
    op.drop_table('feedback_reports')
    with op.batch_alter_table('digest_builds', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_digest_builds_consultation_id'))

    op.drop_table('digest_builds')
