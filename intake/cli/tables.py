"""Tables for the terminal: what a run did, what is in quarantine."""
from __future__ import annotations

import json
from collections.abc import Sequence

from rich.table import Table
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from intake.runner import Outcome
from models import Case, InboundMessage


def outcome_table(engine: Engine, outcomes: Sequence[Outcome]) -> Table:
    """One row per processed message: the case it became, or why it did not."""
    table = Table("message", "outcome", "reference", "task types (primary first)", "office", "expected week", "note")
    refs = [o.reference for o in outcomes if o.reference]
    with Session(engine) as session:
        cases = {c.reference: c for c in session.exec(select(Case).where(col(Case.reference).in_(refs)))}
    for o in outcomes:
        case = cases.get(o.reference or "")
        table.add_row(str(o.inbound_id), o.outcome, o.reference or "-",
                      ", ".join(json.loads(case.task_types)) if case else "-",
                      (case.office + (" (triage)" if case.needs_triage else "")) if case else "-",
                      case.expected_week if case else "-", o.reason[:60])
    return table


def quarantine_table(engine: Engine) -> Table:
    table = Table("id", "received", "sender domain", "subject", "attempts", "reason")
    with Session(engine) as session:
        rows = session.exec(select(InboundMessage).where(InboundMessage.status == "quarantined")
                            .order_by(InboundMessage.id)).all()
        for rec in rows:
            table.add_row(str(rec.id), rec.received_at.isoformat(timespec="seconds"),
                          rec.sender.rpartition("@")[2] or "-", rec.subject[:50] or "-",
                          str(rec.attempts), rec.reason[:80])
    return table
