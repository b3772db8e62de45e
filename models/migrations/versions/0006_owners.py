"""owners and personal data: who else may write about a case, how a sender was proven, erasure and its audit

Adds ``casecontact`` (addresses a caseworker added to a case), ``privacyaudit``
(exports, erasures and retention runs), ``inboundmessage.auth`` (the DMARC,
DKIM and SPF results of the From) and ``case.purged_at`` (when the personal
details were removed).

Revision ID: 0006_owners
Revises: 0005_webdesk
Create Date: 2026-12-02 04:10:00
"""
import sqlalchemy as sa
import sqlmodel
import sqlmodel.sql.sqltypes
from alembic import op

revision = '0006_owners'
down_revision = '0005_webdesk'
branch_labels = None
depends_on = None

UTC = sqlmodel.sql.sqltypes.UTCDateTime
TEXT = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    op.create_table(
        'casecontact',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('case_id', sa.Integer(), nullable=False),
        sa.Column('email', TEXT(), nullable=False),
        sa.Column('added_by', TEXT(), nullable=False),
        sa.Column('added_at', UTC(), nullable=False),
        sa.ForeignKeyConstraint(['case_id'], ['case.id'], ),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('case_id', 'email'),
    )
    with op.batch_alter_table('casecontact', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_casecontact_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_casecontact_email'), ['email'], unique=False)
    op.create_table(
        'privacyaudit',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('at', UTC(), nullable=False),
        sa.Column('actor', TEXT(), nullable=False),
        sa.Column('action', TEXT(), nullable=False),
        sa.Column('subject_kind', TEXT(), nullable=False),
        sa.Column('subject_sha256', TEXT(), nullable=False),
        sa.Column('detail', sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    with op.batch_alter_table('privacyaudit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_privacyaudit_at'), ['at'], unique=False)
    with op.batch_alter_table('inboundmessage', schema=None) as batch_op:
        batch_op.add_column(sa.Column('auth', TEXT(), nullable=False, server_default=''))
    with op.batch_alter_table('case', schema=None) as batch_op:
        batch_op.add_column(sa.Column('purged_at', UTC(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('case', schema=None) as batch_op:
        batch_op.drop_column('purged_at')
    with op.batch_alter_table('inboundmessage', schema=None) as batch_op:
        batch_op.drop_column('auth')
    op.drop_table('privacyaudit')
    op.drop_table('casecontact')
