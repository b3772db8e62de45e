"""The mails we write: the acknowledgement, the routed case, status answers, and mails about a case.

Mails about an existing case (``case_mail``: started, request for information,
new expected week, decisions, rerouting, contact person) share the frame
``case.<lang>.txt`` around a body ``case_<kind>.<lang>.txt``. A complex case's
contact person is in Cc of every mail (``add_cc``); ``intake.letters.outbox.queue_mail``
turns each Cc into its own outbox row.

Templates live in ``intake/templates`` (``string.Template``; Danish and
English for what businesses read). Every header value that comes from the
sender is cleaned of line breaks before it is copied (header injection is not
fixed in every Python 3.11 patch release).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from functools import lru_cache
from importlib import resources
from string import Template
from typing import Iterable, Mapping

from intake.letters.guidance import guidance_text, only_external
from intake.mail.message import ParsedMail, clean_header_value
from intake.mail.references import strip_references
from routing.catalogue import Catalogue, ContactPerson
from routing.goals import LOCAL_TZ, describe_date, describe_goal, describe_week

AUTO_HEADERS = {"Auto-Submitted": "auto-replied", "X-Auto-Response-Suppress": "All"}


@lru_cache(maxsize=None)
def template(name: str) -> Template:
    return Template(resources.files("intake.letters.templates").joinpath(name).read_text("utf-8"))


def msg_id(kind: str, reference: str, domain: str, n: int = 0) -> str:
    """A stable Message-ID that carries the reference, so replies thread back even without a subject tag."""
    suffix = f".{n}" if n else ""
    return f"<{kind}.{reference}{suffix}@{domain}>"


def domain_of(address: str) -> str:
    return address.rpartition("@")[2] or "localhost"


def describe_received(when: datetime, lang: str) -> str:
    local = when.astimezone(LOCAL_TZ)
    joiner = "kl." if lang == "da" else "at"
    return f"{describe_date(local.date(), lang)} {joiner} {local:%H:%M}"


@dataclass(frozen=True)
class CaseFacts:
    """What a mail about a newly registered case needs to say."""

    reference: str
    received: datetime
    language: str
    task_types: tuple[str, ...]
    confidence: float
    office: str
    needs_triage: bool
    due: object  # date
    details: Mapping[str, object]  # detail name -> value (as extracted; no sources)
    unreadable: tuple[tuple[str, str], ...]  # (filename, sentence in the case's language)
    contact: ContactPerson | None = None  # the contact person of a complex case
    external: tuple[str, ...] = ()  # [external.*] topic ids the business is guided to (forvaltningsloven § 7)


def _sender_box(settings) -> Address:
    user, _, domain = settings.from_address.partition("@")
    return Address(settings.from_name, user, domain)


def _base(settings, to: str, subject: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = _sender_box(settings)
    msg["To"] = to
    msg["Subject"] = clean_header_value(subject, max_len=200)
    msg["Date"] = format_datetime(datetime.now(LOCAL_TZ))
    msg["X-Loop"] = settings.loop_id
    return msg


def _thread(msg: EmailMessage, original: ParsedMail) -> None:
    if original.message_id:
        mid = clean_header_value(original.message_id, max_len=250)
        refs = [clean_header_value(r, max_len=250) for r in original.references[-10:]]
        msg["In-Reply-To"] = mid
        msg["References"] = " ".join([*refs, mid])


def acknowledgement(facts: CaseFacts, original: ParsedMail, catalogue: Catalogue, settings) -> EmailMessage:
    """The acknowledgement: reference, task, office, goal, expected week, next steps."""
    lang = facts.language if facts.language in ("da", "en") else "da"
    task = catalogue.task(facts.task_types[0])
    office = catalogue.office(task.office)
    name = getattr(task, f"name_{lang}")
    if len(facts.task_types) > 1:
        extra = ", ".join(getattr(catalogue.task(t), f"name_{lang}") for t in facts.task_types[1:])
        name = f"{name} ({'desuden' if lang == 'da' else 'also'}: {extra})"
    values = {
        "greeting_name": _greeting(facts, original, lang),
        "reference": facts.reference,
        "received_text": describe_received(facts.received, lang),
        "task_name": name,
        "office_name": getattr(office, f"name_{lang}"),
        "goal_text": describe_goal(task.goal, lang),
        "week_text": describe_week(facts.due, lang),
        "due_text": describe_date(facts.due, lang),
        "triage_text": _triage_text(facts, catalogue, lang),
        "attachments_text": _unreadable_text(facts.unreadable, lang),
        "external_text": external_text(facts, catalogue, lang),
        "guidance_text": getattr(task, f"guidance_{lang}"),
        "contact_text": contact_text(facts.contact, lang, introduce=True),
    }
    body = template(f"acknowledgement.{lang}.txt").substitute(values)
    word = "Kvittering" if lang == "da" else "Acknowledgement"
    quoted = strip_references(settings.reference_prefix, original.subject)
    subject = f"[{facts.reference}] {word}: {quoted or name}"
    msg = _base(settings, original.from_addr, subject)
    msg["Message-ID"] = msg_id("ack", facts.reference, domain_of(settings.from_address))
    for key, value in AUTO_HEADERS.items():
        msg[key] = value
    _thread(msg, original)
    add_cc(msg, facts.contact.email if facts.contact else None)
    msg.set_content(body)
    msg["Content-Language"] = lang  # after set_content, which drops Content-* headers
    return msg


def add_cc(msg: EmailMessage, address: str | None) -> None:
    """Copy ``address`` (the contact person of a complex case) on ``msg``."""
    if address and address != str(msg["To"].addresses[0].addr_spec):
        msg["Cc"] = clean_header_value(address, max_len=250)


def contact_text(person: ContactPerson | None, lang: str, *, introduce: bool = False) -> str:
    """The block that names the contact person with direct contact details ('' when there is none)."""
    if person is None:
        return ""
    if lang == "da":
        head = "Din kontaktperson"
        intro = ("Din sag involverer flere enheder eller er særlig omfattende, så du har fået en fast "
                 "kontaktperson, der følger sagen hele vejen og får en kopi af alle mails i sagen.\n"
                 if introduce else "")
        lines = f"{person.name}, {person.title}\nE-mail: {person.email}\nTelefon: {person.phone}\n"
    else:
        head = "Your contact person"
        intro = ("Your case involves several offices or is particularly large, so you have a named contact "
                 "person who follows it all the way and receives a copy of every email about it.\n"
                 if introduce else "")
        lines = f"{person.name}, {person.title}\nEmail: {person.email}\nPhone: {person.phone}\n"
    return f"\n{head}\n{intro}{lines}"


def _greeting(facts: CaseFacts, original: ParsedMail, lang: str) -> str:
    contact = facts.details.get("contact_name")
    name = clean_header_value(str(contact) if contact else original.from_name, max_len=80)
    return name or ("ansøger" if lang == "da" else "applicant")


def _triage_text(facts: CaseFacts, catalogue: Catalogue, lang: str) -> str:
    if not facts.needs_triage:
        return ""
    triage = getattr(catalogue.office(catalogue.triage_office), f"name_{lang}")
    if lang == "da":
        return (f"\nVi er ikke helt sikre på, hvilken opgave din henvendelse drejer sig om, så {triage} "
                "ser den igennem og sender den til den rette enhed. Du hører fra os, hvis det ændrer "
                "den forventede tid.\n")
    return (f"\nWe are not quite sure which task your application concerns, so {triage} will "
            "review it and pass it to the right office. We will tell you if that changes the "
            "expected time.\n")


def external_text(facts: CaseFacts, catalogue: Catalogue, lang: str) -> str:
    """The acknowledgement's block on non-municipal topics ('' when there is none)."""
    return guidance_text(facts.external, facts.task_types, catalogue, lang)


