"""Reading attachments on other machines: jobs on procrastinate, a task queue in the PostgreSQL we already have.

In the queue mode (``INTAKE_EXTRACTION=queue``, PostgreSQL only) the service does
not read attachments itself. For each attachment of a message it defers a job
naming the message and the attachment's position; ``intake worker`` processes
(on this machine or others) take the jobs, parse the stored raw message again,
read that attachment in their own sandbox, and write an ``AttachmentRead`` row.
The service waits for the rows up to its budget, then routes the case on what was
read: an attachment still being read is named in the letters ("still_reading"),
and when its result arrives later a scheduled job adds it to the case
(``apply_late_reads``).

No dual write: the message row is committed before any job is deferred and is
the job's only input. A job deferred twice (a retry after a crash) is one job
while queued (procrastinate's queueing lock) and one row (the unique key).
Why procrastinate and not Celery: docs/workers.md.
"""
from __future__ import annotations

import json
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import procrastinate
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from intake.attachments import AttachmentResult, extract_attachment, safe_filename
from intake.attachments.result import refusal
from intake.errors import ConfigError
from intake.inbound import raw_of
from intake.mail.message import parse_mail
from intake.privacy import redact_cpr
from models import AttachmentRead, Case, CaseEvent, InboundMessage, utcnow

log = logging.getLogger(__name__)
QUEUE = "extraction"
TASK_NAME = "intake.read_attachment"
STILL_READING = "still_reading"
POLL_SECONDS = 0.1
LATE_TEXT_MAX = 20_000  # characters of a late attachment's text kept in the case's history


def libpq_url(database_url: str) -> str:
    """The PostgreSQL URL without SQLAlchemy's driver suffix, as psycopg (and so procrastinate) takes it."""
    url = make_url(database_url)
    if url.get_backend_name() != "postgresql":
        raise ConfigError("the extraction queue lives in PostgreSQL: set INTAKE_DATABASE_URL to a postgresql:// URL "
                          "and INTAKE_EXTRACTION=queue (the embedded default reads attachments in the service itself)")
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


def make_app(database_url: str, engine: Engine | None = None) -> procrastinate.App:
    """The procrastinate app on our database, with the one task registered."""
    logging.getLogger("procrastinate").setLevel(logging.WARNING)  # its INFO lines are per job
    app = procrastinate.App(connector=procrastinate.PsycopgConnector(conninfo=libpq_url(database_url)))

    @app.task(name=TASK_NAME, queue=QUEUE, pass_context=False)
    def read_attachment(inbound_id: int, position: int) -> None:
        assert engine is not None, "a worker's app is made with its engine"
        read_one(engine, inbound_id, position)

    return app


def ensure_schema(app: procrastinate.App, engine: Engine) -> None:
    """Install procrastinate's tables once (under the migration lock, several workers may start at once)."""
    with engine.begin() as conn:
        conn.exec_driver_sql("SELECT pg_advisory_xact_lock(7234)")
        exists = conn.exec_driver_sql("SELECT to_regclass('procrastinate_jobs') IS NOT NULL").scalar()
        if not exists:  # the schema's text has % signs: through the driver's cursor, without parameters
            with conn.connection.dbapi_connection.cursor() as cursor:  # type: ignore[union-attr]
                cursor.execute(app.schema_manager.get_schema())


WORKER_ALIVE_SECONDS = 60      # a worker whose heartbeat (every 10 s) is older is taken as gone
NO_WORKER_WAIT = 2.0           # seconds a message waits for its attachments while no worker is alive


def live_workers(engine: Engine) -> int:
    """How many ``intake worker`` processes beat in the last ``WORKER_ALIVE_SECONDS`` (procrastinate's heartbeats);
    0 when the queue's tables are not there yet (no worker ever started)."""
    with engine.connect() as conn:
        if not conn.exec_driver_sql("SELECT to_regclass('procrastinate_workers') IS NOT NULL").scalar():
            return 0
        return int(conn.exec_driver_sql(
            "SELECT count(*) FROM procrastinate_workers "
            f"WHERE last_heartbeat > now() - interval '{WORKER_ALIVE_SECONDS} seconds'").scalar() or 0)


def read_one(engine: Engine, inbound_id: int, position: int) -> None:
    """The job: read attachment ``position`` of message ``inbound_id`` and store the result (once)."""
    with Session(engine) as session:
        if session.exec(select(AttachmentRead.id).where(AttachmentRead.inbound_id == inbound_id)
                        .where(AttachmentRead.position == position)).first() is not None:
            return  # read already (a job deferred again after a crash)
        rec = session.get(InboundMessage, inbound_id)
        if rec is None:
            log.warning("extraction job for a message that is not recorded", extra={"inbound_id": inbound_id})
            return
        raw = raw_of(session, rec)
    parts = parse_mail(raw).attachments
    if position >= len(parts):
        result = refusal("", "", "unknown", "corrupt", 0)
    else:
        part = parts[position]
        result = extract_attachment(part.filename, part.content_type, part.data, None)
    with Session(engine) as session:
        session.add(AttachmentRead(inbound_id=inbound_id, position=position,
                                   result_json=json.dumps(result.as_dict(), ensure_ascii=False)))
        try:
            session.commit()
        except IntegrityError:
            session.rollback()  # another worker wrote it first
    log.info("attachment read", extra={"inbound_id": inbound_id, "position": position, "status": result.status})


