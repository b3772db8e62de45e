"""Mails to the office that has a case: the business's follow-up passed on, and short notes.

Internal mails, Danish first with the English after a slash, as today. The
follow-up's body is ``templates/follow_up.txt``; its subjects and the note on
a resumed clock are in the ``[office]`` section of ``phrases.da.toml``.
"""
from __future__ import annotations

from collections.abc import Iterable
from email.message import EmailMessage

from intake.letters.envelope import Envelope, build_mail, msg_id
from intake.letters.wording import phrase, render
from intake.mail.message import ParsedMail
from intake.privacy import redact_cpr
from routing.catalogue import Catalogue

TEXT_MAX = 6_000  # characters of the business's own words shown inline


def follow_up_to_office(case, original: ParsedMail, raw: bytes, catalogue: Catalogue, settings, n: int, *,
                        resumed: str = "", cc: Iterable[str] = (), office: str = "",
                        closed: bool = False, checklist: Iterable[str] = ()) -> EmailMessage:
    """The business wrote again about ``case``: its mail to the ``office`` (default: the case's), attached.

    ``resumed`` is the summary of the clock that runs again when the mail
    answers our request for information; the office is told so on top, as it
    is told when the case is already ``closed`` (the business was answered how
    to apply again). Other offices with open parts and the caseworkers are in Cc. ``checklist`` are the lines
    that say what the mail supplied of the missing checklist items, and whether the application is now complete.
    """
    office = catalogue.office(office or case.office)
    note = f"{phrase('da', 'office.answered_note')}\n{resumed}\n\n" if resumed else ""
    if closed:
        note += phrase("da", "office.closed_note") + "\n\n"
    lines = list(checklist)
    note += "\n".join(lines) + "\n\n" if lines else ""
    key = "office.closed_subject" if closed else "office.answered_subject" if resumed else "office.follow_up_subject"
    subject = phrase("da", key)
    envelope = Envelope("follow_up", to=office.address, subject=f"[{case.reference}] {subject}",
                        message_id=msg_id(settings, "followup", case.reference, n),
                        cc=list(cc), reply_to=settings.from_address)
    text = redact_cpr((original.text_now or original.full_text).strip())[:TEXT_MAX] or phrase("da", "office.no_text")
    msg = build_mail(settings, envelope, render("follow_up.txt", {
        "note": note, "reference": case.reference, "text": text, "from_address": settings.from_address,
        "internal_tag": settings.internal_tag}))
    msg.add_attachment(raw, maintype="application", subtype="octet-stream",
                       filename=f"{case.reference}-followup.eml")
    return msg


def note_to_office(case, subject: str, text: str, catalogue: Catalogue, settings, n: int,
                   cc: Iterable[str] = ()) -> EmailMessage:
    """A short internal note to the office that has ``case``; ``subject`` and ``text`` are the caller's."""
    office = catalogue.office(case.office)
    envelope = Envelope("note", to=office.address, subject=f"[{case.reference}] {subject}",
                        message_id=msg_id(settings, "note", case.reference, n), cc=list(cc))
    return build_mail(settings, envelope, text)


def unverified_to_office(case, original: ParsedMail, raw: bytes, catalogue: Catalogue, settings, n: int,
                         auth: str, *, office: str = "", forwarded_to: str = "") -> EmailMessage:
    """A mail about ``case`` whose From failed authentication (``auth``), attached for the office to judge;
    ``forwarded_to``: it answers our forward to that authority's mailbox but is not proven to come from it."""
    office = catalogue.office(office or case.office)
    subject = f"[{case.reference}] {phrase('da', 'office.unverified_subject')}"
    envelope = Envelope("note", to=office.address, subject=subject,
                        message_id=msg_id(settings, "unverified", case.reference, n))
    note = (phrase("da", "office.unverified_forward_note", auth=auth, authority=forwarded_to) if forwarded_to
            else phrase("da", "office.unverified_note", auth=auth))
    msg = build_mail(settings, envelope, note + "\n")
    msg.add_attachment(raw, maintype="application", subtype="octet-stream",
                       filename=f"{case.reference}-unverified.eml")
    return msg
