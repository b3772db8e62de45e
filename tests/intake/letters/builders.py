"""Builders for the letter tests: settings, the business's mail, the facts of a new case and a stored case.

One case throughout: KBH-2026-000042, scaffolding on the road (task ``vejareal``,
office ``trafik``), received Monday 30 November 2026 09:05, due Monday
14 December 2026 (week 51). No database: letters take plain values.
"""
from __future__ import annotations

import email
import json
from dataclasses import replace
from datetime import date, datetime
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

from intake.letters.facts import CaseFacts, PartFacts
from intake.mail.message import ParsedMail, parse_mail
from intake.settings import Settings, load_settings
from models import Case
from routing.catalogue import load_catalogue
from routing.goals import LOCAL_TZ

CATALOGUE = load_catalogue()
PERSON = CATALOGUE.contact_persons[0]
REFERENCE = "KBH-2026-000042"
RECEIVED = datetime(2026, 11, 30, 9, 5, tzinfo=LOCAL_TZ)
DUE = date(2026, 12, 14)
DEFAULT_NAME = "Københavns Erhvervsservice"
DEFAULT_NAMES = {"da": DEFAULT_NAME, "en": "Copenhagen Business Service – Københavns Erhvervsservice"}
OTHER_NAME = "Erhvervshuset Test"
SUBJECTS = {"da": "Ansøgning om stillads", "en": "Scaffolding application"}
HOSTILE = "Hej\r\nBcc: victim@attacker.example\r\nX-Evil: 1"


def settings_with(tmp: Path, **env: str) -> Settings:
    """Settings of the embedded default in ``tmp``; ``from_name="X"`` becomes ``INTAKE_FROM_NAME=X``."""
    values = {"INTAKE_DATA_DIR": str(tmp), **{f"INTAKE_{k.upper()}": v for k, v in env.items()}}
    return load_settings(env=values)


def original(lang: str = "da", *, subject: str | None = None, sender: str = "Peter Jensen <peter@jensen.dk>",
             **fields) -> ParsedMail:
    """The business's mail as the pipeline parsed it; ``subject`` and ``fields`` replace the parsed values as they
    are, line breaks included (the parser would clean them; the letters must not rely on it)."""
    msg = EmailMessage()
    msg["From"], msg["To"] = sender, "erhvervsservice@kk.example"
    msg["Subject"] = SUBJECTS[lang]
    msg["Date"] = format_datetime(RECEIVED)
    msg["Message-ID"] = "<app-1@jensen.dk>"
    msg["References"] = "<older-1@jensen.dk> <older-2@jensen.dk>"
    msg.set_content("Hej")
    if subject is not None:
        fields["subject"] = subject
    return replace(parse_mail(msg.as_bytes()), **fields)


def facts(lang: str = "da", **overrides) -> CaseFacts:
    """The facts of the new case, with the details the pipeline would have found."""
    values = {"reference": REFERENCE, "received": RECEIVED, "language": lang, "task_types": ("vejareal",),
                  "confidence": 0.87, "office": "trafik", "needs_triage": False, "due": DUE,
                  "details": {"contact_name": "Peter Jensen", "company_name": "Jensen ApS", "cvr": "72494814"},
                  "unreadable": ()}
    values.update(overrides)
    return CaseFacts(**values)


def case(lang: str = "da", **fields) -> Case:
    """The case as stored (not added to any database)."""
    values = {"reference": REFERENCE, "received_at": RECEIVED, "subject": SUBJECTS[lang], "sender": "peter@jensen.dk",
              "sender_domain": "jensen.dk", "language": lang, "task_type": "vejareal", "task_types": '["vejareal"]',
              "office": "trafik", "status": "routed", "company_name": "Jensen ApS",
              "applicant_email": "peter@jensen.dk", "reply_email": "peter@jensen.dk",
              "details_json": json.dumps({"contact_name": {"value": "Peter Jensen", "source": "body"}})}
    values.update(fields)
    return Case(**values)


def part(task_type: str = "vejareal", **fields) -> PartFacts:
    """A part of the case, as letters are told about it."""
    values = {"task_type": task_type, "office": CATALOGUE.task(task_type).office,
              "goal": CATALOGUE.task(task_type).goal, "due": DUE}
    values.update(fields)
    return PartFacts(**values)


def sent(msg: EmailMessage) -> EmailMessage:
    """``msg`` as the recipient reads it: serialised and parsed again."""
    return email.message_from_bytes(msg.as_bytes(), policy=policy.default)


def body_of(msg: EmailMessage) -> str:
    return sent(msg).get_body(("plain",)).get_content()


def header_names(msg: EmailMessage) -> list[str]:
    return [name.lower() for name in sent(msg).keys()]
