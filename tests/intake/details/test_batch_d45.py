"""Details in the voices of development batch d45: relatives and assistants writing for the owner, a work's start in
the present tense, a business's opening day, the office named apart from the site, and the premises told of by
another."""

from __future__ import annotations

from datetime import date

from tests.intake.details.reading import body_at

REF = date(2027, 1, 4)
body = body_at(REF)


# ---------------------------------------------------------------- periods

def test_starter_with_its_object_starts_the_period():
    found = body("Hej\n\nVi starter gravearbejdet 8. marts 2027 og er færdige 19. marts 2027.\n\nMvh\n"
                 "Peter Damsgaard\n")
    assert (found["period_from"], found["period_to"]) == ("2027-03-08", "2027-03-19")


def test_begynder_with_its_object_starts_the_period():
    found = body("Hej\n\nVi begynder nedrivningen 5. april 2027 og er færdige 30. april 2027.\n\nMvh\nTina Rahbek\n")
    assert (found["period_from"], found["period_to"]) == ("2027-04-05", "2027-04-30")


def test_the_day_a_shop_opens_from_is_no_period():
    found = body("Hej\n\nMin mor vil åbne en lille garnbutik på Smallegade 20, 2000 Frederiksberg, fra 1. marts. "
                 "Skal hun søge om noget?\n\nVenlig hilsen\nThomas Lund\n")
    assert "period_from" not in found and "period_to" not in found


def test_opening_outdoor_seating_from_and_to_is_still_a_period():
    found = body("Hej\n\nVi vil gerne åbne udeserveringen fra 1. april til 30. september 2027.\n\nMvh\nAnne Holm\n")
    assert (found["period_from"], found["period_to"]) == ("2027-04-01", "2027-09-30")


# ---------------------------------------------------------------- company names

def test_a_sole_proprietorship_named_after_a_comma():
    found = body("Hi,\n\nI'm writing for my mother. She runs a small sole proprietorship, Mama Thuy's Spring Rolls, "
                 "with her kitchen at Istedgade 88, 1650 København V.\n\nThanks,\nDaniel Nguyen\n")
    assert found["company_name"] == "Mama Thuy's Spring Rolls"


def test_his_shop_named_after_a_comma():
    found = body("Hej\n\nMin far vil gerne have et lille hængeskilt ved sin butik, Høst Ure, på Sølvgade 14, 1307 "
                 "København K. Skiltet er ca. 0,6 m².\n\nCVR: 16769061\n\nVenlig hilsen\nMarianne Høst\n")
    assert found["company_name"] == "Høst Ure"


# ---------------------------------------------------------------- addresses and sites

def test_his_shop_named_is_the_address_not_a_site():
    found = body("Hej\n\nMin far vil gerne have et lille hængeskilt ud over fortovet ved sin butik, Høst Ure, på "
                 "Sølvgade 14, 1307 København K.\n\nVenlig hilsen\nMarianne Høst\n")
    assert (found.get("address"), found.get("postcode")) == ("Sølvgade 14", "1307")
    assert "activity_location" not in found


def test_demolition_of_an_outbuilding_is_at_the_site():
    found = body("Hej\n\nPå vegne af vores bygherre, familien Krogh, søger vi om nedrivning af en fritliggende garage "
                 "og et udhus på ca. 30 m² på Peter Bangs Vej 104, 2000 Frederiksberg.\n\nMed venlig hilsen\nMikkel "
                 "Aagaard\nArkitekt, Aagaard Tegnestue\nGodthåbsvej 31, 2000 Frederiksberg\nCVR-nr. 20995947\n")
    assert found["address"] == "Godthåbsvej 31"
    assert found["activity_location"].startswith("Peter Bangs Vej 104")


def test_has_its_office_in_the_building_is_the_address():
    found = body("Hello,\n\nThe company owns and has its office in the building at Store Kongensgade 68, 1264 "
                 "København K, and wants to build a roof terrace of about 45 m² on the flat roof.\n\nKind regards\n"
                 "Nina Dahl\n")
    assert (found.get("address"), found.get("postcode")) == ("Store Kongensgade 68", "1264")
    assert "activity_location" not in found


def test_our_office_under_its_own_label_makes_the_labelled_address_the_site():
    found = body("Kære Erhvervsservice\n\nVi søger om nedrivning af baghuset.\n\nAdresse: Enghavevej 40, 2450 "
                 "København SV (baghuset)\nArbejdet foregår fra 5. april til 30. april 2027.\n\nAnsøger: Vestegnens "
                 "Nedbrydning ApS, CVR 28231024\nVores kontor: Halmtorvet 29, 1700 København V\n\nVenlig hilsen\n"
                 "Tina Rahbek\n")
    assert (found["address"], found["postcode"]) == ("Halmtorvet 29", "1700")
    assert found["activity_location"].startswith("Enghavevej 40")


def test_a_labelled_address_alone_stays_the_address():
    found = body("Hej\n\nVi søger om et skilt.\n\nAdresse: Enghavevej 40, 2450 København SV\n\nVenlig hilsen\n"
                 "Tina Rahbek\n")
    assert found["address"] == "Enghavevej 40"
