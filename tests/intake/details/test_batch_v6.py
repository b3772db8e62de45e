"""Details in the voices of development batch v6: forms with other labels ("Ansøgers navn", "Sted for aktiviteten",
"Dates required", "Etage/side"), tables with a header row, letters with a letterhead and a signer's own phone, and
periods written as months with their years or as two dates around a slash."""

from __future__ import annotations

from datetime import date

import pytest

from intake.details import extract_details
from intake.details.periods import Period, find_period
from intake.details.sites import find_addresses
from intake.details.text import labelled_values

REF = date(2027, 3, 8)


def values(text: str, fields: dict[str, str] | None = None) -> dict:
    found = extract_details([("body", text)], fields or {}, reference=REF, sender="x@example.dk")
    return {k: f.value for k, f in found.items()}


# ---------------------------------------------------------------- periods

@pytest.mark.parametrize(("written", "start", "end"), [
    ("Tidsrum: juni 2027 - august 2027", date(2027, 6, 1), date(2027, 8, 31)),
    ("hver lørdag, juni 2027 - august 2027", date(2027, 6, 1), date(2027, 8, 31)),
    ("Dates required: June 2027 – August 2027", date(2027, 6, 1), date(2027, 8, 31)),
    ("from June 2027 to August 2027", date(2027, 6, 1), date(2027, 8, 31)),
    ("fra november 2027 til februar 2028", date(2027, 11, 1), date(2028, 2, 29)),
])
def test_a_range_of_months_each_with_its_year_is_whole_months(written, start, end):
    assert find_period(written, REF) == Period(start, end)


@pytest.mark.parametrize(("written", "start", "end"), [
    ("Start-/slutdato: 01.06.27 / 31.08.27", date(2027, 6, 1), date(2027, 8, 31)),
    ("Start-/slutdato: 15. maj 2027 / 15. september 2027", date(2027, 5, 15), date(2027, 9, 15)),
])
def test_two_dates_around_a_slash_are_a_range(written, start, end):
    assert find_period(written, REF) == Period(start, end)


def test_slashes_inside_dates_still_read_as_dates():
    assert find_period("Periode: 1/6/2027 - 30/6/2027", REF) == Period(date(2027, 6, 1), date(2027, 6, 30))


# ---------------------------------------------------------------- labels

@pytest.mark.parametrize(("label", "value", "key", "expected"), [
    ("Ansøgers navn", "Løbeklubben Amager Runners", "company_name", "Løbeklubben Amager Runners"),
    ("Ansøgers navn", "Foreningen KBH Jazz Live", "company_name", "Foreningen KBH Jazz Live"),
    ("Applicant", "Ahmed's Grocery", "company_name", "Ahmed's Grocery"),
    ("Ansøger", "Mette Sommer", "contact_name", "Mette Sommer"),
    ("Applicant", "Bolt & Beam Construction ApS", "company_name", "Bolt & Beam Construction ApS"),
])
def test_the_applicant_field_is_a_person_or_a_business_as_its_value_tells(label, value, key, expected):
    found = values("", {label: value})
    assert found[key] == expected
    assert ("contact_name" if key == "company_name" else "company_name") not in found


def test_a_sole_trader_in_the_applicant_field_gives_the_business_and_its_owner():
    found = values("", {"Ansøgers navn": "Is & Vafler v/ Lone Brink"})
    assert found["company_name"] == "Is & Vafler v/ Lone Brink"
    assert found["contact_name"] == "Lone Brink"


@pytest.mark.parametrize("label", ["Organisation number", "Company no.", "Org. nr."])
def test_an_organisation_or_company_number_field_is_the_cvr(label):
    assert values("", {label: "58753661"})["cvr"] == "58753661"


def test_spectators_are_guests():
    assert values("", {"Expected spectators": "2,000"})["guests"] == 2000


@pytest.mark.parametrize("label", ["Dates required", "Required dates"])
def test_dates_required_is_the_period(label):
    found = values("", {label: "14/06/2027 – 25/06/2027"})
    assert (found["period_from"], found["period_to"]) == ("2027-06-14", "2027-06-25")


