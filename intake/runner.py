"""The driver: takes each waiting message through the pipeline and owns the failure policy.

Per message: record it (so a message that keeps crashing the process is
quarantined after ``max_processing_attempts``), run the pipeline, commit the
outcome with its outgoing mail in one transaction, and only then move the
message out of the inbox. A message over ``max_message_mb`` is refused before
parsing (``intake.refusals``): recorded with its header block only, answered
politely when we may, and kept whole in the mailbox's Quarantine folder. Stops on purpose (auto-replies, bounces...) are
recorded with their reason; a message that fails for a reason in the message
goes to the quarantine; a failure of ours (``OurFault``: database or mail server
down, a model that cannot be loaded) propagates so the service retries later
with the message still in the inbox. Every line logged while a message is
handled carries its ``inbound_id`` (``intake.logs.bound``).
"""
from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, or_, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from intake import followups, kinds
from intake.bounces import record_bounce
from intake.cases.forwarded import database_forwards
from intake.crashpoints import crash_point
from intake.errors import CaseNotFound, OurFault, RequestRefused, StopMessage
from intake.inbound import keep_raw, raw_of
from intake.leases import is_held, lease_deadline, worker_identity
from intake.logs import bound
from intake.mail.peek import sender_and_subject
from intake.mailbox.base import FetchedMessage, Mailbox, MessageRef
from intake.pipeline import ANALYSIS, PRELUDE, Context, MessageState, run_stages
from intake.privacy import loggable, redact_cpr
from intake.refusals import is_too_large, refuse_too_large
from intake.reservations import Reservations
from models import Case, InboundMessage, utcnow

log = logging.getLogger(__name__)

# Failures of ours: the message stays in the inbox and the service retries later. Every
# ``OurFault`` (mail server, model store, configuration...) and the database driver's own
# errors, which can surface anywhere a session is used; everything else in the pipeline
# is the message's and quarantines it.
OUR_FAULTS = (OurFault, OperationalError, DBAPIError, MemoryError)
MOVE_EVERY = 20  # messages moved to Processed with one IMAP MOVE (they were committed first)


@dataclass(frozen=True)
class Outcome:
    """What became of one message."""

    inbound_id: int
    # case | follow_up | status_query | skipped | duplicate | quarantined | already | refused
    # | busy (another worker has it)
    outcome: str
    reason: str = ""
    reference: str | None = None


def claim_lookup(ref: MessageRef, sha: str) -> SelectOfScalar[InboundMessage]:
    """One read for a claim: the message's own row (by its mailbox key) and its twins (same bytes) done or
    in flight. Both conditions have their index (``tests/test_query_plans.py``)."""
    return select(InboundMessage).where(or_(
        and_(col(InboundMessage.source) == ref.source, col(InboundMessage.uidvalidity) == ref.uidvalidity,
             col(InboundMessage.uid) == ref.uid),
        and_(col(InboundMessage.sha256) == sha, col(InboundMessage.status).in_(("done", "processing")))))


