"""Details in the voices of development batch d40: short renewals, a tank given in cubic metres, a phone number
announced in passing, sole traders signing only with their business, businesses named after their own street."""

from __future__ import annotations

from datetime import date

from intake.details import extract_details
from tests.intake.details.reading import body_at, values_at

REF = date(2027, 1, 25)
values = values_at(REF)
body = body_at(REF)


def _from(sender: str, text: str) -> dict:
    found = extract_details([("body", text)], {}, reference=REF, sender=sender)
    return {k: f.value for k, f in found.items()}


# ---------------------------------------------------------------- litres

def test_a_tank_in_cubic_metres_is_its_litres():
    found = body("Hej\n\nVi ønsker at fjerne den gamle olietank i kælderen. Tanken er en indendørs ståltank på "
                 "6 kubikmeter.\n\nMed venlig hilsen\nLise Winther\nPension Nord ApS\n")
    assert found["litres"] == 6000


def test_cubic_metres_before_the_tank_are_its_litres():
    found = body("Hej\n\nVi skal sløjfe en nedgravet 2,5 m³ olietank i haven.\n\nMvh\nKarl Berg\n")
    assert found["litres"] == 2500


def test_a_containers_cubic_metres_are_no_litres():
    found = body("Hej\n\nVi skal have en 10 m³ container på vejen i forbindelse med at vi tømmer en tank.\n\n"
                 "Mvh\nKarl Berg\n")
    assert "litres" not in found


# ---------------------------------------------------------------- phone

def test_number_the_writer_says_he_has_is_the_phone():
    found = body("Goddag\n\nVi åbner et bageri.\n\nRing endelig hvis der mangler noget, jeg har nr. 51 23 88 70.\n\n"
                 "Venlig hilsen\nLars Brandt\n")
    assert found["phone"] == "51238870"


def test_my_number_is_gives_the_phone():
    found = body("Hej\n\nVi vil gerne have en stadeplads. Mit nummer er 42301766.\n\nMvh\nEmil Sand\n")
    assert found["phone"] == "42301766"


# ---------------------------------------------------------------- company and contact

def test_small_word_for_inside_a_sole_traders_name():
    found = body("Goddag\n\nJeg har en fodklinik på Valby Langgade 30, 2500 Valby.\n\nVenlig hilsen\nHanne Bech\n"
                 "Klinik for Fodterapi v/ Hanne Bech\n")
    assert found["company_name"] == "Klinik for Fodterapi v/ Hanne Bech"


def test_owner_of_a_sole_trader_is_the_contact_when_no_one_signs():
    found = body("Hej\n\nJeg sælger kaffe fra en ladcykel og vil gerne søge om en stadeplads på Israels Plads.\n\n"
                 "Cykelkaffe v/ Jonas Mørch\nCVR: 42469211\n+4561 33 20 98\n")
    assert found["contact_name"] == "Jonas Mørch"


def test_signer_over_the_owner_of_a_sole_trader():
    found = body("Hej\n\nVi vil gerne søge om udeservering.\n\nMvh\nAnna Holm\nCykelkaffe v/ Jonas Mørch\n")
    assert found["contact_name"] == "Anna Holm"


def test_one_word_signature_line_the_mailbox_begins_with_is_the_company():
    found = _from("kaffebaren.sht@gmail.com",
                  "Hej\n\nVi vil gerne søge om udeservering igen foran caféen på Sankt Hans Torv 26.\n\n"
                  "Fra 1. april til 30. september.\n\nMvh Mikkel\nKaffebaren\n")
    assert found["company_name"] == "Kaffebaren"


def test_signers_first_name_the_mailbox_begins_with_is_no_company():
    found = _from("michaelsen.tk@gmail.com",
                  "Hej\n\nVi vil gerne søge om udeservering igen foran caféen på Sankt Hans Torv 26.\n\n"
                  "Mvh\nMichael\n")
    assert found.get("company_name") != "Michael"


# ---------------------------------------------------------------- address and site

def test_property_of_a_business_named_after_its_street_is_its_address():
    found = body("Til Center for Bygninger\n\nPå vegne af bestyrelsen i A/B Strandlodsvej 11 anmelder jeg hermed "
                 "nedrivning af foreningens to garagebygninger i gården.\n\n"
                 "Ejendommen: Strandlodsvej 11, 2300 København S\nForeningens CVR-nr.: 77 19 02 36\n\n"
                 "Med venlig hilsen\nMichael Thorsen\n")
    assert (found.get("address"), found.get("postcode")) == ("Strandlodsvej 11", "2300")
    assert "activity_location" not in found


def test_property_of_a_business_named_after_another_street_is_the_site():
    found = body("Til Center for Miljøbeskyttelse\n\nPension Studiestræde ApS ønsker at fjerne olietanken i "
                 "kælderen under ejendommen Nørregade 12, 1165 København K.\n\nMed venlig hilsen\nLise Winther\n")
    assert found.get("activity_location", "").startswith("Nørregade 12")
