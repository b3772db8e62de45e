"""Engine creation and schema migrations (Alembic), for SQLite and PostgreSQL."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import ConnectionPoolEntry
from sqlmodel import create_engine

from models.errors import DatabaseUnavailable
from models.revision import HEAD_REVISION

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _sqlite_pragmas(dbapi_conn: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite gets WAL, full sync and a busy timeout, and its folder is created."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        if parsed.database and parsed.database != ":memory:":
            try:
                Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise DatabaseUnavailable(f"cannot create the database folder of {url}: {err.strerror}") from err
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if parsed.drivername == "postgresql":
        url = str(parsed.set(drivername="postgresql+psycopg"))
    # No ping before every checkout (a round trip each, several per message): a connection the
    # server dropped fails its first statement instead, SQLAlchemy then discards the whole pool,
    # and the runner treats the failure as ours (the message stays in the inbox, uncharged).
    return create_engine(url, pool_pre_ping=False, pool_recycle=1800)


def optimize(engine: Engine) -> None:
    """Let SQLite refresh the statistics its planner uses (``PRAGMA optimize``); nothing on PostgreSQL.

    Without statistics SQLite may pick a poor index as a table grows (the duplicate-content
    lookup read every processed message until it had them); autovacuum does this for PostgreSQL.
    """
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA optimize")


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def current_revision(engine: Engine) -> str | None:
    """The database's migration (one ``SELECT``), or None when it has none yet (a new database).

    A database that cannot be reached raises, as Alembic would.
    """
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except DBAPIError as err:
        if "alembic_version" in str(err.orig):  # no such table / relation does not exist
            return None
        raise


def migrate(engine: Engine) -> None:
    """Bring the schema up to the newest migration (idempotent; Alembic only when there is work), and log it.

    A database at a migration this version does not know is newer than the software (a rollback of the software
    without one of the database): refused with that reason, never Alembic's traceback.
    """
    current = current_revision(engine)
    if current == HEAD_REVISION:
        return
    from alembic import command

    if current is not None and not is_known_revision(engine, current):
        raise DatabaseUnavailable(f"the database is at migration {current}, which this version of intake does not "
                                  f"know (its newest is {HEAD_REVISION}): the database is newer than the software; "
                                  "install the version that wrote it, or restore a backup made before")
    command.upgrade(alembic_config(engine), "head")
    # an upgrade is the operator's to know of; creating the schema of a new database is not news
    log.log(logging.INFO if current else logging.DEBUG, "database migrated",
            extra={"from_revision": current or "(empty)", "to_revision": HEAD_REVISION})


def is_known_revision(engine: Engine, revision: str) -> bool:
    """Whether ``revision`` is one of this version's migrations (Alembic reads the scripts)."""
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    try:
        return ScriptDirectory.from_config(alembic_config(engine)).get_revision(revision) is not None
    except CommandError:
        return False


def open_database(url: str) -> Engine:
    """An engine for ``url`` with the schema migrated to head.

    This is where the service and the CLI first touch the database, so a database
    that cannot be reached becomes ``DatabaseUnavailable`` here, with a one-line
    reason and the URL without its password.
    """
    engine = make_engine(url)
    try:
        migrate(engine)
    except DBAPIError as err:
        engine.dispose()
        raise DatabaseUnavailable(f"cannot reach the database {safe_url(url)}: {short_reason(err)}") from err
    return engine


def safe_url(url: str) -> str:
    """``url`` fit for a message or log line: the password is left out."""
    parsed = make_url(url)
    return parsed._replace(password=None).render_as_string(hide_password=False)


def short_reason(err: DBAPIError) -> str:
    """The driver's reason in a few words: the last clause of its first line ("connection refused")."""
    first = (str(err.orig).strip().splitlines() or [type(err.orig).__name__])[0]
    reason = first.rsplit(": ", 1)[-1].strip() or first
    return reason[:1].lower() + reason[1:] if reason[1:2].islower() else reason
