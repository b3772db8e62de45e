"""the open parts' queue on partial indexes of its own

The desk's queue shows the parts not yet decided by default. Along the
(due_date, id) indexes of 0004 that meant walking every decided and closed
part with an earlier due date first: after a year or two of service, nearly
all of them. These indexes hold the open parts only; the queue's SQL states
their condition with the same constants.

Revision ID: 0009_open_queue
Revises: 0008_inbound_raw
Create Date: 2026-12-07 10:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0009_open_queue'
down_revision = '0008_inbound_raw'
branch_labels = None
depends_on = None

OPEN = "status IN ('received', 'routed', 'in_progress', 'waiting')"


def upgrade() -> None:
    op.create_index('ix_casepart_open_queue', 'casepart', ['due_date', 'id'],
                    sqlite_where=sa.text(OPEN), postgresql_where=sa.text(OPEN))
    op.create_index('ix_casepart_open_office_queue', 'casepart', ['office', 'due_date', 'id'],
                    sqlite_where=sa.text(OPEN), postgresql_where=sa.text(OPEN))


def downgrade() -> None:
    op.drop_index('ix_casepart_open_office_queue', table_name='casepart')
    op.drop_index('ix_casepart_open_queue', table_name='casepart')
