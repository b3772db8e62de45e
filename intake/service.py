"""``intake serve`` and ``intake process --once``: the mailbox loop, the outbox sender, scheduled jobs.

The loop: process what is waiting, send what is due, run scheduled jobs,
then wait for new mail (IMAP IDLE, or polling). A failure of ours (mail
server or database down) is logged and retried with exponential backoff;
the messages stay in the inbox meanwhile. SIGTERM and SIGINT stop the loop
cleanly between two messages.
"""
from __future__ import annotations

import errno
import logging
import random
import signal
import threading
import time
from dataclasses import dataclass, field

import schedule
from sqlalchemy.engine import Engine
from sqlmodel import Session

from intake.jobs import daily_overdue_job, retention_job, retrain_job
from intake.letters.outbox import FlushResult, RelayState, send_due
from intake.letters.sender import MailSender
from intake.mailbox.base import Mailbox
from intake.pipeline import Context
from intake.privacy import loggable
from intake.runner import OUR_FAULTS, Outcome, Runner
from models import ServiceBeat, utcnow
from models.db import optimize

# the last wait beat of a service that stopped cleanly (SIGTERM, SIGINT): no service waits for mail now
SERVICE_STOPPED = "the service stopped"
# the beat whose detail is how many messages the last listing of the inbox found (the backlog, for /metrics)
INBOX_BEAT = "inbox"
log = logging.getLogger(__name__)
DISK_FULL = (errno.ENOSPC, errno.EDQUOT)  # a full disk is ours to wait out, not a reason to exit


def _failure(err: BaseException) -> dict:
    """The fields of a log line about a failure of ours: its type and first line, masked."""
    return {"error": type(err).__name__, "detail": loggable(str(err).partition("\n")[0], 200)}


class Shutdown(Exception):
    """Raised inside a wait to stop it at once when SIGTERM arrives."""


