"""The transactional outbox: mails are written with their case, sent after the commit.

Every outgoing mail is a row in ``OutboxMail``, inserted in the same
transaction as the case it belongs to; ``flush_outbox`` hands due rows to the
sender and marks them sent. Whose refusal it is decides what happens:

- the relay refuses *us* (down, 421, 5xx to ``MAIL FROM`` or AUTH, every
  recipient refused): the row goes back to the queue untouched, the flush stops
  and the relay is left alone for a backoff (``intake.letters.relay``);
- it refuses *one recipient* (or this one mail): that row is failed, and its
  case gets a ``mail_failed`` event; a run of such refusals with nothing taken in
  between (``RELAY_RUN``) is read as a refusal of us after all. A business's
  address refused (5xx to ``RCPT``: its typo, or a mailbox gone) is a WARNING, not
  for the operators to act on; one of our own addresses refused (an office, an
  operator: a domain of ``Settings.internal``) is an ERROR;
- a recipient deferred (4xx to ``RCPT``) is retried with the row's own backoff,
  failed after ``max_attempts``.

A row is claimed just before it is sent, by one ``UPDATE`` of the first due row
that no other flush holds (``claim_next``), so two flushes never send the same
row and never queue behind each other; the claim records the attempt and a lease. A row whose lease ran
out while ``sending`` was left by a process that died between the server's
"250 OK" and our commit: it is sent once more (``resending``, same Message-ID);
a second death leaves it ``failed`` for the operator (``intake outbox retry``).
A mail larger than the relay's EHLO ``SIZE`` (or refused with 552) is sent with
its attachments left out and a note where to find them (``intake.letters.slim``).
"""
from __future__ import annotations

import base64
import logging
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import case, update
from sqlalchemy.engine import Engine
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session, col, func, select
from sqlmodel.sql.expression import SelectOfScalar

from intake.crashpoints import crash_point
from intake.errors import SendError
from intake.inbound import raw_of
from intake.letters.relay import RelayState, backoff, refusal_alert
from intake.letters.routed import ORIGINAL_PLACEHOLDER
from intake.letters.sender import (
    MailSender,
    PermanentSendError,
    RecipientDeferred,
    RecipientRefused,
    RelayRefused,
    TooBig,
)
from intake.letters.slim import slim_copy
from intake.privacy import loggable, masked_address
from models import CaseEvent, InboundMessage, OutboxMail, utcnow

__all__ = ["FlushResult", "RelayState", "backoff", "envelope_recipients", "flush_outbox", "queue_mail", "send_due"]
log = logging.getLogger(__name__)
RELAY_RUN = 3        # recipient refusals in a row, none taken: the relay refuses us, not them
SENDING, RESENDING = "sending", "resending"
CLAIMABLE = ("pending", SENDING, RESENDING)
DIED_TWICE = "the process died twice while sending: it may have gone out; check, then `intake outbox retry`"
FLUSH_LIMIT = 200    # rows one flush tries at most; the rest wait for the next


@dataclass
class FlushResult:
    sent: int = 0
    retried: int = 0
    failed: int = 0
    slimmed: int = 0
    waiting: int = 0                     # due mail left in the queue because the relay refuses us
    relay_trouble: str = ""              # why, for the summary
    failures: list[str] = field(default_factory=list)  # "purpose to masked recipient: answer"

    def add(self, other: FlushResult) -> FlushResult:
        self.sent, self.retried = self.sent + other.sent, self.retried + other.retried
        self.failed, self.slimmed = self.failed + other.failed, self.slimmed + other.slimmed
        self.waiting, self.relay_trouble = other.waiting, other.relay_trouble
        self.failures = (self.failures + other.failures)[-50:]  # a long-running service keeps the last ones
        return self


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


def newest_id(session: Session) -> int:
    """The id of the newest outbox row (0 for none): a command sends only the rows after it, its own."""
    return int(session.exec(select(func.max(OutboxMail.id))).one() or 0)


def queued_after(engine: Engine, newest: int) -> list[int]:
    with Session(engine) as session:
        return [int(i) for i in session.exec(select(OutboxMail.id).where(col(OutboxMail.id) > newest))]


def _due(now: datetime, only: Collection[int] | None) -> ColumnElement[bool]:
    """The rows to try now: pending and due, or a send whose lease ran out (``only``: of these ids)."""
    due = (col(OutboxMail.status).in_(CLAIMABLE)) & (col(OutboxMail.next_attempt_at) <= now)
    return due & col(OutboxMail.id).in_(list(only)) if only is not None else due


