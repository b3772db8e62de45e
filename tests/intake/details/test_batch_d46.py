"""Details in the voices of development batch d46: a tradesman's signature with its CVR typed in lower case, a business
named by the one who owns it or by what it is called where it opens, a name in brackets with its CVR, a chief's
letters, the one who "handles this", the bills sent to an accounting office, the old address a business leaves, and
outdoor seating from the day a business opens."""

from __future__ import annotations

from datetime import date

from intake.details import extract_details
from tests.intake.details.reading import body_at

REF = date(2026, 12, 5)
body = body_at(REF)


def sheets(*texts: tuple[str, str]) -> dict:
    found = extract_details(list(texts), {}, reference=REF, sender="x@example.dk")
    return {k: f.value for k, f in found.items()}


# ---------------------------------------------------------------- company names

def test_a_signature_line_over_a_lower_case_cvr_is_the_company():
    found = body("Hej\n\nVi skal bruge en container ud for Nansensgade 12 i næste uge.\n\nOle Brink Murer & Flise\n"
                 "cvr 12345674\nTlf 2233 4455\n")
    assert found["company_name"] == "Ole Brink Murer & Flise"


def test_who_owns_names_the_business_of_another():
    found = body("Hej\n\nJeg skriver for min mor, Lis Holm, som ejer Holms Blomster på Istedgade 20. Hun vil have "
                 "et nyt skilt.\n\nMvh\nKaren Holm\n")
    assert found["company_name"] == "Holms Blomster"


def test_who_owns_a_house_names_no_business():
    found = body("Hej\n\nJeg skriver for min mor, som ejer huset på Istedgade 20. Hun vil have et nyt skilt.\n\n"
                 "Mvh\nKaren Holm\n")
    assert "company_name" not in found


def test_opening_a_kind_of_shop_in_a_quarter_called_a_name():
    found = body("Hi,\n\nWe plan to open a tiny Greek bakery-bar in Nørrebro called Pita Pita. Which permits do we "
                 "need?\n\nBest,\nNikos Pappas\n")
    assert found["company_name"] == "Pita Pita"


def test_a_name_in_brackets_with_its_cvr_after_a_stall():
    found = body("Hello,\n\nMy dad runs a little sausage stall (Karls Pølser, CVR 12345674) and would like a place on "
                 "Gammeltorv in December.\n\nThanks,\nMia Karlsen\n")
    assert found["company_name"] == "Karls Pølser"


def test_a_place_in_brackets_after_a_stall_is_no_name():
    found = body("Hello,\n\nMy dad runs a little sausage stall (Gammeltorv 4) and would like a permit.\n\n"
                 "Thanks,\nMia Karlsen\n")
    assert "company_name" not in found


# ---------------------------------------------------------------- contacts

def test_contact_person_is_our_ceo_named_after_a_comma():
    found = body("Hi,\n\nWe'd like to hold a market on Israels Plads in May 2027.\n\nThe contact person for the market "
                 "is our CEO, Ulla Brandt (ulla@example.dk).\n\nCheers,\nTom Berg\nOffice Manager\n")
    assert found["contact_name"] == "Ulla Brandt"


def test_the_one_who_handles_this_is_the_contact():
    found = body("Dear Waste Team,\n\nWe would like glass collection at the hotel.\n\nOur caretaker Jonas Friis "
                 "handles this: jonas@example.dk, tel. 33 12 34 56.\n\nBest regards,\nAnna Krog\nFront Office\n")
    assert found["contact_name"] == "Jonas Friis"


def test_handles_this_case_of_wine_is_no_contact_cue():
    found = body("Hi,\n\nOur bartender Jonas Friis handles this wine list well and we want outdoor seating.\n\n"
                 "Best regards,\nAnna Krog\n")
    assert found["contact_name"] == "Anna Krog"


# ---------------------------------------------------------------- addresses

def test_invoices_to_the_accounting_office_are_neither_address_nor_site():
    found = body("Hi,\n\nOur shop is at Sankt Peders Stræde 12, 1453 København K.\n\nInvoices to our accounting "
                 "firm: Holm Revision, Nørre Voldgade 40, 1358 København K.\n\nBest,\nMike Hale\n")
    assert (found["address"], found["postcode"]) == ("Sankt Peders Stræde 12", "1453")
    assert "activity_location" not in found


def test_the_old_address_a_business_leaves_is_not_its_address():
    found = sheets(("body", "Hi,\n\nWe are moving the workshop to a bigger unit. We stay at the old address until "
                            "31 March: Enghavevej 20, 1674 København V.\n\nKim Larsen\n"),
                   ("attachment", "Virksomhed: Larsen Lak ApS\nNy adresse: Sydhavnsgade 30, 2450 København SV\n"))
    assert (found["address"], found["postcode"]) == ("Sydhavnsgade 30", "2450")


# ---------------------------------------------------------------- periods

def test_from_the_opening_to_an_end_starts_on_the_day_it_opens():
    found = body("Hej\n\nVi åbner Pizzeria Nord d. 1. marts i Frederikssundsvej 10. Vi søger om udeservering fra "
                 "åbningen til og med 30. september.\n\nMvh\nAli Khan\n")
    assert (found["period_from"], found["period_to"]) == ("2027-03-01", "2027-09-30")


def test_an_end_without_a_year_just_past_is_the_coming_one():
    found = body("Hej\n\nVi søger om udeservering til og med 31. oktober.\n\nMvh\nAli Khan\n")
    assert found["period_to"] == "2027-10-31"