def _routed_external(facts: CaseFacts, catalogue: Catalogue) -> tuple[str, str]:
    """(flag for the first line, line for the summary) of the routed case's non-municipal topics."""
    topics = [catalogue.external[t] for t in facts.external if t in catalogue.external]
    if not topics:
        return "", ""
    names = ", ".join(f"{t.id} ({t.authority_da})" for t in topics)
    line = (f"Ikke-kommunalt / non-municipal: {names}; kvitteringen vejleder ansøgeren / "
            "the acknowledgement guides the applicant\n")
    flag = ("  [KUN IKKE-KOMMUNALT / ONLY NON-MUNICIPAL: se `intake case forward`]"
            if only_external(facts.task_types, facts.external) else "")
    return flag, line


def _unreadable_text(unreadable: Iterable[tuple[str, str]], lang: str) -> str:
    lines = [f"- {sentence}" for _, sentence in unreadable]
    if not lines:
        return ""
    head = ("Vi kunne ikke læse alle vedhæftede filer:" if lang == "da"
            else "We could not read all attached files:")
    tail = ("Sagen fortsætter med det, vi kunne læse." if lang == "da"
            else "Your case goes on with what we could read.")
    return "\n" + head + "\n" + "\n".join(lines) + "\n" + tail + "\n"


