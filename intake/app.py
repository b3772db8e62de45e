"""Wiring: builds the pipeline context, mailbox, sender and database from the settings.

The only place where settings become objects: the catalogue and calendar
(``catalogue_and_calendar``), the attachment sandbox (``configure_sandbox``),
the caseworkers' desk, the mailbox, the database and the one way the
commands send what the outbox holds (``send_now``).
"""
from __future__ import annotations

import logging
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from intake.attachments import Limits, Sandbox, configure
from intake.cases.desk import build_desk as build_desk
from intake.cases.desk import catalogue_and_calendar as catalogue_and_calendar
from intake.cases.forwarded import Forward, ForwardLookup, forward_answered
from intake.errors import IntakeError
from intake.followups import CaseLookup, find_case
from intake.letters.outbox import send_due
from intake.letters.sender import sender_from_settings
from intake.mailbox.base import Mailbox
from intake.mailbox.maildir import MaildirMailbox
from intake.pipeline import Context
from intake.service import SERVICE_STOPPED
from intake.settings import Settings
from models import Case, ServiceBeat, as_utc, utcnow
from models.db import make_engine, open_database

if TYPE_CHECKING:
    from intake.extraction import QueueExtractor

log = logging.getLogger(__name__)
MB = 1024 * 1024


def attachment_limits(settings: Settings) -> Limits:
    """The limits every attachment is read within; the caps operators do not set keep their defaults."""
    return Limits(max_bytes=settings.attachment_max_mb * MB, max_pages=settings.attachment_max_pages,
                  max_ocr_pages=settings.attachment_ocr_pages, ocr_seconds=settings.attachment_ocr_seconds,
                  ocr_languages=settings.attachment_ocr_languages, timeout_s=settings.attachment_seconds,
                  memory_mb=settings.attachment_memory_mb)


def configure_sandbox(settings: Settings) -> Sandbox:
    """Make the process-wide attachment sandbox use the limits and worker count of ``settings``."""
    return configure(attachment_limits(settings), workers=settings.attachment_workers)


def build_context(settings: Settings) -> Context:
    """What the stages need; also configures the sandbox, since every path that reads mail starts here."""
    configure_sandbox(settings)
    catalogue, calendar = catalogue_and_calendar(settings)
    from classifier.holder import ModelHolder  # scikit-learn: imported by the commands that classify, not by all

    return Context(settings, catalogue, calendar, ModelHolder(settings.model_dir), queue_extractor(settings))


def queue_extractor(settings: Settings) -> QueueExtractor | None:
    """The queue mode's extractor (``INTAKE_EXTRACTION=queue``), with procrastinate's tables in place."""
    if settings.extraction != "queue":
        return None
    from intake.extraction import QueueExtractor, ensure_schema, make_app

    engine = make_engine(settings.database_url)
    app = make_app(settings.database_url, engine)
    ensure_schema(app, engine)
    return QueueExtractor(engine, app)


def service_running(engine: Engine, settings: Settings, now: datetime | None = None) -> bool:
    """True when an ``intake serve`` has waited for mail lately (its ``wait`` beat, written after every wait).

    A service waits at most ``6 x poll_interval`` seconds at a time, so a beat older than twice that (and
    a minute at least) means none runs; a service that stops cleanly says so in its last beat. Whoever sends, each
    outbox row is claimed before it goes out.
    """
    try:
        with Session(engine) as session:
            beat = session.get(ServiceBeat, "wait")
    except SQLAlchemyError:
        return False
    if beat is None or beat.detail == SERVICE_STOPPED:
        return False        # (never started, or stopped cleanly)
    at = as_utc(beat.at)
    fresh = timedelta(seconds=max(60.0, 12 * settings.poll_interval + settings.outbox_flush_interval))
    return at >= (now or utcnow()) - fresh


def send_now(engine: Engine, settings: Settings, only: Collection[int] | None = None) -> int:
    """Send what the outbox holds now (or only the rows ``only``), best effort; returns how many went out.

    For the caseworker commands and the web desk, which send only the rows they queued, and only when
    no service runs: a running service sends them within ``outbox_flush_interval`` seconds, with the
    relay's history (backoff, the operators' alert) that a command does not know. Without a service,
    a mail server that is down or refusing leaves them in the outbox for the service to retry.
    """
    if service_running(engine, settings):
        log.info("mail left in the outbox: the service sends it")
        return 0
    try:
        return send_due(engine, sender_from_settings(settings), settings, only=only).sent
    except (IntakeError, OSError) as err:
        log.info("mail left in the outbox for the service (%s)", type(err).__name__)
        return 0


def open_mailbox(settings: Settings) -> Mailbox:
    """IMAP when ``imap_host`` is set, else the local Maildir (the embedded default)."""
    if settings.uses_imap:
        from intake.mailbox.imap import from_settings

        return from_settings(settings)
    return MaildirMailbox(settings.maildir, processed=settings.imap_processed_folder,
                          quarantine=settings.imap_quarantine_folder)


def open_engine(settings: Settings) -> Engine:
    return open_database(settings.database_url)


@contextmanager
def case_lookup(settings: Settings) -> Iterator[tuple[CaseLookup | None, ForwardLookup | None]]:
    """Read-only look-ups of the cases and of our forwards to authorities for the dry run; (None, None) when there
    is no database yet.

    It never creates or migrates a database: ``intake classify`` stores nothing.
    """
    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite" and (not url.database or not Path(url.database).exists()):
        yield None, None
        return
    engine = make_engine(settings.database_url)
    try:
        with Session(engine) as session:
            def lookup(references: Sequence[str], owners: Sequence[str] | None) -> Case | None:
                try:
                    return find_case(session, references, owners)
                except SQLAlchemyError as err:
                    log.warning("cannot read the cases (%s): a quoted reference is read as new", type(err).__name__)
                    return None

            def forwards(ids: Sequence[str]) -> Forward | None:
                try:
                    return forward_answered(session, ids)
                except SQLAlchemyError as err:
                    log.warning("cannot read the outbox (%s): an answer to a forward is read as other mail",
                                type(err).__name__)
                    return None
            yield lookup, forwards
    finally:
        engine.dispose()
