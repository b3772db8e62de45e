"""Two installations that pass all their mail to each other make no case after the first (issue 13 §5).

Each installation is a whole service context: its own Maildir inbox, SQLite database, sender address,
reference prefix and outbox (flushed by the real ``flush_outbox`` into a Maildir). Every mail each one
sends is delivered into the other's inbox, as when every office address of one is the other's mailbox.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from intake.app import build_context
from intake.letters.outbox import flush_outbox
from intake.letters.sender import MaildirSender
from intake.mailbox.maildir import MaildirMailbox
from intake.runner import Runner
from intake.settings import Settings, load_settings
from models import Case, InboundMessage
from models.db import open_database
from tests.intake.mailbuilder import application

ROUNDS = 10


@dataclass
class Installation:
    settings: Settings
    engine: Engine
    box: MaildirMailbox
    runner: Runner
    sent: Path

    def cases(self) -> int:
        with Session(self.engine) as s:
            return len(s.exec(select(Case)).all())

    def reasons(self) -> list[str]:
        with Session(self.engine) as s:
            return [f"{r.outcome}: {r.reason}" for r in s.exec(select(InboundMessage))]

    def flush(self) -> list[bytes]:
        """Send the outbox into a Maildir and take out every mail sent since the last flush."""
        flush_outbox(self.engine, MaildirSender(self.sent), envelope_from=self.settings.from_address)
        out = []
        for path in sorted((self.sent / "new").iterdir()):
            out.append(path.read_bytes())
            path.unlink()
        return out


def installation(root: Path, model_dir: Path, address: str, prefix: str) -> Installation:
    settings = load_settings(env={"INTAKE_DATA_DIR": str(root), "INTAKE_MODEL_DIR": str(model_dir),
                                  "INTAKE_FROM_ADDRESS": address, "INTAKE_REFERENCE_PREFIX": prefix})
    engine = open_database(settings.database_url)
    assert settings.maildir is not None
    box = MaildirMailbox(settings.maildir)
    return Installation(settings, engine, box, Runner(build_context(settings), engine, box), root / "sent")


def strip_auto_submitted(raw: bytes) -> bytes:
    """What a forwarding rule that drops ``Auto-Submitted`` on the way does to a mail."""
    head, sep, body = raw.partition(b"\n\n")
    return re.sub(rb"(?im)^auto-submitted:[^\n]*\n", b"", head + b"\n").rstrip(b"\n") + sep + body


@pytest.mark.timeout(600)
@pytest.mark.parametrize("on_the_way", [lambda raw: raw, strip_auto_submitted], ids=["as-sent", "no-auto-submitted"])
def test_two_installations_passing_all_mail_to_each_other_make_no_case_after_the_first(tmp_path, model_dir,
                                                                                       on_the_way):
    a = installation(tmp_path / "a", model_dir, "erhvervsservice@kk.example", "KBH")
    b = installation(tmp_path / "b", model_dir, "erhvervsservice@aarhus.example", "AAR")
    a.box.deliver(application().as_bytes())
    a.runner.process_batch()
    assert a.cases() == 1
    passed = 0
    for _ in range(ROUNDS):
        for sender, receiver in ((a, b), (b, a)):
            for raw in sender.flush():
                receiver.box.deliver(on_the_way(raw))
                passed += 1
            receiver.runner.process_batch()
    assert passed >= 2  # the acknowledgement and the routed case went over at least
    assert (a.cases(), b.cases()) == (1, 0), (a.reasons(), b.reasons())
    assert a.flush() == [] and b.flush() == []  # and the exchange has died out
