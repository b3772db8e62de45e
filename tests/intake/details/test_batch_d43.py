"""Details in the voices of development batch d43: repeated days said by their first and last time, holidays and the
middle of a month around the dates, numbered project descriptions, and a site across from the business's house."""

from __future__ import annotations

from datetime import date

from tests.intake.details.reading import body_at, values_at

REF = date(2026, 12, 28)
values = values_at(REF)
body = body_at(REF)


# ---------------------------------------------------------------- periods

def test_first_and_last_time_of_repeated_days_bound_the_period():
    found = body("Hello,\n\nWe would like to sell ice cream on the weekends in August 2027, the first time on "
                 "Saturday 7 August and the last time on Sunday 29 August.\n\nBest,\nMikkel Frost\n")
    assert (found["period_from"], found["period_to"]) == ("2027-08-07", "2027-08-29")


def test_first_and_last_one_would_be_without_a_month_range():
    found = body("Hello,\n\nI would be there on Saturdays only: the first Saturday would be 27 March and the last "
                 "one 16 October 2027.\n\nMerci,\nJulien Morel\n")
    assert (found["period_from"], found["period_to"]) == ("2027-03-27", "2027-10-16")


def test_foerste_gang_and_sidste_gang_bound_the_period():
    found = body("Hej\n\nVi vil stå der hver lørdag i juni og juli 2027, første gang lørdag den 5. juni og sidste "
                 "gang lørdag den 24. juli.\n\nMvh\nHanne Dahl\n")
    assert (found["period_from"], found["period_to"]) == ("2027-06-05", "2027-07-24")


def test_a_deadline_is_no_last_day_of_the_months():
    found = body("Hej\n\nVi holder markedet hver lørdag i juni 2027. Sidste frist for tilmelding er den 1. maj."
                 "\n\nMvh\nHanne Dahl\n")
    assert (found["period_from"], found["period_to"]) == ("2027-06-01", "2027-06-30")


def test_holiday_named_before_the_end_date_still_makes_a_range():
    found = body("Hej\n\nStilladset skal stå fra mandag den 22. februar til og med 2. pinsedag den 17. maj 2027."
                 "\n\nMvh\nHenrik Kjær\n")
    assert (found["period_from"], found["period_to"]) == ("2027-02-22", "2027-05-17")


def test_middle_of_the_months_gives_way_to_the_days_of_the_attachment():
    found = values([("body", "Hej\n\nVi graver fra midt i august til midt i september. Skemaet er vedhæftet."
                             "\n\nVenlig hilsen\nJesper Thomsen\n"),
                    ("skema.pdf", "Anmeldelse af jordflytning\nTidsrum: fra mandag den 16. august til fredag den "
                                  "10. september 2027\n")])
    assert (found["period_from"], found["period_to"]) == ("2027-08-16", "2027-09-10")


def test_middle_of_a_month_alone_is_no_whole_month():
    found = body("Hej\n\nVi regner med at grave midt i august.\n\nVenlig hilsen\nJesper Thomsen\n")
    assert "period_from" not in found and "period_to" not in found


def test_installed_on_a_day_and_removed_at_the_end_of_a_month():
    found = body("Hello,\n\nThe tank will be installed on Monday 4 January and removed again at the end of March "
                 "2027.\n\nThank you,\nMarek Nowak\n")
    assert (found["period_from"], found["period_to"]) == ("2027-01-04", "2027-03-31")


# ---------------------------------------------------------------- areas

def test_numbered_item_below_a_wrapped_line_is_no_value_of_it():
    paper = ("1. Placering: ved Kattegatvej i Nordhavn, syd for Orientkaj, ca. 4.000 m²\nbefæstet areal.\n"
             "2. Aktivitet: knusning og sortering af beton, op til\n60.000 tons i alt.\n")
    found = values([("body", "Hej\n\nProjektbeskrivelsen er vedhæftet.\n\nVenlig hilsen\nBirgitte Skov\n"),
                    ("projekt.pdf", paper)])
    assert found["area_m2"] == 4000


def test_label_line_over_its_value_line_still_reads():
    found = values([("body", "Hej\n\nSe skemaet.\n\nVenlig hilsen\nBirgitte Skov\n"),
                    ("skema.pdf", "Areal\n24 m²\nPeriode\n1. april - 31. oktober 2027\n")])
    assert found["area_m2"] == 24


# ---------------------------------------------------------------- sites

def test_site_across_from_the_business_house_is_kept():
    paper = ("Application for outdoor serving - Nyhavn Bistro ApS\nAddress: Nyhavn 17, 1051 København K\n"
             "Location: the quayside opposite Nyhavn 17, between the bollards and the edge of the canal\n"
             "Period: 1 July - 31 August 2027\n")
    found = values([("body", "Hi,\n\nPlease find attached our application.\n\nBest regards,\nOlivia Berg\n"),
                    ("application.pdf", paper)])
    assert found["activity_location"] == "the quayside opposite Nyhavn 17"


def test_site_on_the_business_house_is_still_the_address():
    paper = ("Application for outdoor serving - Nyhavn Bistro ApS\nAddress: Nyhavn 17, 1051 København K\n"
             "Location: Nyhavn 17, on the quayside\nPeriod: 1 July - 31 August 2027\n")
    found = values([("body", "Hi,\n\nPlease find attached our application.\n\nBest regards,\nOlivia Berg\n"),
                    ("application.pdf", paper)])
    assert "activity_location" not in found


def test_the_area_by_a_street_is_the_street():
    found = values([("body", "Hej\n\nSe vedhæftede.\n\nVenlig hilsen\nBirgitte Skov\n"),
                    ("projekt.pdf", "Placering: arealet ved Kattegatvej i Nordhavn, syd for Orientkaj\n"
                                    "Periode: 1. april - 31. oktober 2027\n")])
    assert found["activity_location"].startswith("Kattegatvej i Nordhavn")
