"""The driver: takes each waiting message through the pipeline and owns the failure policy.

Per message: record it (so a message that keeps crashing the process is
quarantined after ``max_processing_attempts``), run the pipeline, commit the
outcome with its outgoing mail in one transaction, and only then move the
message out of the inbox. Stops on purpose (auto-replies, bounces...) are
recorded with their reason; a message that fails for a reason in the message
goes to the quarantine; a failure of ours (database down) propagates so the
service retries later with the message still in the inbox.
"""
from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlmodel import Session, col, func, select

from classifier import ClassifierError
from intake.cases import Desk, resume
from intake.compose import describe_event, follow_up_to_office, status_reply
from intake.crashpoints import crash_point
from intake.details import redact_cpr
from intake.errors import CaseNotFound, StopMessage
from intake.mailbox.base import FetchedMessage, Mailbox, MailboxError, MessageRef
from intake.pipeline import ANALYSIS, PRELUDE, Context, MessageState, run_stages
from intake.outbox import queue_mail
from intake.store import belongs_to, may_reply, store_case
from models import Case, CaseEvent, InboundMessage, utcnow

log = logging.getLogger(__name__)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


def loggable(text: str, limit: int = 300) -> str:
    """``text`` fit for a log line: addresses and CPR numbers masked, length capped."""
    return EMAIL.sub("<address>", redact_cpr(text[:limit]))
# Failures of ours: the message stays in the inbox and the service retries later.
# A model that cannot be loaded is ours too (the operator activates a good one).
OUR_FAULTS = (OperationalError, DBAPIError, MailboxError, MemoryError, ClassifierError)


def answers_request(mail) -> bool:
    """True when ``mail`` replies to one of our requests for information (by its Message-ID)."""
    return any(ref.strip().startswith("<inforequest.") for ref in [mail.in_reply_to, *mail.references] if ref)


@dataclass(frozen=True)
class Outcome:
    """What became of one message."""

    inbound_id: int
    outcome: str  # case | follow_up | status_query | skipped | duplicate | quarantined | already
    reason: str = ""
    reference: str | None = None


