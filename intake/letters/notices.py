"""Short letters about who has the case and how it goes on: the colleague who forwarded an application,
a business writing about a closed case, and a caseworker's own reply passed on to the business.

- ``forward_note``: a colleague inside the municipality forwarded a business's
  application; the colleague is told (in Danish: an internal mail) that we have
  taken it over under its reference. Never an acknowledgement addressed as if
  they had applied: that goes to the business.
- ``closed_reply``: the business wrote about a decided or closed case without
  applying again; it is told the case is closed, how to apply again, and that
  questions about the decision reach the office.
- ``caseworker_reply``: a caseworker answered from their own mail client (a
  reply to the routed case keeping the reference in the subject); the text is
  passed on to the business from our shared address, in the case's thread and
  in the caseworker's name, so that every exchange is in the case.

- ``too_large``: a message over ``Settings.max_message_mb`` was refused unread
  (``intake.refusals``); the business is told its size, the limit, and how to
  send it again.

Bodies: ``templates/forward_note.da.txt``, ``closed_reply.<lang>.txt``,
``caseworker_reply.<lang>.txt``, ``too_large.<lang>.txt``.
"""
from __future__ import annotations

import json
from datetime import datetime
from email.message import EmailMessage

from intake.letters.case_letters import case_greeting
from intake.letters.envelope import Envelope, Thread, build_mail, msg_id
from intake.letters.wording import describe_day, greeting_name, language, name_list, phrase, render, words
from intake.mail.message import ParsedMail, clean_header_value
from intake.settings import Settings
from models import Case
from routing.catalogue import Catalogue
from routing.goals import LOCAL_TZ

CASEWORKER_TEXT_MAX = 20_000


def forward_note(reference: str, business: str, original: ParsedMail, settings: Settings) -> EmailMessage:
    """To the colleague who forwarded ``business``'s application: we have taken it over as ``reference``."""
    envelope = Envelope("forward_note", to=original.from_addr,
                        subject=f"[{reference}] {phrase('da', 'subjects.forward_note', from_name=settings.from_name)}",
                        message_id=msg_id(settings, "fwdnote", reference),
                        thread=Thread.replying_to(original), language="da")
    return build_mail(settings, envelope, render("forward_note.da.txt", {
        "reference": reference, "business": clean_header_value(business, max_len=120),
        "colleague_name": greeting_name(original.from_name, "da"),
        "from_name": settings.from_name}))


def closed_reply(case: Case, original: ParsedMail, catalogue: Catalogue, settings: Settings, lang: str,
                 n: int) -> EmailMessage:
    """To a business that wrote about its closed case: the case is closed, how to apply again or ask."""
    lang = language(lang)
    decided = case.decided_at or case.closed_at or datetime.now(LOCAL_TZ)
    decision = words(lang, "decisions").get(case.decision or "", "")
    values = {"reference": case.reference, "from_name": settings.sender_name(lang),
              "greeting_name": case_greeting(case, lang),
              "office_name": _offices_named(case, catalogue, lang),
              "decision": f" ({decision})" if decision else "",
              "decided_text": describe_day(decided.astimezone(LOCAL_TZ).date(), lang)}
    envelope = Envelope("closed_reply", to=original.from_addr,
                        subject=f"[{case.reference}] {phrase(lang, 'subjects.closed_reply')}",
                        message_id=msg_id(settings, "closed", case.reference, n),
                        cc=[case.contact_email or ""], thread=Thread.replying_to(original), language=lang)
    return build_mail(settings, envelope, render(f"closed_reply.{lang}.txt", values))


def _offices_named(case: Case, catalogue: Catalogue, lang: str) -> str:
    """The offices of the case's parts, "A, B og C": each was passed the mail, and the question may be any one's."""
    offices = [o for o in json.loads(case.offices or "[]") if o in catalogue.offices] or [case.office]
    return name_list([getattr(catalogue.office(o), f"name_{lang}") for o in dict.fromkeys(offices)], lang)


def caseworker_reply(case: Case, text: str, caseworker: str, office_name: str, greeting: str, settings: Settings,
                     n: int, thread: Thread) -> EmailMessage:
    """A caseworker's own reply, passed on to the business from the shared address, in the case's thread."""
    lang = language(case.language)
    body = text.strip()[:CASEWORKER_TEXT_MAX]
    envelope = Envelope("caseworker_reply", to=getattr(case, "reply_email", "") or case.sender,
                        subject=f"[{case.reference}] {phrase(lang, 'subjects.caseworker_reply', office=office_name)}",
                        message_id=msg_id(settings, "reply", case.reference, n),
                        cc=[case.contact_email or ""], thread=thread, language=lang)
    return build_mail(settings, envelope, render(f"caseworker_reply.{lang}.txt", {
        "greeting_name": greeting, "text": body, "caseworker": clean_header_value(caseworker, max_len=80),
        "office_name": office_name, "reference": case.reference, "from_name": settings.sender_name(lang)}))


def too_large(original: ParsedMail, to: str, size_bytes: int, settings: Settings, lang: str,
              key: str) -> EmailMessage:
    """To the sender of a message refused unread for its size: how large it was, the limit, how to send it again."""
    lang = language(lang)
    subject = clean_header_value(original.subject, max_len=120)
    envelope = Envelope("too_large", to=to, subject=phrase(lang, "subjects.too_large"),
                        message_id=msg_id(settings, "toolarge", key),
                        thread=Thread.replying_to(original), language=lang)
    return build_mail(settings, envelope, render(f"too_large.{lang}.txt", {
        "subject_text": f' "{subject}"' if subject else "",
        "size_mb": f"{size_bytes / 1_000_000:.1f}".replace(".", "," if lang == "da" else "."),
        "limit_mb": f"{settings.max_message_mb:g}".replace(".", "," if lang == "da" else "."),
        "from_name": settings.sender_name(lang)}))
