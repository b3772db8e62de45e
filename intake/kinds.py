"""What each kind of message gets: the one kind -> handler table of the service and the dry run.

After the prelude (parse, automated mail, who applies, language, references) a
message is an ``application``, a ``follow_up`` or a ``status_query``.
``resolve`` settles that against the cases:

- a caseworker inside the municipality quoting a case is a ``caseworker_reply``
  (passed on to the business, or a note when marked internal);
- mail quoting a case its sender does not belong to is a new ``application``: the From must be one of
  the case's own addresses (``intake.cases.rules.belongs_to``; a Reply-To proves nothing);
- mail from one of the case's addresses whose From is not proven (``state.sender_proven``: DMARC failed,
  or did not pass when ``sender_auth`` is ``require_pass``) is ``unverified_mail``: not threaded, the
  clock not moved, the office told, the sender answered nothing;
- an answer to an application we forwarded to another authority (its ``In-Reply-To``/``References`` name our
  forward mail's Message-ID, ``intake.cases.forwarded``) from the address we forwarded to, or its domain, and
  proven, is an ``authority_reply``: recorded on the case for its office, no letter, no status changed; quoting
  that id from anyone else (not the case's own addresses) it is ``unverified_mail``;
- mail (not a status question) quoting a decided or closed case is read as an application first;
  ``settle`` decides after the analysis whether it applies again (a new case
  linked to the earlier one: a renewal) or is ``closed_case_mail`` (recorded on
  the closed case, the business told how to apply again).

``HANDLERS`` then says whether the message is read as an application
(``analyse``: attachments, details, classification, routing) and how its
outcome is written (``record``). ``intake.runner`` uses all three;
``intake.dryrun`` uses the same ``resolve``, ``settle`` and ``analyse`` and
writes nothing, so ``intake classify`` reports what the service would do.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from sqlmodel import Session

from intake import followups
from intake.cases.forwarded import ForwardLookup, cited_ids, from_forwarded_to
from intake.followups import CaseLookup
from intake.mail.parties import Parties
from intake.pipeline import APPLIES, APPLIES_AGAIN, Context, MessageState
from intake.store import store_case
from models import Case, InboundMessage

Record = Callable[[Session, InboundMessage, MessageState, Context, "Case | None"], "Case"]
_REPLY_SUBJECT = re.compile(r"\s*(?:re|sv|aw|antw)\s*:", re.IGNORECASE)  # a reply ("SV:"), not a forward ("VS:")
CLOSED = ("decided", "closed")


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


def _from_caseworker(session: Session, rec: InboundMessage, state: MessageState, ctx: Context,
                     case: Case | None) -> Case:
    assert case is not None, "resolve() found the case"
    followups.record_caseworker(session, rec, state, ctx, case)
    return case


def _from_authority(session: Session, rec: InboundMessage, state: MessageState, ctx: Context,
                    case: Case | None) -> Case:
    assert case is not None, "resolve() found the case"
    followups.record_authority(session, rec, state, ctx, case)
    return case


def _unverified(session: Session, rec: InboundMessage, state: MessageState, ctx: Context, case: Case | None) -> Case:
    assert case is not None, "resolve() found the case"
    followups.record_unverified(session, rec, state, ctx, case)
    return case


def _about_closed(session: Session, rec: InboundMessage, state: MessageState, ctx: Context, case: Case | None) -> Case:
    assert case is not None, "settle() named the closed case"
    followups.record_about_closed(session, rec, state, ctx, case)
    return case


HANDLERS: dict[str, Handler] = {
    "application": Handler(analyse=True, record=_new_case),
    "follow_up": Handler(analyse=False, record=_about_case),
    "status_query": Handler(analyse=False, record=_about_case),
    "caseworker_reply": Handler(analyse=False, record=_from_caseworker),
    "closed_case_mail": Handler(analyse=True, record=_about_closed),
    "unverified_mail": Handler(analyse=False, record=_unverified),
    "authority_reply": Handler(analyse=False, record=_from_authority),
}


def resolve(state: MessageState, lookup: CaseLookup | None, forwards: ForwardLookup | None = None) -> Case | None:
    """Settle ``state.kind`` against the cases; returns the case the message is about (None for new ones).

    Without a ``lookup`` (no database), mail quoting a reference is read as new; without ``forwards``, an answer
    to a forward is read like any other mail.
    """
    if lookup is None or not state.references:
        if state.kind in ("follow_up", "status_query"):
            state.kind = "application"
        return None
    if forwards is not None and (answered := _answers_a_forward(state, lookup, forwards)) is not None:
        return answered
    who = state.who
    if who.internal and who.forward is not None and state.threaded and _REPLY_SUBJECT.match(state.mail.subject):
        # a caseworker's answer in the case's thread ("Re: [KBH-...]") that attaches or quotes a mail is a reply, not
        # a forward of that mail: it went to a stranger as a new case, and the business heard nothing
        who = state.parties = Parties(state.mail.from_addr, state.mail.from_name, state.mail.from_addr,
                                      state.mail.from_name, internal=True)
    if who.internal and who.forward is None:
        case = lookup(state.references, None)
        if case is not None:
            state.kind = "caseworker_reply" if state.sender_proven else "unverified_mail"
            return case
    if state.kind not in ("follow_up", "status_query"):
        return None
    case = lookup(state.references, state.writers)
    if case is None:
        # mail about a case its sender does not belong to is new; unless it applies for something in words, it is a
        # question for the general enquiries (never the quoted case's task types again), its office warned
        state.about_anothers_case = True
        state.kind = "application"
        return None
    if not state.sender_proven:
        state.kind = "unverified_mail"
        return case
    if case.status in CLOSED and state.kind == "follow_up":
        # a renewal or mail about the closed case: settle() decides after the analysis
        state.kind, state.earlier_case_id, state.earlier_reference = "application", case.id, case.reference
        return None
    if state.kind == "follow_up" and _applies_again_outside_the_thread(state, case):
        # an open case named in a new mail that applies again ("Tak for hjælpen i år (sag KBH-2026-000002) ... Jeg
        # vil gerne søge igen til næste jul"): a renewal too, or mail about the case; settle() decides
        state.kind, state.earlier_case_id, state.earlier_reference = "application", case.id, case.reference
        state.earlier_open = True
        return None
    return case  # a status question about a decided case is answered with its decision


def _answers_a_forward(state: MessageState, lookup: CaseLookup, forwards: ForwardLookup) -> Case | None:
    """The forwarded case a mail answers when it cites our forward mail's Message-ID and is not the business's own
    (which goes the usual way); sets ``state.kind``: ``authority_reply`` from the address we forwarded to (or its
    domain) when proven, else ``unverified_mail``."""
    forward = forwards(cited_ids(state.mail.in_reply_to, state.mail.references))
    if forward is None:
        return None
    from_authority = from_forwarded_to(state.mail.from_addr, forward.to)
    if not from_authority and lookup([forward.reference], state.writers) is not None:
        return None
    case = lookup([forward.reference], None)
    if case is not None:
        state.kind = "authority_reply" if from_authority and state.sender_proven else "unverified_mail"
        state.forwarded_to = forward.to
    return case


def _applies_again_outside_the_thread(state: MessageState, case: Case) -> bool:
    """A new mail about ``case`` (its reference neither in the subject nor in the thread headers) that applies again
    in words."""
    return case.reference not in state.threaded and bool(APPLIES_AGAIN.search(f"{state.subject}\n{state.text_now}"))


def applies_again(state: MessageState, general_task: str | None) -> bool:
    """After the analysis: does mail about a closed case apply for something (a renewal)?

    It must read as an application to the classifier (a task type other than the general enquiry, with
    confidence) and say so in words ("ansøger om", "forlænge", "igen i år", "same as last year"...).
    """
    pred = state.prediction
    if pred is None or pred.needs_triage or not state.parts or state.parts[0].needs_triage:
        return False
    if state.parts[0].task_type == general_task:
        return False
    return bool(APPLIES.search(f"{state.subject}\n{state.text_now}"))


def settle(state: MessageState, ctx: Context) -> int | None:
    """After the analysis: the id of the closed case a message is about when it does not apply again.

    Sets ``state.kind`` to ``closed_case_mail`` for such mail; a renewal stays an ``application``
    (linked to the earlier case by ``state.earlier_case_id``).
    """
    if state.earlier_case_id is None or state.kind != "application":
        return None
    if applies_again(state, ctx.catalogue.general_task):
        return None
    state.kind = "follow_up" if state.earlier_open else "closed_case_mail"
    return state.earlier_case_id
