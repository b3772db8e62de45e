"""Alembic environment: runs against the engine handed in by ``models.db.migrate``.

On SQLite, a batch migration that changes a table copies it to a new one and drops
the old; foreign keys are switched off for the run so that tables pointing at it
survive (SQLite's documented procedure), and checked again afterwards.

On PostgreSQL several workers may start at once on a new database: the run holds
a transaction-level advisory lock, so one migrates and the others then find the
schema current.
"""
from alembic import context
from sqlmodel import SQLModel

import models.tables  # noqa: F401  (registers the tables)

config = context.config
MIGRATION_LOCK = 0x696E74616B65  # "intake": the advisory lock key of a migration run
target_metadata = SQLModel.metadata


def run_migrations_online() -> None:
    engine = config.attributes["engine"]
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
            connection.commit()
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=sqlite)
        with context.begin_transaction():
            if connection.dialect.name == "postgresql":
                connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
            context.run_migrations()
        connection.commit()
        if sqlite:
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            connection.exec_driver_sql("PRAGMA foreign_keys=ON")
            connection.commit()
            if broken:
                raise RuntimeError(f"migration left {len(broken)} broken foreign key(s): {broken[:5]}")


run_migrations_online()