def count_due(engine: Engine, now: datetime, only: Collection[int] | None = None) -> int:
    with Session(engine) as session:
        return int(session.exec(select(func.count()).select_from(OutboxMail).where(_due(now, only))).one())


def next_due(now: datetime, after: int = 0, only: Collection[int] | None = None) -> SelectOfScalar[int | None]:
    """The first due row past ``after`` that no other flush is claiming (its plan uses an index:
    ``tests/test_query_plans.py``)."""
    return (select(OutboxMail.id).where(_due(now, only)).where(col(OutboxMail.id) > after)
            .order_by(col(OutboxMail.id)).limit(1).with_for_update(skip_locked=True))


def claim_next(engine: Engine, now: datetime, lease: float, after: int = 0,
               only: Collection[int] | None = None) -> OutboxMail | None:
    """Take the first due row past ``after`` for this process; None when none is left.

    One statement, the queue's usual form: ``UPDATE ... WHERE id = (SELECT ... ORDER BY id LIMIT 1
    FOR UPDATE SKIP LOCKED) RETURNING``. Each claim reads the queue as it is now, so flushes running at
    once (several workers) take different rows instead of all trying the same ones in turn; a row
    another flush is claiming this instant is skipped, not waited for. (SQLite, one process, has no
    row locks: the clause is left out.) A pending row becomes ``sending``; a ``sending`` row whose lease
    ran out (the sender died) becomes ``resending``: its one repeat; a ``resending`` one whose lease ran
    out becomes ``failed`` for the operator, and is returned so the caller can say so (not send it).
    """
    status = col(OutboxMail.status)
    first = next_due(now, after, only).scalar_subquery()
    with Session(engine, expire_on_commit=False) as session:
        mail = session.scalars(
            update(OutboxMail).where(col(OutboxMail.id) == first)
            .values(status=case((status == "pending", SENDING), (status == SENDING, RESENDING), else_="failed"),
                    attempts=col(OutboxMail.attempts) + 1, next_attempt_at=utcnow() + timedelta(seconds=lease),
                    last_error=case((status == RESENDING, DIED_TWICE), else_=col(OutboxMail.last_error)))
            .returning(OutboxMail), execution_options={"synchronize_session": False}).first()
        session.commit()
    if mail is not None and mail.status == "failed":
        log.error("mail left for the operator: the process died twice while sending it", extra={"outbox_id": mail.id})
    return mail