class Runner:
    """Processes messages from a mailbox into cases."""

    def __init__(self, ctx: Context, engine: Engine, mailbox: Mailbox | None = None,
                 stop_requested: Callable[[], bool] = lambda: False) -> None:
        self.ctx, self.engine, self.mailbox = ctx, engine, mailbox
        self.stop_requested = stop_requested  # checked between messages: SIGTERM stops after the current one
        self.me = worker_identity()

    def process_batch(self, limit: int | None = None) -> list[Outcome]:
        """Process what waits in the inbox; the messages done are moved to Processed a few at a time.

        A message is moved only after its outcome is committed; one that dies before its move is
        found done by the next run and moved then. ``MOVE_EVERY`` keeps a move well within the lease.
        """
        assert self.mailbox is not None
        outcomes: list[Outcome] = []
        done: list[MessageRef] = []
        reserved = Reservations(self.engine)  # the messages of this batch, which other workers skip
        try:
            for fetched in self.mailbox.fetch_pending(limit, take=reserved.take):
                if self.stop_requested():
                    break  # the rest stay in the inbox for the next start
                outcomes.append(self.handle(fetched, done))
                if len(done) >= MOVE_EVERY:
                    self._move_done(done)
            self._move_done(done)
        except BaseException:
            with suppress(*OUR_FAULTS):
                self._move_done(done)  # what was committed is moved, whatever failed after it
            raise
        finally:
            reserved.release()  # after the moves: a message given back is out of the inbox or not done
        return outcomes

    def _move_done(self, done: list[MessageRef]) -> None:
        if done and self.mailbox is not None:
            refs = list(done)
            done.clear()
            self.mailbox.mark_processed_many(refs)
            crash_point("after_move")

    def handle(self, fetched: FetchedMessage, done: list[MessageRef] | None = None) -> Outcome:
        """Process one message; with ``done``, one to be moved to Processed is added to it instead of moved."""
        inbound_id, early = self._claim(fetched)
        with bound(inbound_id=inbound_id):
            if early is not None:
                if early.outcome != "busy":
                    self._move(fetched.ref, early, done)
                return early
            crash_point("after_record")
            try:
                outcome = self._process(inbound_id, fetched.raw, fetched.received)
            except IntegrityError as err:
                # a value that must be unique, made twice from this message: the attempt counts, so that a message
                # that makes it every time is quarantined after ``max_processing_attempts`` with this reason
                # instead of holding up the mailbox (a race between workers passes on the next try)
                log.warning("message left in the inbox: a unique value was made twice", extra={
                    "inbound_id": inbound_id, "error": type(err).__name__})
                self._note_failure(inbound_id, f"{type(err).__name__}: {redact_cpr(str(err.orig))}")
                raise
            except OUR_FAULTS as err:
                log.warning("message left in the inbox: failure on our side", extra={
                    "inbound_id": inbound_id, "error": type(err).__name__})
                self._release(inbound_id)
                raise
            self._move(fetched.ref, outcome, done)
            return outcome

    def _note_failure(self, inbound_id: int, reason: str) -> None:
        """Keep the attempt of a message whose processing failed, with why (named if it is quarantined for it)."""
        try:
            with Session(self.engine) as session:
                rec = session.get(InboundMessage, inbound_id)
                if rec is not None and rec.status == "processing":
                    rec.reason, rec.lease_owner = reason[:1000], ""
                    session.add(rec)
                    session.commit()
        except OUR_FAULTS:
            log.warning("could not note the failure", extra={"inbound_id": inbound_id})

    def _release(self, inbound_id: int) -> None:
        """Take back the attempt of a message that failed through our fault (it is retried, not blamed)."""
        try:
            with Session(self.engine) as session:
                rec = session.get(InboundMessage, inbound_id)
                if rec is not None and rec.status == "processing" and rec.lease_owner == self.me:
                    rec.attempts, rec.lease_owner = max(0, rec.attempts - 1), ""
                    session.add(rec)
                    session.commit()
        except OUR_FAULTS:
            log.warning("could not take back the attempt", extra={"inbound_id": inbound_id})

    # -- recording -----------------------------------------------------------
    def _claim(self, fetched: FetchedMessage) -> tuple[int, Outcome | None]:
        """Record the message and take its lease, or say why it is not ours to process now.

        Several workers may fetch the same message: the row's unique key (source,
        UIDVALIDITY, UID) decides who records it, and the lease who processes it.
        A message another live worker holds, or whose twin (same bytes) is being
        processed elsewhere, is "busy": left in the inbox for later.
        """
        ref, raw = fetched.ref, fetched.raw
        sha = hashlib.sha256(raw).hexdigest()
        now = utcnow()
        with Session(self.engine, expire_on_commit=False) as session:
            found = session.exec(claim_lookup(ref, sha)).all()
            rec = next((r for r in found if (r.source, r.uidvalidity, r.uid) == (ref.source, ref.uidvalidity,
                                                                               ref.uid)), None)
            if rec is not None and rec.sha256 != sha:
                # IMAP never reuses a UID within a UIDVALIDITY: the server serves the message with other bytes (a
                # rebuilt MIME tree). It is the message recorded; as new, its insert failed on the key for good
                log.warning("the mailbox serves other bytes for a message already recorded; the recorded ones stand",
                            extra={"inbound_id": rec.id, "status": rec.status})
            if rec is not None and rec.status != "processing":
                if is_held(rec.lease_owner, rec.lease_until, now, self.me):
                    # another live worker has just finished it and moves it itself (two MOVEs of one
                    # message at once can leave two copies in the target folder)
                    return rec.id, Outcome(rec.id, "busy", "finished by another worker, who moves it")
                again = "refused" if rec.outcome == "refused" else "already" if rec.status == "done" else "quarantined"
                return rec.id, Outcome(rec.id, again, rec.reason)
            if rec is None and is_too_large(raw, self.ctx.settings):
                return self._refuse(session, fetched, sha)
            if rec is None:
                twins = [t for t in found if t.sha256 == sha and t.status in ("done", "processing")]
                done = next((t for t in twins if t.status == "done"), None)
                if done is None and any(self._held(t, now) for t in twins):
                    return 0, Outcome(0, "busy", "its twin is being processed by another worker")
                rec = InboundMessage(source=ref.source, uidvalidity=ref.uidvalidity, uid=ref.uid, sha256=sha,
                                     received_at=fetched.received)
                rec.sender, rec.subject = sender_and_subject(raw)  # for the quarantine list, whatever follows
                if done is not None:
                    rec.status, rec.outcome, rec.case_id = "done", "duplicate", done.case_id
                    rec.reason = f"same content as message {done.id}"  # whose bytes are these: kept once
                    if not self._insert(session, rec):
                        return 0, Outcome(0, "busy", "recorded by another worker")
                    log.info("message is a duplicate", extra={"inbound_id": rec.id, "duplicate_of": done.id})
                    return rec.id, Outcome(rec.id, "duplicate", rec.reason)
                rec.attempts, rec.lease_owner = 1, self.me
                rec.lease_until = lease_deadline(now, self.ctx.settings.message_lease_seconds)
                if not self._insert(session, rec, raw):
                    return 0, Outcome(0, "busy", "recorded by another worker")
            else:
                if self._held(rec, now):
                    return rec.id, Outcome(rec.id, "busy", "held by another worker")
                taken = session.connection().execute(
                    update(InboundMessage)
                    .where(col(InboundMessage.id) == rec.id, col(InboundMessage.status) == "processing",
                           col(InboundMessage.lease_owner) == rec.lease_owner,
                           col(InboundMessage.attempts) == rec.attempts)
                    .values(lease_owner=self.me, attempts=rec.attempts + 1, updated_at=now,
                            lease_until=lease_deadline(now, self.ctx.settings.message_lease_seconds)))
                session.commit()
                if taken.rowcount != 1:
                    return rec.id, Outcome(rec.id, "busy", "taken over by another worker")
                session.refresh(rec)
            if rec.attempts > self.ctx.settings.max_processing_attempts:
                rec.attempts -= 1     # this start processes nothing: the record counts the attempts that ran
                reason = (f"processing failed in {rec.attempts} attempts: {rec.reason}" if rec.reason
                          else f"processing did not finish in {rec.attempts} attempts (the process died)")
                return rec.id, self._quarantine(session, rec, reason)
            assert rec.id is not None
            return rec.id, None

    def _held(self, rec: InboundMessage, now: datetime) -> bool:
        return rec.status == "processing" and is_held(rec.lease_owner, rec.lease_until, now, self.me)

    @staticmethod
    def _insert(session: Session, rec: InboundMessage, raw: bytes | None = None) -> bool:
        """Insert ``rec`` (and its bytes); False when another worker inserted the same message first."""
        session.add(rec)
        try:
            if raw is not None:
                session.flush()
                keep_raw(session, rec, raw)
            session.commit()
        except IntegrityError:
            session.rollback()
            taken = session.exec(select(InboundMessage.id).where(InboundMessage.source == rec.source)
                                 .where(InboundMessage.uidvalidity == rec.uidvalidity)
                                 .where(InboundMessage.uid == rec.uid)).first()
            if taken is None:  # not another worker's row: a real fault
                raise
            return False
        return True  # ``rec`` keeps its values: the claim's session does not expire them on commit

    def _refuse(self, session: Session, fetched: FetchedMessage, sha: str) -> tuple[int, Outcome]:
        """A message over the size limit: recorded with its header block only, never parsed (``intake.refusals``)."""
        ref = fetched.ref
        rec = InboundMessage(source=ref.source, uidvalidity=ref.uidvalidity, uid=ref.uid, sha256=sha,
                             received_at=fetched.received, raw=b"", attempts=1)
        reason = refuse_too_large(session, rec, fetched.raw, self.ctx.settings)
        session.add(rec)
        session.commit()
        log.warning("message refused for its size", extra={"inbound_id": rec.id, "bytes": len(fetched.raw)})
        return rec.id, Outcome(rec.id, "refused", reason)

    def _quarantine(self, session: Session, rec: InboundMessage, reason: str) -> Outcome:
        rec.status, rec.outcome, rec.reason, rec.updated_at = "quarantined", "quarantined", reason[:1000], utcnow()
        session.add(rec)
        outcome = Outcome(rec.id, "quarantined", reason)
        session.commit()
        log.warning("message quarantined", extra={"inbound_id": outcome.inbound_id, "reason": loggable(reason)})
        return outcome

    def _move(self, ref: MessageRef, outcome: Outcome, done: list[MessageRef] | None = None) -> None:
        if self.mailbox is None or ref is None:
            return
        if outcome.outcome in ("quarantined", "refused"):  # a refused message is kept whole only there
            self.mailbox.quarantine(ref, outcome.reason)
        elif done is not None:
            done.append(ref)
            return
        else:
            self.mailbox.mark_processed(ref)
        crash_point("after_move")

    # -- processing ----------------------------------------------------------
    def _process(self, inbound_id: int, raw: bytes, received: datetime) -> Outcome:
        state = MessageState(raw=raw, received=received, inbound_id=inbound_id)
        case_id: int | None = None
        try:
            run_stages(PRELUDE, state, self.ctx)
            log.info("message received", extra={"inbound_id": inbound_id, "kind": state.kind})
            with Session(self.engine) as session:
                case = kinds.resolve(state, followups.database_lookup(session), database_forwards(session))
                case_id = case.id if case is not None else None
            if state.references and case is None and state.earlier_case_id is None:
                log.info("message quotes a reference it does not belong to: treated as new",
                         extra={"inbound_id": inbound_id})
            if kinds.HANDLERS[state.kind].analyse:
                run_stages(ANALYSIS, state, self.ctx)
                case_id = kinds.settle(state, self.ctx) or case_id
            handler = kinds.HANDLERS[state.kind]
        except StopMessage as stop:
            return self._finish_skip(inbound_id, state, stop)
        except OUR_FAULTS:
            raise
        except Exception as err:  # noqa: BLE001 - a message we cannot process: quarantine, never crash-loop
            return self._failed(inbound_id, state, err)
        try:
            return self._finish(inbound_id, state, handler, case_id)
        except OUR_FAULTS:
            raise
        except Exception as err:  # noqa: BLE001 - its letters failed ("ø" in a header we copy); nothing committed
            return self._failed(inbound_id, state, err)

    def _failed(self, inbound_id: int, state: MessageState, err: Exception) -> Outcome:
        # The traceback may quote the message: only at DEBUG. The reason is masked.
        log.debug("message failed in the pipeline", extra={"inbound_id": inbound_id}, exc_info=err)
        with Session(self.engine) as session:
            rec = session.get(InboundMessage, inbound_id)
            self._record_headers(rec, state)  # so the operator's list shows sender domain and subject
            return self._quarantine(session, rec, f"{type(err).__name__}: {err}")

    def _record_headers(self, rec: InboundMessage, state: MessageState) -> None:
        if state.parsed is not None:
            rec.sender, rec.subject = state.mail.from_addr[:320], redact_cpr(state.mail.subject)[:500]
            rec.message_id = state.mail.message_id[:500]
        rec.auth = state.auth.summary[:300]

    def _finish_skip(self, inbound_id: int, state: MessageState, stop: StopMessage) -> Outcome:
        with Session(self.engine) as session:
            rec = session.get(InboundMessage, inbound_id)
            self._record_headers(rec, state)
            rec.status, rec.outcome, rec.kind, rec.reason = "done", stop.outcome, state.kind, stop.reason
            if state.kind == "bounce":      # a report on one of our mails goes into its case's history
                about = record_bounce(session, state.raw)
                if about:
                    rec.reason = f"{stop.reason}; recorded on {', '.join(about)}"[:1000]
            rec.updated_at = utcnow()
            session.add(rec)
            session.commit()
        log.info("message not answered", extra={"inbound_id": inbound_id, "kind": state.kind,
                                                "outcome": stop.outcome, "reason": loggable(stop.reason)})
        return Outcome(inbound_id, stop.outcome, stop.reason)

    def _finish(self, inbound_id: int, state: MessageState, handler: kinds.Handler, case_id: int | None) -> Outcome:
        """Write the message's outcome (a new case, or mail about one) and mark it done, in one transaction."""
        with Session(self.engine) as session:
            rec = session.get(InboundMessage, inbound_id)
            case = session.get(Case, case_id) if case_id is not None else None
            case = handler.record(session, rec, state, self.ctx, case)
            self._record_headers(rec, state)  # after the record: one UPDATE of the row with its outcome
            rec.status, rec.updated_at = "done", utcnow()
            session.add(rec)
            outcome = Outcome(inbound_id, rec.outcome, rec.reason, case.reference)  # not read again after commit
            crash_point("before_commit")
            session.commit()
        crash_point("after_commit")
        return outcome

    # -- operator actions ----------------------------------------------------
    def replay(self, inbound_id: int) -> Outcome:
        """Process a quarantined message again from its stored raw bytes; once it is done, its copy leaves the
        mailbox's Quarantine folder for Processed (with the runner's mailbox), so that nobody meets it again."""
        with bound(inbound_id=inbound_id):
            outcome = self._replay(inbound_id)
            if outcome.outcome != "quarantined":
                self._release_copy(inbound_id)
            return outcome

    def _release_copy(self, inbound_id: int) -> None:
        """Move the replayed message's copy out of the Quarantine folder; the replay stands whatever happens here."""
        if self.mailbox is None:
            return
        with Session(self.engine) as session:
            rec = session.get(InboundMessage, inbound_id)
            if rec is None:
                return
            ref, raw = MessageRef(rec.source, rec.uidvalidity, rec.uid), raw_of(session, rec)
        try:
            moved = self.mailbox.release_quarantined(ref, raw)
        except OUR_FAULTS as err:
            log.warning("replayed; its copy stays in the Quarantine folder (the mailbox failed)",
                        extra={"error": type(err).__name__, "detail": loggable(str(err), 200)})
            return
        if not moved:
            log.info("replayed; no copy of it in the Quarantine folder to move")

    def _replay(self, inbound_id: int) -> Outcome:
        with Session(self.engine) as session:
            rec = session.get(InboundMessage, inbound_id)
            if rec is not None and rec.outcome == "refused":
                raise RequestRefused(f"message {inbound_id} was refused unread for its size: only its header block "
                                     "is kept, so it cannot be processed again (the whole message is in the "
                                     "mailbox's Quarantine folder)")
            if rec is None or rec.status != "quarantined":
                raise CaseNotFound(f"no quarantined message with id {inbound_id}")
            before, sha = rec.reason, rec.sha256
            done = session.exec(select(InboundMessage).where(col(InboundMessage.sha256) == sha,
                                                             col(InboundMessage.status) == "done",
                                                             col(InboundMessage.id) != inbound_id)).first()
            # taken only if still quarantined: two replays at once (a double click, two operators) made two cases
            values: dict[str, Any] = {"status": "processing", "attempts": rec.attempts + 1, "reason": "",
                                      "updated_at": utcnow()}
            if done is not None:  # its copy came back to the inbox and was processed meanwhile
                values = {"status": "done", "outcome": "duplicate", "case_id": done.case_id, "updated_at": utcnow(),
                          "reason": f"same content as message {done.id}"}
            taken = session.connection().execute(
                update(InboundMessage).where(col(InboundMessage.id) == inbound_id,
                                             col(InboundMessage.status) == "quarantined").values(**values))
            session.commit()
            if taken.rowcount != 1:
                raise CaseNotFound(f"no quarantined message with id {inbound_id} (is it being replayed already?)")
            if done is not None:
                log.info("replayed message is a duplicate", extra={"duplicate_of": done.id})
                return Outcome(inbound_id, "duplicate", str(values["reason"]))
            session.expire_all()
            rec = session.get(InboundMessage, inbound_id)
            assert rec is not None
            raw, received = raw_of(session, rec), rec.received_at
        try:
            return self._process(inbound_id, raw, received)
        except BaseException as err:    # back in the quarantine, never left "processing" with nobody on it
            with suppress(*OUR_FAULTS), Session(self.engine) as session:
                rec = session.get(InboundMessage, inbound_id)
                if rec is not None and rec.status == "processing":
                    rec.status, rec.outcome = "quarantined", "quarantined"
                    rec.reason = f"replay failed ({type(err).__name__}); before: {before}"[:1000]
                    session.add(rec)
                    session.commit()
            raise
