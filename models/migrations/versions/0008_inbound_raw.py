"""the bytes of a received message in a row of their own

``inboundraw`` holds each message's raw bytes, moved out of
``inboundmessage.raw`` (which keeps only the header block of a refused
message). SQLite rewrites a whole row on every update, so bytes kept in the
status row cost twice their size as the message was processed.

Revision ID: 0008_inbound_raw
Revises: 0007_check
Create Date: 2026-12-02 05:45:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0008_inbound_raw'
down_revision = '0007_check'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'inboundraw',
        sa.Column('inbound_id', sa.Integer(), nullable=False),
        sa.Column('raw', sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(['inbound_id'], ['inboundmessage.id']),
        sa.PrimaryKeyConstraint('inbound_id'),
    )
    # A refused message keeps its header block where it was (outcome "refused"); every other moves.
    op.execute("INSERT INTO inboundraw (inbound_id, raw) SELECT id, raw FROM inboundmessage "
               "WHERE outcome <> 'refused' AND length(raw) > 0")
    op.get_bind().execute(sa.text("UPDATE inboundmessage SET raw = :empty WHERE id IN "
                                  "(SELECT inbound_id FROM inboundraw)"), {"empty": b""})


def downgrade() -> None:
    op.execute("UPDATE inboundmessage SET raw = (SELECT raw FROM inboundraw WHERE inbound_id = inboundmessage.id) "
               "WHERE id IN (SELECT inbound_id FROM inboundraw)")
    op.drop_table('inboundraw')
