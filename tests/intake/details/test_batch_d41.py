"""Details in the voices of development batch d41: businesses writing in English to the municipality (a separator
sized in cubic metres, night work over a weekend, a contractor field answered in a sentence, owners' names with a
particle, trades named by what they do)."""

from __future__ import annotations

from datetime import date

from tests.intake.details.reading import body_at

REF = date(2027, 1, 7)
body = body_at(REF)


# ---------------------------------------------------------------- litres

def test_separator_sized_in_cubic_metres_is_its_litres():
    found = body("Dear Sir or Madam,\n\nWe apply for a discharge permit for our new car wash at Frederikssundsvej 210, "
                 "2400 København NV.\n\nThe wash water passes a sand trap and an oil separator of 3 m³ (class I) "
                 "before it is discharged to the public sewer. Estimated water use is approx. 1,200 m³ per year.\n\n"
                 "Kind regards,\nMikkel Jeppesen\nCleanDrive Danmark A/S\n")
    assert found["litres"] == 3000


def test_a_years_water_in_cubic_metres_is_no_tank():
    found = body("Dear Sir or Madam,\n\nWe apply for a discharge permit for our car wash at Frederikssundsvej 210. "
                 "The wash water passes a sludge trap (4 m³) before the sewer. Estimated water use is approx. "
                 "1,200 m³ per year.\n\nKind regards,\nMikkel Jeppesen\nCleanDrive Danmark A/S\n")
    assert "litres" not in found


# ---------------------------------------------------------------- company

def test_contractor_answered_in_a_sentence_is_no_company():
    found = body("Dear Centre for Traffic,\n\nNordhavn Kabel ApS hereby applies for an excavation permit.\n\n"
                 "Period: June 7th-18th, 2027\nContractor: we do the digging ourselves with our own crews.\n\n"
                 "Company details:\nNordhavn Kabel ApS\nCVR no. 51212738\n\nBest regards\nLars Winther\n")
    assert found["company_name"] == "Nordhavn Kabel ApS"


def test_sole_trader_whose_owner_has_a_particle():
    found = body("Hello,\n\nI would like to apply for a small projecting sign next to the front door.\n\n"
                 'The clinic is registered as "Tandlægerne Østerbro v/ Pieter de Vries", CVR 97276137.\n\n'
                 "Kind regards,\nPieter de Vries, DDS\n")
    assert found["company_name"] == "Tandlægerne Østerbro v/ Pieter de Vries"


# ---------------------------------------------------------------- periods

def test_nights_from_an_evening_to_a_morning_are_the_period():
    found = body("Hello,\n\nWe need to do the noisy part at night, between 22:00 and 06:00. It is three nights, from "
                 "the evening of Thursday 14 January to the morning of Sunday 17 January 2027.\n\nThank you\n"
                 "Chloé Martin\n")
    assert (found["period_from"], found["period_to"]) == ("2027-01-14", "2027-01-17")


def test_nights_in_danish_from_evening_to_morning():
    found = body("Hej\n\nVi arbejder om natten fra torsdag aften den 14. januar til søndag morgen den 17. januar "
                 "2027.\n\nHilsen\nAnna Holm\n")
    assert (found["period_from"], found["period_to"]) == ("2027-01-14", "2027-01-17")


def test_done_by_the_end_of_a_month_ends_the_period():
    found = body("Dear Centre for Buildings,\n\nWe plan to start on 1 March and be done by end of March 2027.\n\n"
                 "Kind regards\nHenrik Bech\n")
    assert (found["period_from"], found["period_to"]) == ("2027-03-01", "2027-03-31")


def test_a_permit_wanted_by_the_end_of_a_month_ends_nothing():
    found = body("Dear Centre for Buildings,\n\nWe start on 1 March and would like the permit by the end of "
                 "February.\n\nKind regards\nHenrik Bech\n")
    assert found["period_from"] == "2027-03-01" and "period_to" not in found


def test_the_month_the_building_starts_in_is_no_period():
    found = body("Hi,\n\nWe want to build a small glass extension in our back courtyard. Do we need a building "
                 "permit for this, and how do we apply? We hope to start building in March if possible.\n\n"
                 "Smør & Salt ApS\nCVR 45101096\n\nJesper Lund (owner)\n")
    assert "period_from" not in found and "period_to" not in found


def test_a_month_applied_for_is_still_a_period():
    found = body("Hi,\n\nWe apply for a permit for our stall in May 2027.\n\nBest\nJesper Lund\n")
    assert (found["period_from"], found["period_to"]) == ("2027-05-01", "2027-05-31")


# ---------------------------------------------------------------- sites

def test_street_of_our_own_premises_is_no_site():
    found = body("Dear Sir or Madam,\n\nI would like to apply for permission for outdoor serving in front of our "
                 "café on Jægersborggade for the coming season.\n\nCompany: Kaffebaren Jægersborg ApS\n"
                 "Address: Jægersborggade 14, st., 2200 København N\n\nBest regards\nMads Kjærgaard\n")
    assert "activity_location" not in found


def test_street_of_a_trade_that_we_are_is_no_site():
    found = body("Hello,\n\nWe are a small florist on Ahornsgade and would like to have a flower stand at Kultorvet "
                 "on Saturdays, from the 3rd of April until the 26th of June 2027.\n\nCompany: Blomsterværkstedet "
                 "ApS\n\nMany thanks,\nSara Mortensen\n")
    assert found["activity_location"] == "Kultorvet"


def test_workshop_named_by_its_trade_at_an_address_is_the_business():
    found = body("Hello,\n\nWe are a small car repair workshop at Tagensvej 85 in 2200 Copenhagen N. In the yard "
                 "behind the workshop there is an old brick shed that we want to tear down.\n\n"
                 "Auto Service Tagensvej ApS\nCVR: 64051660\n\nBest regards\nKemal Yilmaz\n")
    assert (found["address"], found["postcode"]) == ("Tagensvej 85", "2200")
    assert "activity_location" not in found


def test_a_former_shop_we_move_into_is_not_our_address():
    found = body("Dear Business Service,\n\nI run a dental practice, Tandlæge Sofie Brandt ApS, on the second floor "
                 "at Østerbrogade 62, 2. th, 2100 København Ø. We're looking at moving into a former shoe shop on "
                 "the ground floor at Nordre Frihavnsgade 48.\n\nCVR: 12674775\n\nKind regards,\nSofie Brandt\n")
    assert found.get("address") != "Nordre Frihavnsgade 48"


def test_address_after_the_cvr_in_brackets_is_the_business():
    found = body("Hello,\n\nWe are refitting the shop unit at Frederiksberggade 16, 1459 København K and need to do "
                 "concrete cutting at night.\n\nWe are Shopfit Scandinavia ApS (CVR 33524315), Sønder Boulevard 54, "
                 "2. sal, 1720 København V. My mobile is +45 29 84 10 62.\n\nThank you\nChloé Martin\n")
    assert (found["address"], found["postcode"]) == ("Sønder Boulevard 54, 2.", "1720")
    assert found["activity_location"].startswith("Frederiksberggade 16")
