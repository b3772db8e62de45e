"""Items of blind batch c25: the numbers and places of the story a writer tells before the application (last year's
area, an old address, an earlier project's hours, a tank removed years ago, a club's members) are not this
application's; an indirect question left open ("hvilket modtageanlæg det bliver, har vi ikke besluttet") gives
nothing; and the period applied for is the range that has not ended."""

from __future__ import annotations

from datetime import date

import pytest

from intake.details.checklist import check
from intake.details.periods import find_period
from tests.intake.details.checklist_evidence import evidence


def test_an_area_had_for_many_years_is_not_the_area_applied_for(catalogue):
    body = ("Vi har i mange år haft 10 m² ude. Vi søger om udeservering foran Vesterbrogade 97 fra 15. marts 2027 til "
            "15. oktober 2027.")
    assert "area" in check(catalogue.task("udeservering"), evidence(body, area_m2=10)).missing
    again = "Vi søger om udeservering på 10 m² foran Vesterbrogade 97."
    assert "area" in check(catalogue.task("udeservering"), evidence(again, area_m2=10)).have


@pytest.mark.parametrize(("body", "address"), [
    ("We previously rented at Njalsgade 21 but have outgrown it. We would like to build a small extension.",
     "Njalsgade 21"),
    ("Vi har ejet vores ejendom siden 1990 (før det boede vi på Howitzvej 7). Vi vil ombygge butikken til café.",
     "Howitzvej 7"),
    ("Vores fabrik har eksisteret siden 1965 – tidligere i Sydhavnen på Sydhavnsgade 20. Vi skal bygge en hal.",
     "Sydhavnsgade 20"),
])
def test_an_earlier_address_is_not_the_address(catalogue, body, address):
    assert "address" in check(catalogue.task("byggetilladelse"), evidence(body, address=address)).missing


def test_an_address_named_as_before_in_the_application_is_the_address(catalogue):
    body = "Som tidligere nævnt vil vi bygge en tilbygning på Njalsgade 21, 2300 København S."
    assert "address" in check(catalogue.task("byggetilladelse"), evidence(body, address="Njalsgade 21")).have


def test_last_years_place_is_not_the_site(catalogue):
    body = ("Last year we rented a container at Amager Strandvej 140 for about 10 days. We now need to place a "
            "container in the street from 12 April 2027.")
    assert "site" in check(catalogue.task("vejareal"), evidence(body, address="Amager Strandvej 140")).missing


def test_a_number_of_a_past_year_is_not_this_applications(catalogue):
    body = ("In 2025 we held a pop-up on Kultorvet for around 400 people. We are planning a product launch on "
            "Israels Plads on 22 May 2027.")
    assert "guests" in check(catalogue.task("arrangement"), evidence(body, guests=400)).missing
    coming = "In 2027 we will hold a launch on Israels Plads for around 400 people."
    assert "guests" in check(catalogue.task("arrangement"), evidence(coming, guests=400)).have


@pytest.mark.parametrize("body", [
    "On our previous project at Bredgade 30 in 2025 we worked 7:00-16:00. Now we will crush concrete from 3 May 2027.",
    # (the dot of "kl." does not end the clause of "I 2025")
    "I 2025 lavede vi støjende arbejde på Nørre Allé 15, hverdage kl. 7-18. Nu skal vi bore i beton på Tagensvej 200.",
])
def test_an_earlier_projects_hours_are_not_the_hours(catalogue, body):
    assert "hours" in check(catalogue.task("stoej_byggeplads"), evidence(body)).missing


def test_the_size_of_an_earlier_dig_and_its_month_are_not_this_applications(catalogue):
    body = ("Vi har tidligere haft gravetilladelse på Toftegårds Allé – det var 2 m x 3 m i oktober 2025.\n\n"
            "Nu skal vi grave ved Valby Langgade 88. Vi starter 14. april 2027.")
    result = check(catalogue.task("gravetilladelse"), evidence(body, area_m2=6))
    assert "size" in result.missing and "period" in result.missing


def test_a_tank_removed_in_a_past_year_is_not_the_size(catalogue):
    body = "Our old 3,000 litre tank was removed in 2019. We want to install a new above-ground tank."
    assert "size" in check(catalogue.task("olietank"), evidence(body, litres=3000)).missing
    removal = "Den gamle tank på 3.000 liter skal fjernes."
    assert "size" in check(catalogue.task("olietank"), evidence(removal, litres=3000)).have


def test_signs_of_shops_since_a_past_year_are_not_the_size(catalogue):
    body = ("We have had a shop in Stockholm since 2005 and in Malmö since 2018 (both with 3 x 1 m signs). We would "
            "like to put up a sign above the entrance.")
    assert "size" in check(catalogue.task("skilte"), evidence(body, area_m2=3)).missing


def test_a_clubs_members_are_not_the_guests(catalogue):
    body = "Our running club has about 600 members. The run is in Fælledparken on 5 September 2027."
    assert "guests" in check(catalogue.task("arrangement"), evidence(body)).missing
    expected = "We expect about 600 runners in Fælledparken on 5 September 2027."
    assert "guests" in check(catalogue.task("arrangement"), evidence(expected)).have


def test_which_facility_left_open_is_no_destination(catalogue):
    body = ("Vi skal flytte ca. 120 m³ jord fra Lyngbyvej 20 – hvilket modtageanlæg det bliver, har vi ikke besluttet "
            "endnu.")
    assert "destination" in check(catalogue.task("jordflytning"), evidence(body)).missing


def test_an_address_ending_its_sentence_is_not_deferred_by_the_next(catalogue):
    body = ("Vi skal have spildevandstilladelse på vores nye adresse, Kraftværksvej 22, 2300 København S. Jeg vender "
            "tilbage med hvad slags spildevand det er.")
    assert "address" in check(catalogue.task("spildevand"), evidence(body)).have


def test_the_period_applied_for_is_the_range_that_has_not_ended():
    text = ("Sidste år havde vi et stillads stående (tilladelse fra 3. maj til 14. juni 2026). Vi søger om vejareal i "
            "perioden 8. marts 2027 til 30. april 2027.")
    period = find_period(text, date(2026, 11, 16))
    assert (period.start, period.end) == (date(2027, 3, 8), date(2027, 4, 30))


def test_last_years_months_are_not_the_period():
    text = "Sidste år havde vi 8 m² fra maj til august. Vi vil gerne igen have udeservering i sommeren."
    assert find_period(text, date(2026, 11, 16)).start is None
    this_year = "Vi søger om udeservering fra maj til august 2027."
    assert find_period(this_year, date(2026, 11, 16)).start == date(2027, 5, 1)


def test_the_shop_a_writer_runs_is_not_the_site_of_a_stall_whose_place_is_not_known(catalogue):
    body = ("I have run a banh mi shop at Griffenfeldsgade 20 since 2020. I would like a street stall to sell banh mi. "
            "I don't know yet which locations are allowed, so I hope you can suggest some.")
    assert "site" in check(catalogue.task("gadesalg"), evidence(body, address="Griffenfeldsgade 20")).missing
    known = "I would like a street stall to sell banh mi in front of Griffenfeldsgade 20."
    assert "site" in check(catalogue.task("gadesalg"), evidence(known, address="Griffenfeldsgade 20")).have