def test_a_floor_field_may_hold_the_side():
    found = values("", {"Vejnavn": "Stefansgade", "Husnummer": "9B", "Etage/side": "st. tv",
                        "Postnr. og by": "2200 København N"})
    assert found["address"] == "Stefansgade 9B, st. tv"


@pytest.mark.parametrize("same", ["Samme som ovenfor", "As applicant address", "Same as above", "Som ansøger"])
def test_a_site_field_pointing_back_to_the_address_is_no_site(same):
    found = values("", {"Virksomhedens adresse": "Nørrebrogade 56, st., 2200 København N",
                        "Sted for aktiviteten": same})
    assert found["address"] == "Nørrebrogade 56, st."
    assert "activity_location" not in found


def test_a_wished_for_thing_that_is_a_place_is_the_site():
    found = values("", {"Adresse": "Fælledvej 5, 2200 København N",
                        "Ønsket serveringsareal": "Sankt Hans Torv, ud for restauranten"})
    assert found["activity_location"] == "Sankt Hans Torv"


def test_a_customers_address_in_a_contractors_form_is_the_site():
    found = values("VVS-firmaet Rørkjær ApS\nFrederikssundsvej 210, 2700 Brønshøj\n"
                   "Kunde: Familien Hald, Kirkebjerg Allé 34, 2720 Vanløse\n")
    assert found["activity_location"].startswith("Kirkebjerg Allé 34")
    assert found["address"] == "Frederikssundsvej 210"


@pytest.mark.parametrize("label", ["Billing address", "Trader's home address", "Ansøgers bopæl"])
def test_home_and_billing_address_fields_are_the_business_address(label):
    assert values("", {label: "Vigerslev Allé 77, 2500 Valby"})["address"] == "Vigerslev Allé 77"


# ---------------------------------------------------------------- tables

def test_a_header_row_of_labels_names_the_cells_of_the_row_below():
    found = labelled_values("Ønskede pladser og datoer:\nSted | Dato | Tid\n"
                            "Gammel Strand | 1/6-2027 – 30/6-2027 | 11-19", REF)
    assert found["activity_location"] == "Gammel Strand"
    assert (found["period_from"], found["period_to"]) == ("2027-06-01", "2027-06-30")


def test_a_row_of_labels_above_a_row_of_other_labels_is_no_header():
    assert "activity_location" not in labelled_values("Sted | Dato | Tid\nTelefon | E-mail | CVR", REF)


# ---------------------------------------------------------------- the signer's own phone

@pytest.mark.parametrize("letter", [
    "VVS-firmaet Rørkjær ApS\nFrederikssundsvej 210, 2700 Brønshøj\nCVR 39118300 · Tlf. 38 28 14 70\n"
    "Anmeldelse af sløjfning af olietank\nTanken sløjfes.\nMed venlig hilsen\nRasmus Kjær\nMontør, mobil 28 90 45 17",
    "Advokatfirmaet Brink & Høst\nBredgade 30, 1260 København K\nTlf. 38 28 14 70\nAnsøgning om stadeplads\n"
    "Henvendelser bedes rettet til undertegnede, direkte telefon 28 90 45 17.\nMed venlig hilsen\nCecilie Brink",
])
def test_the_signers_direct_or_mobile_phone_wins_over_the_letterhead(letter):
    assert values(letter)["phone"] == "28904517"


def test_a_letterhead_phone_stays_when_the_signature_gives_none():
    letter = ("Lykkes Juletræer ApS\nTlf. 40 55 12 90\nAnsøgning om salg af juletræer\nVi søger om en stadeplads.\n"
              "Med venlig hilsen\nKarsten Lykke")
    assert values(letter)["phone"] == "40551290"


# ---------------------------------------------------------------- letters: whose address

