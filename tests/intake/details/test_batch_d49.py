"""Details in the voices of development batch d49: associations, schools and clubs applying, last year's day told
beside this year's, the contractor named beside the applicant, a direct line marked as such, the association's name in
full, a main address beside a site, a stretch written "down to" or "til og med"."""

from __future__ import annotations

from datetime import date

from tests.intake.details.reading import body_at

REF = date(2026, 12, 5)
body = body_at(REF)


# ---------------------------------------------------------------- periods

def test_last_years_day_without_its_year_is_not_the_period():
    found = body("Hej\n\nI fjor holdt vi loppemarked lørdag d. 5. juni.\n\nI år vil vi gerne holde det søndag d. 6/6 "
                 "fra kl. 10 til kl. 16.\n\nMvh\nKaren Bo\n")
    assert (found["period_from"], found["period_to"]) == ("2027-06-06", "2027-06-06")


def test_the_last_of_repeated_days_is_still_the_end():
    found = body("Hej\n\nVi spiller første gang søndag den 6. juni og sidste gang søndag den 27. juni 2027.\n\n"
                 "Mvh\nKaren Bo\n")
    assert (found["period_from"], found["period_to"]) == ("2027-06-06", "2027-06-27")


def test_the_road_restored_by_a_day_ends_the_period():
    found = body("Hej\n\nVi går i gang tirsdag den 2. marts, og fortovet skal være reetableret senest torsdag den "
                 "11. marts.\n\nMvh\nKaren Bo\n")
    assert (found["period_from"], found["period_to"]) == ("2027-03-02", "2027-03-11")


def test_taking_down_by_a_day_after_a_colon_ends_the_period():
    found = body("Hej\n\nStilladset:\nOpstilling: 01.04.2027\nNedtagning: senest 15.05.2027\n\nMvh\nKaren Bo\n")
    assert (found["period_from"], found["period_to"]) == ("2027-04-01", "2027-05-15")


# ---------------------------------------------------------------- phones

def test_a_number_marked_direct_wins_over_the_mobile_after_it():
    found = body("Hej\n\nKontakt: undertegnede, tlf. 33 12 45 67 (direkte) eller mobil 28 90 11 22.\n\n"
                 "Mvh\nKaren Bo\n")
    assert found["phone"] == "33124567"


def test_an_unmarked_landline_gives_way_to_the_mobile_after_it():
    found = body("Hej\n\nKontakt: undertegnede, tlf. 33 12 45 67 eller mobil 28 90 11 22.\n\nMvh\nKaren Bo\n")
    assert found["phone"] == "28901122"


# ---------------------------------------------------------------- company names

def test_the_contractor_named_as_such_is_not_the_applicant():
    found = body("Til Center for Miljøbeskyttelse\n\nValby Friskole bygger en ny gymnastiksal. Entreprenøren er "
                 "Nordhavn Beton A/S, men skolen søger selv.\n\nSkolens CVR-nr.: 85116770\n\nMed venlig hilsen\n"
                 "Mette Juhl\nValby Friskole\n")
    assert found["company_name"] == "Valby Friskole"


def test_the_work_done_by_a_firm_that_writes_is_still_the_applicant():
    found = body("Hej\n\nVi søger om gravetilladelse ud for Egebakken 4. Arbejdet udføres af Kloakmester Ib Lund "
                 "ApS.\n\nMed venlig hilsen\nIb Lund\n")
    assert found["company_name"] == "Kloakmester Ib Lund ApS"


def test_a_title_with_an_adjective_is_no_company_line():
    found = body("Hej\n\nVi søger om tilladelse. Entreprenøren er Nordhavn Beton A/S.\n\nCVR-nr.: 85116770\n\n"
                 "Med venlig hilsen\nMette Juhl\nTeknisk chef\nValby Friskole\n")
    assert found["company_name"] == "Valby Friskole"


def test_the_association_in_full_over_its_short_name():
    found = body("Hi\n\nI help out at Sundby Roklub and we need a container.\n\nClub details:\n"
                 "Idrætsforeningen Sundby Roklub\nCVR 13216657\nAmager Strandvej 10\n\nCheers,\nMark Davies\n"
                 "Sundby Roklub\n")
    assert found["company_name"] == "Idrætsforeningen Sundby Roklub"


def test_a_firm_and_its_trade_word_still_merge_to_the_name_alone():
    found = body("Hej\n\nByggefirmaet Sten & Søn ApS søger om stillads. Sten & Søn ApS har CVR 13216657.\n\n"
                 "Mvh\nJens Sten\n")
    assert found["company_name"] == "Sten & Søn ApS"


# ---------------------------------------------------------------- contacts

def test_replies_directed_to_the_chair_name_the_contact():
    found = body("Hello,\n\nWe need a waste arrangement for our hall. Please direct any replies to our treasurer, "
                 "Karen Holt – karen@example.dk.\n\nMany thanks,\nTom Baker\n")
    assert found["contact_name"] == "Karen Holt"


# ---------------------------------------------------------------- addresses and sites

def test_a_main_address_is_the_address_beside_the_site():
    found = body("Kære Center for Bygninger\n\nVi vil rive et gammelt skur ned på vores grund på Ryparken 12.\n\n"
                 "Skolens hovedadresse er Jagtvej 200, 2100 København Ø, CVR 89246245.\n\nMvh\nAnne Bo\n")
    assert (found.get("address"), found.get("postcode")) == ("Jagtvej 200", "2100")
    assert found.get("activity_location") == "Ryparken 12"


def test_our_building_at_is_the_address():
    found = body("Dear Centre for Traffic,\n\nOur housing co-operative is renovating the facade of our building at "
                 "Gunløgsgade 20, 2300 København S, this spring.\n\nBest regards,\nRebecca Holm\n")
    assert (found.get("address"), found.get("postcode")) == ("Gunløgsgade 20", "2300")
    assert "activity_location" not in found


def test_a_stretch_from_a_number_down_to_another():
    found = body("Hi\n\nWe would like to hold a flea market on Sunday 16 May 2027 on the middle strip of Vesterbrogade "
                 "from no. 10 down to no. 40.\n\nThanks\nRasmus Kirk\n")
    assert found["activity_location"] == "Vesterbrogade 10-40"


def test_a_stretch_to_and_including_a_number():
    found = body("Hej\n\nVi skal grave i Egebakken fra nr. 2 til og med nr. 12 fra 5. april til 16. april 2027.\n\n"
                 "Mvh\nP. Hansen\n")
    assert found["activity_location"] == "Egebakken 2-12"
