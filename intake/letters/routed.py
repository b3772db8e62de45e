"""The routed case: a new case as its office receives it, with the original mail attached.

An internal mail, Danish first with the English after a slash, as the offices
read it. Body: ``templates/routed.txt``; flags and lines: the ``[office]``
section of ``phrases.da.toml``. ``Reply-To`` is the applicant, so the office
can answer directly; the contact person of a complex case is in Cc.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from email.message import EmailMessage

from intake.letters.checklist import office_block
from intake.letters.envelope import Envelope, build_mail, msg_id
from intake.letters.facts import AttachmentNote, CaseFacts, PartFacts, parts_of
from intake.letters.guidance import only_external
from intake.letters.wording import describe_received, phrase, render, week_line
from intake.mail.message import ParsedMail, clean_header_value
from intake.privacy import redact_cpr
from routing.catalogue import Catalogue
from routing.goals import describe_goal, describe_week

APPLICANT_TEXT_MAX = 6_000  # characters of the business's own words shown inline
ORIGINAL_INLINE_MAX = 256 * 1024  # a larger original is attached when the mail is sent, not stored with it
# Stands in for the original in the stored mail; short enough that its base64 is one line of the MIME part.
ORIGINAL_PLACEHOLDER = b"[intake: the original message is attached when sent]"


def routed_case(facts: CaseFacts, original: ParsedMail, raw: bytes, attachments: Iterable[AttachmentNote],
                catalogue: Catalogue, settings, n: int = 0, part: PartFacts | None = None) -> EmailMessage:
    """The mail to the office of ``part`` (default: the first): what was found, the original attached.

    Each part of a case goes to its own office with its own task, goal and week, the other parts listed.
    ``Reply-To`` is our own address, so a caseworker's answer comes back into the case and is passed on to
    the business from there (``n``: a re-send after rerouting).
    """
    parts = parts_of(facts, catalogue)
    part = part or parts[0]
    task = catalogue.task(part.task_type)
    office = catalogue.office(part.office)
    company = _text(facts.details, "company_name")
    subject = f"[{facts.reference}] " + phrase("da", "office.routed_subject", task=task.name_da)
    if _external(facts, catalogue)[0]:  # only non-municipal topics
        subject += phrase("da", "office.routed_subject_external")
    if facts.details.get("company_name"):
        subject += f" - {company}"
    kind = "case" if part == parts[0] else f"case-{part.task_type}"
    envelope = Envelope("routed", to=office.address, subject=subject,
                        message_id=msg_id(settings, kind, facts.reference, n),
                        cc=[facts.contact.email] if facts.contact else [], reply_to=settings.from_address)
    values = _values(facts, part, parts, attachments, catalogue) | {
        "from_address": settings.from_address, "internal_tag": settings.internal_tag,
        "applicant_email": facts.applicant_email or original.from_addr or "-",
        "applicant_text": _applicant_text(facts, original)}
    msg = build_mail(settings, envelope, render("routed.txt", values))
    # A large original is not copied into the outbox (once per office): a placeholder stands in its place
    # and the outbox puts the original there when it sends the mail (``outbox.with_original``).
    msg.add_attachment(raw if len(raw) <= ORIGINAL_INLINE_MAX else ORIGINAL_PLACEHOLDER, maintype="application",
                       subtype="octet-stream", filename=f"{facts.reference}-original.eml")
    return msg


def _values(facts: CaseFacts, part: PartFacts, parts: tuple[PartFacts, ...], attachments: Iterable[AttachmentNote],
            catalogue: Catalogue) -> dict[str, str]:
    task = catalogue.task(part.task_type)
    d = facts.details
    others = [phrase("da", "office.part_item", task=p.task_type, office=catalogue.office(p.office).name_da,
                     week=describe_week(p.due, "da")) for p in parts if p != part]
    external_flag, external_line = _external(facts, catalogue)
    return {
        "reference": facts.reference,
        "triage_flag": (phrase("da", "office.triage_flag") if part.needs_triage else "") + external_flag,
        "external_line": external_line,
        "task_name": task.name_da, "task_id": task.id,
        "confidence": f"{facts.confidence:.2f}",
        "parts_line": phrase("da", "office.parts_line", parts="; ".join(others)) + "\n" if others else "",
        "office_name": catalogue.office(part.office).name_da,
        "received_text": describe_received(facts.received, "da"),
        "goal_text": describe_goal(part.goal, "da"),
        "due_text": part.due.isoformat(), "week_line": week_line(part.due, "da"),
        "forwarded_line": (phrase("da", "office.forwarded_line", colleague=facts.forwarded_by) + "\n"
                           if facts.forwarded_by else ""),
        "earlier_line": (phrase("da", "office.earlier_line", earlier=facts.earlier_case) + "\n"
                         if facts.earlier_case else ""),
        "quoted_line": (phrase("da", "office.quoted_line", references=", ".join(facts.quoted_cases)) + "\n"
                        if facts.quoted_cases else ""),
        "unproven_line": phrase("da", "office.unproven_line", why=facts.unproven) + "\n" if facts.unproven else "",
        "ack_line": phrase("da", "office.no_ack_line" if facts.unproven else "office.ack_line"),
        "language": facts.language,
        "company_name": _text(d, "company_name"), "cvr": _cvr(d), "p_number": _text(d, "p_number"),
        "contact_name": _text(d, "contact_name"),
        "contact_email": _text(d, "contact_email") if d.get("contact_email") else (facts.applicant_email or "-"),
        "phone": _text(d, "phone"),
        "address": _address_line(d),
        "activity_location": _site(d),
        "period": " - ".join(str(d[k]) for k in ("period_from", "period_to") if d.get(k)) or "-",
        "flags": phrase("da", "office.cpr_found") + "\n" if d.get("cpr_found") or facts.cpr_elsewhere else "",
        "checklist_text": office_block(part, catalogue),
        "attachments": "\n".join(attachment_line(a) for a in attachments) or "-",
        "contact_line": (phrase("da", "office.contact_line", name=facts.contact.name, email=facts.contact.email)
                         + "\n" if facts.contact else ""),
    }


def _applicant_text(facts: CaseFacts, original: ParsedMail) -> str:
    """What the business wrote, for the office to read inline (bounded; the mail itself is attached)."""
    text = redact_cpr((facts.applicant_text or original.text_now or original.full_text).strip())
    if len(text) > APPLICANT_TEXT_MAX:
        text = text[:APPLICANT_TEXT_MAX].rstrip() + " [...]"
    return text or phrase("da", "office.no_text")


def _text(details: Mapping[str, object], key: str) -> str:
    return clean_header_value(str(details.get(key, "")), max_len=200) or "-"


def _address_line(details: Mapping[str, object]) -> str:
    """ "Istedgade 53, 1650 København V" (the town when the postcode is known; "-" for no address at all)."""
    town = " ".join(str(details[k]) for k in ("postcode", "city") if details.get(k))
    parts = [str(details["address"]) if details.get("address") else "", town]
    return clean_header_value(", ".join(p for p in parts if p), max_len=200) or "-"


def _site(details: Mapping[str, object]) -> str:
    """Where the activity is: its own site, else the business's address (issue 10: a site at the business's own
    premises is reported as the address alone, so "-" would read as "unknown")."""
    if details.get("activity_location"):
        return _text(details, "activity_location")
    return phrase("da", "office.site_is_address") if details.get("address") else "-"


def _cvr(details: Mapping[str, object]) -> str:
    valid = details.get("cvr_valid", True) or "cvr" not in details
    return _text(details, "cvr") + ("" if valid else phrase("da", "office.invalid_cvr"))


def _external(facts: CaseFacts, catalogue: Catalogue) -> tuple[str, str]:
    """(flag for the first line, line for the summary) of the case's non-municipal topics."""
    topics = [catalogue.external[t] for t in facts.external if t in catalogue.external]
    if not topics:
        return "", ""
    names = ", ".join(f"{t.id} ({t.authority_da})" for t in topics)
    line = phrase("da", "office.external_line", topics=names) + "\n"
    flag = phrase("da", "office.only_external_flag") if only_external(facts.task_types, facts.external) else ""
    return flag, line


def attachment_line(att: AttachmentNote) -> str:
    """"- plan.pdf (pdf, read)" or "- plan.docx (docx, failed: encrypted)"."""
    status = att.status if att.status == "read" or not att.reason else f"{att.status}: {att.reason}"
    return f"- {att.filename} ({att.type}, {status})"