class Runner:
    """Processes messages from a mailbox into cases."""

    def __init__(self, ctx: Context, engine: Engine, mailbox: Mailbox | None = None) -> None:
        self.ctx, self.engine, self.mailbox = ctx, engine, mailbox

    def process_batch(self, limit: int | None = None) -> list[Outcome]:
        assert self.mailbox is not None
        return [self.handle(fetched) for fetched in self.mailbox.fetch_pending(limit)]

    def handle(self, fetched: FetchedMessage) -> Outcome:
        inbound_id, early = self._claim(fetched)
        if early is not None:
            self._move(fetched.ref, early)
            return early
        crash_point("after_record")
        try:
            outcome = self._process(inbound_id, fetched.raw, fetched.received)
        except OUR_FAULTS:
            self._release(inbound_id)
            raise
        self._move(fetched.ref, outcome)
        return outcome

    def _release(self, inbound_id: int) -> None:
        """Take back the attempt of a message that failed through our fault (it is retried, not blamed)."""
        try:
            with Session(self.engine) as session:
                rec = session.get(InboundMessage, inbound_id)
                if rec is not None and rec.status == "processing":
                    rec.attempts = max(0, rec.attempts - 1)
                    session.add(rec)
                    session.commit()
        except OUR_FAULTS:
            log.warning("message %s: could not take back the attempt", inbound_id)

    # -- recording -----------------------------------------------------------
    def _claim(self, fetched: FetchedMessage) -> tuple[int, Outcome | None]:
        ref, raw = fetched.ref, fetched.raw
        sha = hashlib.sha256(raw).hexdigest()
        with Session(self.engine) as session:
            rec = session.exec(select(InboundMessage).where(InboundMessage.source == ref.source)
                               .where(InboundMessage.uidvalidity == ref.uidvalidity)
                               .where(InboundMessage.uid == ref.uid)).first()
            if rec is not None and rec.sha256 != sha:
                rec = None  # the server reused a UID for other content: treat as new
            if rec is not None and rec.status != "processing":
                return rec.id, Outcome(rec.id, "already" if rec.status == "done" else "quarantined", rec.reason)
            if rec is None:
                twin = session.exec(select(InboundMessage).where(InboundMessage.sha256 == sha)
                                    .where(InboundMessage.status == "done")).first()
                rec = InboundMessage(source=ref.source, uidvalidity=ref.uidvalidity, uid=ref.uid, sha256=sha,
                                     received_at=fetched.received, raw=raw)
                if twin is not None:
                    rec.status, rec.outcome, rec.case_id = "done", "duplicate", twin.case_id
                    rec.reason = f"same content as message {twin.id}"
                    session.add(rec)
                    session.commit()
                    log.info("message %s is a duplicate of message %s", rec.id, twin.id)
                    return rec.id, Outcome(rec.id, "duplicate", rec.reason)
            rec.attempts += 1
            rec.updated_at = utcnow()
            session.add(rec)
            session.commit()
            if rec.attempts > self.ctx.settings.max_processing_attempts:
                reason = f"processing did not finish in {rec.attempts - 1} attempts (the process died)"
                return rec.id, self._quarantine(session, rec, reason)
            return rec.id, None

    def _quarantine(self, session: Session, rec: InboundMessage, reason: str) -> Outcome:
        rec.status, rec.outcome, rec.reason, rec.updated_at = "quarantined", "quarantined", reason[:1000], utcnow()
        session.add(rec)
        outcome = Outcome(rec.id, "quarantined", reason)
        session.commit()
        log.warning("message %s quarantined: %s", outcome.inbound_id, loggable(reason))
        return outcome

    def _move(self, ref: MessageRef, outcome: Outcome) -> None:
        if self.mailbox is None or ref is None:
            return
        if outcome.outcome == "quarantined":
            self.mailbox.quarantine(ref, outcome.reason)
        else:
            self.mailbox.mark_processed(ref)
        crash_point("after_move")

    # -- processing ----------------------------------------------------------
    def _process(self, inbound_id: int, raw: bytes, received: datetime) -> Outcome:
        state = MessageState(raw=raw, received=received)
        try:
            run_stages(PRELUDE, state, self.ctx)
            if state.kind in ("follow_up", "status_query"):
                done = self._thread_in(inbound_id, state)
                if done is not None:
                    return done
                state.kind = "application"
            run_stages(ANALYSIS, state, self.ctx)
        except StopMessage as stop:
            return self._finish_skip(inbound_id, state, stop)
        except OUR_FAULTS:
            raise
        except Exception as err:  # a message we cannot process: quarantine, never crash-loop
            # The traceback may quote the message: only at DEBUG. The reason is masked.
            log.debug("message %s failed in the pipeline", inbound_id, exc_info=True)
            with Session(self.engine) as session:
                rec = session.get(InboundMessage, inbound_id)
                self._record_headers(rec, state)  # so the operator's list shows sender domain and subject
                return self._quarantine(session, rec, f"{type(err).__name__}: {err}")
        return self._finish_case(inbound_id, state)

    def _record_headers(self, rec: InboundMessage, state: MessageState) -> None:
        if state.parsed is not None:
            rec.sender, rec.subject = state.mail.from_addr[:320], state.mail.subject[:500]
            rec.message_id = state.mail.message_id[:500]

    def _finish_skip(self, inbound_id: int, state: MessageState, stop: StopMessage) -> Outcome:
        with Session(self.engine) as session:
            rec = session.get(InboundMessage, inbound_id)
            self._record_headers(rec, state)
            rec.status, rec.outcome, rec.kind, rec.reason = "done", stop.outcome, state.kind, stop.reason
            rec.updated_at = utcnow()
            session.add(rec)
            session.commit()
        log.info("message %s not answered (%s): %s", inbound_id, state.kind, stop.reason)
        return Outcome(inbound_id, stop.outcome, stop.reason)

    def _finish_case(self, inbound_id: int, state: MessageState) -> Outcome:
        with Session(self.engine) as session:
            rec = session.get(InboundMessage, inbound_id)
            self._record_headers(rec, state)
            case = store_case(session, rec, state, self.ctx)
            rec.status, rec.updated_at = "done", utcnow()
            session.add(rec)
            crash_point("before_commit")
            session.commit()
            reference, reason = case.reference, rec.reason
        crash_point("after_commit")
        return Outcome(inbound_id, "case", reason, reference)

    def _thread_in(self, inbound_id: int, state: MessageState) -> Outcome | None:
        """Attach a follow-up or answer a status query, when the sender belongs to the quoted case."""
        sender = state.mail.from_addr
        with Session(self.engine) as session:
            cases = session.exec(select(Case).where(col(Case.reference).in_(state.references))).all()
            case = next((c for c in cases if belongs_to(c, sender)), None)
            if case is None:
                log.info("message %s quotes a reference it does not belong to: treated as new", inbound_id)
                return None
            rec = session.get(InboundMessage, inbound_id)
            self._record_headers(rec, state)
            if state.kind == "status_query" and case.status == "waiting" and answers_request(state.mail):
                state.kind = "follow_up"  # a short answer to our question ("hvornår ...?") is still the answer
            n = session.exec(select(func.count()).select_from(InboundMessage)
                             .where(InboundMessage.case_id == case.id)).one() + 1
            session.add(CaseEvent(case_id=case.id, actor="applicant", action=state.kind,
                                  detail=f"message {inbound_id}"))
            if state.kind == "status_query" and may_reply(session, sender, self.ctx):
                self._answer_status(session, case, state, inbound_id, n)
            elif state.kind == "status_query":
                rec.reason = "no status answer: sender reached the daily limit"
            else:
                self._pass_on_follow_up(session, case, state, inbound_id, n)
            rec.status, rec.outcome, rec.kind, rec.case_id = "done", state.kind, state.kind, case.id
            session.add(rec)
            outcome = Outcome(inbound_id, state.kind, rec.reason, case.reference)
            session.commit()
            log.info("message %s added to case %s as %s", inbound_id, case.reference, state.kind)
            return outcome

    def _answer_status(self, session: Session, case: Case, state: MessageState, inbound_id: int, n: int) -> None:
        """State, office, expected week and the last event that is not this very question."""
        last = session.exec(select(CaseEvent).where(CaseEvent.case_id == case.id)
                            .where(CaseEvent.action != "status_query")
                            .order_by(col(CaseEvent.id).desc())).first()
        last_text = describe_event(last.action, last.at, state.language) if last else "-"
        asked = session.exec(select(CaseEvent).where(CaseEvent.case_id == case.id)
                             .where(CaseEvent.action == "waiting").order_by(col(CaseEvent.id).desc())).first()
        waiting_for = asked.detail if asked is not None and case.status == "waiting" else ""
        msg = status_reply(case, last_text, state.mail, self.ctx.catalogue, self.ctx.settings, state.language, n,
                           waiting_for=waiting_for)
        queue_mail(session, purpose="status", msg=msg, case_id=case.id, inbound_id=inbound_id)

    def _pass_on_follow_up(self, session: Session, case: Case, state: MessageState, inbound_id: int,
                           n: int) -> None:
        """Forward the follow-up to the office; an answer to a request for information resumes the clock."""
        note = ""
        if case.status == "waiting":
            desk = Desk(self.ctx.settings, self.ctx.catalogue, self.ctx.calendar)
            done = resume(session, case, actor="applicant", desk=desk, now=max(state.received, case.paused_since))
            note = (f"Ansøgeren har svaret på anmodningen om oplysninger; uret kører igen. / The applicant "
                    f"answered the request for information; the clock runs again.\n{done.summary}")
            log.info("case %s resumed by the applicant's answer (message %s)", case.reference, inbound_id)
        cc = [case.assigned_to or "", case.contact_email or ""]
        msg = follow_up_to_office(case, state.mail, state.raw, self.ctx.catalogue, self.ctx.settings, n,
                                  note=note, cc=cc)
        queue_mail(session, purpose="follow_up", msg=msg, case_id=case.id, inbound_id=inbound_id)

    # -- operator actions ----------------------------------------------------
    def replay(self, inbound_id: int) -> Outcome:
        """Process a quarantined message again from its stored raw bytes."""
        with Session(self.engine) as session:
            rec = session.get(InboundMessage, inbound_id)
            if rec is None or rec.status != "quarantined":
                raise CaseNotFound(f"no quarantined message with id {inbound_id}")
            rec.status, rec.attempts, rec.reason = "processing", rec.attempts + 1, ""
            session.add(rec)
            session.commit()
            raw, received = rec.raw, rec.received_at
        return self._process(inbound_id, raw, received)
