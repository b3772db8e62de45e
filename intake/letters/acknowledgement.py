"""The acknowledgement: the business's first answer, in its language, with everything it needs to follow the case.

Reference, task, office, service goal, expected week and latest date, and,
when they apply, the triage sentence, the unreadable attachments, the § 7
guidance on non-municipal matters and the contact person of a complex case.
Body: ``templates/acknowledgement.<lang>.txt``; phrases: ``phrases.<lang>.toml``.
"""
from __future__ import annotations

from collections.abc import Iterable
from email.message import EmailMessage

from intake.letters.envelope import Envelope, Thread, build_mail, domain_of, msg_id
from intake.letters.facts import CaseFacts
from intake.letters.guidance import guidance_text
from intake.letters.wording import (
    bullet_block,
    contact_text,
    describe_received,
    greeting_name,
    language,
    phrase,
    render,
)
from intake.mail.message import ParsedMail
from intake.mail.references import strip_references
from routing.catalogue import Catalogue
from routing.goals import describe_date, describe_goal, describe_week


def acknowledgement(facts: CaseFacts, original: ParsedMail, catalogue: Catalogue, settings) -> EmailMessage:
    """The acknowledgement of ``original``: a reply in its thread, the contact person of a complex case in Cc."""
    lang = language(facts.language)
    name = task_names(facts.task_types, catalogue, lang)
    quoted = strip_references(settings.reference_prefix, original.subject)
    envelope = Envelope(
        "acknowledgement", to=original.from_addr,
        subject=f"[{facts.reference}] {phrase(lang, 'subjects.acknowledgement')}: {quoted or name}",
        message_id=msg_id("ack", facts.reference, domain_of(settings.from_address)),
        cc=[facts.contact.email] if facts.contact else [], thread=Thread.replying_to(original), language=lang)
    return build_mail(settings, envelope, render(f"acknowledgement.{lang}.txt", _values(facts, original, catalogue,
                                                                                     settings, lang)))


def _values(facts: CaseFacts, original: ParsedMail, catalogue: Catalogue, settings, lang: str) -> dict[str, str]:
    task = catalogue.task(facts.task_types[0])
    return {
        "from_name": settings.from_name,
        "greeting_name": greeting_name(facts.details.get("contact_name") or original.from_name, lang),
        "reference": facts.reference,
        "received_text": describe_received(facts.received, lang),
        "task_name": task_names(facts.task_types, catalogue, lang),
        "office_name": getattr(catalogue.office(task.office), f"name_{lang}"),
        "goal_text": describe_goal(task.goal, lang),
        "week_text": describe_week(facts.due, lang),
        "due_text": describe_date(facts.due, lang),
        "triage_text": triage_text(facts, catalogue, lang),
        "attachments_text": unreadable_text((sentence for _, sentence in facts.unreadable), lang),
        "external_text": guidance_text(facts.external, facts.task_types, catalogue, lang,
                                       from_name=settings.from_name),
        "guidance_text": getattr(task, f"guidance_{lang}"),
        "contact_text": contact_text(facts.contact, lang, introduce=True),
    }


def task_names(task_types: tuple[str, ...], catalogue: Catalogue, lang: str) -> str:
    """The first task's name, the others after it: "Udeservering (desuden: Skilte og facadereklamer)"."""
    name = getattr(catalogue.task(task_types[0]), f"name_{lang}")
    if len(task_types) > 1:
        extra = ", ".join(getattr(catalogue.task(t), f"name_{lang}") for t in task_types[1:])
        name = f"{name} ({phrase(lang, 'words.also')}: {extra})"
    return name


def triage_text(facts: CaseFacts, catalogue: Catalogue, lang: str) -> str:
    """The sentence that says the triage office will look at an uncertain case ('' when it is certain)."""
    if not facts.needs_triage:
        return ""
    triage = getattr(catalogue.office(catalogue.triage_office), f"name_{lang}")
    return f"\n{phrase(lang, 'acknowledgement.triage', triage_office=triage)}\n"


def unreadable_text(sentences: Iterable[str], lang: str) -> str:
    """The block on attachments we could not read, one explanation each ('' when all were read)."""
    return bullet_block(phrase(lang, "acknowledgement.unreadable_head"), list(sentences),
                        phrase(lang, "acknowledgement.unreadable_tail"))
