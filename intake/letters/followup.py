"""Mails to the office that has a case: the business's follow-up passed on, and short notes.

Internal mails, Danish first with the English after a slash, as today. The
follow-up's body is ``templates/follow_up.txt``; its subjects and the note on
a resumed clock are in the ``[office]`` section of ``phrases.da.toml``.
"""
from __future__ import annotations

from collections.abc import Iterable
from email.message import EmailMessage

from intake.letters.envelope import Envelope, build_mail, domain_of, msg_id
from intake.letters.wording import phrase, render
from intake.mail.message import ParsedMail
from routing.catalogue import Catalogue


def follow_up_to_office(case, original: ParsedMail, raw: bytes, catalogue: Catalogue, settings, n: int, *,
                        resumed: str = "", cc: Iterable[str] = ()) -> EmailMessage:
    """The business wrote again about ``case``: its mail to the office, attached, with the caseworker in Cc.

    ``resumed`` is the summary of the clock that runs again when the mail
    answers our request for information; the office is told so on top.
    """
    office = catalogue.office(case.office)
    note = f"{phrase('da', 'office.answered_note')}\n{resumed}\n\n" if resumed else ""
    subject = phrase("da", "office.answered_subject" if resumed else "office.follow_up_subject")
    envelope = Envelope("follow_up", to=office.address, subject=f"[{case.reference}] {subject}",
                        message_id=msg_id("followup", case.reference, domain_of(settings.from_address), n),
                        cc=list(cc), reply_to=original.from_addr or None)
    msg = build_mail(settings, envelope, render("follow_up.txt", {"note": note, "reference": case.reference}))
    msg.add_attachment(raw, maintype="application", subtype="octet-stream",
                       filename=f"{case.reference}-followup.eml")
    return msg


def note_to_office(case, subject: str, text: str, catalogue: Catalogue, settings, n: int,
                   cc: Iterable[str] = ()) -> EmailMessage:
    """A short internal note to the office that has ``case``; ``subject`` and ``text`` are the caller's."""
    office = catalogue.office(case.office)
    envelope = Envelope("note", to=office.address, subject=f"[{case.reference}] {subject}",
                        message_id=msg_id("note", case.reference, domain_of(settings.from_address), n), cc=list(cc))
    return build_mail(settings, envelope, text)
