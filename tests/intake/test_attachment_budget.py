"""The per-message time budget for attachments, and the letters naming every attachment not read (issue 13 §6)."""
from __future__ import annotations

import email
import time
from email import policy
from email.message import EmailMessage

from sqlmodel import Session, select

from intake import pipeline
from intake.app import build_context
from intake.attachments import extract_attachment
from intake.mail.message import MAX_PARTS, parse_mail
from intake.mailbox.maildir import MaildirMailbox
from intake.pipeline import attachments_of
from intake.runner import Runner
from intake.settings import load_settings
from models import OutboxMail
from models.db import open_database
from tests.intake.mailbuilder import application


def with_text_files(n: int) -> EmailMessage:
    msg = application()
    for i in range(n):
        msg.add_attachment(f"Bilag {i}: tegning af stilladset.\n".encode(), maintype="text", subtype="plain",
                           filename=f"bilag-{i:04d}.txt")
    return msg


def test_without_a_budget_every_attachment_is_read():
    results = attachments_of(parse_mail(with_text_files(3).as_bytes()))
    assert [r.status for r in results] == ["read"] * 3


def test_a_spent_budget_leaves_every_attachment_unread_with_its_reason():
    results = attachments_of(parse_mail(with_text_files(3).as_bytes()), budget=0.0)
    assert [(r.filename, r.status, r.reason) for r in results] == [
        (f"bilag-{i:04d}.txt", "unreadable", "time_budget") for i in range(3)]


def test_parts_past_the_part_limit_are_named_not_ignored():
    n = MAX_PARTS + 100
    mail = parse_mail(with_text_files(n).as_bytes())
    assert len(mail.attachments) + len(mail.skipped) == n
    assert mail.skipped[-1] == f"bilag-{n - 1:04d}.txt"
    results = attachments_of(mail, budget=0.0)
    assert sum(r.reason == "too_many_parts" for r in results) == len(mail.skipped) > 0


def test_acknowledgement_and_routed_mail_name_every_attachment_not_read(tmp_path, model_dir, monkeypatch):
    # each file takes at least 2 ms to read, so the 1 ms budget is spent after the first whatever the machine's speed
    # (a warm worker once read all four within the millisecond)
    def slow_extract(*args, **kwargs):
        time.sleep(0.002)
        return extract_attachment(*args, **kwargs)

    monkeypatch.setattr(pipeline, "extract_attachment", slow_extract)
    settings = load_settings(env={"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_MODEL_DIR": str(model_dir),
                                  "INTAKE_ATTACHMENT_BUDGET_SECONDS": "0.001"})
    engine = open_database(settings.database_url)
    assert settings.maildir is not None
    box = MaildirMailbox(settings.maildir)
    box.deliver(with_text_files(4).as_bytes())
    (outcome,) = Runner(build_context(settings), engine, box).process_batch()
    assert outcome.outcome == "case"
    with Session(engine) as s:
        mails = {m.purpose: m for m in s.exec(select(OutboxMail))}
    ack = email.message_from_bytes(mails["acknowledgement"].raw, policy=policy.default)
    ack_text = ack.get_body(("plain",)).get_content()
    routed = email.message_from_bytes(mails["routed"].raw, policy=policy.default)
    routed_text = routed.get_body(("plain",)).get_content()
    names = [f"bilag-{i:04d}.txt" for i in range(4)]
    not_read = [n for n in names if f"- {n} (unknown, unreadable: time_budget)" in routed_text]
    # a warm worker may read a file or two before the millisecond is spent; those after it are never read
    assert not_read and not_read == names[len(names) - len(not_read):]
    assert all(f"- {n} (text, read)" in routed_text for n in names if n not in not_read)
    assert all(n in ack_text for n in not_read) and "nåede ikke at læse" in ack_text
    # one sentence names them all, with their count; a single file is named alone ("Vi nåede ikke at læse X")
    assert (f"{len(not_read)} filer: " in ack_text) == (len(not_read) > 1)
