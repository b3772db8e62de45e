"""The rules of a case: which statuses are open, who belongs to a case, who may get an automatic
reply, when a case is complex, and who its contact person is. Database reads, no writes of their own."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

from sqlmodel import Session, col, func, select

from models import Case, OutboxMail, utcnow
from routing.catalogue import Catalogue, ContactPerson

# Automatic answers are limited per kind, so that a business's status questions can never use up the
# acknowledgement of its next application (settings: max_acks_, max_status_answers_, max_notices_per_sender_per_day).
NOTICE_PURPOSES = ("closed_reply", "forward_note", "too_large")
STATUSES = ("received", "routed", "in_progress", "waiting", "decided", "closed")
OPEN_STATUSES = ("received", "routed", "in_progress", "waiting")  # not yet decided: the clock can run
FREEMAIL = frozenset({
    "gmail.com", "googlemail.com", "hotmail.com", "hotmail.dk", "outlook.com", "outlook.dk", "live.com",
    "live.dk", "msn.com", "yahoo.com", "yahoo.dk", "icloud.com", "me.com", "mac.com", "aol.com",
    "mail.dk", "jubii.dk", "ofir.dk", "protonmail.com", "proton.me", "gmx.com", "gmx.net", "sol.dk",
    "youmail.dk", "webspeed.dk", "get2net.dk", "post.tele.dk",
})


def replies_today(session: Session, recipient: str, purposes: Sequence[str]) -> int:
    """Automatic mails of the kinds ``purposes`` sent to ``recipient`` in the last 24 hours."""
    since = utcnow() - timedelta(days=1)
    stmt = (select(func.count()).select_from(OutboxMail).where(OutboxMail.recipient == recipient)
            .where(col(OutboxMail.purpose).in_(list(purposes))).where(OutboxMail.created_at >= since))
    return session.exec(stmt).one()


def may_reply(session: Session, recipient: str, limit: int, purposes: Sequence[str]) -> bool:
    """True while ``recipient`` has had fewer than ``limit`` automatic mails of ``purposes`` in 24 hours."""
    return bool(recipient) and replies_today(session, recipient, purposes) < limit


def own_addresses(case: Case) -> tuple[str, ...]:
    """The addresses of a case: who sent it, the business, and the agent we answer."""
    found = (case.sender, getattr(case, "applicant_email", ""), getattr(case, "reply_email", ""))
    return tuple(dict.fromkeys(a.lower() for a in found if a))


def belongs_to(case: Case, sender: str) -> bool:
    """A sender belongs to a case: one of its own addresses, or the business's company domain (not freemail)."""
    if not sender:
        return False
    if sender.lower() in own_addresses(case):
        return True
    domain = sender.rpartition("@")[2].lower()
    return bool(domain) and domain == case.sender_domain and domain not in FREEMAIL


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
