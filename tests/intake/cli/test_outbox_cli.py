"""``intake outbox list|retry|original`` and the outgoing-mail line of ``intake process``."""
from __future__ import annotations

import pytest
from sqlmodel import Session
from typer.testing import CliRunner

from intake import cli
from intake.letters.outbox import FlushResult
from models import OutboxMail
from models.db import open_database


@pytest.fixture
def run(embedded_env):
    def invoke(*args: str):
        cli.common.state.clear()
        return CliRunner().invoke(cli.app, list(args))
    return invoke


@pytest.fixture
def queued(embedded_env):
    engine = open_database(f"sqlite:///{embedded_env / 'intake.db'}")
    with Session(engine) as s:
        s.add(OutboxMail(purpose="routed", recipient="byggeri@kk.example", message_id="<a@x>", raw=b"A\r\n",
                         status="failed", attempts=1, last_error="recipient refused: 550 5.1.1 unknown"))
        s.add(OutboxMail(purpose="acknowledgement", recipient="a@firma.dk", message_id="<b@x>", raw=b"B\r\n"))
        s.commit()
    return engine


def test_list_shows_every_mail_and_failed_only_with_the_flag(run, queued):
    everything = run("outbox", "list").output
    assert "routed" in everything and "acknowledgement" in everything and "550 5.1.1" in everything
    failed = run("outbox", "list", "--failed").output
    assert "routed" in failed and "acknowledgement" not in failed


def test_retry_one_and_all_failed(run, queued):
    assert run("outbox", "retry", "2").exit_code == 1, "mail 2 did not fail"
    done = run("outbox", "retry", "1")
    assert done.exit_code == 0 and "1 mail(s) queued again" in done.output
    assert "routed" not in run("outbox", "list", "--failed").output
    assert run("outbox", "retry", "--all-failed").output.count("0 mail(s)") == 1
    assert run("outbox", "retry").exit_code == 2


def test_original_writes_the_mail_as_queued(run, queued, tmp_path):
    target = tmp_path / "sag.eml"
    assert run("outbox", "original", "1", "-o", str(target)).exit_code == 0
    assert target.read_bytes() == b"A\r\n"
    assert run("outbox", "original", "9", "-o", str(tmp_path / "x.eml")).exit_code == 1


def test_the_summary_never_says_sent_for_mail_that_waits():
    from intake.cli.main import sending_summary

    result = FlushResult(sent=1, failed=1, waiting=3, relay_trouble="mail server refusing since 04:00 UTC: 550 5.7.1",
                         failures=["routed to b***@kk.example: recipient refused: 550 5.1.1"])
    text = sending_summary(result, "SMTP relay:25")
    assert text.startswith("1 sent to SMTP relay:25") and "3 WAITING" in text and "550 5.7.1" in text
    assert "1 FAILED" in text and "550 5.1.1" in text
