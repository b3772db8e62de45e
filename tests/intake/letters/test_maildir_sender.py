"""The local outbox Maildir of the embedded default: one file per recipient, each saying whom it went to."""
from __future__ import annotations

import email
from email import policy

from intake.letters.sender import MaildirSender

RAW = (b"From: Erhvervsservice <erhverv@kk.example>\r\nTo: anna@cafe.example\r\nCc: mette@kk.example\r\n"
       b"Subject: [KBH-2026-000005] Kvittering\r\nMessage-ID: <ack.1@kk.example>\r\n\r\nHej Anna\r\n")


def test_each_copy_names_its_recipient_and_keeps_the_message_whole(tmp_path):
    sender = MaildirSender(tmp_path / "outbox")
    for recipient in ("anna@cafe.example", "mette@kk.example"):
        sender.send(RAW, "erhverv@kk.example", [recipient])
    sender.close()
    files = sorted((tmp_path / "outbox" / "new").iterdir())
    copies = [email.message_from_bytes(f.read_bytes(), policy=policy.default) for f in files]
    assert sorted(str(m["Delivered-To"]) for m in copies) == ["anna@cafe.example", "mette@kk.example"]
    assert {str(m["Return-Path"]) for m in copies} == {"<erhverv@kk.example>"}
    for f in files:   # the mail itself follows the trace lines unchanged
        assert f.read_bytes().endswith(RAW) and f.read_bytes().count(b"\r\n\r\n") == 1
