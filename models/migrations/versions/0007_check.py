"""checklists: each case part keeps its completeness checklist

Adds ``casepart.checklist_json``: the items of the task type's checklist the
application has (item id -> where found), the items missing and the required
ones missing (``{}`` for a part without a checklist, and for every part made
before this migration).

Revision ID: 0007_check
Revises: 0006_owners
Create Date: 2026-12-02 04:10:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0007_check'
down_revision = '0006_owners'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('casepart') as batch:
        batch.add_column(sa.Column('checklist_json', sa.Text(), nullable=False, server_default='{}'))


def downgrade() -> None:
    with op.batch_alter_table('casepart') as batch:
        batch.drop_column('checklist_json')