def test_a_registered_address_wrapped_over_two_lines_is_the_business_address():
    found = find_addresses("Studio Vang Architects\nAmaliegade 15, 1256 Copenhagen K\n"
                           "On behalf of our client, Harbour Bakery ApS (CVR 34113386), whose registered address\n"
                           "is Strandvejen 140, 2900 Hellerup, we apply for a permit for an extension of the bakery\n"
                           "at Islands Brygge 21, 2300 Copenhagen S.\nKind regards,\nJonas Vang")
    assert (found["address"], found["activity_location"]) == ("Strandvejen 140", "Islands Brygge 21, 2300 København S")


def test_a_company_line_under_a_heading_does_not_hear_the_heading():
    found = find_addresses("Ansøgning om lift på fortov\nIbsens Vinduespudsning, Glentevej 22, 2400 København NV, "
                           "CVR 34124183\nVi skal pudse vinduer på kontorhuset Kalvebod Brygge 39, 1560 København V.")
    assert found["address"] == "Glentevej 22"


def test_a_letterhead_ends_at_the_recipient_without_a_blank_line():
    found = find_addresses("Kaffekompagniet A/S\nVesterbrogade 149, 4. th\n1620 København V\nCVR-nr. 73229340\n"
                           "Københavns Kommune\nByliv og Arrangementer\n3. marts 2027\n"
                           "Vi åbner en ny butik på Valby Langgade 61, 2500 Valby, og ansøger om udeservering.")
    assert found["address"] == "Vesterbrogade 149, 4. th"
    assert found["activity_location"] == "Valby Langgade 61, 2500 Valby"


def test_another_address_in_a_letter_with_its_own_in_the_letterhead_is_the_site():
    found = find_addresses("Gelato Bella ApS\nGothersgade 21\n1123 København K\nCVR 54531540\nDear City Life team,\n"
                           "This summer we will run an ice-cream counter at Nyhavn 2 (corner of Holbergsgade).\n"
                           "Warm regards,\nMarco Ferri")
    assert (found["address"], found["activity_location"]) == ("Gothersgade 21", "Nyhavn 2")


def test_the_work_named_by_its_noun_before_an_address_names_the_site():
    found = find_addresses("Hartmann Demolition ApS\nRegistered office: Avedøreholmen 84, 2650 Hvidovre\n"
                           "Re: Demolition of garage building, Valby Langgade 201, 2500 Valby\nWe will demolish it.")
    assert (found["address"], found["activity_location"]) == ("Avedøreholmen 84", "Valby Langgade 201, 2500 Valby")


def test_an_agents_client_premises_named_by_a_definite_noun_are_the_address():
    found = find_addresses("Tegnestuen Krog & Lund\nStrandgade 27B, 2. th, 1401 København K\n"
                           "På vegne af bygherre Bageriet Kornet ApS (CVR 29202524) søger vi om tilladelse til at "
                           "opsætte et skilt på facaden af bageriet i Blågårdsgade 14, st., 2200 København N.")
    assert found["address"] == "Blågårdsgade 14, st."
    assert "activity_location" not in found


# ---------------------------------------------------------------- identifiers, streets, companies, contacts

@pytest.mark.parametrize("written", ["Company no. 26503701", "Organisation number: 26503701"])
def test_a_company_or_organisation_number_in_text_is_the_cvr(written):
    assert values(f"Hartmann Demolition ApS\n{written}\n")["cvr"] == "26503701"


def test_the_word_company_before_a_number_is_no_cvr_label():
    assert "cvr" not in values("The company 26503701 is not ours.")


def test_a_place_name_ending_in_bjerg_may_stand_before_a_one_word_street():
    assert values("Kontor: Kirkebjerg Parkvej 12, 2605 Brøndby")["address"] == "Kirkebjerg Parkvej 12"


def test_a_letterhead_name_may_hold_small_words():
    found = values("Cykelværkstedet på Hjørnet\nv/ Anders Bøgh\nGriffenfeldsgade 27\n2200\nKøbenhavn N\n"
                   "CVR: 27475426\nJeg søger om et cykelstativ.\nMed venlig hilsen\nAnders Bøgh")
    assert found["company_name"] == "Cykelværkstedet på Hjørnet"


