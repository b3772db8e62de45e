"""Kill the service (SIGKILL) at several points during a batch, restart it, and count:
every message becomes exactly one case with exactly one acknowledgement."""
from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter

import pytest
from sqlmodel import Session, func, select

from models import Case, InboundMessage, OutboxMail
from models.db import open_database
from tests.e2e.builders import scaffolding_da, sign_docx_da
from tests.e2e.conftest import subprocess_env

pytestmark = pytest.mark.realserver
REF = re.compile(r"\[(KBH-\d{4}-\d{6})\]")
BATCH = 4


def run_once(env: dict[str, str], crash_at: str | None = None) -> int:
    full = subprocess_env(env | {"INTAKE_OUTBOX_SEND_LEASE": "1"})  # a dead sender's mail is due again at once
    if crash_at:
        full["INTAKE_TEST_CRASH_AT"] = crash_at
    proc = subprocess.run([sys.executable, "-m", "intake", "process", "--once"], env=full,
                          capture_output=True, timeout=300)
    if proc.returncode not in (0, -9):
        output = proc.stdout.decode(errors="replace")[-3000:] + proc.stderr.decode(errors="replace")[-3000:]
        raise AssertionError(output)
    return proc.returncode


@pytest.fixture(params=["sqlite"])
def database_url(request, tmp_path):  # one database is enough here; the e2e path covers both
    return f"sqlite:///{tmp_path / 'intake.db'}"


@pytest.mark.parametrize("crash_at", ["after_record:2", "before_commit:2", "after_commit:3", "after_move:1",
                                      "after_send:3"])
def test_kill_and_restart_yields_every_message_exactly_once(e2e, dovecot, smtp_sink, crash_at):
    env, settings = e2e
    senders = [f"Firma {i} <kontakt@firma{i}.dk>" for i in range(BATCH)]
    for i, sender in enumerate(senders):
        msg = scaffolding_da(sender, n=i) if i % 2 else sign_docx_da(sender)
        dovecot.deliver(msg.as_bytes())
    assert run_once(env, crash_at) == -9, "the crash point was not reached"
    assert run_once(env) == 0
    engine = open_database(settings.database_url)
    with Session(engine) as s:
        cases = s.exec(select(Case)).all()
        inbound = s.exec(select(func.count()).select_from(InboundMessage)).one()
    assert len(cases) == BATCH and inbound == BATCH
    assert sorted(c.sender for c in cases) == sorted(f"kontakt@firma{i}.dk" for i in range(BATCH))
    acks = [m for m in smtp_sink.messages if m.rcpt_tos[0].startswith("kontakt@")]
    per_case = Counter(REF.search(m.message["Subject"]).group(1) for m in acks)
    assert set(per_case) == {c.reference for c in cases}
    if crash_at.startswith("after_send"):
        # SMTP has no idempotency: a kill between the server's 250 and our commit repeats
        # that one mail, with the same Message-ID so mail clients show it once.
        assert sum(per_case.values()) <= BATCH + 1
        for ref in per_case:
            ids = {m.message["Message-ID"] for m in acks if ref in m.message["Subject"]}
            assert len(ids) == 1
    else:
        assert all(count == 1 for count in per_case.values()), per_case
    assert dovecot.folder_uids("INBOX") == []
    assert len(dovecot.folder_uids("Processed")) == BATCH


def test_a_mail_is_repeated_at_most_once_however_often_the_sender_dies_after_250(e2e, dovecot, smtp_sink):
    """Killed after the server's 250 twice for the same mail: one repeat, then it waits for the operator."""
    env, settings = e2e
    dovecot.deliver(sign_docx_da("Firma <kontakt@firma0.dk>").as_bytes())
    for _ in range(3):
        assert run_once(env, "after_send:1") == -9
    assert run_once(env) == 0
    engine = open_database(settings.database_url)
    with Session(engine) as s:
        failed = s.exec(select(OutboxMail).where(OutboxMail.status == "failed")).all()
    first = smtp_sink.messages[0].message["Message-ID"]
    copies = [m for m in smtp_sink.messages if m.message["Message-ID"] == first]
    assert len(copies) == 2, "sent, then repeated once"
    assert len(failed) == 1 and "died twice" in failed[0].last_error
