"""Tables for the terminal: what a run did, what is in quarantine."""
from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from sqlalchemy import or_
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from intake.refusals import refused_for_size
from intake.runner import Outcome
from models import Case, CasePart, InboundMessage, as_utc


def outcome_table(engine: Engine, outcomes: Sequence[Outcome]) -> Table:
    """One row per processed message: the case it became (each part: task, office, week), or why it did not."""
    table = Table("message", "outcome", "reference", "parts: task type", "office", "expected week", "note")
    refs = [o.reference for o in outcomes if o.reference]
    with Session(engine) as session:
        rows = session.exec(select(Case, CasePart).where(CasePart.case_id == Case.id)
                            .where(col(Case.reference).in_(refs)).order_by(CasePart.position)).all()
    parts: dict[str, list[CasePart]] = {}
    for case, part in rows:
        parts.setdefault(case.reference, []).append(part)
    for o in outcomes:
        found = parts.get(o.reference or "", [])
        show = o.outcome == "case" and found
        table.add_row(str(o.inbound_id), o.outcome, o.reference or "-",
                      "\n".join(p.task_type for p in found) if show else "-",
                      "\n".join(p.office + (" (triage)" if p.needs_triage else "") for p in found) if show else "-",
                      "\n".join(p.expected_week for p in found) if show else "-", o.reason[:60])
    return table


def quarantine_table(engine: Engine) -> Table:
    from routing.goals import LOCAL_TZ

    table = Table("id", "received (Copenhagen)", "sender domain", "subject", "attempts", "reason")
    with Session(engine) as session:
        # a message refused for its size is in the mailbox's Quarantine folder too: listed, not replayable
        rows = session.exec(select(InboundMessage).where(or_(col(InboundMessage.status) == "quarantined",
                                                             refused_for_size()))
                            .order_by(col(InboundMessage.id))).all()
        for rec in rows:
            moment = as_utc(rec.received_at).astimezone(LOCAL_TZ)  # as the desk, not UTC
            table.add_row(str(rec.id), f"{moment:%Y-%m-%d %H:%M}",
                          rec.sender.rpartition("@")[2] or "-", rec.subject[:50] or "-",
                          str(rec.attempts),
                          rec.reason[:80] if rec.status == "quarantined" else f"{rec.reason[:80]}; not replayable")
    return table