@dataclass
class _Flush:
    """One flush: the rows it tried, the refusals it has not judged yet."""

    engine: Engine
    sender: MailSender
    envelope_from: str
    max_attempts: int
    retry_base: float
    relay: RelayState
    result: FlushResult = field(default_factory=FlushResult)
    suspects: list[tuple[OutboxMail, PermanentSendError]] = field(default_factory=list)
    limit: int | None = None
    own: Collection[str] = ()      # our own mail domains and the operators' addresses, in lower case

    def ours(self, address: str) -> bool:
        """Whether ``address`` is one of our own (an office, a caseworker, an operator), not a business's."""
        address = address.strip().lower()
        return address in self.own or address.rpartition("@")[2] in self.own

    def send(self, mail: OutboxMail) -> None:
        """Hand one claimed row to the relay and record the outcome; raises SendError when the relay refuses us."""
        try:
            self._deliver(mail)
        except PermanentSendError as err:
            self.suspects.append((mail, err))
            if len(self.suspects) >= RELAY_RUN and len({m.recipient for m, _ in self.suspects}) >= RELAY_RUN:
                raise RelayRefused(f"{len(self.suspects)} recipients refused in a row: {err}") from err
            return
        except RecipientDeferred as err:
            self._defer(mail, err)
            return
        crash_point("after_send")
        self._mark(mail, status="sent", sent_at=utcnow())
        self.result.sent += 1
        log.info("mail sent", extra=_fields(mail))
        self.judge_suspects(refused=True)

    def _deliver(self, mail: OutboxMail) -> None:
        if self.limit is None:
            self.limit = self.sender.size_limit() or 0
        full = raw = with_original(self.engine, mail)
        if self.limit and len(raw) > self.limit:
            raw = self._slim(mail, full) or raw
        try:
            self.sender.send(raw, self.envelope_from, [mail.recipient])
        except TooBig:
            smaller = self._slim(mail, full, self.limit or len(full)) if raw is full else None
            if smaller is None:
                raise
            self.sender.send(smaller, self.envelope_from, [mail.recipient])

    def _slim(self, mail: OutboxMail, full: bytes, limit: int | None = None) -> bytes | None:
        assert mail.id is not None
        smaller = slim_copy(full, limit=limit or self.limit or 0, outbox_id=mail.id, desk=self.envelope_from)
        if smaller is not None:
            self.result.slimmed += 1
            log.warning("mail too large for the mail server: sent without its attachments", extra=_fields(mail) | {
                "size": len(full), "limit": limit or self.limit})
        return smaller

    def judge_suspects(self, *, refused: bool) -> None:
        """The refusals held so far were the recipients' (``refused``) or the relay's (back to the queue)."""
        suspects, self.suspects = self.suspects, []
        for mail, err in suspects:
            if refused:
                self._fail(mail, err)
            else:
                self.release(mail, str(err))

    def _fail(self, mail: OutboxMail, err: SendError) -> None:
        answer = str(err)[:500]
        self._mark(mail, status="failed", last_error=answer, event=f"{mail.purpose} mail to {mail.recipient} "
                                                                  f"not delivered: {answer}")
        self.result.failed += 1
        self.result.failures.append(f"{mail.purpose} to {loggable(mail.recipient)}: {loggable(answer, 120)}")
        fields = _fields(mail) | {"recipient": masked_address(mail.recipient), "error": loggable(answer, 200)}
        if isinstance(err, RecipientRefused) and not self.ours(mail.recipient):
            # the business's typo or closed mailbox: its case records it; nothing for the operators to mend
            log.warning("mail not sent: the recipient's address was refused", extra=fields)
            return
        log.error("mail not sent: refused for good", extra=fields)

    def _defer(self, mail: OutboxMail, err: SendError) -> None:
        if mail.attempts >= self.max_attempts:
            self._fail(mail, err)
            return
        retry_at = utcnow() + backoff(mail.attempts, self.retry_base)
        self._mark(mail, status="pending", next_attempt_at=retry_at, last_error=str(err)[:500])
        self.result.retried += 1
        log.warning("mail not sent: recipient deferred, retrying", extra=_fields(mail) | {
            "attempts": mail.attempts, "retry_at": retry_at.isoformat(timespec="seconds")})

    def release(self, mail: OutboxMail, error: str) -> None:
        """Give the row back to the queue as it was: the relay refused us, not it."""
        self._mark(mail, status="pending", attempts=max(0, mail.attempts - 1), next_attempt_at=utcnow(),
                   last_error=error[:500])

    def _mark(self, mail: OutboxMail, event: str = "", **values: object) -> None:
        """Write ``values`` to the row (one ``UPDATE``; nothing when it is gone) and keep ``mail`` in step."""
        for key, value in values.items():
            setattr(mail, key, value)
        with Session(self.engine) as session:
            session.execute(update(OutboxMail).where(col(OutboxMail.id) == mail.id).values(**values))
            if event and mail.case_id is not None:
                session.add(CaseEvent(case_id=mail.case_id, action="mail_failed", detail=event))
            session.commit()


def flush_outbox(engine: Engine, sender: MailSender, *, envelope_from: str, max_attempts: int = 12,
                 retry_base: float = 30.0, now: datetime | None = None, relay: RelayState | None = None,
                 only: Collection[int] | None = None, lease: float = 300.0,
                 operators: Sequence[str] = (), own_domains: Collection[str] = ()) -> FlushResult:
    """Send every due mail (or only the rows ``only``); returns what happened. Never raises for a refusal.

    ``own_domains`` (with ``envelope_from``'s domain and the ``operators``) are our own addresses: a refusal of
    one of them is an ERROR, of a business's address a WARNING.
    """
    relay = relay if relay is not None else RelayState()
    own = {d.lower() for d in (*own_domains, envelope_from.rpartition("@")[2]) if d} | {o.lower() for o in operators}
    flush = _Flush(engine, sender, envelope_from, max_attempts, retry_base, relay, own=frozenset(own))
    now = now or utcnow()
    if relay.blocked(now):
        return _waiting(flush.result, count_due(engine, now, only), relay)
    try:
        # One row at a time, claimed just before it is sent: a process that dies holds one row (its lease)
        last = 0
        for _ in range(FLUSH_LIMIT):
            mail = claim_next(engine, now, lease, after=last, only=only)
            if mail is None:
                break
            assert mail.id is not None
            last = mail.id
            if mail.status == "failed":
                continue  # died twice while sending: left for the operator
            try:
                flush.send(mail)
            except SendError as err:
                flush.release(mail, str(err))
                flush.judge_suspects(refused=False)
                if relay.failed(err, retry_base) and operators:
                    _queue_alert(engine, relay, envelope_from, operators)
                return _waiting(flush.result, count_due(engine, max(now, utcnow()), only), relay)  # with this row
            relay.recovered()
        flush.judge_suspects(refused=True)
    finally:
        sender.close()
    return flush.result