def routed_case(facts: CaseFacts, original: ParsedMail, raw: bytes, attachments: list, catalogue: Catalogue,
                settings) -> EmailMessage:
    """The case as the office receives it: a summary of what was extracted, with the original attached."""
    task = catalogue.task(facts.task_types[0])
    office = catalogue.office(facts.office)
    d = dict(facts.details)
    text = lambda key: clean_header_value(str(d.get(key, "")), max_len=200) or "-"  # noqa: E731
    period = " - ".join(str(d[k]) for k in ("period_from", "period_to") if d.get(k)) or "-"
    cvr = text("cvr") + ("" if d.get("cvr_valid", True) or "cvr" not in d else "  (UGYLDIGT / INVALID check digit)")
    flags = "CPR-nummer fundet og udeladt her / CPR number found and left out here.\n" if d.get("cpr_found") else ""
    external_flag, external_line = _routed_external(facts, catalogue)
    values = {
        "reference": facts.reference,
        "triage_flag": ("  [TRIAGE: usikker klassifikation / uncertain classification]" if facts.needs_triage
                        else "") + external_flag,
        "external_line": external_line,
        "task_name": task.name_da, "task_id": task.id,
        "confidence": f"{facts.confidence:.2f}",
        "other_tasks": ", ".join(facts.task_types[1:]) or "-",
        "office_name": office.name_da,
        "received_text": describe_received(facts.received, "da"),
        "goal_text": describe_goal(task.goal, "da"),
        "due_text": facts.due.isoformat(), "week_text": describe_week(facts.due, "da"),
        "language": facts.language,
        "company_name": text("company_name"), "cvr": cvr, "p_number": text("p_number"),
        "contact_name": text("contact_name"), "contact_email": text("contact_email"),
        "phone": text("phone"), "address": " ".join(filter(None, [text("address"), str(d.get("postcode", ""))])),
        "activity_location": text("activity_location"), "period": period, "flags": flags,
        "attachments": "\n".join(_attachment_line(a) for a in attachments) or "-",
        "contact_line": (f"Kontaktperson / contact person: {facts.contact.name} <{facts.contact.email}> "
                         "(kompleks sag / complex case)\n" if facts.contact else ""),
    }
    subject = f"[{facts.reference}] Ny sag: {task.name_da}"
    if external_flag:
        subject += " (ikke-kommunal / non-municipal)"
    if d.get("company_name"):
        subject += f" - {text('company_name')}"
    msg = _base(settings, office.address, subject)
    msg["Message-ID"] = msg_id("case", facts.reference, domain_of(settings.from_address))
    if original.from_addr:
        msg["Reply-To"] = original.from_addr
    add_cc(msg, facts.contact.email if facts.contact else None)
    msg.set_content(template("routed.txt").substitute(values))
    msg.add_attachment(raw, maintype="application", subtype="octet-stream",
                       filename=f"{facts.reference}-original.eml")
    return msg


def _attachment_line(att) -> str:
    status = att.status if att.status == "read" else f"{att.status}: {att.reason}"
    return f"- {att.filename} ({att.type}, {status})"


DECISION_WORDS = {
    "da": {"approved": "godkendt", "rejected": "afslag", "forwarded": "henvist til en anden myndighed"},
    "en": {"approved": "approved", "rejected": "rejected", "forwarded": "referred to another authority"},
}
EVENT_WORDS = {
    "da": {"received": "modtaget", "routed": "sendt til enheden", "started": "behandling startet",
           "waiting": "vi har bedt dig om oplysninger", "resumed": "dit svar er modtaget, behandlingen fortsætter",
           "approved": "godkendt", "rejected": "afslag sendt", "forwarded": "henvist til en anden myndighed",
           "rerouted": "flyttet til en anden enhed", "assigned": "sagsbehandler tildelt",
           "contact_person": "kontaktperson tildelt", "closed": "afsluttet", "follow_up": "din mail er modtaget",
           "status_query": "statusforespørgsel besvaret", "meeting_proposed": "stjernemøde foreslået",
           "meeting_held": "stjernemøde holdt", "meeting_moved": "stjernemøde flyttet",
           "meeting_cancelled": "stjernemøde aflyst", "guided_external": "vejledt om en anden myndighed"},
    "en": {"received": "received", "routed": "passed to the office", "started": "processing started",
           "waiting": "we asked you for information", "resumed": "your answer arrived, processing goes on",
           "approved": "approved", "rejected": "rejection sent", "forwarded": "referred to another authority",
           "rerouted": "moved to another office", "assigned": "caseworker assigned",
           "contact_person": "contact person assigned", "closed": "closed", "follow_up": "your email arrived",
           "status_query": "status question answered", "meeting_proposed": "star meeting proposed",
           "meeting_held": "star meeting held", "meeting_moved": "star meeting moved",
           "meeting_cancelled": "star meeting cancelled", "guided_external": "guided to another authority"},
}


