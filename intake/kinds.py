"""What each kind of message gets: the one kind -> handler table of the service and the dry run.

After the prelude (parse, automated mail, language, references) a message is
an ``application``, a ``follow_up`` or a ``status_query``. ``resolve`` turns
mail that quotes a reference into an application when the sender does not
belong to the quoted case; ``HANDLERS`` then says whether the message is read
as an application (``analyse``: attachments, details, classification, routing)
and how its outcome is written (``record``). ``intake.runner`` uses both;
``intake.dryrun`` uses the same ``resolve`` and ``analyse`` and writes nothing,
so ``intake classify`` reports what the service would do.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlmodel import Session

from intake import followups
from intake.followups import CaseLookup
from intake.pipeline import Context, MessageState
from intake.store import store_case
from models import Case, InboundMessage

Record = Callable[[Session, InboundMessage, MessageState, Context, "Case | None"], "Case"]


@dataclass(frozen=True)
class Handler:
    """How one kind of message is handled."""

    analyse: bool  # read it as an application (the ANALYSIS stages)
    record: Record  # write its outcome in the caller's session; returns the case it concerns


def _new_case(session: Session, rec: InboundMessage, state: MessageState, ctx: Context, _case: Case | None) -> Case:
    return store_case(session, rec, state, ctx)


def _about_case(session: Session, rec: InboundMessage, state: MessageState, ctx: Context, case: Case | None) -> Case:
    assert case is not None, "resolve() found the case"
    followups.record(session, rec, state, ctx, case)
    return case


HANDLERS: dict[str, Handler] = {
    "application": Handler(analyse=True, record=_new_case),
    "follow_up": Handler(analyse=False, record=_about_case),
    "status_query": Handler(analyse=False, record=_about_case),
}


def resolve(state: MessageState, lookup: CaseLookup | None) -> Case | None:
    """Settle ``state.kind`` against the cases: mail about a case the sender does not belong to is new.

    Returns the case the message is about (None for an application). Without a
    ``lookup`` (no database), mail quoting a reference is read as new.
    """
    if state.kind not in ("follow_up", "status_query"):
        return None
    case = lookup(state.references, state.mail.from_addr) if lookup is not None else None
    if case is None:
        state.kind = "application"
    return case
