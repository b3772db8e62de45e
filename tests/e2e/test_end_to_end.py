"""The whole path for real: swaks delivers into Dovecot, the service reads it over IMAP
(STARTTLS, certificate checked), stores the case in SQLite or PostgreSQL, and the
acknowledgement and routed case arrive at a real SMTP server."""
from __future__ import annotations

import re
import signal
import subprocess
import sys
import time

import pytest
from sqlmodel import Session, select

from models import Case
from routing.goals import describe_week
from tests.e2e.builders import oil_tank_pdf_en, scaffolding_da, sign_docx_da
from tests.e2e.conftest import build_service, subprocess_env
from tests.intake.casefactory import CaseView, view_of

pytestmark = pytest.mark.realserver
REF = re.compile(r"\[(KBH-\d{4}-\d{6})\]")


def cases_by_sender(settings) -> dict[str, CaseView]:
    from models.db import open_database

    with Session(open_database(settings.database_url)) as s:
        return {c.sender: view_of(s, c.reference) for c in s.exec(select(Case))}


def test_applications_are_routed_and_acknowledged(e2e, dovecot, smtp_sink):
    env, settings = e2e
    mails = [scaffolding_da(), oil_tank_pdf_en(), sign_docx_da()]
    for msg in mails:
        dovecot.deliver(msg.as_bytes())
    service = build_service(settings)
    outcomes = service.process_once()
    assert [o.outcome for o in outcomes] == ["case"] * 3
    smtp_sink.wait_for(6, timeout=30)
    cases = cases_by_sender(settings)
    expected = {"peter@jensen-stilladser.dk": ("vejareal", "trafik", "da"),
                "karen@ejdnord.dk": ("olietank", "miljoe", "en"),
                "lars@bakogsoen-bageri.dk": ("skilte", "byggeri", "da")}
    catalogue = service.ctx.catalogue
    for sender, (task, office, lang) in expected.items():
        case = cases[sender]
        assert (case.task_type, case.office, case.language) == (task, office, lang)
        (ack,) = smtp_sink.to(sender)
        msg = ack.message
        assert REF.search(msg["Subject"]).group(1) == case.reference
        body = msg.get_content()
        assert getattr(catalogue.office(office), f"name_{lang}") in body
        assert describe_week(case.due_date, lang) in body
        assert case.expected_week == case.due_date.strftime("%G-W%V")
        assert msg["Auto-Submitted"] == "auto-replied" and msg["X-Loop"] == settings.loop_id
        assert msg["In-Reply-To"] == next(m for m in mails if sender in m["From"])["Message-ID"]
        assert ack.tls, "the acknowledgement went over STARTTLS"
        (routed,) = smtp_sink.to(catalogue.office(office).address)
        attached = [p.get_filename() for p in routed.message.iter_attachments()]
        assert attached == [f"{case.reference}-original.eml"]
        assert case.reference in routed.message["Subject"]
    assert dovecot.folder_uids("INBOX") == []
    assert len(dovecot.folder_uids("Processed")) == 3


def test_english_pdf_details_reach_the_office(e2e, dovecot, smtp_sink):
    env, settings = e2e
    dovecot.deliver(oil_tank_pdf_en().as_bytes())
    build_service(settings).process_once()
    smtp_sink.wait_for(2, timeout=30)
    (routed,) = smtp_sink.to("miljoe@kk.example")
    summary = routed.message.get_body(("plain",)).get_content()
    assert "47511488" in summary and "33141516" in summary and "Ejendomsadministration Nord" in summary


def test_smtp_server_down_means_the_mail_waits_and_goes_later(e2e, dovecot, smtp_sink):
    env, settings = e2e
    smtp_sink.stop()
    dovecot.deliver(scaffolding_da().as_bytes())
    service = build_service(settings)
    (outcome,) = service.process_once()
    assert outcome.outcome == "case" and smtp_sink.messages == []
    smtp_sink.start()
    from datetime import timedelta

    from intake.letters.outbox import flush_outbox
    from models import utcnow

    result = flush_outbox(service.engine, service.sender, envelope_from=settings.from_address,
                          now=utcnow() + timedelta(hours=2))
    assert result.sent == 2
    assert len(smtp_sink.wait_for(2, timeout=10)) == 2


def test_serve_answers_within_seconds_and_stops_on_sigterm(e2e, dovecot, smtp_sink):
    env, settings = e2e
    proc = subprocess.Popen([sys.executable, "-m", "intake", "serve"], env=subprocess_env(env),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        _wait_for_log(proc, "intake service started", timeout=120)
        time.sleep(1.0)  # let it enter IDLE
        start = time.monotonic()
        dovecot.deliver(scaffolding_da().as_bytes())
        smtp_sink.wait_for(2, timeout=30)
        elapsed = time.monotonic() - start
        assert elapsed < 15, f"acknowledged after {elapsed:.1f} s"
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert len(dovecot.folder_uids("Processed")) == 1


def _wait_for_log(proc: subprocess.Popen, needle: str, timeout: float) -> None:
    assert proc.stdout is not None, "started with stdout=PIPE"
    deadline = time.monotonic() + timeout
    seen = []
    while time.monotonic() < deadline:
        line = proc.stdout.readline().decode(errors="replace")
        if not line and proc.poll() is not None:
            break
        seen.append(line)
        if needle in line:
            return
    raise AssertionError(f"service did not log {needle!r}: {''.join(seen[-20:])}")
