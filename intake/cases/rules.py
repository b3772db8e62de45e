"""The rules of a case: which statuses are open, who belongs to a case, who may get an automatic
reply, when a case is complex, and who its contact person is. Database reads, no writes of their own."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import timedelta

from sqlmodel import Session, col, func, select

from intake.cases.statuses import OPEN_STATUSES
from models import Case, CaseContact, OutboxMail, utcnow
from routing.catalogue import Catalogue, ContactPerson

# Automatic answers are limited per kind, so that a business's status questions can never use up the
# acknowledgement of its next application (settings: max_acks_, max_status_answers_, max_notices_per_sender_per_day).
NOTICE_PURPOSES = ("closed_reply", "forward_note", "too_large")


def replies_today(session: Session, recipient: str, purposes: Sequence[str]) -> int:
    """Automatic mails of the kinds ``purposes`` sent to ``recipient`` in the last 24 hours."""
    since = utcnow() - timedelta(days=1)
    stmt = (select(func.count()).select_from(OutboxMail).where(OutboxMail.recipient == recipient)
            .where(col(OutboxMail.purpose).in_(list(purposes))).where(OutboxMail.created_at >= since))
    return session.exec(stmt).one()


def may_reply(session: Session, recipient: str, limit: int, purposes: Sequence[str]) -> bool:
    """True while ``recipient`` has had fewer than ``limit`` automatic mails of ``purposes`` in 24 hours."""
    return bool(recipient) and replies_today(session, recipient, purposes) < limit


def own_addresses(case: Case, contacts: Iterable[str] = ()) -> tuple[str, ...]:
    """The addresses of a case: who sent it, the business, the agent we answer, and ``contacts`` a caseworker added.

    Never a whole domain: a colleague at the same company (or anyone at the same freemail provider) is not
    the case's owner until a caseworker adds the address (``intake case add-contact``).
    """
    found = (case.sender, case.applicant_email, case.reply_email, *contacts)
    return tuple(dict.fromkeys(a.lower() for a in found if a))


def contacts_of(session: Session, case: Case) -> tuple[str, ...]:
    """The addresses caseworkers added to ``case``."""
    return tuple(session.exec(select(CaseContact.email).where(CaseContact.case_id == case.id)
                              .order_by(col(CaseContact.id))).all())


def belongs_to(case: Case, sender: str, contacts: Iterable[str] = ()) -> bool:
    """A sender belongs to a case only with one of its own addresses (``own_addresses``)."""
    return bool(sender) and sender.lower() in own_addresses(case, contacts)


def quoted_cases(session: Session, references: Sequence[str]) -> list[Case]:
    """The cases ``references`` name (none for none)."""
    if not references:
        return []
    return list(session.exec(select(Case).where(col(Case.reference).in_(list(references)))).all())


def written_by_its_own(session: Session, case: Case, writers: Sequence[str]) -> bool:
    """One of ``writers`` is one of the case's own addresses (``belongs_to``, with the addresses caseworkers added)."""
    contacts = contacts_of(session, case)
    return any(belongs_to(case, w, contacts) for w in writers if w)


def quoted_by_another(session: Session, references: Sequence[str], writers: Sequence[str],
                      except_id: int | None = None) -> list[Case]:
    """The quoted cases that none of ``writers`` belongs to: a mail from another address that names them (someone
    asking to change a case's address, or to be sent its documents, must not be taken for the applicant)."""
    return [c for c in quoted_cases(session, references)
            if c.id != except_id and not written_by_its_own(session, c, writers)]


def offices_of(task_types, catalogue: Catalogue) -> list[str]:
    """The distinct offices of the known ``task_types``, primary first."""
    return list(dict.fromkeys(catalogue.task(t).office for t in task_types if t in catalogue.tasks))


def is_complex(task_types, catalogue: Catalogue) -> bool:
    """A case is complex when it needs more than one office or one of its task types is marked complex."""
    known = [catalogue.task(t) for t in task_types if t in catalogue.tasks]
    return len(offices_of(task_types, catalogue)) > 1 or any(t.complex for t in known)


def pick_contact_person(session: Session, catalogue: Catalogue) -> ContactPerson | None:
    """The pool's contact person with the fewest open cases (ties: the pool's order); None without a pool."""
    pool = catalogue.contact_persons
    if not pool:
        return None
    rows = session.exec(select(Case.contact_email, func.count()).where(col(Case.status).in_(OPEN_STATUSES))
                        .where(col(Case.contact_email).is_not(None)).group_by(Case.contact_email)).all()
    load = dict(rows)
    return min(pool, key=lambda p: load.get(p.email, 0))


def contact_of(case: Case, catalogue: Catalogue) -> ContactPerson | None:
    """The contact person of ``case`` (from the pool by address, else a person made of the stored name)."""
    if not case.contact_email:
        return None
    for person in catalogue.contact_persons:
        if person.email == case.contact_email:
            return person
    return ContactPerson(name=case.contact_person or case.contact_email, email=case.contact_email, phone="-",
                         title="Kontaktperson / contact person")


def assign_contact(session: Session, case: Case, catalogue: Catalogue) -> ContactPerson | None:
    """Give ``case`` a contact person from the pool (kept when it has one)."""
    person = contact_of(case, catalogue) or pick_contact_person(session, catalogue)
    if person is not None:
        case.contact_person, case.contact_email = person.name, person.email
    return person
