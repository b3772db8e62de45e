"""The completeness checklist for real: an outdoor-serving application without its P-number goes through Dovecot,
the service and SQLite or PostgreSQL; the acknowledgement at the SMTP sink asks only for the P-number; the
business answers with it; the office's copy of the answer says the application is now complete."""
from __future__ import annotations

import json

import pytest
from sqlmodel import Session

from models.db import open_database
from tests.e2e.builders import _base
from tests.e2e.conftest import build_service
from tests.e2e.test_case_flow import body_of, case_events, reply_to, wait_for_mails, wait_until
from tests.intake.casefactory import view_of

pytestmark = pytest.mark.realserver
BUSINESS = "maja@cafe-solsikke.dk"


def plain(msg) -> str:
    return body_of(msg).replace("\r\n", "\n")


def serving_without_p_number():
    return _base(f"Maja Thorsen <{BUSINESS}>", "Ansøgning om udeservering - Café Solsikke",
                 "Hej\n\nVi søger om udeservering foran Café Solsikke, Blågårdsgade 14, 2200 København N: 4 borde "
                 "og 12 stole, i alt ca. 10 m², fra 1. april til 30. september 2027, alle dage kl. 9-22.\n\n"
                 "CVR: 38 71 29 42\n\nVenlig hilsen\nMaja Thorsen\nCafé Solsikke ApS\nTlf. 28 44 19 03\n")


def test_the_acknowledgement_asks_only_for_what_is_missing_and_the_answer_completes_it(e2e, dovecot, smtp_sink):
    env, settings = e2e
    dovecot.deliver(serving_without_p_number().as_bytes())
    service = build_service(settings)
    (outcome,) = service.process_once()
    assert outcome.outcome == "case"
    reference = outcome.reference
    office = service.ctx.catalogue.office("byliv")

    (ack,) = wait_for_mails(smtp_sink, BUSINESS, 1)
    text = plain(ack)
    assert text.startswith("Kære Maja Thorsen")
    assert "For at vi kan behandle ansøgningen, mangler vi:\n" in text, text
    asked = text.split("For at vi kan behandle ansøgningen, mangler vi:\n")[1].split("\n\n")[0]
    assert asked.splitlines()[0] == "- P-nummeret for serveringsadressen"
    assert "CVR" not in asked and "adresse\n" not in asked      # what the business sent is not asked for again
    assert "Vi har modtaget: Virksomhedens CVR-nummer" in text
    with Session(open_database(settings.database_url)) as s:
        part = view_of(s, reference).part
        assert json.loads(part.checklist_json)["required_missing"] == ["p_number"]
    routed = wait_for_mails(smtp_sink, office.address, 1)[0]
    assert "[ ] P-nummeret for serveringsadressen - MANGLER, påkrævet" in plain(routed)

    answer = reply_to(ack, f"Maja Thorsen <{BUSINESS}>", "Hej igen\n\nP-nummeret er 1018834562.\n\nMvh Maja")
    dovecot.deliver(answer.as_bytes())
    (follow_up,) = build_service(settings).process_once()
    assert (follow_up.outcome, follow_up.reference) == ("follow_up", reference)
    wait_until(smtp_sink, "the answer passed on to the office", lambda: len(smtp_sink.to(office.address)) >= 2)
    note = plain(smtp_sink.to(office.address)[-1].message)
    assert "Svaret gør ansøgningen komplet / the answer completes the application (Udeservering): " \
           "P-nummeret for serveringsadressen." in note
    with Session(open_database(settings.database_url)) as s:
        checklist = json.loads(view_of(s, reference).part.checklist_json)
        assert checklist["required_missing"] == [] and checklist["have"]["p_number"] == "body"
    assert any(e.action == "checklist" for e in case_events(settings, reference))