def describe_event(action: str, at: datetime, lang: str) -> str:
    """A case event as the business may read it: what happened and the date (never the internal detail)."""
    lang = lang if lang in ("da", "en") else "da"
    word = EVENT_WORDS[lang].get(action, action.replace("_", " "))
    return f"{word}, {describe_date(at.astimezone(LOCAL_TZ).date(), lang)}"


STATUS_WORDS = {
    "da": {"received": "modtaget", "routed": "sendt til den ansvarlige enhed", "in_progress": "under behandling",
           "waiting": "venter på oplysninger fra dig", "decided": "afgjort", "closed": "afsluttet"},
    "en": {"received": "received", "routed": "passed to the responsible office", "in_progress": "in progress",
           "waiting": "waiting for information from you", "decided": "decided", "closed": "closed"},
}


def status_reply(case, last_event: str, original: ParsedMail, catalogue: Catalogue, settings,
                 lang: str, n: int, *, waiting_for: str = "") -> EmailMessage:
    """An automatic answer to "what is the status of KBH-...?": state, office, expected week, last event."""
    lang = lang if lang in ("da", "en") else "da"
    da = lang == "da"
    office = getattr(catalogue.office(case.office), f"name_{lang}")
    state = STATUS_WORDS[lang].get(case.status, case.status)
    if case.status in ("decided", "closed") and getattr(case, "decision", None):
        state += f" ({DECISION_WORDS[lang].get(case.decision, case.decision)})"
    decided_at = getattr(case, "decided_at", None)
    if decided_at is not None:
        when = ("Afgjort: " if da else "Decided: ") + describe_date(decided_at.astimezone(LOCAL_TZ).date(), lang)
    else:
        when = ("Forventet afsluttet: " if da else "Expected completion: ") + describe_week(case.due_date, lang)
    if case.status == "waiting":
        when += (" (uret står stille, til vi har dit svar)" if da
                 else " (the clock is paused until we have your answer)")
        if waiting_for:
            when += ("\nVi venter på: " if da else "\nWe are waiting for: ") + waiting_for
    if da:
        body = (f"Status for sag {case.reference}\n\nSagen er {state}.\nAnsvarlig enhed: {office}\n"
                f"{when}\nSeneste hændelse: {last_event}\n\n"
                "Svar på denne mail med sagsnummeret i emnefeltet, hvis du har spørgsmål.\n\n"
                "Med venlig hilsen\nKøbenhavns Erhvervsservice\n")
        subject = f"[{case.reference}] Status på din sag"
    else:
        body = (f"Status of case {case.reference}\n\nThe case is {state}.\nResponsible office: {office}\n"
                f"{when}\nLatest event: {last_event}\n\n"
                "Reply to this email with the reference in the subject if you have questions.\n\n"
                "Kind regards\nCopenhagen Business Service\n")
        subject = f"[{case.reference}] Status of your case"
    msg = _base(settings, original.from_addr, subject)
    msg["Message-ID"] = msg_id("status", case.reference, domain_of(settings.from_address), n)
    for key, value in AUTO_HEADERS.items():
        msg[key] = value
    _thread(msg, original)
    add_cc(msg, getattr(case, "contact_email", None))
    msg.set_content(body)
    return msg


def follow_up_to_office(case, original: ParsedMail, raw: bytes, catalogue: Catalogue, settings,
                        n: int, *, note: str = "", cc: Iterable[str] = ()) -> EmailMessage:
    """A follow-up from the business, passed on to the office that has the case (``note`` on top, ``cc`` copied)."""
    office = catalogue.office(case.office)
    subject = "Svar fra ansøger, uret kører igen / applicant answered" if note else "Opfølgning fra ansøger / follow-up"
    msg = _base(settings, office.address, f"[{case.reference}] {subject}")
    msg["Message-ID"] = msg_id("followup", case.reference, domain_of(settings.from_address), n)
    others = [a for a in dict.fromkeys(cc) if a and "@" in a and a != office.address]
    if others:
        msg["Cc"] = ", ".join(clean_header_value(a, max_len=250) for a in others)
    if original.from_addr:
        msg["Reply-To"] = original.from_addr
    msg.set_content((f"{note}\n\n" if note else "")
                    + f"Ansøgeren har skrevet igen i sag {case.reference}. Den oprindelige mail er vedlagt.\n"
                    f"The applicant wrote again about case {case.reference}. The mail is attached.\n")
    msg.add_attachment(raw, maintype="application", subtype="octet-stream",
                       filename=f"{case.reference}-followup.eml")
    return msg