def test_two_people_joined_by_og_in_a_letterhead_are_no_company():
    assert "company_name" not in values("Anders Bøgh og Ib Holm\nGriffenfeldsgade 27\nCVR: 27475426\n")


@pytest.mark.parametrize("letter", [
    "The project manager is Signe Bech Thorsen, mobile +45 61 30 27 55, who will be your contact.\n"
    "Yours faithfully,\nKasper Lind",
    "Our project manager, Signe Bech Thorsen (+45 61 30 27 55, sbt@x.dk), is your point of contact.\n"
    "Sincerely,\nKasper Lind\nCEO",
    "Questions: our dispatcher Signe Bech Thorsen, tel. 70 25 25 10.\nBest regards\nViking Movers",
])
def test_the_person_a_letter_names_as_the_contact_wins_over_the_signer(letter):
    assert values(letter)["contact_name"] == "Signe Bech Thorsen"


# ---------------------------------------------------------------- one side of a period, a date after a street

def test_a_completion_date_after_by_ends_the_period():
    assert find_period("Work is planned to begin 10.05.2027 and to be completed by 04.06.2027.", REF) == Period(
        date(2027, 5, 10), date(2027, 6, 4))


@pytest.mark.parametrize("written", ["Sløjfningen udføres 1/6-2027.", "The removal will be carried out on 1.6.2027."])
def test_the_day_the_work_is_carried_out_is_the_period(written):
    assert find_period(written, REF) == Period(date(2027, 6, 1), date(2027, 6, 1))


def test_a_day_and_month_after_a_street_is_no_house_number():
    found = values("Mobilkran Amagerfælledvej 22/4")
    assert found.get("activity_location") != "Amagerfælledvej 22"
    assert found.get("address") != "Amagerfælledvej 22"


# ---------------------------------------------------------------- probe v6-p: after the batch's fixes

def test_a_place_by_a_street_is_the_place():
    assert values("", {"Aktivitetens adresse": "Nørrebroparken ved Jagtvej"})["activity_location"] == "Nørrebroparken"


def test_a_spot_over_the_door_names_no_site():
    found = values("", {"Salonens adresse": "Vesterfælledvej 9B, st. tv, 1750 København V",
                        "Skiltets placering": "Over indgangen"})
    assert "activity_location" not in found


def test_a_registration_number_field_is_the_cvr():
    assert values("", {"Reg. no.": "98570942"})["cvr"] == "98570942"


def test_a_direct_line_in_the_signature_wins_over_the_letterhead():
    letter = ("Nordic Theatre Collective\nAdmiralgade 20, 1. th\n1066 Copenhagen K\nCVR 87924483 · Tel. 33 12 04 50\n"
              "We would like to perform in Kongens Have.\nBest wishes,\nEmma Lauridsen\nDirect line +45 28 15 90 66")
    assert values(letter)["phone"] == "28159066"


def test_a_district_may_stand_before_a_one_word_street():
    assert values("Avedøre Tværvej 30\n2650 Hvidovre\nCVR 48227589\n")["address"] == "Avedøre Tværvej 30"


@pytest.mark.parametrize("text", ["Stall at Vesterbro Festival", "We would like a stall at the Vesterbro festival."])
def test_an_event_named_after_a_district_is_no_site(text):
    assert "activity_location" not in values(text)


def test_the_clients_address_is_the_site_when_the_site_field_points_to_it():
    found = values("Udførende: Kloak & Rør ApS, Islevdalvej 142, 2610 Rødovre\nCVR: 45573451\n"
                   "Bygherre: Andelsboligforeningen Birkebo, Birkedommervej 31, 2400 København NV\n"
                   "Arbejdssted: Samme som bygherre\n")
    assert found["activity_location"].startswith("Birkedommervej 31")


def test_a_site_field_wins_over_the_clients_address():
    found = values("", {"Bygherre": "Andelsboligforeningen Birkebo, Birkedommervej 31, 2400 København NV",
                        "Arbejdssted": "Tomsgårdsvej 34, 2400 København NV"})
    assert found["activity_location"].startswith("Tomsgårdsvej 34")


