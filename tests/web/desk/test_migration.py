"""Migration 0004_webdesk up and down on SQLite."""
from __future__ import annotations

from alembic import command
from sqlalchemy import inspect

from models.db import alembic_config, open_database

TABLES = {"staffuser", "staffsession", "auditentry", "servicebeat", "casesearch"}


def test_migration_0004_goes_up_and_down_on_sqlite(tmp_path):
    engine = open_database(f"sqlite:///{tmp_path / 'm.db'}")
    tables = set(inspect(engine).get_table_names())
    assert TABLES <= tables
    assert "ix_casepart_office_queue" in {i["name"] for i in inspect(engine).get_indexes("casepart")}
    command.downgrade(alembic_config(engine), "0003")
    inspector = inspect(engine)
    assert not TABLES & set(inspector.get_table_names())
    assert "ix_casepart_office_queue" not in {i["name"] for i in inspector.get_indexes("casepart")}
    assert "ix_case_cvr" not in {i["name"] for i in inspector.get_indexes("case")}
    command.upgrade(alembic_config(engine), "head")
    assert TABLES <= set(inspect(engine).get_table_names())
    engine.dispose()
