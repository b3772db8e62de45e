"""The gallery: every letter a business receives, rendered for one Danish and one English sample case.

``intake letters gallery`` writes it to ``docs/letters.md`` so the municipality's
communication staff can review the wording without sending a mail. The sample
cases are fixed (received Monday 30 November 2026 09:05), so the page changes
only when a template, a phrase or the catalogue changes; a test checks that the
committed page is current.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from datetime import date, datetime, timedelta
from email.message import EmailMessage
from typing import Any

from intake.letters.acknowledgement import acknowledgement
from intake.letters.case_letters import KINDS, CaseLetter, case_mail, conditions_appeal_text
from intake.letters.envelope import Thread
from intake.letters.facts import CaseFacts, PartFacts
from intake.letters.forwarding import authority_mail, forwarded_values
from intake.letters.invitation import Invitation, Participant, invitation_mail
from intake.letters.notices import caseworker_reply, closed_reply, forward_note
from intake.letters.status import describe_event, status_reply
from intake.mail.message import ParsedMail, parse_mail
from models import Case
from routing.calendar import WorkingCalendar
from routing.catalogue import Catalogue
from routing.goals import LOCAL_TZ, describe_week, due_date

_PERSONAL_LINK = re.compile(r"(/track/)\S+")
RECEIVED = datetime(2026, 11, 30, 9, 5, tzinfo=LOCAL_TZ)
DUE = date(2026, 12, 14)   # udeservering: 2 weeks from receipt (the other parts' dues come from their goals)
PEOPLE = {"da": ("Maja Thorsen", "maja@cafe-solsikke.dk", "Café Solsikke ApS"),
          "en": ("Giulia Romano", "giulia@cafetosca.dk", "Café Tosca ApS")}
SUBJECTS = {"da": "Ansøgning om udeservering", "en": "Outdoor serving application"}
HAVE = {"cvr": "body", "address": "body", "area": "body", "period": "body", "hours": "body"}
MISSING = {"have": HAVE, "missing": ["p_number", "sketch"], "required_missing": ["p_number"]}
COMPLETE = {"have": {**HAVE, "p_number": "body"}, "missing": ["sketch"], "required_missing": []}
SIGNS = {"have": {"address": "body"}, "missing": ["size", "picture"], "required_missing": ["size"]}
CASE_VALUES = {
    "info_request": {"da": {"message": "Vi mangler:\n- P-nummeret for serveringsadressen"},
                     "en": {"message": "We still need:\n- The P-number of the serving address"}},
    "approved": {"da": {"message_text": "\nBorde og stole skal stå langs facaden.\n"},
                 "en": {"message_text": "\nTables and chairs must stand along the facade.\n"}},
    "rejected": {"da": {"reason": "Fortovet er for smalt til den ønskede opstilling.",
                        "path_forward": "Søg om et mindre areal langs facaden.", "other_paths": ""},
                 "en": {"reason": "The pavement is too narrow for the layout applied for.",
                        "path_forward": "Apply for a smaller area along the facade.", "other_paths": ""}},
    "reopened": {"da": {"decision_text": "afslag",
                        "expected_text": "Forventes afsluttet i uge 52 (21.-25. december 2026), senest mandag den "
                                         "21. december"},
                 "en": {"decision_text": "rejected",
                        "expected_text": "Expected to be completed in week 52 (21-25 December 2026), at the latest "
                                         "Monday 21 December"}},
    "message": {"da": {"message": "Ja, I må gerne stille borde og stole op fra 1. april, mens vi behandler "
                                  "ansøgningen om resten af året."},
                "en": {"message": "Yes, you may put out tables and chairs from 1 April while we process the "
                                  "application for the rest of the year."}},
}
RESUMED_DUE = DUE + timedelta(days=7)   # the business answered a week after we asked: the week moved by one
FORWARDED = "alkoholbevilling"   # the catalogue's own topic, as a caseworker's ``intake case forward`` sends it


def _original(lang: str) -> ParsedMail:
    name, address, _ = PEOPLE[lang]
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = f"{name} <{address}>", "erhvervsservice@kk.example", SUBJECTS[lang]
    msg["Message-ID"] = f"<gallery-{lang}@example.org>"
    msg.set_content("...")
    return parse_mail(msg.as_bytes())


def _part(task_type: str, catalogue: Catalogue, checklist: Mapping[str, object] | None = None,
          **fields: object) -> PartFacts:
    task = catalogue.task(task_type)
    due = due_date(RECEIVED, task.goal, WorkingCalendar(catalogue.extra_closure_days))
    values: dict[str, Any] = {"task_type": task_type, "office": task.office, "goal": task.goal, "due": due,
                    "checklist": checklist or {}, **fields}
    return PartFacts(**values)


def _facts(lang: str, parts: tuple[PartFacts, ...]) -> CaseFacts:
    name, address, company = PEOPLE[lang]
    return CaseFacts(reference="KBH-2026-000042", received=RECEIVED, language=lang,
                     task_types=tuple(p.task_type for p in parts), confidence=0.93, office=parts[0].office,
                     needs_triage=parts[0].needs_triage, due=DUE, details={"contact_name": name,
                                                                          "company_name": company},
                     unreadable=(), parts=parts, reply_to=address, greeting=name, applicant_email=address)


def _case(lang: str, **fields: object) -> Case:
    name, address, company = PEOPLE[lang]
    values: dict[str, Any] = {"reference": "KBH-2026-000042", "received_at": RECEIVED, "subject": SUBJECTS[lang],
                    "sender": address, "sender_domain": address.partition("@")[2], "language": lang,
                    "task_type": "udeservering", "task_types": '["udeservering"]', "office": "byliv",
                    "status": "routed", "company_name": company, "applicant_email": address, "reply_email": address,
                    "reply_name": name, "details_json": json.dumps({"contact_name": {"value": name, "source": "body"}}),
                    **fields}
    return Case(**values)


def letters(lang: str, catalogue: Catalogue, settings: Any) -> Iterator[tuple[str, EmailMessage]]:
    """(title, mail) for every letter the business receives, in ``lang``."""
    original, serving = _original(lang), _part("udeservering", catalogue, MISSING)
    triage = replace(_part(catalogue.general_task or "udeservering", catalogue), needs_triage=True,
                     office=catalogue.triage_office)   # the general enquiry's goal is the triage's promise
    for title, parts in (("Acknowledgement: an item missing", (serving,)),
                         ("Acknowledgement: complete", (_part("udeservering", catalogue, COMPLETE),)),
                         ("Acknowledgement: two parts, items missing in each",
                          (serving, _part("skilte", catalogue, SIGNS))),
                         ("Acknowledgement: building permit (Byg og Miljø)", (_part("byggetilladelse", catalogue),)),
                         ("Acknowledgement: triage", (triage,))):
        yield title, acknowledgement(_facts(lang, parts), original, catalogue, settings)
    case = _case(lang)
    task = catalogue.task("udeservering")
    appeal = getattr(task, f"appeal_{lang}")
    conditions = CASE_VALUES["approved"][lang]["message_text"]
    extra = {"rejected": {"appeal": appeal},
             "approved": {"appeal_text": conditions_appeal_text(conditions, appeal, lang)},
             "resumed": {"old_week_text": describe_week(DUE, lang)},
             "forwarded": _forwarded(catalogue, lang)}
    for n, kind in enumerate(KINDS, start=1):
        values = {**CASE_VALUES.get(kind, {}).get(lang, {}), **extra.get(kind, {})}
        contact = catalogue.contact_persons[0] if kind == "contact" and catalogue.contact_persons else None
        part = replace(serving, due=RESUMED_DUE) if kind == "resumed" else serving
        yield f"Case letter: {kind}", case_mail(case, CaseLetter(kind, values, n), catalogue, settings, contact,
                                                 part=part)
    yield "Case letter: forwarded, sent on to the authority", case_mail(
        case, CaseLetter("forwarded", _forwarded(catalogue, lang, sent=True), len(KINDS) + 2), catalogue, settings,
        part=serving)
    others = [(2, _part("skilte", catalogue, SIGNS, status="waiting"))]
    yield "Case letter: started, one part of two", case_mail(
        case, CaseLetter("started", {}, len(KINDS) + 1), catalogue, settings, part=serving, others=others,
        today=RECEIVED.date())
    routed = describe_event("routed", RECEIVED + timedelta(minutes=1), lang)
    yield "Status answer", status_reply(case, routed, original, catalogue, settings, lang, 20, parts=(serving,),
                                        today=RECEIVED.date())
    decided = _case(lang, status="decided", decision="approved", decided_at=RECEIVED + timedelta(days=7))
    yield "Mail about a closed case", closed_reply(decided, original, catalogue, settings, lang, 21)
    office = getattr(catalogue.office("byliv"), f"name_{lang}")
    yield "A caseworker's reply", caseworker_reply(case, "...", "Karen Holm", office, PEOPLE[lang][0], settings, 22,
                                                  Thread("<ack@kk.example>", ("<ack@kk.example>",)))
    yield from _invitations(lang, catalogue, settings)
    if lang == "da":
        yield "Note to a colleague who forwarded an application", forward_note(
            "KBH-2026-000042", PEOPLE[lang][2], replace(original, from_name="Søren Berg"), settings)
        yield "The application sent on to the authority (forvaltningsloven § 7, stk. 2)", authority_mail(
            case, catalogue.external[FORWARDED], "post@authority.example", b"From: maja@cafe-solsikke.dk\n\n...\n",
            catalogue.office("byliv").name_da, settings, 23)


def _forwarded(catalogue: Catalogue, lang: str, sent: bool = False) -> dict[str, str]:
    """The values ``intake case forward`` gives the letter for the catalogue's topic ``FORWARDED``: ``sent``, the
    application went to the authority's mailbox; else the business is told where to apply."""
    return forwarded_values(catalogue.external[FORWARDED], lang, "KBH-2026-000042", sent=sent, closes_case=True)


