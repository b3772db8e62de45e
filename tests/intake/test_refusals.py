"""Messages over the size limit: refused before parsing, recorded, answered politely, cheap for the database."""
from __future__ import annotations

import base64
import email
import os
from email import policy

import pytest
from sqlmodel import Session, select

from intake.app import build_context
from intake.mailbox.maildir import MaildirMailbox
from intake.refusals import header_block
from intake.runner import Runner
from intake.settings import load_settings
from models import Case, InboundMessage, OutboxMail
from models.db import open_database
from tests.intake.mailbuilder import application


def make_env(tmp_path, model_dir, max_mb: str):
    settings = load_settings(env={"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_MODEL_DIR": str(model_dir),
                                  "INTAKE_MAX_MESSAGE_MB": max_mb})
    engine = open_database(settings.database_url)
    assert settings.maildir is not None
    box = MaildirMailbox(settings.maildir)
    return settings, engine, box, Runner(build_context(settings), engine, box)


def big_application(n_bytes: int, **headers) -> bytes:
    msg = application(**headers)
    msg.add_attachment(os.urandom(n_bytes), maintype="application", subtype="octet-stream", filename="scan.bin")
    return msg.as_bytes()


def rows(engine, model):
    with Session(engine) as s:
        return s.exec(select(model)).all()


def test_message_over_the_limit_is_refused_unread_and_the_sender_told(tmp_path, model_dir):
    settings, engine, box, runner = make_env(tmp_path, model_dir, "0.5")
    raw = big_application(600_000)
    box.deliver(raw)
    (outcome,) = runner.process_batch()
    assert outcome.outcome == "refused" and "limit" in outcome.reason
    assert rows(engine, Case) == []
    (rec,) = rows(engine, InboundMessage)
    assert rec.status == "done" and rec.outcome == "refused" and rec.sender == "peter@jensen-stilladser.dk"
    assert rec.subject == "Ansøgning om stillads" and len(rec.raw) < 2_000  # the header block, not the message
    (letter,) = rows(engine, OutboxMail)
    assert letter.purpose == "too_large" and letter.recipient == "peter@jensen-stilladser.dk"
    msg = email.message_from_bytes(letter.raw, policy=policy.default)
    assert msg["Auto-Submitted"] == "auto-replied" and msg["Subject"] == "Din mail er for stor"
    body = msg.get_body(("plain",)).get_content()
    assert "0,5 MB" in body and "Ansøgning om stillads" in body
    assert len(box.folder_keys("Quarantine")) == 1 and not box.folder_keys("Processed")


def test_message_under_the_limit_becomes_a_case(tmp_path, model_dir):
    _, engine, box, runner = make_env(tmp_path, model_dir, "0.5")
    box.deliver(big_application(100_000))
    (outcome,) = runner.process_batch()
    assert outcome.outcome == "case"


def test_oversized_auto_reply_is_refused_without_an_answer(tmp_path, model_dir):
    _, engine, box, runner = make_env(tmp_path, model_dir, "0.5")
    box.deliver(big_application(600_000, Auto_Submitted="auto-replied"))
    (outcome,) = runner.process_batch()
    assert outcome.outcome == "refused"
    assert rows(engine, OutboxMail) == []


def test_refused_message_fetched_again_is_not_answered_twice(tmp_path, model_dir):
    _, engine, box, runner = make_env(tmp_path, model_dir, "0.5")
    box.deliver(big_application(600_000))
    fetched = next(box.fetch_pending())
    first, again = runner.handle(fetched), runner.handle(fetched)  # as after a crash before the move
    assert first.outcome == again.outcome == "refused"
    assert len(rows(engine, OutboxMail)) == 1 and len(rows(engine, InboundMessage)) == 1


@pytest.mark.timeout(300)
def test_a_50_mb_message_grows_the_database_by_less_than_its_size(tmp_path, model_dir):
    """The default limit (25 MB): a 50 MB message costs the database its header block, not 191 MB."""
    settings, engine, box, runner = make_env(tmp_path, model_dir, "25")
    db = tmp_path / "intake.db"
    raw = big_application(37_100_000)  # base64: about 50 MB on the wire
    assert len(raw) > 50_000_000
    before = db.stat().st_size
    box.deliver(raw)
    (outcome,) = runner.process_batch()
    assert outcome.outcome == "refused"
    assert db.stat().st_size - before < 1_000_000


def test_header_block_stops_at_the_first_empty_line_and_is_bounded():
    assert header_block(b"Subject: a\r\nFrom: b@c.dk\r\n\r\nbody") == b"Subject: a\r\nFrom: b@c.dk"
    assert header_block(b"Subject: a\n\nbody\n\nmore") == b"Subject: a"
    assert len(header_block(b"X-A: " + base64.b64encode(os.urandom(200_000)))) == 64 * 1024
