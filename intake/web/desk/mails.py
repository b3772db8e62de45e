"""The mail of a case as the desk shows it: the business's own messages, their attachments, what we sent.

HTML bodies are sanitised with nh3: no scripts, styles or event handlers, no
images at all (a remote image would tell the sender that the mail was read),
links only to http(s) and mailto and opened without a referrer. A message
without HTML is shown as its text.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage

import nh3
from sqlmodel import Session, col, select

from intake.inbound import raw_of
from intake.mail.message import Part, parse_mail
from models import Case, InboundMessage, OutboxMail

TAGS = set(nh3.ALLOWED_TAGS) - {"img", "picture", "source", "video", "audio"}
URL_SCHEMES = {"http", "https", "mailto"}
MAX_BODY_CHARS = 200_000


@dataclass(frozen=True)
class AttachmentView:
    index: int
    filename: str
    content_type: str
    size: int

    @property
    def is_pdf(self) -> bool:
        return self.content_type == "application/pdf" or self.filename.lower().endswith(".pdf")


@dataclass(frozen=True)
class MailView:
    """One message from the business (the application or a later one), or from the authority we forwarded it to."""

    id: int
    received_at: datetime
    subject: str
    sender: str
    html: str  # sanitised; empty when the message has no HTML body
    text: str
    attachments: list[AttachmentView]
    from_authority: bool = False  # an authority's answer to our forward (``intake.cases.forwarded``)


@dataclass(frozen=True)
class SentView:
    """One mail we wrote about the case."""

    purpose: str
    recipient: str
    status: str
    created_at: datetime
    sent_at: datetime | None
    subject: str
    text: str


def sanitise(html: str) -> str:
    return nh3.clean(html[:MAX_BODY_CHARS], tags=TAGS, url_schemes=URL_SCHEMES,
                     link_rel="noopener noreferrer nofollow")


def _html_body(msg: EmailMessage) -> str:
    body = msg.get_body(preferencelist=("html",))
    if body is None:
        return ""
    try:
        return str(body.get_content())
    except (LookupError, ValueError):
        return ""


def business_mails(session: Session, case: Case) -> list[MailView]:
    found = session.exec(select(InboundMessage).where(InboundMessage.case_id == case.id)
                         .order_by(col(InboundMessage.id)))
    views = []
    for rec in found:
        parsed = parse_mail(raw_of(session, rec))
        html = _html_body(parsed.msg)
        attachments = [AttachmentView(i, a.filename, a.content_type, len(a.data))
                       for i, a in enumerate(parsed.attachments)]
        views.append(MailView(rec.id or 0, rec.received_at, parsed.subject, rec.sender,
                              sanitise(html) if html else "", parsed.full_text[:MAX_BODY_CHARS], attachments,
                              from_authority=rec.outcome == "authority_reply"))
    return views


def attachment_of(session: Session, case: Case, inbound_id: int, index: int) -> Part | None:
    """Attachment ``index`` of the message ``inbound_id`` of ``case``; None when there is no such thing."""
    rec = session.get(InboundMessage, inbound_id)
    if rec is None or rec.case_id != case.id:
        return None
    found = parse_mail(raw_of(session, rec)).attachments
    return found[index] if 0 <= index < len(found) else None


def sent_mails(session: Session, case: Case) -> list[SentView]:
    found = session.exec(select(OutboxMail).where(OutboxMail.case_id == case.id).order_by(col(OutboxMail.id)))
    views = []
    for m in found:
        parsed = parse_mail(m.raw)
        views.append(SentView(m.purpose, m.recipient, m.status, m.created_at, m.sent_at, parsed.subject,
                              parsed.full_text[:MAX_BODY_CHARS]))
    return views
