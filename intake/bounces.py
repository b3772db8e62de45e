"""A delivery failure of a mail we sent, recorded on its case.

A bounce is never answered (``intake.mail.automated``), but when it reports on one of our own mails the case
must hear of it: an acknowledgement that did not arrive means the business has no reference and no expected
week, and a caseworker should reach it another way. The report quotes our Message-ID (in its attached message
or headers, its ``In-Reply-To``/``References`` or its text); found in the outbox, and with that row's recipient
named in the report too, the failure becomes a ``bounced`` event in the case's history, which the desk shows.

Anyone can write a report, and a case's reference and the business's address are no secret. What a forger cannot
know is the token in our Message-IDs (``intake.letters.envelope.msg_id``: a keyed hash with the web secret), so
only a row whose stored id carries one counts; an id made from the reference alone (``<ack.KBH-2026-000001@...>``,
the form before the token) matches no such row.
"""
from __future__ import annotations

import re

from sqlmodel import Session, col, or_, select

from intake.letters.envelope import has_token
from models import Case, CaseEvent, OutboxMail

MAX_SCAN = 256 * 1024       # bytes of the report looked at: its headers, its text and the headers it returns
MAX_IDS = 50                # Message-IDs looked up in the outbox
_MESSAGE_ID = re.compile(rb"<([!-;=?-~]{1,250}@[!-;=?-~]{1,250})>")
# "Status: 5.2.2", "Diagnostic-Code: smtp; 552 5.2.2 Mailbox full": what went wrong, in the report's own words
_STATUS = re.compile(rb"(?im)^Status:[ \t]*([245]\.\d{1,3}\.\d{1,3})")
_DIAGNOSTIC = re.compile(rb"(?im)^Diagnostic-Code:[ \t]*([^\r\n]{1,200})")


def reported_ids(raw: bytes) -> list[str]:
    """The Message-IDs a report quotes, in order, each once (at most ``MAX_IDS``)."""
    found: dict[str, None] = {}
    for m in _MESSAGE_ID.finditer(raw[:MAX_SCAN]):
        found.setdefault(f"<{m.group(1).decode('ascii')}>", None)
        if len(found) >= MAX_IDS:
            break
    return list(found)


def why(raw: bytes) -> str:
    """ "5.2.2 (smtp; 552 5.2.2 Mailbox full)": the report's status and diagnostic, '' when it gives none."""
    head = raw[:MAX_SCAN]
    status, diagnostic = _STATUS.search(head), _DIAGNOSTIC.search(head)
    words = [m.group(1).decode("ascii", "replace").strip() for m in (status, diagnostic) if m]
    return f"{words[0]} ({words[1]})" if len(words) == 2 else (words[0] if words else "")


def record_bounce(session: Session, raw: bytes) -> list[str]:
    """Record on its case each of our mails ``raw`` reports undelivered; the references of the cases recorded."""
    ids = reported_ids(raw)
    if not ids:
        return []
    # a copy to the contact person is stored as "<id>#cc:address"
    stored = col(OutboxMail.message_id)
    copies = (stored.startswith(f"{i}#cc:", autoescape=True) for i in ids)
    rows = session.exec(select(OutboxMail).where(or_(stored.in_(ids), *copies))
                        .where(col(OutboxMail.case_id).is_not(None)).limit(MAX_IDS)).all()
    scanned = raw[:MAX_SCAN].lower()
    failed = [r for r in rows if has_token(r.message_id.partition("#cc:")[0])
              and r.recipient and r.recipient.lower().encode("utf-8", "replace") in scanned]
    references = []
    reason = why(raw)
    for row in failed:
        case = session.get(Case, row.case_id)
        if case is None or case.id is None:
            continue
        detail = f"{row.purpose} to {row.recipient} not delivered" + (f": {reason}" if reason else "")
        session.add(CaseEvent(case_id=case.id, actor="intake", action="bounced", detail=detail[:500]))
        references.append(case.reference)
    return list(dict.fromkeys(references))
