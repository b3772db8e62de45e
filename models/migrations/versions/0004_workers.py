"""many workers: a lease on each message being processed; an index for the duplicate-content lookup

``inboundmessage`` gets ``lease_owner`` and ``lease_until``: the worker that holds a
message in ``processing`` and until when, so that several workers on one database
never process one message twice, and a dead worker's message is taken over. The
index on (sha256, status) serves "same content already done?" without scanning
every processed message; the one on the contact person's address serves choosing the
contact person with the fewest open cases.

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
    with op.batch_alter_table('inboundmessage', schema=None) as batch_op:
        batch_op.add_column(sa.Column('lease_owner', sqlmodel.sql.sqltypes.AutoString(), nullable=False,
                                      server_default=''))
        batch_op.add_column(sa.Column('lease_until', sqlmodel.sql.sqltypes.UTCDateTime(), nullable=True))
        batch_op.create_index('ix_inboundmessage_sha256_status', ['sha256', 'status'], unique=False)
    with op.batch_alter_table('case', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_case_contact_email'), ['contact_email'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('case', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_case_contact_email'))
    with op.batch_alter_table('inboundmessage', schema=None) as batch_op:
        batch_op.drop_index('ix_inboundmessage_sha256_status')
        batch_op.drop_column('lease_until')
        batch_op.drop_column('lease_owner')
