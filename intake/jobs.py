"""Scheduled jobs of ``intake serve``: the daily mail to each office about cases at risk or overdue, and
retention (``retention_job``: the personal data of cases closed more than ``retention_days`` ago is removed).

``daily_overdue_job`` is safe to run as often as you like: it sends nothing
before the ``digest_after`` setting (Copenhagen time, default 07:00) or on a
non-working day of the context's calendar, nothing to an office without cases
at risk or overdue, and at most one mail per office per day. The day's mail
has a fixed Message-ID (``<deadlines.<office>.<date>@domain>``), which the
outbox stores under a unique constraint: a second run the same day finds it
and skips the office, and two processes racing lose one insert, not send twice.
The mail itself is written by ``intake.letters.digest``.

``retrain_job`` closes the learning loop: when ``retrain_after_corrections``
corrections have come since the newest model version, it trains a new one on
the seed corpus and the database, activates it only if it beats the active one
on examples neither was trained on (``classifier.loop``, ``classifier.decision``),
and mails the operators (``operator_addresses``) what it did. With
``retrain_activation = "approval"`` a better version is kept for an operator to
activate, and the mail says how.
"""
from __future__ import annotations

import logging
from datetime import datetime, time

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from classifier.errors import ClassifierError
from classifier.loop import pending_corrections, retrain_if_due
from classifier.store import ModelStore
from classifier.training import TrainResult
from intake.cases.compliance import CaseTimes, due_now
from intake.cases.parts import OPEN_PART_STATUSES
from intake.cases.personal_data import RetentionResult, retention
from intake.letters.digest import Attention, digest_mail, digest_message_id
from intake.letters.model_report import ModelReport, model_report_mail, model_report_message_id
from intake.letters.outbox import queue_mail
from intake.pipeline import Context
from models import Case, CasePart, OutboxMail, utcnow
from routing.calendar import WorkingCalendar
from routing.clock import standing
from routing.goals import LOCAL_TZ, local_date

log = logging.getLogger(__name__)
DIGEST_PURPOSE = "deadlines"
MODEL_PURPOSE = "model"


def cases_needing_attention(session: Session, calendar: WorkingCalendar, now: datetime) -> dict[str, list[Attention]]:
    """Open parts of cases at risk or overdue, per responsible office, most urgent first."""
    today = local_date(now)
    found: dict[str, list[Attention]] = {}
    stmt = (select(Case, CasePart).where(CasePart.case_id == Case.id)
            .where(col(CasePart.status).in_(OPEN_PART_STATUSES)).where(col(CasePart.decided_at).is_(None)))
    for case, part in session.exec(stmt):
        due = due_now(CaseTimes.of(case, part), calendar, now)
        state = standing(due, today, calendar)
        if state != "on_track":
            found.setdefault(part.office, []).append(Attention(
                case.reference, part.task_type, due, state, part.status, part.assigned_to or "-", case.subject))
    return {office: sorted(items, key=lambda a: (a.due, a.reference)) for office, items in found.items()}


def _already_sent(session: Session, message_id: str) -> bool:
    return session.exec(select(OutboxMail.id).where(OutboxMail.message_id == message_id)).first() is not None


def _before_digest_time(now: datetime, settings) -> bool:
    """True before the ``digest_after`` setting, Copenhagen time."""
    return now.astimezone(LOCAL_TZ).time() < time.fromisoformat(settings.digest_after)


def daily_overdue_job(engine: Engine, ctx: Context, now: datetime | None = None) -> int:
    """Queue today's mail to every office with cases at risk or overdue; returns how many were queued.

    Uses the context's catalogue and calendar, so the mail counts the same working days as the routing did.
    """
    now = now or utcnow()
    catalogue, calendar, settings = ctx.catalogue, ctx.calendar, ctx.settings
    today = local_date(now)
    if not calendar.is_working_day(today) or _before_digest_time(now, settings):
        return 0
    queued = 0
    with Session(engine) as session:
        for office_id, items in cases_needing_attention(session, calendar, now).items():
            office = catalogue.offices.get(office_id)
            if office is None:
                log.warning("cases at risk or overdue for an office not in the catalogue",
                            extra={"office": office_id, "cases": len(items)})
                continue
            if _already_sent(session, digest_message_id(office_id, today, settings)):
                continue
            queue_mail(session, purpose=DIGEST_PURPOSE, msg=digest_mail(office, items, today, settings),
                       case_id=None, inbound_id=None)
            queued += 1
        try:
            session.commit()
        except IntegrityError:  # another process queued today's mail first
            session.rollback()
            log.info("deadline mails already queued by another process", extra={"day": today.isoformat()})
            return 0
    if queued:
        log.info("deadline mails queued", extra={"offices": queued, "day": today.isoformat()})
    return queued


def _report_of(result: TrainResult, before: str, pending: int) -> ModelReport:
    from classifier.decision import DEFAULT_RULE, side_by_side

    rows: tuple[tuple[str, str, str], ...] = ()
    if result.candidate_metrics is not None and result.active_metrics is not None:
        rows = tuple(side_by_side(result.candidate_metrics, result.active_metrics))
    reason = result.decision.reason if result.decision else result.message
    outcome = "activated" if result.activated else "approval" if result.held else "kept"
    return ModelReport(outcome, result.version or "", before, reason, pending, result.compared_on,
                       DEFAULT_RULE.describe(), rows)


def retrain_job(engine: Engine, ctx: Context, now: datetime | None = None) -> ModelReport | None:
    """Retrain when enough corrections have come, activate only if better (or, with ``retrain_activation`` =
    approval, leave a better version to an operator), mail the operators; None: not due."""
    settings = ctx.settings
    assert settings.model_dir is not None  # Settings.__post_init__ sets it
    store = ModelStore(settings.model_dir)
    before = store.active_version() or "-"
    pending = pending_corrections(store, engine)
    try:
        result = retrain_if_due(store, engine, min_corrections=settings.retrain_after_corrections,
                                known=ctx.catalogue.tasks, hold_better=settings.retrain_activation == "approval")
    except ClassifierError as err:
        log.error("scheduled retraining failed", extra={"error": type(err).__name__, "corrections": pending})
        report = ModelReport("failed", "", before, str(err).partition("\n")[0], pending)
    else:
        if result is None or result.skipped:
            return None
        report = _report_of(result, before, pending)
    log.info("scheduled retraining", extra={"outcome": report.outcome, "version": report.version,
                                            "active_before": before, "corrections": pending})
    if report.outcome == "activated" and ctx.models is not None:
        ctx.models.get()  # switch now, not at the next model check
    _mail_operators(engine, report, settings, now or utcnow())
    return report


def _mail_operators(engine: Engine, report: ModelReport, settings, now: datetime) -> None:
    if not settings.operator_addresses:
        log.warning("no operator_addresses: the retraining report is only in the log")
        return
    today = local_date(now)
    with Session(engine) as session:
        if _already_sent(session, model_report_message_id(report, today, settings)):
            return
        queue_mail(session, purpose=MODEL_PURPOSE, msg=model_report_mail(report, settings.operator_addresses,
                                                                          today, settings),
                   case_id=None, inbound_id=None)
        try:
            session.commit()
        except IntegrityError:  # another process queued the same report first
            session.rollback()


def retention_job(engine: Engine, ctx: Context, now: datetime | None = None) -> RetentionResult:
    """Purge the cases closed more than ``retention_days`` ago (safe to run as often as you like)."""
    with Session(engine) as session:
        result = retention(session, ctx.settings.retention_days, now=now)
        session.commit()
    return result
