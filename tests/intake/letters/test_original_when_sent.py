"""A large original is stored once: the routed mails carry a placeholder, and the outbox attaches the original
when it sends them (so a 5 MB application to two offices does not put 2 x 6.8 MB more into the database)."""
from __future__ import annotations

import email
import os
from email import policy

from sqlmodel import Session, select

from intake.app import build_context
from intake.inbound import raw_of
from intake.letters.outbox import flush_outbox, original
from intake.letters.routed import ORIGINAL_INLINE_MAX
from intake.letters.sender import MaildirSender
from intake.mailbox.maildir import MaildirMailbox
from intake.runner import Runner
from intake.settings import load_settings
from models import InboundMessage, OutboxMail
from models.db import open_database
from tests.intake.mailbuilder import application


def _big_application(size: int) -> bytes:
    msg = application()
    msg.add_attachment(os.urandom(size), maintype="application", subtype="octet-stream", filename="bilag.bin")
    return msg.as_bytes()


def test_a_large_original_is_attached_when_sent_not_stored_per_office(tmp_path, model_dir):
    settings = load_settings(env={"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_MODEL_DIR": str(model_dir)})
    engine = open_database(settings.database_url)
    box = MaildirMailbox(settings.maildir)
    raw = _big_application(3 * ORIGINAL_INLINE_MAX)
    box.deliver(raw)
    (outcome,) = Runner(build_context(settings), engine, box).process_batch()
    assert outcome.outcome == "case"
    with Session(engine) as s:
        (routed,) = s.exec(select(OutboxMail).where(OutboxMail.purpose == "routed")).all()
        stored = raw_of(s, s.exec(select(InboundMessage)).one())
    assert len(routed.raw) < 64 * 1024 < len(raw)  # the placeholder, not the original
    full = original(engine, routed.id)
    assert full is not None and len(full) > len(raw)
    outbox = tmp_path / "sent"
    flush_outbox(engine, MaildirSender(outbox), envelope_from=settings.from_address)
    (sent_file,) = [p for p in (outbox / "new").iterdir()
                    if b"-original.eml" in p.read_bytes()]
    sent = email.message_from_bytes(sent_file.read_bytes(), policy=policy.default)
    (attached,) = [p for p in sent.iter_attachments() if p.get_filename().endswith("-original.eml")]
    assert attached.get_content() == stored == raw


def test_a_small_original_stays_in_the_stored_mail(tmp_path, model_dir):
    settings = load_settings(env={"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_MODEL_DIR": str(model_dir)})
    engine = open_database(settings.database_url)
    box = MaildirMailbox(settings.maildir)
    raw = application().as_bytes()
    box.deliver(raw)
    Runner(build_context(settings), engine, box).process_batch()
    with Session(engine) as s:
        (routed,) = s.exec(select(OutboxMail).where(OutboxMail.purpose == "routed")).all()
    assert original(engine, routed.id) == routed.raw
    stored = email.message_from_bytes(routed.raw, policy=policy.default)
    (attached,) = list(stored.iter_attachments())
    assert attached.get_content() == raw
