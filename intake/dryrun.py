"""``intake classify``: the pipeline as a dry run that stores and sends nothing."""
from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from intake import kinds
from intake.cases.forwarded import ForwardLookup
from intake.errors import StopMessage
from intake.followups import CaseLookup
from intake.pipeline import ANALYSIS, PRELUDE, Context, MessageState, run_stages


def analyse(raw: bytes, ctx: Context, received: datetime | None = None,
            lookup: CaseLookup | None = None, forwards: ForwardLookup | None = None) -> MessageState:
    """Run the whole pipeline without storing; ``state.kind`` says what the message is.

    The receipt time is ``received``, else the message's Date header, else now.
    ``lookup`` finds the case a quoted reference belongs to (the service's own
    decision, ``intake.kinds``); without one, mail quoting a reference is new. ``forwards`` finds our forward to
    an authority that a mail answers (``intake.cases.forwarded``).
    """
    state = MessageState(raw=raw, received=received or datetime.now(UTC))
    try:
        run_stages(PRELUDE, state, ctx)
        _date_as_receipt(state, received)
        kinds.resolve(state, lookup, forwards)
        if kinds.HANDLERS[state.kind].analyse:
            run_stages(ANALYSIS, state, ctx)
            kinds.settle(state, ctx)
    except StopMessage:
        _date_as_receipt(state, received)
    return state


def _date_as_receipt(state: MessageState, received: datetime | None) -> None:
    if received is None and state.parsed is not None and state.parsed.date is not None:
        state.received = state.parsed.date


def as_json(state: MessageState) -> dict[str, Any]:
    """The ``intake classify --json`` object."""
    application = state.kind == "application" and state.goal is not None
    pred = state.prediction
    return {
        "kind": state.kind,
        "reason": state.reason or None,
        "language": state.language,
        "task_types": list(state.task_types) if application else [],
        "task_probabilities": {t: round(p, 4) for t, p in pred.task_types} if pred and application else {},
        "confidence": round(pred.confidence, 4) if pred and application else None,
        "office": state.office if application else None,
        "needs_triage": state.needs_triage if application else False,
        "service_goal": state.goal.as_dict() if application else None,
        "received": state.received.isoformat(),
        "due_date": state.due.isoformat() if application else None,
        "expected_completion_week": state.week if application else None,
        "tracking_reference": state.references[0] if state.references else None,
        "details": {k: f.value for k, f in state.details.items()},
        "details_sources": {k: f.source for k, f in state.details.items()},
        "attachments": [{"filename": a.filename, "type": a.type, "status": a.status, "reason": a.reason}
                        for a in state.attachments],
        "external_topics": list(state.external) if application else [],
        "parts": [{"task_type": p.task_type, "office": p.office, "service_goal": p.goal.as_dict(),
                   "due_date": p.due.isoformat(), "expected_completion_week": p.week, "needs_triage": p.needs_triage,
                   "goal_variant": p.variant.id if p.variant else None}
                  for p in state.parts] if application else [],
        "applicant": state.parties.applicant_addr if state.parties else None,
        "reply_to": state.parties.reply_addr if state.parties else None,
        "forwarded_by": (state.parties.forwarded_by or None) if state.parties else None,
        "renews": state.earlier_reference,
        "checklist": checklist_json(state) if application else None,
        "model_version": pred.model_version if pred else None,
    }


def checklist_json(state: MessageState) -> dict[str, Any]:
    """``{"have": [...], "missing": [...]}`` item ids over the parts (``task:item`` when there are several), and
    each part's own ``{"have": {item: where}, "missing": [...], "required_missing": [...]}`` under ``parts``."""
    many = len(state.checklists) > 1
    name = (lambda task, item: f"{task}:{item}") if many else (lambda task, item: item)
    return {"have": [name(t, i) for t, c in state.checklists.items() for i in c.have],
            "missing": [name(t, i) for t, c in state.checklists.items() for i in c.missing],
            "required_missing": [name(t, i) for t, c in state.checklists.items() for i in c.required_missing],
            "parts": {t: c.as_dict() for t, c in state.checklists.items()}}
