"""case lifecycle: decisions, the paused clock, contact persons, star meetings

Adds to ``case`` the decision and its time, the closing time, the pause
bookkeeping of the service-goal clock (``paused_since``, ``paused_seconds``,
``pauses_json``), the assigned caseworker, the complex flag, the offices
involved and the contact person's address; and the ``meeting`` table.
Existing cases get ``offices = [office]`` and a running clock.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29 00:20:00
"""
import sqlalchemy as sa
import sqlmodel
import sqlmodel.sql.sqltypes
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

UTC = sqlmodel.sql.sqltypes.UTCDateTime
TEXT = sqlmodel.sql.sqltypes.AutoString


def upgrade() -> None:
    with op.batch_alter_table('case', schema=None) as batch_op:
        batch_op.add_column(sa.Column('decision', TEXT(), nullable=True))
        batch_op.add_column(sa.Column('decided_at', UTC(), nullable=True))
        batch_op.add_column(sa.Column('closed_at', UTC(), nullable=True))
        batch_op.add_column(sa.Column('paused_since', UTC(), nullable=True))
        batch_op.add_column(sa.Column('paused_seconds', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('pauses_json', sa.Text(), nullable=False, server_default='[]'))
        batch_op.add_column(sa.Column('assigned_to', TEXT(), nullable=True))
        batch_op.add_column(sa.Column('complex', sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column('offices', sa.Text(), nullable=False, server_default='[]'))
        batch_op.add_column(sa.Column('contact_email', TEXT(), nullable=True))
    # Office ids are plain identifiers, so string concatenation makes valid JSON.
    op.execute("""UPDATE "case" SET offices = '["' || office || '"]'""")

    op.create_table('meeting',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('uid', TEXT(), nullable=False),
    sa.Column('starts_at', UTC(), nullable=False),
    sa.Column('ends_at', UTC(), nullable=False),
    sa.Column('location', TEXT(), nullable=False),
    sa.Column('participants', sa.Text(), nullable=False),
    sa.Column('status', TEXT(), nullable=False),
    sa.Column('outcome', sa.Text(), nullable=False),
    sa.Column('open_questions', sa.Text(), nullable=False),
    sa.Column('created_at', UTC(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['case.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('uid')
    )
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_case_id'), ['case_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_status'), ['status'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_status'))
        batch_op.drop_index(batch_op.f('ix_meeting_case_id'))
    op.drop_table('meeting')
    with op.batch_alter_table('case', schema=None) as batch_op:
        for name in ('contact_email', 'offices', 'complex', 'assigned_to', 'pauses_json', 'paused_seconds',
                     'paused_since', 'closed_at', 'decided_at', 'decision'):
            batch_op.drop_column(name)
