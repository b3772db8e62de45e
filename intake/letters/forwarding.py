"""Forwarding under forvaltningsloven § 7, stk. 2: a matter another authority decides.

Two mails come of ``intake case forward``:

- ``authority_mail``: when the authority's mailbox is known (the catalogue's
  ``[external.<id>] email``, or the caseworker's ``--to``), the application goes
  to it: a short cover note in Danish (``templates/forwarded_authority.da.txt``)
  with the business's own mail attached as it came (``message/rfc822``), from our
  address, so that the authority's answer comes back into the case;
- ``forwarded_values``: the values of the business's letter
  (``case_forwarded.<lang>.txt``), which says either that we have sent the
  application on and the authority will answer, or, without a mailbox, where
  to apply; its subject says which ("sendt videre til ..." or "Du skal selv
  kontakte ..."). The letter about the last open part of a case closes it: its frame
  names the authority instead of our office and does not invite status questions.
"""
from __future__ import annotations

from email import message_from_bytes, policy
from email.message import EmailMessage

from intake.letters.envelope import Envelope, build_mail, msg_id
from intake.letters.wording import describe_received, phrase, render
from intake.settings import Settings
from models import Case
from routing.catalogue import ExternalTopic

KIND = "forwarded_authority"


def forwarded_values(topic: ExternalTopic, lang: str, reference: str, *, sent: bool, closes_case: bool,
                     message: str = "") -> dict[str, str]:
    """The values of the business's letter ``case_forwarded.<lang>.txt`` and of its frame.

    ``sent``: the application went to the authority (it answers the business); ``closes_case``: no other part of
    the case is still open.
    """
    authority = getattr(topic, f"authority_{lang}")
    guidance = getattr(topic, f"guidance_{lang}")
    if sent:
        closed = phrase(lang, "words.forward_sent_all" if closes_case else "words.forward_sent_part")
        forward_text = f"{phrase(lang, 'words.forward_sent', authority=authority)} {closed}"
    else:
        closed = phrase(lang, "words.forward_closed_all" if closes_case else "words.forward_closed_part",
                        authority=authority)
        forward_text = f"{phrase(lang, 'words.forward_guide')} {closed}"
    values = {
        "topic_name": getattr(topic, f"name_{lang}"), "authority": authority,
        # the subject says whether the business has to do anything: [subjects] forwarded_sent / forwarded
        "subject_key": "forwarded_sent" if sent else "forwarded",
        # the guidance tells the business where to apply: not when we have applied for it
        "guidance_text": "" if sent or not guidance else f"{guidance}\n",
        "url_text": phrase(lang, "words.forward_read" if sent else "words.forward_read_apply", url=topic.url),
        "forward_text": forward_text,
        "message_text": f"\n{message.strip()}\n" if message.strip() else "",
    }
    if closes_case:
        values["office_line"] = phrase(lang, "words.frame_forwarded_to" if sent else "words.frame_decided_by",
                                       authority=authority)
        values["answer_text"] = phrase(lang, "words.frame_answer_closed", reference=reference)
    return values


def authority_mail(case: Case, topic: ExternalTopic, to: str, raw: bytes, office_name: str, settings: Settings,
                   n: int) -> EmailMessage:
    """The application ``raw`` (the business's mail as it came) sent on to ``topic``'s authority at ``to``.

    From our address with the case's reference in the subject and the Message-ID, so the authority's answer lands
    on the case; the business's own address is named in the note for the authority to answer it directly.
    """
    subject = f"[{case.reference}] " + phrase("da", "office.forwarded_subject", topic=topic.name_da)
    envelope = Envelope(KIND, to=to, subject=subject, message_id=msg_id(settings, "fwd", case.reference, n),
                        reply_to=settings.from_address)
    business = case.company_name or ""
    sender = case.reply_email or case.sender or ""
    values = {
        "authority": topic.authority_da, "topic_name": topic.name_da, "reference": case.reference,
        "received": describe_received(case.received_at, "da"),
        "sender": f"{business} <{sender}>" if business and sender else (business or sender or "-"),
        "office_name": office_name, "from_name": settings.from_name, "from_address": settings.from_address,
    }
    msg = build_mail(settings, envelope, render("forwarded_authority.da.txt", values))
    # compat32 keeps the original's headers as they came (only an over-long line is folded again)
    original = message_from_bytes(raw, policy=policy.compat32)
    msg.add_attachment(original, disposition="attachment", filename=f"{case.reference}-ansoegning.eml")
    return msg
