"""many workers: a lease on each message being processed; an index for the duplicate-content lookup

``inboundmessage`` gets ``lease_owner`` and ``lease_until``: the worker that holds a
message in ``processing`` and until when, so that several workers on one database
never process one message twice, and a dead worker's message is taken over. The
index on (sha256, status) serves "same content already done?" without scanning
every processed message; the one on the contact person's address serves choosing the
contact person with the fewest open cases. ``attachmentread`` holds what extraction
workers (``intake worker``) read from a message's attachments.

Revision ID: 0004_workers
Revises: 0003
Create Date: 2026-12-02 04:15:00
"""
import sqlalchemy as sa
import sqlmodel
import sqlmodel.sql.sqltypes
from alembic import op

revision = '0004_workers'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'attachmentread',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('inbound_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('result_json', sa.Text(), nullable=False),
        sa.Column('applied', sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column('created_at', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=False),
        sa.ForeignKeyConstraint(['inbound_id'], ['inboundmessage.id']),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('inbound_id', 'position'),
    )
    with op.batch_alter_table('attachmentread', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attachmentread_inbound_id'), ['inbound_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_attachmentread_applied'), ['applied'], unique=False)
    with op.batch_alter_table('inboundmessage', schema=None) as batch_op:
        batch_op.add_column(sa.Column('lease_owner', sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('lease_until', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.create_index('ix_inboundmessage_sha256_status', ['sha256', 'status'], unique=False)
    with op.batch_alter_table('case', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_contact_email'), ['contact_email'], unique=False)


def downgrade() -> None:
    op.drop_table('attachmentread')
    with op.batch_alter_table('case', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_contact_email'))
    with op.batch_alter_table('inboundmessage', schema=None) as batch_op:
        batch_op.drop_index('ix_inboundmessage_sha256_status')
        batch_op.drop_column('lease_until')
        batch_op.drop_column('lease_owner')
