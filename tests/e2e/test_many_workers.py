"""Several ``intake process`` workers on one PostgreSQL and one real Dovecot mailbox, sending to a real relay:
every application becomes exactly one case with one acknowledgement, also when a worker is killed mid-batch."""
from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
from collections import Counter

import pytest
from sqlmodel import Session, func, select

from models import AttachmentRead, Case, InboundMessage
from models.db import open_database
from tests.e2e.builders import scaffolding_da, sign_docx_da
from tests.e2e.conftest import subprocess_env, wait_for_a_worker

pytestmark = pytest.mark.realserver
REF = re.compile(r"\[(KBH-\d{4}-\d{6})\]")


@pytest.fixture
def database_url(pg_url):  # several workers share work on PostgreSQL (SQLite is one process)
    return pg_url


WITH_WORD_FORM = 5  # every fifth application has its details in a Word form, read by the extraction worker


def _deliver(dovecot, count: int) -> int:
    """``count`` applications; returns how many carry an attachment."""
    for i in range(count):
        sender = f"Firma {i} <kontakt@firma{i}.dk>"
        msg = sign_docx_da(sender) if i % WITH_WORD_FORM == 0 else scaffolding_da(sender, n=i)
        dovecot.deliver(msg.as_bytes())
    dovecot.wait_for_uids("INBOX", count, timeout=120)
    return len(range(0, count, WITH_WORD_FORM))


def _queue_mode(env: dict[str, str]) -> dict[str, str]:
    """Attachments read by a separate ``intake worker`` (procrastinate in the same PostgreSQL)."""
    return env | {"INTAKE_EXTRACTION": "queue", "INTAKE_EXTRACTION_WAIT_SECONDS": "300"}


def _extraction_worker(env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "intake", "worker", "--concurrency", "2"],
                            env=subprocess_env(env), stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _stop(worker: subprocess.Popen) -> None:
    worker.send_signal(signal.SIGTERM)
    _, err = worker.communicate(timeout=120)
    assert worker.returncode == 0, err.decode(errors="replace")[-3000:]


def _read_by_workers(settings) -> int:
    engine = open_database(settings.database_url)
    with Session(engine) as s:
        n = s.exec(select(func.count()).select_from(AttachmentRead)).one()
    engine.dispose()
    return n


def _workers(env: dict[str, str], count: int) -> list[subprocess.Popen]:
    full = subprocess_env(env) | {"INTAKE_BATCH_SIZE": "10"}
    return [subprocess.Popen([sys.executable, "-m", "intake", "process", "--once"], env=full,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(count)]


def _wait(procs: list[subprocess.Popen]) -> list[int]:
    codes = []
    for proc in procs:
        out, err = proc.communicate(timeout=900)
        if proc.returncode not in (0, -signal.SIGKILL):
            raise AssertionError(out.decode(errors="replace")[-2000:] + err.decode(errors="replace")[-3000:])
        codes.append(proc.returncode)
    return codes


def _reference(subject: str) -> str:
    found = REF.search(subject)
    assert found, subject
    return found.group(1)


def _count(settings, smtp_sink, count: int, *, repeats_allowed: int = 0) -> None:
    engine = open_database(settings.database_url)
    with Session(engine) as s:
        cases = s.exec(select(Case)).all()
        inbound = s.exec(select(func.count()).select_from(InboundMessage)).one()
    engine.dispose()
    assert len(cases) == count, f"{len(cases)} cases from {count} applications"
    assert inbound == count
    assert sorted(c.sender for c in cases) == sorted(f"kontakt@firma{i}.dk" for i in range(count))
    acks = [m for m in smtp_sink.messages if m.rcpt_tos[0].startswith("kontakt@")]
    per_case = Counter(_reference(m.message["Subject"]) for m in acks)
    assert set(per_case) == {c.reference for c in cases}
    repeated = sum(n - 1 for n in per_case.values())
    assert repeated <= repeats_allowed, f"{repeated} acknowledgements sent twice"


@pytest.mark.parametrize("workers", [2, 3])
def test_workers_share_a_mailbox_exactly_once(e2e, dovecot, smtp_sink, workers):
    env, settings = e2e
    env = _queue_mode(env)
    count = 150
    attached = _deliver(dovecot, count)
    extraction = _extraction_worker(env)
    wait_for_a_worker(settings.database_url, extraction)
    try:
        assert _wait(_workers(env, workers)) == [0] * workers
    finally:
        _stop(extraction)
    _count(settings, smtp_sink, count)
    assert _read_by_workers(settings) == attached  # every Word form read once, by the extraction worker
    assert dovecot.folder_uids("INBOX") == []
    assert len(dovecot.folder_uids("Processed")) == count


def test_a_worker_killed_mid_batch_loses_and_repeats_nothing(e2e, dovecot, smtp_sink):
    env, settings = e2e
    # a mail the killed worker was sending is sent again once its lease runs out (default 300 s)
    env = _queue_mode(env) | {"INTAKE_OUTBOX_SEND_LEASE": "5"}
    count = 120
    attached = _deliver(dovecot, count)
    extraction = _extraction_worker(env)
    wait_for_a_worker(settings.database_url, extraction)
    first, second = _workers(env, 2)
    engine = open_database(settings.database_url)
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:  # kill one worker once the work is well under way
        with Session(engine) as s:
            if s.exec(select(func.count()).select_from(Case)).one() >= count // 4:
                break
        time.sleep(0.2)
    engine.dispose()
    first.send_signal(signal.SIGKILL)
    assert _wait([first, second]) == [-signal.SIGKILL, 0]
    # What the killed worker held is taken over at once (a dead process on this host): a rerun finishes it,
    # the mail it was sending once that mail's lease has run out.
    time.sleep(6)
    try:
        assert _wait(_workers(env, 1)) == [0]
    finally:
        _stop(extraction)
    assert _read_by_workers(settings) == attached
    # A kill between the relay's 250 and our commit may repeat that one mail (at-least-once sending).
    _count(settings, smtp_sink, count, repeats_allowed=1)
    assert dovecot.folder_uids("INBOX") == []
