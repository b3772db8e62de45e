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
"""
from __future__ import annotations

import logging
from datetime import datetime, time

from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from intake.cases.compliance import CaseTimes, due_now
from intake.cases.parts import OPEN_PART_STATUSES
from intake.cases.personal_data import RetentionResult, retention
from intake.letters.digest import Attention, digest_mail, digest_message_id
from intake.letters.outbox import queue_mail
from intake.pipeline import Context
from models import Case, CasePart, OutboxMail, utcnow
from routing.calendar import WorkingCalendar
from routing.clock import standing
from routing.goals import LOCAL_TZ, local_date

log = logging.getLogger(__name__)
DIGEST_PURPOSE = "deadlines"


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


def retention_job(engine: Engine, ctx: Context, now: datetime | None = None) -> RetentionResult:
    """Purge the cases closed more than ``retention_days`` ago (safe to run as often as you like)."""
    with Session(engine) as session:
        result = retention(session, ctx.settings.retention_days, now=now)
        session.commit()
    return result
