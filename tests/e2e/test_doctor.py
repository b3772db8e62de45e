"""``intake doctor`` against the real Dovecot, SMTP relay and database (SQLite and PostgreSQL)."""
from __future__ import annotations

from intake.doctor import run_checks
from intake.settings import load_settings


def test_doctor_logs_in_everywhere(e2e, dovecot):
    env, settings = e2e
    dovecot.deliver(b"From: a@example.org\r\nTo: desk@kk.example\r\nSubject: hej\r\n\r\nhej\r\n")
    dovecot.wait_for_uids("INBOX", 1)
    found = {c.name: c for c in run_checks(settings)}
    assert found["imap"].verdict == "ok", found["imap"].detail
    assert "1 message(s) waiting" in found["imap"].detail
    assert found["smtp"].verdict == "ok" and "reachable" in found["smtp"].detail
    assert found["model"].verdict == "ok", found["model"].detail
    assert found["database"].verdict in ("ok", "warn")


def test_doctor_names_a_refused_imap_login(e2e):
    env, _ = e2e
    settings = load_settings(env={**env, "INTAKE_IMAP_PASSWORD": "wrong"})
    check = next(c for c in run_checks(settings) if c.name == "imap")
    assert check.verdict == "fail" and "refused the login" in check.detail
