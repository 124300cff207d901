"""hearings

Revision ID: 51673bf7b5c8
Revises: 884d7066cd72
Create Date: 2026-11-27 07:31:49.261411

"""
from alembic import op
import sqlalchemy as sa

import consult.db


revision = '51673bf7b5c8'
down_revision = '884d7066cd72'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('hearings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('consultation_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('starts_at', consult.db.UTCDateTime(), nullable=False),
    sa.Column('venue', sa.String(length=200), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('speaker_slots', sa.Integer(), nullable=False),
    sa.Column('registration_opens_at', consult.db.UTCDateTime(), nullable=True),
    sa.Column('registration_closes_at', consult.db.UTCDateTime(), nullable=True),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('announcement', sa.Text(), nullable=False),
    sa.Column('report', sa.Text(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('created_at', consult.db.UTCDateTime(), nullable=False),
    sa.CheckConstraint("kind IN ('hearing', 'seminar', 'forum')", name=op.f('ck_hearings_kind')),
    sa.CheckConstraint("status IN ('draft', 'announced', 'closed', 'held', 'cancelled')", name=op.f('ck_hearings_status')),
    sa.ForeignKeyConstraint(['consultation_id'], ['consultations.id'], name=op.f('fk_hearings_consultation_id_consultations')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hearings'))
    )
    with op.batch_alter_table('hearings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hearings_consultation_id'), ['consultation_id'], unique=False)

    op.create_table('agenda_items',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('hearing_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=True),
    sa.Column('duration_minutes', sa.Integer(), nullable=False),
    sa.Column('questions', sa.Text(), nullable=False),
    sa.Column('speaker_ids', sa.JSON(), nullable=False),
    sa.Column('minutes', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_agenda_items_article_id_articles')),
    sa.ForeignKeyConstraint(['hearing_id'], ['hearings.id'], name=op.f('fk_agenda_items_hearing_id_hearings')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_agenda_items'))
    )
    with op.batch_alter_table('agenda_items', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_agenda_items_hearing_id'), ['hearing_id'], unique=False)

    op.create_table('hearing_articles',
    sa.Column('hearing_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_hearing_articles_article_id_articles')),
    sa.ForeignKeyConstraint(['hearing_id'], ['hearings.id'], name=op.f('fk_hearing_articles_hearing_id_hearings')),
    sa.PrimaryKeyConstraint('hearing_id', 'article_id', name=op.f('pk_hearing_articles'))
    )
    op.create_table('hearing_registrations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('hearing_id', sa.Integer(), nullable=False),
    sa.Column('receipt', sa.String(length=12), nullable=False),
    sa.Column('idempotency_token', sa.String(length=64), nullable=True),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('article_ids', sa.JSON(), nullable=False),
    sa.Column('stance', sa.String(length=10), nullable=True),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('district', sa.String(length=40), nullable=True),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('contact_encrypted', sa.LargeBinary(), nullable=True),
    sa.Column('state', sa.String(length=15), nullable=False),
    sa.Column('selection_reason', sa.Text(), nullable=False),
    sa.Column('selected_by_id', sa.Integer(), nullable=True),
    sa.Column('selected_at', consult.db.UTCDateTime(), nullable=True),
    sa.Column('attended', sa.Boolean(), nullable=True),
    sa.Column('created_at', consult.db.UTCDateTime(), nullable=False),
    sa.CheckConstraint("kind IN ('speaker', 'observer')", name=op.f('ck_hearing_registrations_kind')),
    sa.CheckConstraint("state IN ('applied', 'selected', 'not_selected', 'withdrawn')", name=op.f('ck_hearing_registrations_state')),
    sa.ForeignKeyConstraint(['hearing_id'], ['hearings.id'], name=op.f('fk_hearing_registrations_hearing_id_hearings')),
    sa.ForeignKeyConstraint(['selected_by_id'], ['users.id'], name=op.f('fk_hearing_registrations_selected_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_hearing_registrations')),
    sa.UniqueConstraint('idempotency_token', name=op.f('uq_hearing_registrations_idempotency_token')),
    sa.UniqueConstraint('receipt', name=op.f('uq_hearing_registrations_receipt'))
    )
    with op.batch_alter_table('hearing_registrations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_hearing_registrations_hearing_id'), ['hearing_id'], unique=False)



def downgrade():
    with op.batch_alter_table('hearing_registrations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hearing_registrations_hearing_id'))

    op.drop_table('hearing_registrations')
    op.drop_table('hearing_articles')
    with op.batch_alter_table('agenda_items', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_agenda_items_hearing_id'))

    op.drop_table('agenda_items')
    with op.batch_alter_table('hearings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_hearings_consultation_id'))

    op.drop_table('hearings')
