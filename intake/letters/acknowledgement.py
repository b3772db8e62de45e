"""The acknowledgement: the business's first answer, in its language, with everything it needs to follow the case.

Reference, task, office, service goal, expected week and latest date, and,
when they apply, the triage sentence, the unreadable attachments, the § 7
guidance on non-municipal matters and the contact person of a complex case.
Body: ``templates/acknowledgement.<lang>.txt``; phrases: ``phrases.<lang>.toml``.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from email.message import EmailMessage

from intake.letters.case_letters import contact_at_the_sender
from intake.letters.checklist import acknowledgement_block
from intake.letters.envelope import Envelope, Thread, build_mail, msg_id
from intake.letters.facts import CaseFacts, parts_of
from intake.letters.guidance import guidance_text
from intake.letters.wording import (
    bullet_block,
    contact_text,
    describe_received,
    greeting_name,
    language,
    parts_block,
    phrase,
    render,
    track_text,
    week_when,
)
from intake.mail.message import ParsedMail
from intake.mail.references import strip_references
from routing.catalogue import Catalogue


def acknowledgement(facts: CaseFacts, original: ParsedMail, catalogue: Catalogue, settings) -> EmailMessage:
    """The acknowledgement of ``original``: a reply in its thread, the contact person of a complex case in Cc.

    It goes to ``facts.reply_to`` (the business, or its agent named in Reply-To; the author of a forwarded
    application, not the colleague who forwarded it) and greets the name that came with that address.
    """
    lang = language(facts.language)
    parts = parts_of(facts, catalogue)
    # (a task the triage office has yet to settle is not named: "Kvittering: Erhvervsaffald" over "Opgave: endnu ikke
    # fastlagt" was a guess in the subject)
    name = (phrase(lang, "subjects.enquiry") if any(p.needs_triage for p in parts)
            else task_names(_part_types(facts, catalogue), catalogue, lang))
    quoted = _without_prefixes(strip_references(settings.reference_prefix, original.subject))
    if facts.forwarded_by and facts.parts and not facts.parts[0].needs_triage:
        quoted = ""  # the colleague's "VS: ..." is not the business's subject
    envelope = Envelope(
        "acknowledgement", to=facts.reply_to or original.from_addr,
        subject=f"[{facts.reference}] {phrase(lang, 'subjects.acknowledgement')}: {quoted or name}",
        message_id=msg_id(settings, "ack", facts.reference),
        cc=[facts.contact.email] if facts.contact else [], thread=Thread.replying_to(original), language=lang)
    return build_mail(settings, envelope, render(f"acknowledgement.{lang}.txt", _values(facts, original, catalogue,
                                                                                     settings, lang)))


# "Re:", "SV:", "Fwd:", "VS:" and our own "Kvittering:" / "Acknowledgement:" before the business's subject
_PREFIXES = re.compile(r"^(?:\s*(?:re|sv|aw|fw|fwd|vs|wg|tr|videresendt|kvittering|acknowledgement)\s*:)+\s*",
                       re.IGNORECASE)


def _without_prefixes(subject: str) -> str:
    """ "RE: Acknowledgement: Scaffolding permit" quoted as "Scaffolding permit" (nothing left: the task's name)."""
    return _PREFIXES.sub("", subject)


def _values(facts: CaseFacts, original: ParsedMail, catalogue: Catalogue, settings, lang: str) -> dict[str, str]:
    greeting = facts.greeting if facts.reply_to else (contact_at_the_sender(facts.details.get("contact_name"),
                                                                              original.from_name) or original.from_name)
    return {
        "from_name": settings.sender_name(lang),
        "greeting_name": greeting_name(greeting, lang),
        "reference": facts.reference,
        "received_text": describe_received(facts.received, lang),
        "forwarded_text": _forwarded_text(facts, settings, lang),
        "parts_text": parts_block(parts_of(facts, catalogue), catalogue, lang),
        "checklist_text": acknowledgement_block(parts_of(facts, catalogue), catalogue, lang, facts.details),
        "triage_text": triage_text(facts, catalogue, lang),
        "attachments_text": unreadable_text((sentence for _, sentence in facts.unreadable), lang),
        "external_text": guidance_text(facts.external, facts.task_types, catalogue, lang,
                                       from_name=settings.sender_name(lang)),
        "guidance_text": _guidance(facts, catalogue, lang),
        "contact_text": contact_text(facts.contact, lang, introduce=True, question=_is_question(facts, catalogue)),
        "track_text": track_text(settings, facts.reference, lang),
    }


def _forwarded_text(facts: CaseFacts, settings, lang: str) -> str:
    """A forwarded application: who passed it on, and that the business now writes to us ('' otherwise)."""
    if not facts.forwarded_by:
        return ""
    sentence = phrase(lang, "acknowledgement.forwarded", forwarder=facts.forwarded_by,
                      from_name=settings.sender_name(lang))
    return f"\n{sentence}\n"


def _is_question(facts: CaseFacts, catalogue: Catalogue) -> bool:
    """A general enquiry (its one part the general task, not in triage): it asks, it applies for nothing."""
    parts = parts_of(facts, catalogue)
    return len(parts) == 1 and parts[0].task_type == catalogue.general_task and not parts[0].needs_triage


def _part_types(facts: CaseFacts, catalogue: Catalogue) -> tuple[str, ...]:
    return tuple(p.task_type for p in parts_of(facts, catalogue))


def _guidance(facts: CaseFacts, catalogue: Catalogue, lang: str) -> str:
    """What happens next: the triage office's words for an uncertain case, else each part's guidance."""
    parts = parts_of(facts, catalogue)
    if any(p.needs_triage for p in parts):
        triage = getattr(catalogue.office(catalogue.triage_office), f"name_{lang}")
        return phrase(lang, "acknowledgement.triage_guidance", triage_office=triage)
    return "\n\n".join(getattr(catalogue.task(p.task_type), f"guidance_{lang}") for p in parts)


def task_names(task_types: tuple[str, ...], catalogue: Catalogue, lang: str) -> str:
    """The first task's name, the others after it: "Udeservering (desuden: Skilte og facadereklamer)"."""
    name = getattr(catalogue.task(task_types[0]), f"name_{lang}")
    if len(task_types) > 1:
        extra = ", ".join(getattr(catalogue.task(t), f"name_{lang}") for t in task_types[1:])
        name = f"{name} ({phrase(lang, 'words.also')}: {extra})"
    return name


def triage_text(facts: CaseFacts, catalogue: Catalogue, lang: str) -> str:
    """The sentence that says the triage office finds the right office, and by when ('' when it is certain)."""
    part = parts_of(facts, catalogue)[0]
    if not part.needs_triage:
        return ""
    triage = getattr(catalogue.office(catalogue.triage_office), f"name_{lang}")
    return f"\n{phrase(lang, 'acknowledgement.triage', triage_office=triage, week=week_when(part.due, lang))}\n"


def unreadable_text(sentences: Iterable[str], lang: str) -> str:
    """The block on attachments we could not read, one explanation each ('' when all were read)."""
    return bullet_block(phrase(lang, "acknowledgement.unreadable_head"), list(sentences),
                        phrase(lang, "acknowledgement.unreadable_tail"))