# -- mails about an existing case (caseworker actions, the resumed clock) -------
CASE_SUBJECTS = {
    "da": {"started": "Din sag er under behandling", "info_request": "Vi mangler oplysninger",
           "resumed": "Ny forventet afslutning", "approved": "Afgørelse: godkendt",
           "rejected": "Afgørelse: afslag", "forwarded": "Din henvendelse hører under en anden myndighed",
           "rerouted": "Din sag er flyttet", "contact": "Din kontaktperson"},
    "en": {"started": "Your case is being processed", "info_request": "We need more information",
           "resumed": "New expected completion", "approved": "Decision: approved",
           "rejected": "Decision: rejected", "forwarded": "Your enquiry belongs to another authority",
           "rerouted": "Your case has moved", "contact": "Your contact person"},
}


# Letters the service writes by itself in answer to the business's mail (RFC 3834 auto-replies); the others
# come from a caseworker's action and are not marked automatic, since the business is meant to answer them.
AUTOMATIC_LETTERS = frozenset({"resumed"})


@dataclass(frozen=True)
class CaseLetter:
    """A mail to the business about its case: what kind, and the values its template needs."""

    kind: str  # a key of CASE_SUBJECTS[lang]; template case_<kind>.<lang>.txt
    values: dict[str, str]
    n: int  # sequence number, keeps the Message-ID unique


def case_mail(case, letter: CaseLetter, catalogue: Catalogue, settings,
              contact: ContactPerson | None = None) -> EmailMessage:
    """A mail to the business about ``case`` in its language, reference in the subject, contact person in Cc."""
    lang = case.language if case.language in ("da", "en") else "da"
    task = catalogue.task(case.task_type)
    values = {
        "greeting_name": case_greeting(case, lang), "reference": case.reference,
        "task_name": getattr(task, f"name_{lang}"),
        "office_name": getattr(catalogue.office(case.office), f"name_{lang}"),
        "goal_text": describe_goal(task.goal, lang), "week_text": describe_week(case.due_date, lang),
        "due_text": describe_date(case.due_date, lang), "contact_text": contact_text(contact, lang,
                                                                                  introduce=letter.kind == "contact"),
        **letter.values,
    }
    values["body"] = template(f"case_{letter.kind}.{lang}.txt").substitute(values).rstrip("\n")
    msg = _base(settings, case.sender, f"[{case.reference}] {CASE_SUBJECTS[lang][letter.kind]}")
    domain = domain_of(settings.from_address)
    msg["Message-ID"] = msg_id(letter.kind.replace("_", ""), case.reference, domain, letter.n)
    msg["In-Reply-To"] = msg_id("ack", case.reference, domain)
    msg["References"] = msg_id("ack", case.reference, domain)
    if letter.kind in AUTOMATIC_LETTERS:
        for key, value in AUTO_HEADERS.items():
            msg[key] = value
    add_cc(msg, contact.email if contact else None)
    msg.set_content(template(f"case.{lang}.txt").substitute(values))
    msg["Content-Language"] = lang
    return msg


def case_greeting(case, lang: str) -> str:
    """Whom a mail about ``case`` greets: the contact name found in the application, else the company."""
    try:
        contact = json.loads(case.details_json or "{}").get("contact_name", {}).get("value")
    except (ValueError, AttributeError):
        contact = None
    name = clean_header_value(str(contact or case.company_name or ""), max_len=80)
    return name or ("ansøger" if lang == "da" else "applicant")


def note_to_office(case, subject: str, text: str, catalogue: Catalogue, settings, n: int,
                   cc: Iterable[str] = ()) -> EmailMessage:
    """A short internal note to the office that has ``case`` (e.g. the applicant answered)."""
    office = catalogue.office(case.office)
    msg = _base(settings, office.address, f"[{case.reference}] {subject}")
    msg["Message-ID"] = msg_id("note", case.reference, domain_of(settings.from_address), n)
    others = [a for a in dict.fromkeys(cc) if a and a != office.address]
    if others:
        msg["Cc"] = ", ".join(clean_header_value(a, max_len=250) for a in others)
    msg.set_content(text)
    return msg
