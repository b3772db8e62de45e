"""The completeness checklist for real: an outdoor-serving application without its P-number goes through Dovecot,
the service and SQLite or PostgreSQL; the acknowledgement at the SMTP sink asks only for the P-number; the
business answers with it; the office's copy of the answer says the application is now complete."""
from __future__ import annotations

import json

import pytest
from sqlmodel import Session, select

from models.db import open_database
from models.tables import CasePart
from routing.catalogue import load_catalogue
from tests.e2e.builders import _base
from tests.e2e.conftest import build_service
from tests.e2e.test_applicants import run_cli
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
    assert "Vi har modtaget: virksomhedens CVR-nummer" in text
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


def checklists_of(settings, reference: str) -> dict[str, dict]:
    """Each part's stored checklist, by task type."""
    with Session(open_database(settings.database_url)) as s:
        case = view_of(s, reference).case
        parts = s.exec(select(CasePart).where(CasePart.case_id == case.id)).all()
        return {p.task_type: json.loads(p.checklist_json) for p in parts}


def serving_and_a_sign_without_its_size():
    return _base(f"Maja Thorsen <{BUSINESS}>", "Udeservering og nyt skilt - Café Solsikke",
                 "Hej\n\nVi søger om udeservering foran Café Solsikke, Blågårdsgade 14, 2200 København N, fra 1. april "
                 "til 30. september 2027, alle dage kl. 9-22. Serveringen med 4 borde og 12 stole bliver 1,5 m ud "
                 "fra facaden og 4 m langs. P-nummer 1018834562.\n\n"
                 "Vi vil også gerne sætte et nyt skilt op over døren med caféens navn.\n\n"
                 "CVR: 38 71 29 42\n\nVenlig hilsen\nMaja Thorsen\nCafé Solsikke ApS\nTlf. 28 44 19 03\n")


def test_each_part_reads_its_own_numbers_and_the_answer_completes_the_one_that_asked(e2e, dovecot, smtp_sink):
    """Read as one text, "1,5 m ud fra facaden og 4 m langs" was the sign's size too, and the acknowledgement called
    the application complete: each part now reads its own sentences, and the sign's size is asked for."""
    env, settings = e2e
    dovecot.deliver(serving_and_a_sign_without_its_size().as_bytes())
    service = build_service(settings)
    (outcome,) = service.process_once()
    assert outcome.outcome == "case"
    reference = outcome.reference
    parts = checklists_of(settings, reference)
    assert set(parts) == {"udeservering", "skilte"}
    assert parts["udeservering"]["required_missing"] == [] and "area" in parts["udeservering"]["have"]
    assert parts["skilte"]["required_missing"] == ["size"] and "address" in parts["skilte"]["have"]
    # (two offices: a star meeting is offered too)
    (ack,) = [m for m in wait_for_mails(smtp_sink, BUSINESS, 2) if "Kvittering" in m["Subject"]]
    asked = plain(ack).split("mangler vi:\n")[1].split("\n\n")[0]
    assert "Skiltets mål" in asked and "areal" not in asked.lower()

    answer = reply_to(ack, f"Maja Thorsen <{BUSINESS}>", "Hej igen\n\nSkiltet bliver 120 x 40 cm.\n\nMvh Maja")
    dovecot.deliver(answer.as_bytes())
    (follow_up,) = build_service(settings).process_once()
    assert (follow_up.outcome, follow_up.reference) == ("follow_up", reference)
    parts = checklists_of(settings, reference)
    assert parts["skilte"]["required_missing"] == [] and parts["skilte"]["have"]["size"] == "body"


def serving_with_its_size():
    return _base(f"Maja Thorsen <{BUSINESS}>", "Ansøgning om udeservering - Café Solsikke",
                 "Hej\n\nVi søger om udeservering foran Café Solsikke, Blågårdsgade 14, 2200 København N, fra 1. april "
                 "til 30. september 2027, alle dage kl. 9-22. Serveringen med 4 borde og 12 stole bliver 1,5 m ud "
                 "fra facaden og 4 m langs. P-nummer 1018834562.\n\n"
                 "CVR: 38 71 29 42\n\nVenlig hilsen\nMaja Thorsen\nCafé Solsikke ApS\nTlf. 28 44 19 03\n")


def test_a_part_a_caseworker_adds_reads_its_own_sentences_with_the_services_model(e2e, dovecot, smtp_sink):
    """The business phoned: it wants a sign too. `intake case add-part` checks the new part against the stored mail
    with the service's model, so the serving's "1,5 m ud fra facaden og 4 m langs" is not the sign's size."""
    env, settings = e2e
    dovecot.deliver(serving_with_its_size().as_bytes())
    (outcome,) = build_service(settings).process_once()
    assert outcome.outcome == "case" and set(checklists_of(settings, outcome.reference)) == {"udeservering"}
    run_cli(env, "case", "add-part", outcome.reference, "--task-type", "skilte", "--actor", "karen")
    sign = checklists_of(settings, outcome.reference)["skilte"]
    assert sign["required_missing"] == ["size"] and "address" in sign["have"]
    # sent by the command itself, with no service running: the sign's office gets the case, the business hears of it
    catalogue = load_catalogue(settings.catalogue_path)
    office = catalogue.office(catalogue.task("skilte").office)
    routed = wait_for_mails(smtp_sink, office.address, 1)[0]
    assert outcome.reference in routed["Subject"]
    told = [m for m in wait_for_mails(smtp_sink, BUSINESS, 2) if "ny del" in m["Subject"]]
    assert len(told) == 1 and catalogue.task("skilte").name_da in plain(told[0])
