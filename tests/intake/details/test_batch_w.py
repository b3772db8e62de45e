"""Details in the voices of development batch w and probe x: forms and letters as attachments, with site fields that
name a place and a spot in it, two-column lines run together, checkbox lines, question labels, letterheads, agents."""

from __future__ import annotations

import time
from datetime import date

import pytest

from intake.details import extract_details
from intake.details.labels import label_key
from intake.details.names import designated_contact, find_contact
from intake.details.periods import find_period
from intake.details.text import labelled_values

REF = date(2027, 1, 15)


def values(text: str, fields: dict[str, str] | None = None, sources: list[tuple[str, str]] | None = None,
           sender_name: str = "") -> dict:
    texts = sources if sources is not None else [("body", text)]
    found = extract_details(texts, fields or {}, reference=REF, sender="x@example.dk", sender_name=sender_name)
    return {k: f.value for k, f in found.items()}


# ---------------------------------------------------------------- where the activity is

@pytest.mark.parametrize(("written", "site"), [
    ("Sankt Hans Torv, ved springvandet", "Sankt Hans Torv"),
    ("Fælledparken, the lawn by Edel Sauntes Allé", "Fælledparken"),
    ("Blegdamsvej, strækningen mellem nr. 3 og nr. 23", "Blegdamsvej 3-23"),
    ("Ud for nr. 5 i Bogtrykkervej", "Bogtrykkervej 5"),
    ("Tagensvej ud for nr. 86", "Tagensvej 86"),
    ("Jægersborggade 45, st. tv", "Jægersborggade 45, st. tv"),
])
def test_a_site_field_names_the_place_not_the_spot_in_it(written, site):
    assert values("", {"Placering": written})["activity_location"] == site


@pytest.mark.parametrize("written", ["På fortovet foran caféen", "On the pavement in front of our pub",
                                     "our own yard and the pavement in front of the brewery"])
def test_a_site_field_that_names_no_place_is_the_business_s_own(written):
    assert "activity_location" not in values("", {"Hvor ønskes udeserveringen placeret?": written})


def test_the_street_in_front_of_the_own_house_is_no_site():
    found = values("", {"Adresse": "Sjællandsgade 62, 2200 København N",
                        "Hvor": "Skolegården og Sjællandsgade ud for skolen"})
    assert found["address"] == "Sjællandsgade 62" and "activity_location" not in found


def test_a_number_outside_on_a_street_in_running_text_is_the_site():
    text = "We need a skip in the road outside no. 5 Willemoesgade from 14 to 25 June 2027."
    assert values(text)["activity_location"] == "Willemoesgade 5"


@pytest.mark.parametrize("label", ["Byggeadresse", "Event address", "Ønsket placering", "Adresse på stedet"])
def test_labels_that_name_the_site(label):
    assert label_key(label) == "activity_location"


def test_a_country_is_no_site():
    assert "activity_location" not in values("Trading address in Denmark: Vesterbrogade 3, 1620 København V")


# ---------------------------------------------------------------- form layouts

def test_a_two_column_line_run_together_is_read_as_two_fields():
    found = labelled_values("Virksomhed: Nordic Lift Rental A/S CVR: 41814306\n"
                            "Kontakt: Søren Vestergaard E-mail: sv@nordiclift.dk", REF)
    assert found["company_name"] == "Nordic Lift Rental A/S" and found["cvr"] == "41814306"
    assert found["contact_name"] == "Søren Vestergaard" and found["contact_email"] == "sv@nordiclift.dk"


def test_a_checkbox_line_is_neither_a_label_nor_a_heading():
    found = labelled_values("☒ Stadeplads   ☐ Udeservering   ☐ Arrangement\nAdresse: Nannasgade 4, 2200 København N",
                            REF)
    assert found.get("address") == "Nannasgade 4" and "activity_location" not in found


@pytest.mark.parametrize(("label", "key"), [
    ("Hvem søger? (firma)", "company_name"),
    ("Hvad hedder firmaet?", "company_name"),
    ("Hvor holder firmaet til?", "address"),
    ("Ansvarlig på dagen", "contact_name"),
    ("Person responsible", "contact_name"),
    ("Navn på ansøger", "contact_name"),
    ("Legal entity", "company_name"),
    ("Shop name", "company_name"),
    ("Vejnavn", "address"),
    ("Rådgivers adresse", "agent_address"),
])
def test_labels_in_other_words(label, key):
    assert label_key(label) == key