def _names(catalogue: Catalogue, lang: str) -> str:
    """The meeting's topic as ``intake.cases.meetings`` writes it: the names of the case's tasks."""
    return ", ".join(getattr(catalogue.task(t), f"name_{lang}") for t in ("udeservering", "skilte"))


def _invitations(lang: str, catalogue: Catalogue, settings: Any) -> Iterator[tuple[str, EmailMessage]]:
    name, address, _ = PEOPLE[lang]
    business = Participant(name, address, "business")
    organizer = Participant("Anne Kjær", "anne@kk.example", "contact_person")
    start = datetime(2026, 12, 8, 10, 0, tzinfo=LOCAL_TZ)
    inv = Invitation(uid="gallery@kk.example", reference="KBH-2026-000042", starts_at=start,
                     ends_at=start + timedelta(hours=1), location="Rådhuset, lokale 12", organizer=organizer,
                     participants=(organizer, business), topic_da=_names(catalogue, "da"),
                     topic_en=_names(catalogue, "en"))
    for title, variant in (("Star meeting: invitation", inv),
                           ("Star meeting: moved", replace(inv, sequence=1, moved_from=start - timedelta(days=1))),
                           ("Star meeting: cancelled", replace(inv, sequence=2, cancelled=True,
                                                               reason="Sagen er afklaret / the case is settled"))):
        yield title, invitation_mail(variant, business, lang, settings=settings, message_id="<gallery@kk.example>")


def render_gallery(catalogue: Catalogue, settings: Any) -> str:
    """``docs/letters.md``: each letter's subject and text, Danish case first."""
    out = ["# Letters as the business receives them", "",
           "Generated by `intake letters gallery` from the templates, the phrases and the catalogue; do not edit.",
           "Two sample cases: a Danish café (Maja Thorsen) and an English one (Giulia Romano), received Monday",
           "30 November 2026 09:05. Mails to the offices are not shown (but for the cover note of an application",
           "sent on to another authority); the signed part of a track link is elided.", ""]
    for lang, heading in (("da", "Danish"), ("en", "English")):
        out += [f"## {heading}", ""]
        for title, msg in letters(lang, catalogue, settings):
            body = msg.get_body(("plain",))
            text = body.get_content().replace("\r\n", "\n").rstrip() if body is not None else ""
            text = _PERSONAL_LINK.sub(r"\1<signed-token>", text)  # signed and dated: not the same twice
            out += [f"### {title}", "", f"Subject: {msg['Subject']}", "", "```text", text, "```", ""]
    return "\n".join(out)
