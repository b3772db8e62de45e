"""Real servers for tests: Dovecot (IMAP, IMAPS, LMTP), an aiosmtpd sink, a private PostgreSQL.

Each server runs on free loopback ports with a private configuration in a
temporary directory, so tests never touch the machine's own services. The
fixtures in ``tests/conftest.py`` wrap these classes; e2e tests use them via
the fixtures, and the helpers can also be used directly (e.g. in ``bench/``).
When a server cannot run here, ``unavailable`` skips the test with the reason,
or fails it under ``CI=true``.
"""
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tests.availability import in_ci, unavailable
from tests.servers.base import ServerError, TestPKI, free_port, wait_for_port
from tests.servers.dovecot import (
    CAPABILITIES_WITHOUT_IDLE,
    DovecotServer,
    StoredMessage,
    dovecot_missing,
    remove_dovecot,
    start_dovecot,
)
from tests.servers.postgres import PostgresServer, postgres_missing, remove_postgres, start_postgres
from tests.servers.smtp import SinkMessage, SmtpSink

__all__ = [
    "RealServers",
    "real_servers",
    "CAPABILITIES_WITHOUT_IDLE",
    "DovecotServer",
    "PostgresServer",
    "ServerError",
    "SinkMessage",
    "SmtpSink",
    "StoredMessage",
    "TestPKI",
    "dovecot_missing",
    "free_port",
    "in_ci",
    "postgres_missing",
    "remove_dovecot",
    "remove_postgres",
    "start_dovecot",
    "start_postgres",
    "unavailable",
    "wait_for_port",
]


@dataclass(frozen=True)
class RealServers:
    """A Dovecot, an SMTP sink and (when asked for) a private PostgreSQL, sharing one test PKI."""

    pki: TestPKI
    dovecot: DovecotServer
    sink: SmtpSink
    postgres: PostgresServer | None


@contextmanager
def real_servers(tmp: Path, *, postgresql: bool, durable: bool = False) -> Iterator[RealServers]:
    """Start the servers a bench runs against (its PKI under ``tmp``) and remove them afterwards, whatever happens.

    ``durable``: PostgreSQL and Dovecot flush to disk as a production's do (the tests' servers do not)."""
    pki = TestPKI.create(tmp / "pki")
    dovecot = start_dovecot(pki, durable=durable)
    sink = SmtpSink(pki).start()
    postgres = None
    try:
        postgres = start_postgres(durable=durable) if postgresql else None
        yield RealServers(pki, dovecot, sink, postgres)
    finally:
        sink.stop()
        remove_dovecot(dovecot)
        if postgres is not None:
            remove_postgres(postgres)
