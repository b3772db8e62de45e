"""case parts and parties: one part per task type; the applicant, whom we answer, who forwarded

Creates ``casepart`` and moves each case's work into its first part: task type,
office, service goal, due date and week, status, decision, the paused clock and
the assigned caseworker (a case before this migration is a case with one part).
Adds to ``case`` the applicant, the address and name we write to, the colleague
who forwarded the application and the earlier case of a renewal (existing cases:
the applicant and the reply address are the sender). ``caseevent`` gets the part
an event concerns. The moved columns leave ``case``.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 01:30:00
"""
import sqlalchemy as sa
import sqlmodel
import sqlmodel.sql.sqltypes
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

UTC = sqlmodel.sql.sqltypes.UTCDateTime
TEXT = sqlmodel.sql.sqltypes.AutoString
MOVED = ("goal_value", "goal_unit", "due_date", "expected_week", "paused_since", "paused_seconds", "pauses_json",
         "assigned_to")
PART_COLUMNS = ("task_type", "office", "needs_triage", *MOVED, "status", "decision", "decided_at", "created_at",
                "updated_at")


def upgrade() -> None:
    op.create_table(
        'casepart',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('case_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('task_type', TEXT(), nullable=False),
        sa.Column('office', TEXT(), nullable=False),
        sa.Column('needs_triage', sa.Boolean(), nullable=False),
        sa.Column('goal_value', sa.Integer(), nullable=False),
        sa.Column('goal_unit', TEXT(), nullable=False),
        sa.Column('due_date', sa.Date(), nullable=False),
        sa.Column('expected_week', TEXT(), nullable=False),
        sa.Column('status', TEXT(), nullable=False),
        sa.Column('decision', TEXT(), nullable=True),
        sa.Column('decided_at', UTC(), nullable=True),
        sa.Column('paused_since', UTC(), nullable=True),
        sa.Column('paused_seconds', sa.Integer(), nullable=False),
        sa.Column('pauses_json', sa.Text(), nullable=False, server_default='[]'),
        sa.Column('assigned_to', TEXT(), nullable=True),
        sa.Column('created_at', UTC(), nullable=False),
        sa.Column('updated_at', UTC(), nullable=False),
        sa.ForeignKeyConstraint(['case_id'], ['case.id'], ),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('case_id', 'task_type'),
    )
    with op.batch_alter_table('casepart', schema=None) as batch_op:
        for column in ('case_id', 'task_type', 'office', 'due_date', 'status'):
            batch_op.create_index(batch_op.f(f'ix_casepart_{column}'), [column], unique=False)
    columns = ", ".join(PART_COLUMNS)
    op.execute(f'INSERT INTO casepart (case_id, position, {columns}) SELECT id, 0, {columns} FROM "case"')

    with op.batch_alter_table('case', schema=None) as batch_op:
        batch_op.add_column(sa.Column('applicant_email', TEXT(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('applicant_name', TEXT(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('reply_email', TEXT(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('reply_name', TEXT(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('forwarded_by', TEXT(), nullable=True))
        batch_op.add_column(sa.Column('linked_case_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_case_linked_case_id', 'case', ['linked_case_id'], ['id'])
        batch_op.create_index(batch_op.f('ix_case_applicant_email'), ['applicant_email'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_reply_email'), ['reply_email'], unique=False)
        batch_op.create_index(batch_op.f('ix_case_received_at'), ['received_at'], unique=False)
    op.execute('UPDATE "case" SET applicant_email = sender, reply_email = sender')
    with op.batch_alter_table('case', schema=None) as batch_op:
        for column in MOVED:
            batch_op.drop_column(column)

    with op.batch_alter_table('caseevent', schema=None) as batch_op:
        batch_op.add_column(sa.Column('part_id', sa.Integer(), nullable=True))
        batch_op.create_foreign_key('fk_caseevent_part_id', 'casepart', ['part_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('caseevent', schema=None) as batch_op:
        batch_op.drop_constraint('fk_caseevent_part_id', type_='foreignkey')
        batch_op.drop_column('part_id')
    with op.batch_alter_table('case', schema=None) as batch_op:
        batch_op.add_column(sa.Column('goal_value', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('goal_unit', TEXT(), nullable=False, server_default='weeks'))
        batch_op.add_column(sa.Column('due_date', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('expected_week', TEXT(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('paused_since', UTC(), nullable=True))
        batch_op.add_column(sa.Column('paused_seconds', sa.Integer(), nullable=False, server_default='0'))
        batch_op.add_column(sa.Column('pauses_json', sa.Text(), nullable=False, server_default='[]'))
        batch_op.add_column(sa.Column('assigned_to', TEXT(), nullable=True))
    for column in MOVED:
        op.execute(f'UPDATE "case" SET {column} = (SELECT p.{column} FROM casepart p '
                   f'WHERE p.case_id = "case".id AND p.position = 0)')
    with op.batch_alter_table('case', schema=None) as batch_op:
        batch_op.alter_column('due_date', existing_type=sa.Date(), nullable=False)
        batch_op.drop_index(batch_op.f('ix_case_received_at'))
        batch_op.drop_index(batch_op.f('ix_case_reply_email'))
        batch_op.drop_index(batch_op.f('ix_case_applicant_email'))
        batch_op.drop_constraint('fk_case_linked_case_id', type_='foreignkey')
        for column in ('linked_case_id', 'forwarded_by', 'reply_name', 'reply_email', 'applicant_name',
                       'applicant_email'):
            batch_op.drop_column(column)
    op.drop_table('casepart')
