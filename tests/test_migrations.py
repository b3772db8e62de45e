"""The migrations: one line of revisions, down to nothing and up again, and the result matches the tables."""
from __future__ import annotations

import subprocess
import sys

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlmodel import SQLModel

import models  # noqa: F401 - registers the tables
from models.db import alembic_config, current_revision, make_engine, open_database
from models.revision import HEAD_REVISION


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'm.db'}"
    return request.getfixturevalue("pg_url")


def test_one_line_of_revisions():
    engine = make_engine("sqlite://")
    script = ScriptDirectory.from_config(alembic_config(engine))
    assert len(script.get_heads()) == 1, script.get_heads()
    # open_database skips Alembic for a database at HEAD_REVISION: it must be the real head
    assert script.get_current_head() == HEAD_REVISION


def test_a_database_at_head_is_opened_without_alembic_and_an_older_one_is_migrated(url):
    engine = open_database(url)
    assert current_revision(engine) == HEAD_REVISION
    command.downgrade(alembic_config(engine), "-1")
    assert current_revision(engine) not in (None, HEAD_REVISION)
    engine.dispose()
    engine = open_database(url)  # behind head: migrated again
    assert current_revision(engine) == HEAD_REVISION
    assert not _differences(engine)
    engine.dispose()
    probe = ("import sys; from models.db import open_database; open_database(sys.argv[1]); "
             "print('alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe, url], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False", out.stderr


def _differences(engine) -> list:
    with engine.connect() as conn:
        found = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": False}),
                                 SQLModel.metadata)
    return found


def test_down_to_nothing_and_up_again_matches_the_tables(url):
    engine = make_engine(url)
    cfg = alembic_config(engine)
    command.upgrade(cfg, "head")
    assert _differences(engine) == []
    command.downgrade(cfg, "base")
    command.upgrade(cfg, "head")
    assert _differences(engine) == []
    engine.dispose()


def test_0008_moves_the_bytes_of_received_messages_and_back(url):
    from sqlalchemy import text
    from sqlmodel import Session

    from intake.inbound import raw_of
    from models import InboundMessage

    engine = make_engine(url)
    cfg = alembic_config(engine)
    command.upgrade(cfg, "0007_check")
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO inboundmessage (source, uidvalidity, uid, sha256, message_id, sender, subject, received_at, "
            "status, outcome, kind, reason, attempts, raw, created_at, updated_at, lease_owner, auth) VALUES "
            "('m', 1, '1', 'x', '', '', '', '2026-11-30 08:00:00', 'done', 'case', '', '', 1, :raw, "
            "'2026-11-30 08:00:00', '2026-11-30 08:00:00', '', '')"), {"raw": b"the bytes"})
    command.upgrade(cfg, "head")
    with Session(engine) as s:
        rec = s.get(InboundMessage, 1)
        assert rec is not None and rec.raw == b"" and raw_of(s, rec) == b"the bytes"
    command.downgrade(cfg, "0007_check")
    with engine.connect() as conn:
        assert bytes(conn.exec_driver_sql("SELECT raw FROM inboundmessage").scalar_one()) == b"the bytes"
    engine.dispose()


def test_a_database_newer_than_the_software_is_refused_in_one_line(url):
    """Rolling back the software, not the database: Alembic's traceback from every command, and doctor said warn."""
    from sqlalchemy import text

    from intake.doctor import _database_check
    from intake.settings import load_settings
    from models.errors import DatabaseUnavailable

    engine = open_database(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099_future'"))
    engine.dispose()
    with pytest.raises(DatabaseUnavailable, match="newer than the software"):
        open_database(url)
    check = _database_check(load_settings(env={"INTAKE_DATABASE_URL": url}))
    assert check.verdict == "fail" and "0099_future" in check.detail


def test_a_migration_is_logged(url, caplog):
    import logging

    engine = open_database(url)
    command.downgrade(alembic_config(engine), "-1")
    engine.dispose()
    with caplog.at_level(logging.INFO, logger="models.db"):
        open_database(url).dispose()
    (line,) = [r for r in caplog.records if r.getMessage() == "database migrated"]
    assert line.to_revision == HEAD_REVISION and line.from_revision not in ("(empty)", HEAD_REVISION)
