"""A mail too large for the relay: the same mail with its attachments left out and a note where they are.

The relay announces the largest message it takes (EHLO ``SIZE``, RFC 1870); a
routed case with the original attached is about 1.35 x the original and can
pass it. Rather than send nothing, the outbox sends this slim copy: every text
part kept, every attachment replaced by one line in the note on top.
"""
from __future__ import annotations

from email import message_from_bytes
from email.message import EmailMessage

from intake.letters.envelope import OUTGOING
from intake.letters.wording import phrase

MB = 1024 * 1024
MIME_HEADERS = ("content-type", "content-transfer-encoding", "content-disposition", "mime-version")


def slim_copy(raw: bytes, *, limit: int, outbox_id: int, desk: str) -> bytes | None:
    """``raw`` without attachments and with a note naming them; None when it has none to leave out.

    The caller parses only mail we built ourselves, so ``policy.default`` (as ``OUTGOING`` writes it) is safe here.
    """
    msg = message_from_bytes(raw, policy=OUTGOING)
    assert isinstance(msg, EmailMessage)
    names = [part.get_filename() or part.get_content_type() for part in msg.iter_attachments()]
    if not names:
        return None
    body = msg.get_body(("plain",))
    text = body.get_content() if body is not None else ""
    note = phrase("da", "office.attachments_left_out", files=", ".join(names), size_mb=_mb(len(raw)),
                  limit_mb=_mb(limit), outbox_id=outbox_id, desk=desk)
    slim = EmailMessage(policy=OUTGOING)
    for key, value in msg.items():
        if key.lower() not in MIME_HEADERS:
            slim[key] = value
    slim.set_content(f"{note}\n\n{text}")
    return slim.as_bytes()


def _mb(size: int) -> str:
    return f"{size / MB:.1f}"
