"""accounts and drafts

Revision ID: 726a9ecb23ee
Revises: 
Create Date: 2026-11-27 07:06:11.146691

"""
from alembic import op
import sqlalchemy as sa

import consult.db


revision = '726a9ecb23ee'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('drafts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('created_at', consult.db.UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_drafts'))
    )
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('email', sa.String(length=254), nullable=False),
    sa.Column('display_name', sa.String(length=80), nullable=False),
    sa.Column('role', sa.String(length=20), nullable=False),
    sa.Column('password_hash', sa.String(length=255), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('session_token', sa.String(length=32), nullable=False),
    sa.Column('created_at', consult.db.UTCDateTime(), nullable=False),
    sa.Column('last_login_at', consult.db.UTCDateTime(), nullable=True),
    sa.CheckConstraint("role IN ('admin', 'drafter', 'moderator', 'organizer')", name=op.f('ck_users_role')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('email', name=op.f('uq_users_email'))
    )
    op.create_table('articles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('draft_id', sa.Integer(), nullable=False),
    sa.Column('created_at', consult.db.UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['draft_id'], ['drafts.id'], name=op.f('fk_articles_draft_id_drafts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_articles'))
    )
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_articles_draft_id'), ['draft_id'], unique=False)

    op.create_table('draft_versions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('draft_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('label', sa.String(length=40), nullable=False),
    sa.Column('created_at', consult.db.UTCDateTime(), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('source_filename', sa.String(length=255), nullable=False),
    sa.Column('source_kind', sa.String(length=10), nullable=False),
    sa.Column('source_encoding', sa.String(length=20), nullable=True),
    sa.Column('source_data', sa.LargeBinary(), nullable=False),
    sa.Column('preamble', sa.Text(), nullable=False),
    sa.Column('parse_warnings', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_draft_versions_created_by_id_users')),
    sa.ForeignKeyConstraint(['draft_id'], ['drafts.id'], name=op.f('fk_draft_versions_draft_id_drafts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_draft_versions')),
    sa.UniqueConstraint('draft_id', 'position', name=op.f('uq_draft_versions_draft_id'))
    )
    with op.batch_alter_table('draft_versions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_draft_versions_draft_id'), ['draft_id'], unique=False)

    op.create_table('pending_imports',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('token', sa.String(length=43), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=False),
    sa.Column('created_at', consult.db.UTCDateTime(), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('encoding', sa.String(length=20), nullable=True),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_pending_imports_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pending_imports')),
    sa.UniqueConstraint('token', name=op.f('uq_pending_imports_token'))
    )
    op.create_table('consultations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('draft_id', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('slug', sa.String(length=80), nullable=False),
    sa.Column('memo', sa.Text(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('opens_at', consult.db.UTCDateTime(), nullable=True),
    sa.Column('closes_at', consult.db.UTCDateTime(), nullable=True),
    sa.Column('created_at', consult.db.UTCDateTime(), nullable=False),
    sa.Column('updated_at', consult.db.UTCDateTime(), nullable=False),
    sa.CheckConstraint("status IN ('draft', 'open', 'closed', 'archived')", name=op.f('ck_consultations_status')),
    sa.ForeignKeyConstraint(['draft_id'], ['drafts.id'], name=op.f('fk_consultations_draft_id_drafts')),
    sa.ForeignKeyConstraint(['version_id'], ['draft_versions.id'], name=op.f('fk_consultations_version_id_draft_versions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consultations')),
    sa.UniqueConstraint('slug', name=op.f('uq_consultations_slug'))
    )
    with op.batch_alter_table('consultations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_consultations_draft_id'), ['draft_id'], unique=False)

    op.create_table('structure_nodes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('parent_id', sa.Integer(), nullable=True),
    sa.Column('article_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=True),
    sa.Column('ordinal', sa.Integer(), nullable=False),
    sa.Column('sub_ordinal', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.CheckConstraint("kind IN ('part', 'chapter', 'section', 'article', 'paragraph', 'item', 'subitem', 'annex')", name=op.f('ck_structure_nodes_kind')),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], name=op.f('fk_structure_nodes_article_id_articles')),
    sa.ForeignKeyConstraint(['parent_id'], ['structure_nodes.id'], name=op.f('fk_structure_nodes_parent_id_structure_nodes')),
    sa.ForeignKeyConstraint(['version_id'], ['draft_versions.id'], name=op.f('fk_structure_nodes_version_id_draft_versions')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_structure_nodes')),
    sa.UniqueConstraint('version_id', 'position', name=op.f('uq_structure_nodes_version_id'))
    )
    with op.batch_alter_table('structure_nodes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_structure_nodes_article_id'), ['article_id'], unique=False)
        batch_op.create_index('ix_structure_nodes_lookup', ['version_id', 'kind', 'ordinal', 'sub_ordinal'], unique=False)



def downgrade():
    with op.batch_alter_table('structure_nodes', schema=None) as batch_op:
        batch_op.drop_index('ix_structure_nodes_lookup')
        batch_op.drop_index(batch_op.f('ix_structure_nodes_article_id'))

    op.drop_table('structure_nodes')
    with op.batch_alter_table('consultations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consultations_draft_id'))

    op.drop_table('consultations')
    op.drop_table('pending_imports')
    with op.batch_alter_table('draft_versions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_draft_versions_draft_id'))

    op.drop_table('draft_versions')
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_articles_draft_id'))

    op.drop_table('articles')
    op.drop_table('users')
    op.drop_table('drafts')
