"""comments and moderation

Revision ID: 2c5527cb05af
Revises: 726a9ecb23ee
Create Date: 2026-11-27 07:12:17.900231

"""
from alembic import op
import sqlalchemy as sa

import consult.db


revision = '2c5527cb05af'
down_revision = '726a9ecb23ee'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('comments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('consultation_id', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=True),
    sa.Column('receipt', sa.String(length=12), nullable=False),
    sa.Column('idempotency_token', sa.String(length=64), nullable=True),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('body_normalized', sa.Text(), nullable=False),
    sa.Column('public_body', sa.Text(), nullable=True),
    sa.Column('tokens', sa.Text(), nullable=False),
    sa.Column('display_name', sa.String(length=40), nullable=True),
    sa.Column('contact_encrypted', sa.LargeBinary(), nullable=True),
    sa.Column('district', sa.String(length=40), nullable=True),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('wants_public', sa.Boolean(), nullable=False),
    sa.Column('source', sa.String(length=20), nullable=False),
    sa.Column('state', sa.String(length=10), nullable=False),
    sa.Column('reject_reason', sa.String(length=20), nullable=True),
    sa.Column('created_at', consult.db.UTCDateTime(), nullable=False),
    sa.Column('received_at', consult.db.UTCDateTime(), nullable=True),
    sa.Column('moderated_at', consult.db.UTCDateTime(), nullable=True),
    sa.Column('recorded_by_id', sa.Integer(), nullable=True),
    sa.CheckConstraint("source IN ('web', 'letter', 'email', 'deputy', 'liaison_station', 'seminar')", name=op.f('ck_comments_source')),
    sa.CheckConstraint("state IN ('pending', 'approved', 'rejected')", name=op.f('ck_comments_state')),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_comments_article_id_articles')),
    sa.ForeignKeyConstraint(['consultation_id'], ['consultations.id'], name=op.f('fk_comments_consultation_id_consultations')),
    sa.ForeignKeyConstraint(['recorded_by_id'], ['users.id'], name=op.f('fk_comments_recorded_by_id_users')),
    sa.ForeignKeyConstraint(['version_id'], ['draft_versions.id'], name=op.f('fk_comments_version_id_draft_versions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_comments')),
    sa.UniqueConstraint('idempotency_token', name=op.f('uq_comments_idempotency_token')),
    sa.UniqueConstraint('receipt', name=op.f('uq_comments_receipt'))
    )
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_comments_consultation_id'), ['consultation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_comments_created_at'), ['created_at'], unique=False)
        batch_op.create_index('ix_comments_public', ['consultation_id', 'article_id', 'state', 'wants_public'], unique=False)

    op.create_table('moderation_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('comment_id', sa.Integer(), nullable=True),
    sa.Column('consultation_id', sa.Integer(), nullable=False),
    sa.Column('actor_id', sa.Integer(), nullable=True),
    sa.Column('action', sa.String(length=30), nullable=False),
    sa.Column('reason', sa.String(length=20), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', consult.db.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['actor_id'], ['users.id'], name=op.f('fk_moderation_events_actor_id_users')),
    sa.ForeignKeyConstraint(['comment_id'], ['comments.id'], name=op.f('fk_moderation_events_comment_id_comments')),
    sa.ForeignKeyConstraint(['consultation_id'], ['consultations.id'], name=op.f('fk_moderation_events_consultation_id_consultations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_moderation_events'))
    )
    with op.batch_alter_table('moderation_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_moderation_events_comment_id'), ['comment_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_moderation_events_consultation_id'), ['consultation_id'], unique=False)

    with op.batch_alter_table('consultations', schema=None) as batch_op:
        batch_op.add_column(sa.Column('premoderation', sa.Boolean(), server_default=sa.true(), nullable=False))



def downgrade():
    with op.batch_alter_table('consultations', schema=None) as batch_op:
        batch_op.drop_column('premoderation')

    with op.batch_alter_table('moderation_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_moderation_events_consultation_id'))
        batch_op.drop_index(batch_op.f('ix_moderation_events_comment_id'))

    op.drop_table('moderation_events')
    with op.batch_alter_table('comments', schema=None) as batch_op:
        batch_op.drop_index('ix_comments_public')
        batch_op.drop_index(batch_op.f('ix_comments_created_at'))
        batch_op.drop_index(batch_op.f('ix_comments_consultation_id'))

    op.drop_table('comments')
