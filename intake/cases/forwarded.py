"""An authority's answer to an application we forwarded to it (forvaltningsloven § 7, stk. 2).

``intake case forward --to`` (and the desk's forward form) sends the application to the authority's mailbox from
our address, as the outbox row ``forwarded_authority`` with a Message-ID of ours (``<fwd.REF.n.TOKEN@...>``, the
token a keyed hash nobody outside can write: ``intake.letters.envelope.has_token``). When the authority answers
that mail ("Tak, vi har modtaget den", or a question), its ``In-Reply-To``/``References`` name that id. It belongs
on the forwarded case when it also comes from the address we forwarded to, or from its domain
(``from_forwarded_to``); anyone else quoting the id is not taken for the authority (``intake.kinds``).

``forward_answered`` finds the forward in the outbox (read only, so the dry run decides the same); the case part it
forwarded is the one whose ``forwarded`` event was written with it (``lifecycle.forward`` writes one event and one
outbox row per forward, in that order).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlmodel import Session, col, select

from intake.letters.envelope import has_token
from models import Case, CaseEvent, CasePart, OutboxMail
from models.addresses import is_free_mail_domain

PURPOSE = "forwarded_authority"  # the outbox purpose of the application sent on (``lifecycle.forward``)
_SENT_ON = "; sent to "           # in the detail of a ``forwarded`` event whose application went to a mailbox


@dataclass(frozen=True)
class Forward:
    """One application we sent on to an authority, as stored in the outbox."""

    case_id: int
    reference: str
    to: str           # the authority's mailbox we sent it to
    message_id: str   # our forward mail's Message-ID
    part_id: int | None  # the part forwarded (None when it cannot be told)


# (Message-IDs a mail cites) -> the forward it answers
ForwardLookup = Callable[[Sequence[str]], "Forward | None"]


def cited_ids(in_reply_to: str, references: Sequence[str]) -> list[str]:
    """The Message-IDs a reply names in its thread headers, each once, In-Reply-To first."""
    return list(dict.fromkeys(i.strip() for i in (in_reply_to, *references) if i and i.strip()))


def from_forwarded_to(sender: str, forwarded_to: str) -> bool:
    """``sender`` is the address we forwarded to, or at its domain (a colleague at the authority answers); at a
    mail provider anyone can sign up to, only the address itself."""
    sender, forwarded_to = sender.strip().lower(), forwarded_to.strip().lower()
    if not sender or not forwarded_to or "@" not in sender or "@" not in forwarded_to:
        return False
    domain = forwarded_to.rpartition("@")[2]
    return sender == forwarded_to or (sender.rpartition("@")[2] == domain and not is_free_mail_domain(domain))


def forward_answered(session: Session, ids: Sequence[str]) -> Forward | None:
    """The forward of ours among ``ids`` (only a stored id with our token), else None."""
    ours = [i for i in ids if has_token(i)]
    if not ours:
        return None
    row = session.exec(select(OutboxMail).where(OutboxMail.purpose == PURPOSE)
                       .where(col(OutboxMail.message_id).in_(ours))
                       .where(col(OutboxMail.case_id).is_not(None)).order_by(col(OutboxMail.id))).first()
    case = session.get(Case, row.case_id) if row is not None and row.case_id is not None else None
    if row is None or case is None or case.id is None:
        return None
    return Forward(case.id, case.reference, row.recipient, row.message_id, _part_of(session, row))


def _part_of(session: Session, row: OutboxMail) -> int | None:
    """The part ``row`` forwarded: the k-th forward mail of the case goes with its k-th ``forwarded`` event that
    names a mailbox; else the case's forwarded part when it has one."""
    rows = list(session.exec(select(OutboxMail.id).where(OutboxMail.case_id == row.case_id)
                             .where(OutboxMail.purpose == PURPOSE).order_by(col(OutboxMail.id))))
    events = [e for e in session.exec(select(CaseEvent).where(CaseEvent.case_id == row.case_id)
                                      .where(CaseEvent.action == "forwarded").order_by(col(CaseEvent.id)))
              if _SENT_ON in e.detail]
    if len(rows) == len(events) and row.id in rows:
        return events[rows.index(row.id)].part_id
    return session.exec(select(CasePart.id).where(CasePart.case_id == row.case_id)
                        .where(CasePart.decision == "forwarded").order_by(col(CasePart.id))).first()


def database_forwards(session: Session) -> ForwardLookup:
    """``forward_answered`` bound to ``session``."""
    return lambda ids: forward_answered(session, ids)
