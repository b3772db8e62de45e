"""Migration 0006_owners up and down: contacts, the privacy audit, the sender's authentication, purged cases."""
from __future__ import annotations

import sqlalchemy as sa
from alembic import command

from models.db import alembic_config, make_engine, migrate

REVISION = "0006_owners"
BEFORE = "0005_webdesk"  # the revision before


def _columns(engine, table: str) -> set[str]:
    return {c["name"] for c in sa.inspect(engine).get_columns(table)}


def _up_and_down(url: str) -> None:
    engine = make_engine(url)
    command.upgrade(alembic_config(engine), BEFORE)
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO inboundmessage (source, uidvalidity, uid, sha256, message_id, sender, subject, received_at, "
            "status, outcome, kind, reason, attempts, raw, created_at, updated_at) VALUES ('m', 1, '1', 'x', '', '', "
            "'', '2026-11-30 08:00:00', 'done', '', '', '', 1, 'raw', '2026-11-30 08:00:00', '2026-11-30 08:00:00')")
    command.upgrade(alembic_config(engine), REVISION)
    assert "auth" in _columns(engine, "inboundmessage") and "purged_at" in _columns(engine, "case")
    assert {"casecontact", "privacyaudit"} <= set(sa.inspect(engine).get_table_names())
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT auth FROM inboundmessage").scalar_one() == ""
    command.downgrade(alembic_config(engine), BEFORE)
    engine.dispose()
    engine = make_engine(url)
    assert "auth" not in _columns(engine, "inboundmessage") and "purged_at" not in _columns(engine, "case")
    assert not {"casecontact", "privacyaudit"} & set(sa.inspect(engine).get_table_names())
    migrate(engine)  # and up again to head
    assert "auth" in _columns(engine, "inboundmessage")
    engine.dispose()


def test_migration_0006_up_and_down_on_sqlite(tmp_path):
    _up_and_down(f"sqlite:///{tmp_path / 'm.db'}")


def test_migration_0006_up_and_down_on_postgresql(pg_url):
    _up_and_down(pg_url)