@pytest.mark.parametrize(("value", "key"), [("Tømrerfirmaet Birk", "company_name"), ("Anders Birk", "contact_name")])
def test_a_name_or_company_label_is_decided_by_its_value(value, key):
    assert key in values("", {"Ansøgers navn / firma": value})


def test_the_legal_entity_wins_over_a_trading_name():
    found = values("", {"Trading name": "The Crooked Anchor", "Legal entity": "Crooked Anchor Pub ApS"})
    assert found["company_name"] == "Crooked Anchor Pub ApS"


def test_an_adviser_s_address_is_not_the_business_s():
    found = values("", {"Bygherre": "Café Langelinie ApS",
                        "Rådgivers adresse": "Store Kongensgade 40, 1264 København K",
                        "Byggeriets adresse": "Langelinie Allé 2, 2100 København Ø"})
    assert "address" not in found and "postcode" not in found


def test_an_organisation_under_a_person_label_is_the_company():
    found = values("Ansøger\nForældreforeningen ved Guldberg Skole\n\nKontaktperson\nRikke Aagaard\n")
    assert found["company_name"] == "Forældreforeningen ved Guldberg Skole" and found["contact_name"] == "Rikke Aagaard"


# ---------------------------------------------------------------- who to contact

@pytest.mark.parametrize(("text", "contact"), [
    ("Our line producer Maja Lindqvist (+45 31 77 20 64, maja@x.dk) will\nbe the contact.\n\nYours faithfully\n"
     "Henrik Aalund\n", "Maja Lindqvist"),
    ("Spørgsmål kan rettes direkte til indehaver Lars Nissen på 30 42 18 77.\n\nVenlig hilsen\nBirthe Kamp\n",
     "Lars Nissen"),
    ("Klientens kontaktperson er indehaver Frederik Kork, tlf. 22 70 35 81.\n\nMed venlig hilsen\nCamilla Rosing\n",
     "Frederik Kork"),
    ("Please contact our facility manager, Henrik Toft, on +45 33 45 90 00.\n\nSincerely,\nHotel Nørreport\n",
     "Henrik Toft"),
])
def test_a_person_named_as_the_contact(text, contact):
    assert designated_contact(text) == contact


def test_a_contact_named_in_an_attachment_wins_over_the_cover_mail_s_signer():
    found = values("", sources=[("body", "Se vedhæftede brev.\n\nMed venlig hilsen\nAdvokat Camilla Rosing\n"),
                                ("brev.pdf", "Klientens kontaktperson er indehaver Frederik Kork.\n")])
    assert found["contact_name"] == "Frederik Kork"


def test_a_name_with_its_phone_on_the_last_line():
    assert find_contact("hej\nvil gerne sælge honning.\nUlla Ravn 26 51 44 09\n") == "Ulla Ravn"


def test_a_label_before_a_date_is_no_name():
    assert find_contact("Navn | Klaus Winther\nPeriode | 1. maj - 31. august 2027\n") != "Periode"


@pytest.mark.parametrize("sender", ["Ejendomskontoret Ryparken", "Front Office", "Rørteam Drift"])
def test_an_office_that_signs_is_no_person(sender):
    assert "contact_name" not in values("Hej\nSe vedlagte.\nMvh Ejendomskontoret\n", sender_name=sender)


# ---------------------------------------------------------------- periods, amounts, agents

@pytest.mark.parametrize(("text", "start", "end"), [
    ("a mobile crane outside Strandvejen 120 for one day, 22 April 2027, to lift a heat pump", "2027-04-22",
     "2027-04-22"),
    ("Periode: Hele året 2027", "2027-01-01", "2027-12-31"),
    ("2 tables outside on sidewalk in front of shop, april to october 2027.", "2027-04-01", "2027-10-31"),
    ("København, 2. februar 2027\n\nVi holder gudstjeneste på pladsen foran kirken søndag\nden 13. juni 2027 kl. 10.",
     "2027-06-13", "2027-06-13"),
])
def test_periods_in_other_words(text, start, end):
    period = find_period(text, REF)
    assert (str(period.start), str(period.end)) == (start, end)


def test_a_start_after_a_table_bar():
    assert values("Ordningen ønskes fra | 1. februar 2027")["period_from"] == "2027-02-01"


