"""The checklist in the letters: the acknowledgement asks only for what is missing, the office sees the list."""
from __future__ import annotations

import pytest

from intake.letters.acknowledgement import acknowledgement
from intake.letters.checklist import missing_request, office_block
from intake.letters.routed import routed_case
from tests.intake.letters.builders import CATALOGUE, body_of, facts, original, part

SERVING_HAS = {"cvr": "body", "address": "body", "area": "body", "period": "body"}
SERVING = {"have": SERVING_HAS, "missing": ["p_number", "hours", "sketch"], "required_missing": ["p_number"]}
COMPLETE = {"have": {**SERVING_HAS, "p_number": "form"}, "missing": ["hours", "sketch"], "required_missing": []}


def ack(lang: str, *parts, settings) -> str:
    case = facts(lang, task_types=tuple(p.task_type for p in parts), office=parts[0].office, parts=tuple(parts))
    return body_of(acknowledgement(case, original(lang), CATALOGUE, settings))


@pytest.mark.parametrize(("lang", "asks", "received"), [
    ("da", "For at vi kan behandle ansøgningen, mangler vi:\n- P-nummeret for serveringsadressen\n",
     "Vi har modtaget: virksomhedens CVR-nummer, serveringsstedets adresse"),
    ("en", "To process your application, we still need:\n- The P-number of the serving address\n",
     "We have received: the company's CVR number, the address of the serving area"),
])
def test_the_acknowledgement_asks_only_for_the_missing_required_item(settings, lang, asks, received):
    body = ack(lang, part("udeservering", checklist=SERVING), settings=settings)
    assert asks in body and received in body
    assert "CVR" not in body.split(asks)[1].split("\n\n")[0]     # the CVR it sent is not asked for again
    assert "skitse" not in body.lower() and "sketch" not in body.lower()  # helpful items are never asked for


@pytest.mark.parametrize(("lang", "received"), [
    ("en", "We have received: the company's CVR number, the address of the serving area, the P-number of the "
           "serving address, a sketch of the area with tables and chairs."),
    ("da", "Vi har modtaget: virksomhedens CVR-nummer, serveringsstedets adresse, P-nummeret for "
           "serveringsadressen, en skitse af arealet med borde og stole."),
])
def test_the_received_items_read_as_one_sentence_abbreviations_kept(settings, lang, received):
    given = {"have": {"cvr": "body", "address": "body", "p_number": "body", "sketch": "body"},
             "missing": ["area", "period", "hours"], "required_missing": []}
    assert received in ack(lang, part("udeservering", checklist=given), settings=settings)


@pytest.mark.parametrize(("lang", "sentence"), [
    ("da", "Din ansøgning er komplet, og vi går i gang."),
    ("en", "Your application is complete, and we are getting started."),
])
def test_a_complete_application_is_told_so(settings, lang, sentence):
    body = ack(lang, part("udeservering", checklist=COMPLETE), settings=settings)
    assert sentence in body and "mangler vi" not in body and "still need" not in body


@pytest.mark.parametrize(("lang", "start_only", "neither"), [
    ("da", "- Periodens slutdato (vi har startdatoen: 1. april 2027)\n", "- Perioden (fra og til)\n"),
    ("en", "- The end of the period (we have the start: 1 April 2027)\n", "- The period (from and to)\n"),
])
def test_a_period_with_only_its_start_asks_for_the_end(settings, lang, start_only, neither):
    """ "Udeservering fra 1. april 2027": the business gave the start; asking for "the period" again reads as if we
    had not read it."""
    without = {"have": {k: v for k, v in SERVING_HAS.items() if k != "period"}, "missing": ["period"],
               "required_missing": ["period"]}
    serving = part("udeservering", checklist=without)

    def body(details):
        case = facts(lang, task_types=("udeservering",), office=serving.office, parts=(serving,), details=details)
        return body_of(acknowledgement(case, original(lang), CATALOGUE, settings))

    assert start_only in body({"period_from": "2027-04-01"})
    assert neither in body({}) and neither in body({"period_from": "2027-04-01", "period_to": "2027-04-01"})
    assert neither in body({"period_from": "not a date"})


def test_several_parts_ask_per_part(settings):
    signs = {"have": {"address": "body"}, "missing": ["size", "picture"], "required_missing": ["size"]}
    body = ack("da", part("udeservering", checklist=SERVING), part("skilte", checklist=signs), settings=settings)
    serving, _, rest = body.partition("\nSkilte og facadereklamer:\n")
    assert "\nUdeservering:\n" in serving and "- P-nummeret for serveringsadressen" in serving
    assert "- Skiltets mål" in rest


def test_a_part_without_a_checklist_says_nothing_about_it(settings):
    body = ack("da", part("vejareal"), settings=settings)
    assert "mangler vi" not in body and "komplet" not in body


def test_a_triage_part_asks_for_nothing(settings):
    body = ack("da", part("udeservering", checklist=SERVING, needs_triage=True, office="erhvervsservice"),
               settings=settings)
    assert "P-nummer" not in body


def test_the_office_sees_each_item_and_where_it_was_found(settings):
    block = office_block(part("udeservering", checklist=SERVING), CATALOGUE)
    assert "[x] Virksomhedens CVR-nummer (body)" in block
    assert "[ ] P-nummeret for serveringsadressen - MANGLER, påkrævet" in block
    assert "[ ] En skitse af arealet med borde og stole - mangler / missing" in block


def test_the_routed_case_carries_the_checklist(settings):
    p = part("udeservering", checklist=SERVING)
    case = facts("da", task_types=("udeservering",), office="byliv", parts=(p,))
    body = body_of(routed_case(case, original("da"), b"raw", [], CATALOGUE, settings, part=p))
    assert "Tjekliste / checklist (Udeservering):" in body and "MANGLER, påkrævet" in body


def test_the_request_for_missing_items_lists_them_in_the_case_language():
    assert missing_request([part("udeservering", checklist=SERVING)], CATALOGUE, "en") == (
        "We still need:\n- The P-number of the serving address")


def test_nothing_missing_makes_no_request():
    assert missing_request([part("udeservering", checklist=COMPLETE)], CATALOGUE, "da") == ""
