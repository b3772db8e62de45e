"""the web desk: staff users, their sessions, the audit log; indexes for the queue

Adds ``staffuser`` (caseworkers, operators, admins with an Argon2 hash),
``staffsession`` (the SHA-256 of each signed-in browser's token) and
``auditentry`` (who viewed or changed which case), ``servicebeat`` (the service's
last wait for mail and last failure, for the operator's mailbox page) and
``casesearch`` (the narrow text the desk's search reads; filled by the desk). The desk's queue pages parts
by due date, within an office or over all, and searches cases by CVR: indexes
for both.

Revision ID: 0005_webdesk
Revises: 0004_workers
Create Date: 2026-12-02 04:10:00
"""
import sqlalchemy as sa
import sqlmodel
import sqlmodel.sql.sqltypes
from alembic import op

revision = '0005_webdesk'
down_revision = '0004_workers'
branch_labels = None
depends_on = None

UTC = sqlmodel.sql.sqltypes.UTCDateTime
TEXT = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    op.create_table(
        'staffuser',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('email', TEXT(), nullable=False),
        sa.Column('office', TEXT(), nullable=False),
        sa.Column('role', TEXT(), nullable=False),
        sa.Column('password_hash', TEXT(), nullable=False),
        sa.Column('disabled', sa.Boolean(), nullable=False),
        sa.Column('created_at', UTC(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_staffuser_email', 'staffuser', ['email'], unique=True)
    op.create_table(
        'staffsession',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('token_hash', TEXT(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=False),
        sa.Column('created_at', UTC(), nullable=False),
        sa.Column('expires_at', UTC(), nullable=False),
        sa.ForeignKeyConstraint(['user_id'], ['staffuser.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_staffsession_token_hash', 'staffsession', ['token_hash'], unique=True)
    op.create_index('ix_staffsession_user_id', 'staffsession', ['user_id'], unique=False)
    op.create_table(
        'auditentry',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('at', UTC(), nullable=False),
        sa.Column('actor', TEXT(), nullable=False),
        sa.Column('action', TEXT(), nullable=False),
        sa.Column('case_id', sa.Integer(), nullable=True),
        sa.Column('detail', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['case_id'], ['case.id']),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_auditentry_case_id', 'auditentry', ['case_id'], unique=False)
    op.create_table(
        'servicebeat',
        sa.Column('kind', TEXT(), nullable=False),
        sa.Column('at', UTC(), nullable=False),
        sa.Column('detail', TEXT(), nullable=False),
        sa.PrimaryKeyConstraint('kind'),
    )
    op.create_table(
        'casesearch',
        sa.Column('case_id', sa.Integer(), nullable=False),
        sa.Column('text', TEXT(), nullable=False),
        sa.ForeignKeyConstraint(['case_id'], ['case.id']),
        sa.PrimaryKeyConstraint('case_id'),
    )
    op.create_index('ix_casepart_queue', 'casepart', ['due_date', 'id'], unique=False)
    op.create_index('ix_casepart_office_queue', 'casepart', ['office', 'due_date', 'id'], unique=False)
    op.create_index('ix_case_cvr', 'case', ['cvr'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_case_cvr', table_name='case')
    op.drop_index('ix_casepart_office_queue', table_name='casepart')
    op.drop_index('ix_casepart_queue', table_name='casepart')
    op.drop_table('casesearch')
    op.drop_table('servicebeat')
    op.drop_index('ix_auditentry_case_id', table_name='auditentry')
    op.drop_table('auditentry')
    op.drop_index('ix_staffsession_user_id', table_name='staffsession')
    op.drop_index('ix_staffsession_token_hash', table_name='staffsession')
    op.drop_table('staffsession')
    op.drop_index('ix_staffuser_email', table_name='staffuser')
    op.drop_table('staffuser')