def test_a_whole_year_is_not_an_area():
    assert find_period("hele 2000 m2 af grunden", REF).start is None


def test_a_crew_is_not_guests():
    assert "guests" not in values("We will film on 8 March 2027. The crew is 12 people.")


def test_a_by_b_metres_is_an_area():
    assert values("The truck takes up 2.5 by 6 metres.")["area_m2"] == 15


def test_the_client_s_premises_named_by_an_agent_are_the_address():
    text = ("ROSING ADVOKATER\nAmaliegade 22, 1256 København K\n\nPå vegne af vores klient, Vinbaren Kork ApS, "
            "Værnedamsvej 6, 1619 København V, ansøger vi om udeservering.\n\nMed venlig hilsen\nCamilla Rosing\n")
    found = values(text)
    assert (found["address"], found["postcode"]) == ("Værnedamsvej 6", "1619")


def test_a_company_name_with_fra_before_its_cvr():
    assert values("Vi er musikforeningen Toner fra Nord (CVR 92955559).")["company_name"] == "Toner fra Nord"


# ---------------------------------------------------------------- hostile text

@pytest.mark.parametrize("text", [
    "☐ a " * 200_000,
    ("Kontakt: " + "Ib Holm " * 40 + "E-mail: x@y.dk\n") * 2_000,
    "Ulla Ravn " * 100_000,
    ("København, den " * 50 + "2. februar 2027\n") * 500,
    "På vegne af " + "Aa " * 300_000,
    ("Maja Lind (" + "x" * 70 + ") will be the contact. ") * 2_000,
])
def test_the_new_patterns_take_linear_time(text):
    started = time.perf_counter()
    extract_details([("body", text)], {}, reference=REF)
    assert time.perf_counter() - started < 15.0


def test_the_first_line_of_a_letterhead_with_a_cvr_names_the_business():
    text = ("Sankt Stefans Kirke\nMenighedsrådet\nNørrebrogade 191\n2200 København N\nCVR 85682679\n\n"
            "Vi ønsker at holde friluftsgudstjeneste.\n\nMed venlig hilsen\nPoul Nørgaard\n")
    assert values(text)["company_name"] == "Sankt Stefans Kirke"


def test_a_greeting_is_no_letterhead():
    assert values("Hej Byliv\nVi er Jazzklubben Blå Tone (CVR 92955559).\n")["company_name"] == "Jazzklubben Blå Tone"


# ---------------------------------------------------------------- probe y

@pytest.mark.parametrize(("label", "key"), [
    ("Adresse (hvor arbejdet udføres)", "activity_location"),
    ("Ønsket salgssted", "activity_location"),
    ("Business premises", "address"),
    ("Adresse (gade, nr., etage)", "address"),
    ("Telefon (dagtimer)", "phone"),
])
def test_labels_read_with_their_brackets_and_wishes(label, key):
    assert label_key(label) == key


def test_a_site_field_outside_our_own_shop_is_the_address():
    text = ("Nordic Eyewear ApS\nVesterbrogade 50, 1620 København V · CVR 58596566\n\n"
            "Location: outside our shop at Vesterbrogade 50, 1st floor level\n")
    found = values(text)
    assert found["address"] == "Vesterbrogade 50" and "activity_location" not in found


def test_an_address_under_a_work_site_heading_is_the_site():
    text = ("1. Ansøger\nFirma: Ebbesen Entreprise A/S\nAdresse: Islevdalvej 142, 2610 Rødovre\n\n"
            "2. Arbejdsstedet\nAdresse: Bellahøjvej 1, 2700 Brønshøj\n")
    found = values(text)
    assert (found["address"], found["activity_location"]) == ("Islevdalvej 142", "Bellahøjvej 1, 2700 Brønshøj")


def test_an_association_named_after_its_house_and_its_care_of_address():
    text = ("Ejerforeningen Holmbladsgade 70\nc/o DEAS A/S, Dirch Passers Allé 76, 2000 Frederiksberg\n"
            "CVR 56602852\n\nVi søger om stillads på fortovet foran ejendommen Holmbladsgade 70, 2300 København S.\n")
    found = values(text)
    assert found["company_name"] == "Ejerforeningen Holmbladsgade 70"
    assert (found["address"], found["postcode"]) == ("Dirch Passers Allé 76", "2000")
    assert found["activity_location"].startswith("Holmbladsgade 70")
