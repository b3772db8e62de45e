"""The database straight through its driver (``sqlite3`` or psycopg), for a read that must start fast.

Importing SQLAlchemy, SQLModel and the tables costs a command about half a second before it
does anything; ``intake case list`` reads one page of the queue in a few milliseconds. This
module opens the database the settings name without them, or says it cannot (None), and the
caller then takes the ordinary way (``models.db.open_database``), which also creates, migrates
and explains. So only a plain URL of an existing database already at ``HEAD_REVISION`` is read
here: nothing is ever created or changed, and an unusual URL is never half understood.
"""
from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any, NamedTuple

from models.errors import DatabaseUnavailable
from models.revision import HEAD_REVISION

SQLITE_SCHEMES = ("sqlite", "sqlite+pysqlite")
POSTGRESQL_SCHEMES = ("postgresql", "postgresql+psycopg", "postgres")
_NAMED = re.compile(r":([A-Za-z_]\w*)")  # a ``:name`` parameter
# ``/*+ index_name */`` after a table: the index SQLite must use (``INDEXED BY``), where its planner, without
# statistics, would take a worse one; PostgreSQL's planner needs no hint and gets a plain comment
_HINT = re.compile(r"/\*\+ (\w+) \*/")


class Direct(NamedTuple):
    """An open DB-API connection and its dialect (``sqlite`` or ``postgresql``), read-only."""

    connection: Any
    dialect: str

    def rows(self, sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
        """Run one query written with ``:name`` parameters; a driver error is ``DatabaseUnavailable``."""
        text, values = driver_query(sql, params, self.dialect)
        try:
            return list(self.connection.execute(text, values).fetchall())
        except self.errors() as err:
            raise DatabaseUnavailable(f"the database failed: {first_line(err)}") from err

    def errors(self) -> tuple[type[Exception], ...]:
        """The driver's error classes (sqlite3's and psycopg's share no base but ``Exception``)."""
        if self.dialect == "sqlite":
            return (sqlite3.Error,)
        import psycopg

        return (psycopg.Error,)

    def close(self) -> None:
        self.connection.close()


def first_line(err: BaseException) -> str:
    return (str(err).strip().splitlines() or [type(err).__name__])[0]


def driver_query(sql: str, params: dict[str, Any], dialect: str) -> tuple[str, dict[str, Any]]:
    """``sql`` with ``:name`` parameters as the driver takes it: sqlite3 reads ``:name`` (dates as the
    ISO text SQLAlchemy stores them as), psycopg ``%(name)s``. The SQL must hold no other colon or percent.
    A ``/*+ index */`` hint is SQLite's ``INDEXED BY index``, and nothing to PostgreSQL."""
    if dialect == "sqlite":
        return _HINT.sub(r"INDEXED BY \1", sql), {k: v.isoformat() if hasattr(v, "isoformat") else v
                                                  for k, v in params.items()}
    return _NAMED.sub(r"%(\1)s", _HINT.sub("", sql)), params


def sqlite_path(url: str) -> Path | None:
    """The file of a plain ``sqlite:///relative`` or ``sqlite:////absolute`` URL; None for anything else
    (in memory, URL options)."""
    scheme, sep, rest = url.partition("://")
    if scheme not in SQLITE_SCHEMES or not sep or not rest.startswith("/") or "?" in rest:
        return None
    path = rest[1:]
    return Path(path) if path and path != ":memory:" else None


def connect_direct(url: str) -> Direct | None:
    """A read-only connection to the database at ``url`` at ``HEAD_REVISION``; None when this module does
    not read it (another scheme, no database yet, another schema revision, the server refusing): the
    caller then opens it the ordinary way, which creates, migrates or explains."""
    scheme, _, rest = url.partition("://")
    if scheme in SQLITE_SCHEMES:
        path = sqlite_path(url)
        if path is None or not path.is_file():
            return None
        try:
            direct = Direct(sqlite3.connect(path, timeout=30), "sqlite")
        except sqlite3.Error:
            return None
    elif scheme in POSTGRESQL_SCHEMES:
        import psycopg

        try:  # SQLAlchemy's URL, its driver name left out, is a libpq URI (same escaping, same options)
            direct = Direct(psycopg.connect("postgresql://" + rest, autocommit=True, connect_timeout=10),
                            "postgresql")
        except psycopg.Error:
            return None
    else:
        return None
    try:
        if direct.dialect == "sqlite":
            direct.rows("PRAGMA query_only = ON", {})
        found = direct.rows("SELECT version_num FROM alembic_version", {})
    except DatabaseUnavailable:  # not a database of ours, or not yet migrated
        found = []
    if found != [(HEAD_REVISION,)]:
        direct.close()
        return None
    return direct