@dataclass
class QueueExtractor:
    """The service's side: defer one job per attachment, wait for the results up to a budget."""

    engine: Engine
    app: procrastinate.App
    _opened: bool = False

    def _defer(self, inbound_id: int, positions: Sequence[int]) -> None:
        if not self._opened:
            self.app.open()
            self._opened = True
        for position in positions:
            try:
                self.app.configure_task(TASK_NAME, queueing_lock=f"{inbound_id}:{position}").defer(
                    inbound_id=inbound_id, position=position)
            except procrastinate.exceptions.AlreadyEnqueued:
                continue

    def read(self, inbound_id: int, names: Sequence[tuple[str, str, int]], budget: float) -> list[AttachmentResult]:
        """Results in attachment order; those not read within ``budget`` seconds say "still_reading"."""
        if not names:
            return []
        found = self._results(inbound_id)
        missing = [i for i in range(len(names)) if i not in found]
        if missing:
            self._defer(inbound_id, missing)
            if not live_workers(self.engine):
                # nobody reads them now: waiting the whole budget for each message would stall the mailbox (about
                # 20 messages an hour); the case goes on unread, and the reads are added when a worker comes
                log.warning("no `intake worker` alive: attachments are routed unread and added when read",
                            extra={"inbound_id": inbound_id})
                budget = min(budget, NO_WORKER_WAIT)
        deadline = time.monotonic() + budget
        while len(found) < len(names) and time.monotonic() < deadline:
            time.sleep(POLL_SECONDS)
            found = self._results(inbound_id)
        late = [i for i in range(len(names)) if i not in found]
        if late:
            log.info("attachments still being read: the case is routed without them",
                     extra={"inbound_id": inbound_id, "still_reading": len(late)})
        return [found[i] if i in found else refusal(safe_filename(name), ctype, "unknown", STILL_READING, size)
                for i, (name, ctype, size) in enumerate(names)]

    def _results(self, inbound_id: int) -> dict[int, AttachmentResult]:
        with Session(self.engine) as session:
            rows = session.exec(select(AttachmentRead).where(AttachmentRead.inbound_id == inbound_id)).all()
        return {row.position: result_from_dict(json.loads(row.result_json)) for row in rows}

    def close(self) -> None:
        if self._opened:
            self.app.close()
            self._opened = False


def result_from_dict(data: dict[str, Any]) -> AttachmentResult:
    """An ``AttachmentResult`` back from ``as_dict()`` (members included)."""
    members = [result_from_dict(m) for m in data.get("members", [])]
    return AttachmentResult(filename=data["filename"], declared_type=data.get("declared_type", ""),
                            type=data.get("type", "unknown"), status=data["status"], reason=data.get("reason"),
                            text=data.get("text", ""), fields=dict(data.get("fields", {})),
                            pages=data.get("pages"), size=int(data.get("size", 0)), members=members,
                            warnings=list(data.get("warnings", [])))


def apply_late_reads(engine: Engine) -> int:
    """Add to their cases the attachments read after the case was routed; returns how many."""
    applied = 0
    with Session(engine) as session:
        rows = session.exec(select(AttachmentRead, InboundMessage)
                            .where(col(AttachmentRead.inbound_id) == InboundMessage.id)
                            .where(col(AttachmentRead.applied).is_(False))
                            .where(InboundMessage.status == "done")).all()
        for row, inbound in rows:
            row.applied = True
            session.add(row)
            case = session.get(Case, inbound.case_id) if inbound.case_id else None
            if case is None or case.id is None or inbound.outcome != "case":
                continue
            documents = json.loads(case.attachments_json or "[]")
            result = result_from_dict(json.loads(row.result_json))
            if row.position < len(documents) and documents[row.position].get("reason") == STILL_READING:
                documents[row.position].update(type=result.type, status=result.status, reason=result.reason)
                case.attachments_json = json.dumps(documents, ensure_ascii=False)
                case.updated_at = utcnow()
                session.add(case)
                outcome = "read" if result.status == "read" else f"unreadable ({result.reason})"
                text = redact_cpr(result.text.strip())[:LATE_TEXT_MAX]
                session.add(CaseEvent(case_id=case.id, action="attachment_read_late",
                                      detail=f"{result.filename}: {outcome}" + (f"\n\n{text}" if text else "")))
                applied += 1
        session.commit()
    if applied:
        log.info("late attachments added to their cases", extra={"count": applied})
    return applied
