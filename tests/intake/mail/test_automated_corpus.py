"""The whole pipeline over 629 real bounces and auto-replies: none is acknowledged, each is recorded."""
from __future__ import annotations

import hashlib

import pytest
from sqlmodel import Session, func, select

from intake.app import build_context
from intake.mailbox.maildir import MaildirMailbox
from intake.runner import Runner
from intake.settings import load_settings
from models import InboundMessage, OutboxMail
from models.db import open_database
from tests.paths import CORPORA

SISIMAI = CORPORA / "email" / "sisimai"


@pytest.mark.corpora("email/sisimai")
def test_no_bounce_or_auto_reply_gets_an_acknowledgement(tmp_path, model_dir):
    settings = load_settings(env={"INTAKE_DATA_DIR": str(tmp_path), "INTAKE_MODEL_DIR": str(model_dir)})
    engine = open_database(settings.database_url)
    box = MaildirMailbox(settings.maildir)
    files = sorted(SISIMAI.glob("*.eml"))
    for path in files:
        box.deliver(path.read_bytes())
    runner = Runner(build_context(settings), engine, box)
    outcomes = runner.process_batch()
    assert len(outcomes) == len(files) == 629
    with Session(engine) as s:
        assert s.exec(select(func.count()).select_from(OutboxMail)
                      .where(OutboxMail.purpose == "acknowledgement")).one() == 0
        recs = s.exec(select(InboundMessage)).all()
    assert all(r.status == "done" and r.reason for r in recs)
    skipped = [r for r in recs if r.outcome == "skipped"]
    duplicates = [r for r in recs if r.outcome == "duplicate"]  # the corpus holds a few identical files
    distinct = len({hashlib.sha256(p.read_bytes()).digest() for p in files})
    assert len(skipped) == distinct and len(duplicates) == 629 - distinct
    assert {r.kind for r in skipped} <= {"bounce", "auto_reply", "bulk"}
