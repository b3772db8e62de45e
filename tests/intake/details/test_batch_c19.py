"""Checklist rules from blind batch c19 (long formal letters with numbered sections, one-line mails with a form): an
item written as open, conditional or to come is not given ("Entreprenør: TBD ... når entreprenøren er valgt", a
section "3. Destination" whose text says the facility is not chosen, "Kortlægning ...: bestilt", a survey "(PCB,
asbestos, lead) will be carried out"); a section's number is no count ("4. Participants"); a place in a building
("Kælder under køkken") is no address; "USE OF ROAD SPACE" names no road; a date in a CVR field is no CVR."""

from __future__ import annotations

from datetime import date

import pytest

from intake.details import extract_details
from intake.details.checklist import check
from intake.details.givens import implausible
from intake.details.values import normalise_value
from tests.intake.details.checklist_evidence import evidence

# ---------------------------------------------------------------- a contractor said open, and a state as a condition


def test_a_contractor_tbd_with_a_condition_is_not_given_by_a_letterheads_company_form(catalogue):
    body = ("VALBY EJENDOMSADMINISTRATION A/S\nToftegårds Allé 7, 2500 Valby\n\nAfsnit 4 – Entreprenør\n"
            "Entreprenør: TBD – vi har indhentet tre tilbud.\n\nAfsnit 5 – Afmærkning\n"
            "Afmærkningsplan eftersendes, når entreprenøren er valgt.")
    found = check(catalogue.task("gravetilladelse"), evidence(body))
    assert "contractor" in found.missing


def test_a_contractor_said_chosen_is_given(catalogue):
    body = "Entreprenøren er valgt: Hansen Kloak ApS graver fra 8. februar."
    found = check(catalogue.task("gravetilladelse"), evidence(body))
    assert "contractor" in found.have


# ---------------------------------------------------------------- a section's number is no count


@pytest.mark.parametrize("section", [
    "The guest list is not final yet. We will confirm the number when the client has approved the list.",
    "Our client sends the invitations in May.",
])
def test_a_sections_number_is_not_the_number_of_guests(catalogue, section):
    body = f"3. Date and time\nThursday, June 10, 2027, 17:00-22:00.\n\n4. Participants\n{section}"
    found = check(catalogue.task("arrangement"), evidence(body))
    assert "guests" in found.missing


def test_a_count_under_a_numbered_section_is_the_number_of_guests(catalogue):
    body = "4. Participants\nAbout 200 participants are expected."
    found = check(catalogue.task("arrangement"), evidence(body))
    assert "guests" in found.have


# ---------------------------------------------------------------- a document only booked, in an attachment's form


def test_a_forms_answer_that_the_survey_is_ordered_is_no_survey(catalogue):
    form = ("ANMELDELSE AF NEDRIVNING\nEjendom: Frederikssundsvej 210, 2700 Brønshøj\n"
            "Kortlægning af farlige stoffer: bestilt, ikke udført endnu\nKontakt: Karsten Nielsen")
    sent = evidence("Skema vedlagt.", attachments=(("anmeldelse_nedrivning.docx", form),))
    assert "survey" in check(catalogue.task("nedrivning"), sent).missing


def test_a_forms_answer_that_the_survey_is_done_is_the_survey(catalogue):
    form = ("ANMELDELSE AF NEDRIVNING\nEjendom: Frederikssundsvej 210, 2700 Brønshøj\n"
            "Kortlægning af farlige stoffer: udført 2026, ingen PCB fundet\nKontakt: Karsten Nielsen")
    sent = evidence("Skema vedlagt.", attachments=(("anmeldelse_nedrivning.docx", form),))
    assert "survey" in check(catalogue.task("nedrivning"), sent).have


# ---------------------------------------------------------------- an aside in brackets, and a section's heading


def test_a_survey_with_an_aside_in_brackets_to_be_carried_out_is_not_given(catalogue):
    body = ("Demolition is planned for April 2027. A survey of hazardous substances (PCB, asbestos, lead) will be "
            "carried out by our consultant next week.")
    assert "survey" in check(catalogue.task("nedrivning"), evidence(body)).missing


