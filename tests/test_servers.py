"""The test servers themselves: the SMTP sink, the private PostgreSQL, the CI skip policy."""
from __future__ import annotations

import os
import smtplib
import ssl

import psycopg
import pytest

from tests.availability import require_corpora, unavailable

MESSAGE = b"From: a@example.org\r\nTo: b@example.test\r\nSubject: sink test\r\n\r\nHello\r\n"


def client_context(sink) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(sink.cafile))


def test_sink_collects_envelope_and_raw_bytes(smtp_sink):
    with smtplib.SMTP(smtp_sink.host, smtp_sink.port, timeout=5) as smtp:
        smtp.sendmail("a@example.org", ["b@example.test", "c@example.test"], MESSAGE)
    (got,) = smtp_sink.wait_for(1)
    assert (got.mail_from, got.rcpt_tos, got.tls) == ("a@example.org", ("b@example.test", "c@example.test"), False)
    assert got.message["Subject"] == "sink test"
    assert smtp_sink.to("C@example.test") == [got]


def test_sink_offers_starttls_with_the_test_ca(smtp_sink):
    with smtplib.SMTP(smtp_sink.host, smtp_sink.port, timeout=5) as smtp:
        smtp.starttls(context=client_context(smtp_sink))
        smtp.sendmail("a@example.org", ["b@example.test"], MESSAGE)
    assert smtp_sink.wait_for(1)[0].tls is True


def test_implicit_tls_sink_with_auth(smtp_sink_factory):
    sink = smtp_sink_factory(mode="tls", auth=("intake", "s3cret"))
    with smtplib.SMTP_SSL(sink.host, sink.port, context=client_context(sink), timeout=5) as smtp:
        smtp.login("intake", "s3cret")
        smtp.sendmail("a@example.org", ["b@example.test"], MESSAGE)
    (got,) = sink.wait_for(1)
    assert (got.tls, got.login) == (True, "intake")


def test_sink_rejects_a_wrong_password(smtp_sink_factory):
    sink = smtp_sink_factory(mode="starttls", auth=("intake", "s3cret"))
    with smtplib.SMTP(sink.host, sink.port, timeout=5) as smtp:
        smtp.starttls(context=client_context(sink))
        with pytest.raises(smtplib.SMTPAuthenticationError):
            smtp.login("intake", "wrong")


def test_sink_refuses_temporarily_when_told(smtp_sink):
    smtp_sink.refuse(1)
    with smtplib.SMTP(smtp_sink.host, smtp_sink.port, timeout=5) as smtp:
        with pytest.raises(smtplib.SMTPDataError) as refused:
            smtp.sendmail("a@example.org", ["b@example.test"], MESSAGE)
        assert refused.value.smtp_code == 451
        smtp.sendmail("a@example.org", ["b@example.test"], MESSAGE)
    assert len(smtp_sink.wait_for(1)) == 1


def test_stopped_sink_refuses_connections_until_started(smtp_sink):
    smtp_sink.stop()
    with pytest.raises(OSError):
        smtplib.SMTP(smtp_sink.host, smtp_sink.port, timeout=2)
    smtp_sink.start()
    with smtplib.SMTP(smtp_sink.host, smtp_sink.port, timeout=5) as smtp:
        smtp.sendmail("a@example.org", ["b@example.test"], MESSAGE)
    assert len(smtp_sink.wait_for(1)) == 1


def test_wait_for_times_out_when_too_few_arrive(smtp_sink):
    with pytest.raises(TimeoutError):
        smtp_sink.wait_for(1, timeout=0.2)


def test_pg_url_is_an_empty_database_of_its_own(pg_url):
    with psycopg.connect(pg_url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        tables = conn.execute("select count(*) from information_schema.tables where table_schema='public'").fetchone()
        assert conn.info.dbname.startswith("intake_test_") and tables == (0,)


def test_private_postgres_is_not_the_machines_own(postgres_server, pg_url):
    """Its own port and data directory, run by a user other than root (PostgreSQL refuses root)."""
    with psycopg.connect(pg_url.replace("postgresql+psycopg://", "postgresql://")) as conn:
        data_directory = conn.execute("show data_directory").fetchone()[0]
        socket_directory = conn.execute("show unix_socket_directories").fetchone()[0]
        assert conn.info.port == postgres_server.port != 5432
    assert data_directory == str(postgres_server.data_dir)
    assert socket_directory == str(postgres_server.root)
    assert os.stat(postgres_server.data_dir).st_uid != 0


def test_pg_url_databases_are_dropped_afterwards(postgres_server, pg_url):
    with psycopg.connect(postgres_server.admin_url) as conn:
        names = [row[0] for row in conn.execute("select datname from pg_database where datname like 'intake_test_%'")]
    assert names == [pg_url.rsplit("/", 1)[1]]


def test_missing_server_fails_under_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception):
        unavailable("no such server")


def test_missing_server_skips_outside_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception):
        unavailable("no such server")


def test_missing_corpus_skips_outside_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no-such-corpus"):
        require_corpora("no-such-corpus")


def test_missing_corpus_fails_under_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="no-such-corpus"):
        require_corpora("no-such-corpus")


def test_lmtp_delivery_lands_in_inbox(dovecot):
    dovecot.deliver(MESSAGE)
    (stored,) = dovecot.fetch_all("INBOX")
    assert stored.message["Subject"] == "sink test"
