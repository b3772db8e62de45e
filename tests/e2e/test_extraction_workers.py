"""Attachments read by separate ``intake worker`` processes (procrastinate on the real PostgreSQL), with the
service on the real Dovecot and SMTP: what the workers read reaches the case; what they read late is added."""
from __future__ import annotations

import json
import signal
import subprocess
import sys

import pytest
from sqlmodel import Session, col, select

from models import AttachmentRead, Case, CaseEvent
from models.db import open_database
from tests.e2e.builders import oil_tank_pdf_en, sign_docx_da
from tests.e2e.conftest import subprocess_env, wait_for_a_worker

pytestmark = pytest.mark.realserver


@pytest.fixture
def database_url(pg_url):  # the queue lives in PostgreSQL
    return pg_url


def _intake(env: dict[str, str], *args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-m", "intake", *args], env=subprocess_env(env), capture_output=True,
                          timeout=timeout)
    assert done.returncode == 0, done.stdout.decode(errors="replace")[-2000:] + done.stderr.decode(
        errors="replace")[-3000:]
    return done


def _cases(settings) -> list[tuple[Case, list[dict], list[CaseEvent]]]:
    engine = open_database(settings.database_url)
    with Session(engine) as s:
        found = [(c, json.loads(c.attachments_json),
                  list(s.exec(select(CaseEvent).where(CaseEvent.case_id == c.id)).all()))
                 for c in s.exec(select(Case).order_by(col(Case.id))).all()]
        reads = len(s.exec(select(AttachmentRead)).all())
    engine.dispose()
    assert reads == len(found)  # one attachment each, read once
    return found


def test_a_separate_worker_reads_the_attachments_the_service_routes_on(e2e, dovecot, smtp_sink):
    env, settings = e2e
    env = env | {"INTAKE_EXTRACTION": "queue", "INTAKE_EXTRACTION_WAIT_SECONDS": "120"}
    for i in range(3):
        dovecot.deliver(sign_docx_da(f"Lars Bak <lars{i}@bageri{i}.dk>").as_bytes())
        dovecot.deliver(oil_tank_pdf_en(f"Karen Friis <karen{i}@ejd{i}.dk>").as_bytes())
    worker = subprocess.Popen([sys.executable, "-m", "intake", "worker", "--concurrency", "2"],
                              env=subprocess_env(env), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        wait_for_a_worker(settings.database_url, worker)
        _intake(env, "process", "--once")
    finally:
        worker.send_signal(signal.SIGTERM)  # a clean stop: the jobs in hand finish
        _, err = worker.communicate(timeout=120)
    assert worker.returncode == 0, err.decode(errors="replace")[-3000:]
    found = _cases(settings)
    assert len(found) == 6
    for _case, documents, _ in found:
        assert [d["status"] for d in documents] == ["read"], documents
    signs = [c for c, _, _ in found if c.sender.startswith("lars")]
    assert {c.task_type for c in signs} == {"skilte"}
    assert {c.company_name for c in signs} == {"Bak & Søn Bageri ApS"}  # a detail found only in the Word form


def test_without_a_worker_the_case_is_routed_in_time_and_the_late_read_is_added(e2e, dovecot, smtp_sink):
    env, settings = e2e
    env = env | {"INTAKE_EXTRACTION": "queue", "INTAKE_EXTRACTION_WAIT_SECONDS": "2"}
    dovecot.deliver(oil_tank_pdf_en().as_bytes())
    _intake(env, "process", "--once")  # no worker runs: routed after 2 s on the mail alone
    ((case, documents, _),) = [(c, d, e) for c, d, e in _cases_unread(settings)]
    assert documents[0]["reason"] == "still_reading"
    (ack,) = [m for m in smtp_sink.wait_for(2) if m.rcpt_tos[0].startswith("karen@")]
    assert "still reading oil_tank.pdf" in ack.message.get_body(("plain",)).get_content()
    _intake(env, "worker", "--once")  # a worker comes, reads what is queued, exits
    from intake.extraction import apply_late_reads

    engine = open_database(settings.database_url)
    assert apply_late_reads(engine) == 1
    assert apply_late_reads(engine) == 0  # once
    engine.dispose()
    ((case, documents, events),) = _cases(settings)
    assert documents[0]["status"] == "read"
    (late,) = [e for e in events if e.action == "attachment_read_late"]
    assert "oil_tank.pdf: read" in late.detail and "Tagensvej 57" in late.detail


def _cases_unread(settings):
    engine = open_database(settings.database_url)
    with Session(engine) as s:
        found = [(c, json.loads(c.attachments_json), []) for c in s.exec(select(Case)).all()]
    engine.dispose()
    return found
