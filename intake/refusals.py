"""Messages refused unread for their size (issue 13, section 1).

A message larger than ``Settings.max_message_mb`` is not parsed at all: only
its header block (at most ``HEADER_BLOCK_MAX`` bytes) is read, to record sender
and subject and to answer the sender. The runner stores that header block, not
the message, so a huge message costs the database a few kilobytes; the whole
message stays in the mailbox's Quarantine folder for the operator.

The sender is told, politely and in its language, how large the message was,
what the limit is and how to send it again: unless the message is automated
(an auto-reply, a bounce, a list: ``intake.mail.automated``), has no valid
address to answer, or the sender has had its share of notices today.
"""
from __future__ import annotations

import hashlib
import logging

from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col

from intake.cases.rules import NOTICE_PURPOSES, may_reply
from intake.letters.notices import too_large
from intake.letters.outbox import queue_mail
from intake.mail.automated import detect_automated
from intake.mail.language import detect_language
from intake.mail.message import HEADER_BLOCK_MAX, header_block, parse_mail
from intake.mail.parties import parties_of
from intake.privacy import redact_cpr
from intake.settings import Settings
from models import InboundMessage

log = logging.getLogger(__name__)

def limit_bytes(settings: Settings) -> int:
    return int(settings.max_message_mb * 1024 * 1024)


def refused_for_size() -> ColumnElement[bool]:
    """Which recorded messages were refused for their size: kept whole in the mailbox's Quarantine folder, listed
    with the quarantine (``intake quarantine list``, the operator's page, ``/metrics``), never replayable."""
    return col(InboundMessage.outcome) == "refused"


def is_too_large(raw: bytes, settings: Settings) -> bool:
    """Whether ``raw`` is over the configured size limit (and must not be parsed)."""
    return len(raw) > limit_bytes(settings)


def refuse_too_large(session: Session, rec: InboundMessage, raw: bytes, settings: Settings) -> str:
    """Record ``rec`` as refused for its size, store only its header block, answer if we may; the reason."""
    reason = (f"message of {len(raw) / 1_000_000:.1f} MB over the {settings.max_message_mb:g} MB limit; "
              "refused unread")
    head = header_block(raw) + b"\r\n\r\n"
    mail = parse_mail(head)
    rec.raw = head
    rec.sender, rec.message_id = mail.from_addr[:320], mail.message_id[:500]
    rec.subject = redact_cpr(mail.subject)[:500]
    rec.status, rec.outcome, rec.kind, rec.reason = "done", "refused", "too_large", reason
    automated = detect_automated(mail.msg, loop_id=settings.loop_id)
    to = parties_of(mail, settings.internal).reply_addr
    if automated is not None:
        log.info("oversized message is automated: not answered", extra={"reason": automated.reason})
    elif to and may_reply(session, to, settings.max_notices_per_sender_per_day, NOTICE_PURPOSES):
        session.add(rec)
        session.flush()  # the id for the outbox row
        lang = detect_language(mail.subject) if mail.subject else "da"
        key = f"{hashlib.sha256(raw).hexdigest()[:16]}.{rec.id}"     # (the same bytes again are another refusal)
        queue_mail(session, purpose="too_large", msg=too_large(mail, to, len(raw), settings, lang, key),
                   case_id=None, inbound_id=rec.id)
    return reason


__all__ = ["HEADER_BLOCK_MAX", "header_block", "is_too_large", "refuse_too_large", "refused_for_size"]