def test_a_heading_whose_section_says_it_is_to_come_is_not_given(catalogue):
    body = ("2. Quantity\nApprox. 2,400 tonnes of excavated soil.\n\n3. Destination\n"
            "The receiving facility has not yet been chosen; we are awaiting prices from two facilities.")
    assert "destination" in check(catalogue.task("jordflytning"), evidence(body)).missing


def test_a_heading_whose_section_names_the_place_is_given(catalogue):
    body = "2. Quantity\nApprox. 2,400 tonnes of excavated soil.\n\n3. Destination\nRGS Nordic, Køge."
    assert "destination" in check(catalogue.task("jordflytning"), evidence(body)).have


# ---------------------------------------------------------------- a place in a building is no address


def test_a_place_in_the_building_and_a_head_office_elsewhere_give_no_address(catalogue):
    body = ("I forbindelse med ombygning af restaurantkøkkenet på vores hotel i Ørestad skal der etableres en ny "
            "fedtudskiller.\n   Type ............ Fedtudskiller, NS 4\n   Placering ....... Kælder under køkken")
    signature = "Med venlig hilsen\nHenrik Dalsgaard\nNordic Stay Hotels A/S\nKalvebod Brygge 5, 1560 København V"
    found = check(catalogue.task("spildevand"), evidence(body, signature, address="Kalvebod Brygge 5",
                                                         activity_location="Kælder under køkken"))
    assert "address" in found.missing


@pytest.mark.parametrize(("place", "in_a_building"), [
    ("Kælder under køkken", True),
    ("on the roof", True),
    ("i teknikrummet", True),
    ("Tagensvej", False),
    ("Tagensvej 12", False),
    ("Kvæsthusmolen", False),
    ("Kælder, Vesterbrogade 12", False),  # a street and number named
])
def test_a_part_of_a_building_is_no_place(place, in_a_building):
    assert implausible("activity_location", place) is in_a_building


# ---------------------------------------------------------------- extraction: an upper-case heading, a CVR field


def test_an_upper_case_heading_on_road_space_names_no_site():
    text = ("Dear Centre for Traffic,\n\nRE: TEMPORARY USE OF ROAD SPACE FOR A MOBILE CRANE\n\n"
            "The ventilation plant on the roof of our hotel is to be replaced.")
    found = extract_details([("body", text)], reference=date(2026, 11, 16))
    assert "activity_location" not in found


@pytest.mark.parametrize(("value", "cvr"), [
    ("under registrering (virksomheden skifter fra I/S til ApS pr. 1.1.2027)", None),
    ("12.34.56.78", "12345678"),
    ("12-34-56-78", "12345678"),
    ("DK 29 54 10 00", "29541000"),
])
def test_a_date_in_a_cvr_field_is_no_part_of_the_number(value, cvr):
    assert normalise_value("cvr", value, date(2026, 11, 16)).get("cvr") == cvr


def test_values_in_an_aside_are_given_before_what_is_still_missing(catalogue):
    body = ("Rasmus, til ansøgningen om udeservering for Café Nørreport (CVR 37313475, Nørre Farimagsgade 2, 1364 "
            "København K) mangler jeg stadig: P-nummer, antal m² og perioden.")
    found = check(catalogue.task("udeservering"), evidence(body, cvr="37313475", address="Nørre Farimagsgade 2"))
    assert {"cvr", "address"} <= set(found.have)


# ---------------------------------------------------------------- the kind said not known: the subject is a title


@pytest.mark.parametrize(("body", "given"), [
    ("Vi indretter et laboratorium. Vi ved endnu ikke, hvilken type afløb og eventuel forbehandling der bliver behov "
     "for – det afventer VVS-rådgiverens rapport.", False),
    ("Vi indretter et laboratorium på 4. sal og vil gerne i dialog med kommunen.", True),
])
def test_a_subject_naming_the_wastewater_over_a_body_saying_its_kind_is_unknown(catalogue, body, given):
    sent = evidence(body)
    sent = type(sent)(details=sent.details, texts=(("subject", "Spildevand fra nyt laboratorium"), *sent.texts),
                      attachments=sent.attachments, received=sent.received)
    assert ("wastewater" in check(catalogue.task("spildevand"), sent).have) is given
