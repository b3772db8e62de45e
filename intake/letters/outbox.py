"""The transactional outbox: mails are written with their case, sent after the commit.

Every outgoing mail is a row in ``OutboxMail``, inserted in the same
transaction as the case it belongs to; ``flush_outbox`` hands due rows to the
sender and marks them sent. A server that is down means a retry with
exponential backoff; a permanent refusal (5xx) marks the row failed. The
window between the server's "250 OK" and the commit of "sent" is the only
place a crash can repeat a mail; the repeat carries the same Message-ID.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from intake.crashpoints import crash_point
from intake.errors import SendError
from intake.letters.sender import MailSender, PermanentSendError
from models import OutboxMail, utcnow

log = logging.getLogger(__name__)
MAX_BACKOFF = timedelta(hours=1)


@dataclass
class FlushResult:
    sent: int = 0
    retried: int = 0
    failed: int = 0


def backoff(attempts: int, base: float) -> timedelta:
    """Delay before the next try after ``attempts`` failures: base * 2^(n-1), at most an hour."""
    return min(timedelta(seconds=base * 2 ** max(0, attempts - 1)), MAX_BACKOFF)


def envelope_recipients(msg) -> list[str]:
    """Every address in To and Cc, in order, once each."""
    found = [str(a.addr_spec) for key in ("To", "Cc") for header in msg.get_all(key, [])
             for a in header.addresses]
    return list(dict.fromkeys(a for a in found if a))


def queue_mail(session: Session, *, purpose: str, msg, case_id: int | None, inbound_id: int | None) -> None:
    """Write ``msg`` to the outbox: one row per envelope recipient (To first, then each Cc).

    The outbox sends each row to its one ``recipient``; a copy's row carries the
    same raw message (same Message-ID header) under a bookkeeping id with ``#cc:``.
    """
    raw, mid = msg.as_bytes(), msg["Message-ID"]
    for i, recipient in enumerate(envelope_recipients(msg)):
        session.add(OutboxMail(case_id=case_id, inbound_id=inbound_id, purpose=purpose, recipient=recipient,
                               message_id=mid if i == 0 else f"{mid}#cc:{recipient}", raw=raw))


def due_mail(engine: Engine, now: datetime, limit: int = 200) -> list[int]:
    with Session(engine) as session:
        stmt = (select(OutboxMail.id).where(OutboxMail.status == "pending")
                .where(col(OutboxMail.next_attempt_at) <= now).order_by(OutboxMail.id).limit(limit))
        return list(session.exec(stmt))


def flush_outbox(engine: Engine, sender: MailSender, *, envelope_from: str, max_attempts: int = 12,
                 retry_base: float = 30.0, now: datetime | None = None) -> FlushResult:
    """Send every due mail; returns what happened. Never raises for a sending failure."""
    result = FlushResult()
    now = now or utcnow()
    try:
        for mail_id in due_mail(engine, now):
            with Session(engine) as session:
                mail = session.get(OutboxMail, mail_id)
                if mail is None or mail.status != "pending":
                    continue
                try:
                    sender.send(mail.raw, envelope_from, [mail.recipient])
                except SendError as err:
                    _record_failure(mail, err, max_attempts, retry_base, result)
                    session.add(mail)
                    session.commit()
                    if not isinstance(err, PermanentSendError):
                        break  # the server is down: do not hammer it with the rest
                    continue
                crash_point("after_send")
                mail.status, mail.sent_at, mail.attempts = "sent", utcnow(), mail.attempts + 1
                session.add(mail)
                session.commit()
                result.sent += 1
                log.info("mail sent", extra=_fields(mail))
    finally:
        sender.close()
    return result


def _record_failure(mail: OutboxMail, err: SendError, max_attempts: int, base: float,
                    result: FlushResult) -> None:
    mail.attempts += 1
    mail.last_error = str(err)[:500]
    if isinstance(err, PermanentSendError) or mail.attempts >= max_attempts:
        mail.status = "failed"
        result.failed += 1
        log.error("mail not sent: giving up", extra=_fields(mail) | {"attempts": mail.attempts, "error": str(err)})
    else:
        mail.next_attempt_at = utcnow() + backoff(mail.attempts, base)
        result.retried += 1
        log.warning("mail not sent: retrying", extra=_fields(mail) | {
            "attempts": mail.attempts, "retry_at": mail.next_attempt_at.isoformat(timespec="seconds"),
            "error": str(err)})


def _fields(mail: OutboxMail) -> dict:
    """The context fields of a log line about an outgoing mail."""
    return {"outbox_id": mail.id, "purpose": mail.purpose, "case_id": mail.case_id, "inbound_id": mail.inbound_id}


def send_due(engine: Engine, sender: MailSender, settings) -> FlushResult:
    """Send every due mail with the sender address and retry policy of ``settings``.

    The one flush: the service's loop and schedule and the caseworker commands
    all call this, so they cannot send with different policies.
    """
    return flush_outbox(engine, sender, envelope_from=settings.from_address,
                        max_attempts=settings.outbox_max_attempts, retry_base=settings.outbox_retry_base)
