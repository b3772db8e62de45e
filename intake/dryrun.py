"""``intake classify``: the pipeline as a dry run that stores and sends nothing."""
from __future__ import annotations

from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any

from intake.errors import StopMessage
from intake.pipeline import ANALYSIS, PRELUDE, Context, MessageState, run_stages


def date_header(raw: bytes) -> datetime | None:
    """The Date header of a raw message, cheaply and without trusting it to parse."""
    head = raw.split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
    for line in head.decode("ascii", "replace").splitlines():
        if line.lower().startswith("date:"):
            try:
                value = parsedate_to_datetime(line[5:].strip())
            except (TypeError, ValueError, IndexError):
                return None
            return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    return None


def analyse(raw: bytes, ctx: Context, received: datetime | None = None) -> MessageState:
    """Run the whole pipeline without storing; ``state.kind`` says what the message is."""
    when = received or date_header(raw) or datetime.now(timezone.utc)
    state = MessageState(raw=raw, received=when)
    try:
        run_stages(PRELUDE, state, ctx)
        if state.kind == "application":
            run_stages(ANALYSIS, state, ctx)
    except StopMessage:
        pass
    return state


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
        "model_version": pred.model_version if pred else None,
    }