@dataclass
class Service:
    ctx: Context
    engine: Engine
    mailbox: Mailbox
    sender: MailSender
    stopping: bool = False
    _waiting: bool = False
    _failures: int = 0
    outcomes: list[Outcome] = field(default_factory=list)
    relay: RelayState = field(default_factory=RelayState)
    sending: FlushResult = field(default_factory=FlushResult)  # what the flushes did, for the summary
    _retraining: threading.Thread | None = None
    _inbox: int | None = None            # messages the last listing of the inbox found
    _inbox_recorded: int | None = None   # the count last written to the database (``INBOX_BEAT``)

    @property
    def runner(self) -> Runner:
        return Runner(self.ctx, self.engine, self.mailbox, stop_requested=lambda: self.stopping)

    def flush(self) -> FlushResult:
        result = send_due(self.engine, self.sender, self.ctx.settings, relay=self.relay)
        self.sending.add(result)
        return result

    def start(self) -> None:
        """The start-up work, done before any message is claimed so that a crash in it charges none.

        Loading (on a new installation: training) the model is the long part.
        """
        self.ctx.models.get()
        optimize(self.engine)

    def process_once(self) -> list[Outcome]:
        """Process everything waiting now (in batches), then send what is due.

        It goes on until the inbox holds nothing this worker can take: a short batch
        does not mean an empty inbox when other workers share it. Messages another
        worker holds ("busy") are left to it and not reported.
        """
        self.start()
        outcomes: list[Outcome] = []
        while not self.stopping:
            batch = self.runner.process_batch(self.ctx.settings.batch_size)
            self._inbox_seen()
            done = [o for o in batch if o.outcome != "busy"]
            outcomes += done
            self.flush()
            if not done:
                break
        return outcomes

    # -- the long-running loop -------------------------------------------------
    def _on_signal(self, signum, _frame) -> None:
        log.info("signal received: stopping after the current message", extra={"signal": signum})
        self.stopping = True
        if self._waiting:
            raise Shutdown()

    def _schedule(self) -> schedule.Scheduler:
        """The jobs between messages, every so many seconds as the settings say."""
        s = self.ctx.settings
        jobs = schedule.Scheduler()
        jobs.every(s.outbox_flush_interval).seconds.do(self.flush)
        jobs.every(s.model_check_interval).seconds.do(self.ctx.models.get)  # keeps a newly activated model warm
        jobs.every(s.model_check_interval).seconds.do(optimize, self.engine)  # SQLite's planner statistics
        # Sends at most once per office and working day, from digest_after (Copenhagen time).
        jobs.every(s.digest_check_interval).seconds.do(daily_overdue_job, self.engine, self.ctx)
        # Retrains when retrain_after_corrections corrections have come; activates only if better.
        jobs.every(s.retrain_check_interval).seconds.do(self.retrain_aside)
        # Removes the personal data of cases closed more than retention_days ago (intake.cases.personal_data).
        jobs.every(s.retention_check_interval).seconds.do(retention_job, self.engine, self.ctx)
        if self.ctx.extractor is not None:  # the queue mode: attachments read after their case was routed
            from intake.extraction import apply_late_reads

            jobs.every(s.outbox_flush_interval).seconds.do(apply_late_reads, self.engine)
        return jobs

    def retrain_aside(self) -> threading.Thread:
        """The retraining job in a thread of its own, so that mail keeps flowing while a model trains (a minute or
        two); at most one at a time. A stop does not wait for it: the version folder is renamed into place only
        when whole, and the next check starts again."""
        if self._retraining is None or not self._retraining.is_alive():
            self._retraining = threading.Thread(target=self._retrain, name="retrain", daemon=True)
            self._retraining.start()
        return self._retraining

    def _retrain(self) -> None:
        try:
            retrain_job(self.engine, self.ctx)
        except Exception as err:  # noqa: BLE001 - a thread's failure would otherwise only reach stderr
            log.error("scheduled retraining failed", extra=_failure(err))

    def serve(self) -> None:
        """Run until SIGTERM/SIGINT."""
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, self._on_signal)
        jobs = self._schedule()
        self.start()
        log.info("intake service started")
        while not self.stopping:
            try:
                self.outcomes += self.process_once()
                jobs.run_pending()
                self._failures = 0
            except (*OUR_FAULTS, OSError) as err:
                if isinstance(err, OSError) and not isinstance(err, OUR_FAULTS) and err.errno not in DISK_FULL:
                    raise
                self._failures += 1
                delay = min(300.0, 2.0 ** self._failures) * (0.5 + random.random() / 2)
                log.error("processing failed on our side; retrying", extra=_failure(err) | {"retry_in": round(delay)})
                self._beat("error", f"{_failure(err)['error']}: {_failure(err)['detail']}")
                self._sleep(delay)
                continue
            self._wait(min(self.ctx.settings.poll_interval * 6, max(1.0, jobs.idle_seconds or 30.0)))
        self.mailbox.close()
        self.sender.close()
        self._beat("wait", SERVICE_STOPPED)   # commands send their own mail again at once (``app.service_running``)
        log.info("intake service stopped")

    def _wait(self, timeout: float) -> None:
        self._waiting = True
        try:
            if not self.stopping:
                woke = self.mailbox.wait_for_new(timeout)
                self._beat("wait", "new mail" if woke else f"no mail in {timeout:.0f} s")
        except Shutdown:
            pass
        except OUR_FAULTS as err:
            log.warning("waiting for mail failed", extra=_failure(err))
            self._beat("error", f"waiting for mail: {_failure(err)['error']}: {_failure(err)['detail']}")
            self._sleep(1.0)
        finally:
            self._waiting = False

    def _inbox_seen(self) -> None:
        """Record how many messages the last listing found in the inbox (``intake_inbox_waiting_messages``) when
        the count changed: an idle service writes nothing of its own. The wait beat writes it again (``_beat``)."""
        waiting = getattr(self.mailbox, "waiting", None)
        if waiting is None:
            return
        self._inbox = waiting
        if waiting != self._inbox_recorded:
            self._beat(INBOX_BEAT, str(waiting))

    def _beat(self, kind: str, detail: str) -> None:
        """Record the last wait for mail or failure for the operator's page; best effort (the database may be down).

        The wait beat carries the inbox count in the same transaction: another worker sharing the inbox (or a
        failed write) may have left another count there, which one wait at most corrects."""
        beats = {kind: detail}
        if kind == "wait" and self._inbox is not None:
            beats[INBOX_BEAT] = str(self._inbox)
        try:
            with Session(self.engine) as session:
                at = utcnow()
                for name, text in beats.items():
                    session.merge(ServiceBeat(kind=name, at=at, detail=text[:500]))
                session.commit()
        except OUR_FAULTS as err:
            log.debug("service beat not recorded", extra=_failure(err))
            return
        if INBOX_BEAT in beats:
            self._inbox_recorded = int(beats[INBOX_BEAT])

    def _sleep(self, seconds: float) -> None:
        self._waiting = True
        try:
            time.sleep(seconds)
        except Shutdown:
            pass
        finally:
            self._waiting = False
