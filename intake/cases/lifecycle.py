"""The case lifecycle: what caseworkers (and the applicant's answers) do to a case and its parts.

A case has one part per task type (``intake.cases.parts``). Each part goes
received -> routed -> in_progress <-> waiting -> decided, with its own office,
service-goal clock and decision; deciding one part does not decide the others.
A decided (or closed) part may be reopened, back to in_progress (``reopen``).
A caseworker may write to the business about a part in any status (``reply``),
which changes no status and no clock.
The case is ``decided`` when every part is, and ``close`` then closes it. An
action names its part (``part="skilte"``, ``--part skilte`` on the command
line); the name may be left out when only one part can take the action. An
actor of one office (``offices``: the desk's caseworker, a desk user named by
``--actor``) acts on that office's parts only, named or not (``parts.pick``).

Every action checks the state it starts from and refuses with
``InvalidTransition`` otherwise, appends a ``CaseEvent`` (history is never
rewritten; the event names its part), and queues the mail to the business
through the outbox when the action concerns it: in the case's language, about
the part's task, office and week, reference in the subject, the contact person
of a complex case in Cc. Actions work in the caller's session; the caller
commits, so the change, its event and its mail are written together.

A part's clock (``intake.cases.parts``) pauses while it waits for the
applicant; when the answer moves its due date into a later ISO week the
business is told the new expected completion week.

The actions live in modules by kind, and this one names them all for the desk and ``intake case``:
``transitions`` (the statuses each action starts from, and the steps every action takes), ``work`` (start,
assign, request information, resume), ``decisions`` (approve, reject, reopen), ``sending_on`` (forward,
reroute, add a part), ``messages`` (reply, note) and ``whole_case`` (mark complex, close).
"""
from __future__ import annotations

from intake.cases.decisions import approve, paths_forward, reject, reopen, resolve_path_forward
from intake.cases.desk import MAX_TEXT, Desk, InvalidTransition, MissingText, UnknownChoice
from intake.cases.messages import note, reply
from intake.cases.sending_on import add_part, facts_of_case, forward, reroute
from intake.cases.transitions import (
    CASE_ACTION_STATUSES,
    PART_ACTION_STATUSES,
    REOPENABLE,
    ActionResult,
    case_actions,
    get_case,
    held_case,
    part_actions,
)
from intake.cases.whole_case import close, mark_complex
from intake.cases.work import assign, request_info, resume, start

__all__ = [
    "CASE_ACTION_STATUSES", "MAX_TEXT", "PART_ACTION_STATUSES", "REOPENABLE", "ActionResult", "Desk",
    "InvalidTransition", "MissingText", "UnknownChoice", "add_part", "approve", "assign", "case_actions", "close",
    "facts_of_case", "forward", "get_case", "held_case", "mark_complex", "note", "part_actions", "paths_forward",
    "reject", "reopen", "reply", "request_info", "reroute", "resolve_path_forward", "resume", "start",
]
