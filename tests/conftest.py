"""Shared fixtures: real Dovecot, a real SMTP sink, fresh databases in a private PostgreSQL.

Tests that use them are marked ``realserver`` automatically. When a server
cannot run here the test is skipped with the reason, except under ``CI=true``,
where that is a failure: CI must never silently skip a real-server test. The
same policy covers the third-party corpora (the ``corpora`` marker, in
``tests/availability.py``).
"""
from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from tests import servers
from tests.availability import unavailable
from tests.servers import DovecotServer, PostgresServer, SmtpSink, TestPKI

pytest_plugins = ["tests.availability"]

REAL_SERVER_FIXTURES = {
    "dovecot", "dovecot_server", "dovecot_noidle", "dovecot_noidle_server",
    "smtp_sink", "smtp_sink_factory", "postgres_server", "pg_url",
}


def pytest_configure(config: pytest.Config) -> None:
    # aiosmtpd warns when AUTH is offered on implicit TLS, which it cannot see; that sink mode is deliberate.
    config.addinivalue_line("filterwarnings", "ignore:Requiring AUTH while not requiring TLS:UserWarning")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if REAL_SERVER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.realserver)


@pytest.fixture(autouse=True)
def _offline_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reaches real DNS: checking a sender's DKIM/DMARC finds no records unless a test injects some."""
    from intake import pipeline
    from tests.dnsfake import FakeDns

    monkeypatch.setattr(pipeline, "_SYSTEM_RESOLVER", FakeDns())


@pytest.fixture(scope="session")
def test_pki(tmp_path_factory: pytest.TempPathFactory) -> TestPKI:
    """A throwaway CA and a certificate for 127.0.0.1/localhost (``.cafile``, ``.certfile``, ``.keyfile``)."""
    return TestPKI.create(tmp_path_factory.mktemp("pki"))


def _dovecot(pki: TestPKI, capability: str | None) -> Iterator[DovecotServer]:
    reason = servers.dovecot_missing()
    if reason:
        unavailable(reason)
    try:
        server = servers.start_dovecot(pki, capability=capability)
    except servers.ServerError as err:
        unavailable(f"Dovecot could not start: {err}")
    try:
        yield server
    finally:
        servers.remove_dovecot(server)


@pytest.fixture(scope="session")
def dovecot_server(test_pki: TestPKI) -> Iterator[DovecotServer]:
    """The session's Dovecot with IDLE and MOVE (state is NOT reset; prefer ``dovecot``)."""
    yield from _dovecot(test_pki, capability=None)


@pytest.fixture(scope="session")
def dovecot_noidle_server(test_pki: TestPKI) -> Iterator[DovecotServer]:
    """A second Dovecot advertising neither IDLE nor MOVE (polling and COPY+EXPUNGE fallbacks)."""
    yield from _dovecot(test_pki, capability=servers.CAPABILITIES_WITHOUT_IDLE)


def _clean(server: DovecotServer) -> DovecotServer:
    if not server.running:
        server.start()
    server.reset()
    return server


@pytest.fixture
def dovecot(dovecot_server: DovecotServer) -> DovecotServer:
    """A running Dovecot with an empty INBOX and no other folders."""
    return _clean(dovecot_server)


@pytest.fixture
def dovecot_noidle(dovecot_noidle_server: DovecotServer) -> DovecotServer:
    """Like ``dovecot`` but without IDLE and MOVE in its capabilities."""
    return _clean(dovecot_noidle_server)


@pytest.fixture
def smtp_sink_factory(test_pki: TestPKI) -> Iterator[Callable[..., SmtpSink]]:
    """Start SMTP sinks with options: ``smtp_sink_factory(mode="tls", auth=("u", "p"))``."""
    sinks: list[SmtpSink] = []

    def make(**options: object) -> SmtpSink:
        sink = SmtpSink(test_pki, **options).start()  # type: ignore[arg-type]
        sinks.append(sink)
        return sink

    yield make
    for sink in sinks:
        sink.stop()


@pytest.fixture
def smtp_sink(smtp_sink_factory: Callable[..., SmtpSink]) -> SmtpSink:
    """An SMTP server on loopback offering STARTTLS (not required), no AUTH."""
    return smtp_sink_factory()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """The session's private PostgreSQL cluster (trust auth, loopback, a free port)."""
    reason = servers.postgres_missing()
    if reason:
        unavailable(reason)
    try:
        server = servers.start_postgres()
    except servers.ServerError as err:
        unavailable(f"PostgreSQL could not start: {err}")
    try:
        yield server
    finally:
        servers.remove_postgres(server)


@pytest.fixture
def pg_url(postgres_server: PostgresServer) -> Iterator[str]:
    """SQLAlchemy URL of a fresh, empty database in the private cluster; dropped afterwards."""
    name = postgres_server.create_database()
    try:
        yield postgres_server.url(name)
    finally:
        postgres_server.drop_database(name)
