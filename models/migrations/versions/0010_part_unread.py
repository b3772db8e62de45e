"""a part's unread mark: the business wrote since its office last looked

``casepart.unread_since`` is the moment of the business's first follow-up
that the part's office has not yet seen; the desk's queue marks and filters
those parts, and a desk user of the office opening the case clears it.
Existing parts start read.

Revision ID: 0010_part_unread
Revises: 0009_open_queue
Create Date: 2026-12-07 16:15:00
"""
import sqlalchemy as sa
import sqlmodel.sql.sqltypes
from alembic import op

revision = '0010_part_unread'
down_revision = '0009_open_queue'
branch_labels = None
depends_on = None

UTC = sqlmodel.sql.sqltypes.UTCDateTime


def upgrade() -> None:
    with op.batch_alter_table('casepart', schema=None) as batch_op:
        batch_op.add_column(sa.Column('unread_since', UTC(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('casepart', schema=None) as batch_op:
        batch_op.drop_column('unread_since')
