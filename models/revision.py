"""The newest migration's revision, without importing SQLAlchemy or Alembic.

``tests/test_migrations.py`` checks it is Alembic's head: a new migration updates it. A database
already there is opened without importing Alembic (``models.db.migrate``), and a command that reads
straight through the driver (``models.direct``) uses it to know the schema is the one it expects.
"""
from __future__ import annotations

HEAD_REVISION = "0010_part_unread"
