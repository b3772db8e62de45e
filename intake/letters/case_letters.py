"""Mails to the business about its case: started, request for information, new expected week, decisions,
rerouting, contact person, a decision reopened, a caseworker's message from the desk.

Each shares the frame ``templates/case.<lang>.txt`` (greeting, reference, task,
office, how to answer) around a body ``templates/case_<kind>.<lang>.txt``; a
letter about one part of a case of several uses ``case_<kind>_part.<lang>.txt``
where there is one (``PART_BODIES``), which lists the other parts as they stand
(``${others_text}``). The subjects are in ``[subjects]`` of ``phrases.<lang>.toml``. Every one threads
under the case's acknowledgement and copies the contact person of a complex
case. Only ``resumed`` (the business's own answer moved the expected week) is
an automatic reply; the others carry a caseworker's question, decision or message (see
the policy in ``intake.letters.envelope``).
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from email.message import EmailMessage

from intake.letters.envelope import Envelope, Thread, build_mail, msg_id
from intake.letters.facts import PartFacts
from intake.letters.wording import (
    bullet_block,
    contact_text,
    greeting_name,
    inline_name,
    language,
    part_lines,
    phrase,
    render,
    week_when,
)
from routing.catalogue import Catalogue, ContactPerson
from routing.goals import describe_date, describe_goal

KINDS = ("started", "info_request", "resumed", "approved", "rejected", "forwarded", "rerouted", "part_added",
         "contact", "reopened", "message")
# kinds whose letter about one part of a case of several says so and lists the other parts: "started" named the
# started part's office as if it handled the whole case ("Din sag er nu under behandling hos ..."), "reopened" said
# the office "behandler sagen igen" of a case whose other parts stay decided
PART_BODIES = frozenset({"started", "reopened"})


@dataclass(frozen=True)
class CaseLetter:
    """A mail to the business about its case: what kind, and the values its template needs."""

    kind: str  # one of KINDS; template case_<kind>.<lang>.txt, subject [subjects] <kind>
    values: dict[str, str]  # a "subject_key" among them names another subject (the forward's: sent on or not)
    n: int  # sequence number, keeps the Message-ID unique
    introduce: bool = False  # introduce the contact person (the letter's action made the case complex)


def case_mail(case, letter: CaseLetter, catalogue: Catalogue, settings,
              contact: ContactPerson | None = None, *, part: PartFacts,
              others: Sequence[tuple[int, PartFacts]] = (), today: date | None = None) -> EmailMessage:
    """A mail to the business about ``case`` (and its ``part``: task, office, goal, week) in its language.

    It goes to the address the case writes to (the business, or its agent) with the name that came with
    that address; the reference is in the subject and the contact person of a complex case in Cc. ``others``:
    the case's other parts, each with its number in the case's list, as they stand on ``today``.
    """
    if letter.kind not in KINDS:
        raise ValueError(f"unknown case letter {letter.kind!r}; known: {', '.join(KINDS)}")
    lang = language(case.language)
    values = {**_values(case, part, catalogue, lang), "from_name": settings.sender_name(lang), "appeal_text": "",
              # the contact letter says itself why there is a contact person: the block only names them
              "contact_text": contact_text(contact, lang, introduce=letter.introduce and letter.kind != "contact"),
              "others_text": others_text(others, catalogue, lang, today)}
    # the frame's office line and how to answer; a letter that closes the case for good (forwarded) gives its own
    values |= {"office_line": phrase(lang, "words.frame_office", office_name=values["office_name"]),
               "answer_text": phrase(lang, "words.frame_answer", reference=case.reference), **letter.values}
    body = f"case_{letter.kind}_part" if others and letter.kind in PART_BODIES else f"case_{letter.kind}"
    values["body"] = render(f"{body}.{lang}.txt", values).rstrip("\n")
    subject = phrase(lang, "subjects." + values.get("subject_key", letter.kind),
                     **{**values, "office": values["office_name"]})
    envelope = Envelope(letter.kind, to=reply_address(case), subject=f"[{case.reference}] {subject}",
                        message_id=msg_id(settings, letter.kind.replace("_", ""), case.reference, letter.n),
                        cc=[contact.email] if contact else [],
                        thread=Thread.under(msg_id(settings, "ack", case.reference)), language=lang)
    return build_mail(settings, envelope, render(f"case.{lang}.txt", values))


def _values(case, part: PartFacts, catalogue: Catalogue, lang: str) -> dict[str, str]:
    task_name = getattr(catalogue.task(part.task_type), f"name_{lang}")
    return {
        "greeting_name": case_greeting(case, lang), "reference": case.reference,
        "task_name": task_name, "task_inline": inline_name(task_name),
        "office_name": getattr(catalogue.office(part.office), f"name_{lang}"),
        "goal_text": describe_goal(part.goal, lang), "week_text": week_when(part.due, lang),
        "due_text": describe_date(part.due, lang),
    }


def others_text(others: Sequence[tuple[int, PartFacts]], catalogue: Catalogue, lang: str,
                today: date | None = None) -> str:
    """The other parts of a case, each numbered as in the case's list with its office, where it stands and its
    expected week ('' when there are none)."""
    if not others:
        return ""
    lines = [phrase(lang, "parts.others")]
    for n, other in others:
        lines += part_lines(n, other, catalogue, lang, status=True, today=today)
    return "\n".join(lines)


def reply_address(case) -> str:
    """Where mail about ``case`` goes: the address it writes to (the business or its agent), else the sender."""
    return getattr(case, "reply_email", "") or case.sender


def contact_at_the_sender(contact: str | None, sender_name: str) -> str | None:
    """The contact found in the application, where the mail goes to the sender: not where the sender signs with
    another person's name (an architect's assistant who names the client's director as the client's contact is
    greeted herself, never "Kære Jens Kragh" at her own address)."""
    from intake.details.names import looks_like_person

    sender = " ".join(str(sender_name or "").split())
    if contact and looks_like_person(sender) and not set(contact.casefold().split()) & set(sender.casefold().split()):
        return None
    return contact


def case_greeting(case, lang: str) -> str:
    """Whom a mail about ``case`` greets: the name that goes with its reply address.

    That is the name stored with the address (the agent's own name, the forwarded author's); for the
    business itself, the contact name found in the application comes first; never one person's name with
    another person's address.
    """
    stored = getattr(case, "reply_name", "")
    agent = getattr(case, "reply_email", "") not in ("", case.sender, getattr(case, "applicant_email", ""))
    if agent:
        return greeting_name(stored or case.company_name, language(lang))
    try:
        details = json.loads(case.details_json or "{}")
        contact = details.get("contact_name", {}).get("value")
        contact_email = str(details.get("contact_email", {}).get("value") or "")
    except (ValueError, AttributeError):
        contact, contact_email = None, ""
    if contact_email and contact_email.casefold() != reply_address(case).casefold():
        contact = None   # the contact has an address of their own: a colleague's forward, an architect's client
    return greeting_name(contact_at_the_sender(contact, stored) or stored or case.company_name, language(lang))


def conditions_appeal_text(conditions: str, appeal: str, lang: str) -> str:
    """An approval's appeal guidance: an approval with conditions does not give the business all it applied for,
    so it carries the appeal guidance (forvaltningsloven § 25) as a rejection does ('' without conditions)."""
    if not conditions.strip():
        return ""
    return f"\n{phrase(lang, 'words.appeal_head')}\n{appeal}\n"


def other_paths_text(paths: Sequence[str], lang: str) -> str:
    """A rejection's other ways forward, under "Andre muligheder:" / "Other options:" ('' when there are none)."""
    return bullet_block(phrase(lang, "words.other_paths"), list(paths))