def test_a_client_named_without_an_address_gives_no_site():
    assert "activity_location" not in values("", {"Bygherre": "Café Langelinie ApS"})


# ---------------------------------------------------------------- probe v6-q: after probe v6-p's fixes

def test_how_many_do_you_expect_is_the_guests():
    assert values("Hvor mange forventer I?\nCa. 200\n")["guests"] == 200


@pytest.mark.parametrize(("label", "key", "value"), [
    ("Organising body", "company_name", "Run for Kids Denmark"),
    ("Expected runners", "guests", 1500),
])
def test_other_event_form_labels(label, key, value):
    assert values("", {label: str(value) if key == "guests" else value})[key] == value


@pytest.mark.parametrize("label", ["Site supervisor", "Kontakt på pladsen", "Ansvarlig for arbejdet"])
def test_the_person_in_charge_on_the_spot_is_the_contact_not_a_site(label):
    found = values(f"{label}: formand Dennis Brandt, +45 51 22 83 06\n")
    assert found["contact_name"] == "Dennis Brandt"
    assert "activity_location" not in found


def test_a_labelled_contact_in_an_attachment_wins_over_the_cover_mail_signer():
    found = extract_details([("body", "Please see attached.\nKind regards,\nTom Hughes"),
                             ("licence.pdf", "Scaffolding licence\nSite supervisor: Dennis Brandt, +45 51 22 83 06")],
                            reference=REF, sender="tom@x.dk")
    assert found["contact_name"].value == "Dennis Brandt"


def test_a_phone_under_a_title_line_is_no_contact_name():
    found = values("Regards\nPiotr Nowak\nSite manager\nMob. +45 91 88 23 10")
    assert found["contact_name"] == "Piotr Nowak"


def test_the_corner_of_two_streets_is_a_site():
    found = values("Radius Entreprise A/S\nCVR 17255886\nLautruphøj 1-3, 2750 Ballerup\nKøbenhavns Kommune\n"
                   "Vi skal flytte et elskab i fortovet på hjørnet af Tagensvej og Jagtvej.")
    assert found["activity_location"] == "Tagensvej og Jagtvej"  # both streets, as written (batch v5's convention)


def test_work_at_a_customers_is_the_site():
    found = values("Jeg skal sløjfe en olietank hos en kunde på Hyltebjerg Allé 22, 2720 Vanløse.\n"
                   "Hilsen Preben Lund\nLund VVS & Blik\nSlotsherrensvej 215\n2610 Rødovre")
    assert found["activity_location"].startswith("Hyltebjerg Allé 22")
    assert found["address"] == "Slotsherrensvej 215"


def test_a_to_line_ends_the_letterhead():
    found = find_addresses("NordScaff Denmark ApS\nRegistered in Denmark, CVR 88658914\n"
                           "Havnegade 39, 3., 1058 Copenhagen K\nTo: City of Copenhagen, Roads Department\n"
                           "Scaffolding licence – Bredgade 63\nWe apply to erect a scaffold with a walkway\n"
                           "at Bredgade 63, 1260 Copenhagen K.")
    assert (found["address"], found["activity_location"]) == ("Havnegade 39, 3.", "Bredgade 63")


def test_a_one_line_letterhead_names_the_business():
    found = values("Malerfirmaet Sommer · Toftegårds Allé 12 · 2500 Valby · CVR 49411340\nAnsøgning om lift\n")
    assert found["company_name"] == "Malerfirmaet Sommer"


@pytest.mark.parametrize("text", [
    "I would like to sell tulips from a stall outside Torvehallerne on Fridays from March to May 2027.",
    "Vi vil gerne sælge kaffe fra en vogn foran Kødbyhallen i juni 2027.",
])
def test_a_hall_named_by_itself_is_a_site(text):
    assert values(text)["activity_location"] in ("Torvehallerne", "Kødbyhallen")