def _queue_alert(engine: Engine, relay: RelayState, desk: str, operators: Sequence[str]) -> None:
    """Queue the operators' alert unless one is still waiting (one per outage, whichever process saw it)."""
    with Session(engine) as session:
        waiting = session.exec(select(OutboxMail.id).where(OutboxMail.purpose == "alert")
                               .where(col(OutboxMail.status).in_(CLAIMABLE))).first()
        if waiting is None:
            queue_mail(session, purpose="alert", case_id=None, inbound_id=None,
                       msg=refusal_alert(relay, desk=desk, operators=operators))
            session.commit()


def _waiting(result: FlushResult, waiting: int, relay: RelayState) -> FlushResult:
    result.waiting, result.relay_trouble = waiting, relay.summary
    return result


def _fields(mail: OutboxMail) -> dict:
    """The context fields of a log line about an outgoing mail."""
    return {"outbox_id": mail.id, "purpose": mail.purpose, "case_id": mail.case_id, "inbound_id": mail.inbound_id}


def send_due(engine: Engine, sender: MailSender, settings, relay: RelayState | None = None,
             only: Collection[int] | None = None) -> FlushResult:
    """Send every due mail with the sender address, retry policy and operator address of ``settings``.

    The one flush: the service's loop and schedule and the caseworker commands
    all call this, so they cannot send with different policies.
    """
    return flush_outbox(engine, sender, envelope_from=settings.from_address,
                        max_attempts=settings.outbox_max_attempts, retry_base=settings.outbox_retry_base,
                        relay=relay, only=only, lease=settings.outbox_send_lease,
                        operators=settings.operator_addresses, own_domains=settings.internal)


# -- the operator's view ---------------------------------------------------------
def outbox_rows(engine: Engine, *, failed_only: bool = False, limit: int = 200) -> list[OutboxMail]:
    """The outbox, newest first: everything not yet sent (or only the failed), then the last sent."""
    with Session(engine) as session:
        stmt = select(OutboxMail)
        stmt = stmt.where(OutboxMail.status == "failed") if failed_only else stmt
        rows = session.exec(stmt.order_by(col(OutboxMail.status) == "sent", col(OutboxMail.id).desc())
                            .limit(limit)).all()
        return list(rows)


def retry_failed(engine: Engine, ids: Collection[int] | None = None) -> int:
    """Put failed mail (the rows ``ids``, or every failed one) back in the queue, due now; returns how many."""
    with Session(engine) as session:
        stmt = update(OutboxMail).where(col(OutboxMail.status) == "failed")
        if ids is not None:
            stmt = stmt.where(col(OutboxMail.id).in_(list(ids)))
        done = session.execute(stmt.values(status="pending", attempts=0, next_attempt_at=utcnow()))
        session.commit()
    count = int(done.rowcount)  # type: ignore[attr-defined]
    log.info("failed mail queued again", extra={"count": count})
    return count


def original(engine: Engine, mail_id: int) -> bytes | None:
    """The full raw mail of row ``mail_id`` (with every attachment, as it is sent)."""
    with Session(engine) as session:
        row = session.get(OutboxMail, mail_id)
    return None if row is None else with_original(engine, row)


PLACEHOLDER_LINE = base64.b64encode(ORIGINAL_PLACEHOLDER) + b"\n"


def with_original(engine: Engine, mail: OutboxMail) -> bytes:
    """The mail as sent: a routed case's placeholder replaced by the original message it stands for.

    A large original is kept once, in its ``InboundMessage`` row, not in every office's routed
    mail (``letters.routed.ORIGINAL_INLINE_MAX``); the placeholder's base64 line is swapped for the
    original's base64 here, just before the mail goes out.
    """
    raw = mail.raw
    if mail.inbound_id is None or PLACEHOLDER_LINE not in raw:
        return raw
    with Session(engine) as session:
        inbound = session.get(InboundMessage, mail.inbound_id)
        original_raw = raw_of(session, inbound) if inbound is not None else b""
    return raw.replace(PLACEHOLDER_LINE, base64.encodebytes(original_raw), 1)
