"""Details the blind mails of session 39 missed, each worded here apart from the mail: the guests counted beside the
staff, a single day a job is planned for, a park or a common named without a house number, a main contractor's own
address after the client's, an area from a width and a length written with their words."""

from __future__ import annotations

import time
from datetime import date

import pytest

from tests.intake.details.reading import values_at

values = values_at(date(2026, 12, 7))

SIGNED = "\n\nMed venlig hilsen\nNina Krog\nKrog & Co ApS\nIstedgade 90, 1650 København V\n"


# ---------------------------------------------------------------- the guests beside the staff

@pytest.mark.parametrize("sentence, guests", [
    ("We expect 60 staff and 200 guests on the evening.", 200),
    ("Der kommer 12 medarbejdere og 150 gæster.", 150),
    ("There will be 25 employees plus 400 participants.", 400),
    ("Vi bliver 8 ansatte samt 90 deltagere.", 90),
])
def test_the_guests_counted_beside_the_staff_are_the_guests(sentence, guests):
    body = f"Hej\n\nVi holder sommerfest i Enghaveparken lørdag den 12. juni 2027. {sentence}{SIGNED}"
    assert values([("body", body)])["guests"] == guests


@pytest.mark.parametrize("sentence", [
    "The crew is 12 people.",
    "Holdet er 8 personer, og vi har selv telt med.",
    "Vi er en tegnestue med 14 ansatte.",
])
def test_the_staff_alone_are_still_no_guests(sentence):
    body = f"Hej\n\nVi holder sommerfest i Enghaveparken lørdag den 12. juni 2027. {sentence}{SIGNED}"
    assert values([("body", body)]).get("guests") is None


def test_staff_and_guests_repeated_at_length_are_read_quickly():
    text = "Hej\n\n" + "60 staff and " * 20_000 + "200 guests.\n" + SIGNED
    started = time.perf_counter()
    values([("body", text)])
    assert time.perf_counter() - started < 10


# ---------------------------------------------------------------- a single day the work is planned for

@pytest.mark.parametrize("sentence", [
    "Installation is planned for 12 April 2027.",
    "The lift is scheduled for 12 April 2027, weather permitting.",
    "Montagen er planlagt til 12. april 2027.",
])
def test_the_one_day_a_job_is_planned_for_is_its_period(sentence):
    body = ("Hello,\n\nWe are putting a 1,500-litre diesel tank in the basement of our office at Borgergade 30, "
            f"1300 København K. {sentence}\n\nBest regards\nNina Krog\nKrog & Co ApS\n")
    found = values([("body", body)])
    assert (found.get("period_from"), found.get("period_to")) == ("2027-04-12", "2027-04-12")


@pytest.mark.parametrize("sentence", [
    "Start of production is planned for 1 September 2027.",
    "The opening is planned for 1 September 2027.",
    "Opstart af driften er planlagt til 1. september 2027.",
])
def test_a_planned_start_of_the_business_is_no_period(sentence):
    body = ("Hello,\n\nWe need an environmental approval for our small brewery at Borgergade 30, 1300 København K. "
            f"{sentence}\n\nBest regards\nNina Krog\nKrog & Co ApS\n")
    assert values([("body", body)]).get("period_from") is None


# ---------------------------------------------------------------- a named place without a house number

@pytest.mark.parametrize("sentence, place", [
    ("Start og mål er på Amager Fælled ved Artillerivej.", "Amager Fælled"),
    ("Start og mål bliver ved Fælledparken.", "Fælledparken"),
    ("Start and finish is in Kongens Have.", "Kongens Have"),
])
def test_where_a_run_starts_and_ends_is_its_site(sentence, place):
    body = f"Hej\n\nLøbeklubben søger om at afvikle et motionsløb søndag den 20. juni 2027 kl. 9-13. {sentence}{SIGNED}"
    assert values([("body", body)]).get("activity_location") == place


def test_a_start_of_the_work_on_a_street_is_no_named_place():
    body = ("Hej\n\nVi søger om container ud for Istedgade 90 fra 1. til 5. marts 2027. Starten er på mandag, og "
            f"Mål er at være færdige fredag.{SIGNED}")
    assert values([("body", body)]).get("activity_location") in (None, "Istedgade 90")


@pytest.mark.parametrize("subject, sentence, park", [
    ("Sommerfest på Islands Brygge", "en sommerfest i Havneparken på Islands Brygge", "Havneparken"),
    ("Concert at Islands Brygge", "a concert at Havneparken on Islands Brygge", "Havneparken"),
])
def test_a_park_the_body_puts_on_the_subjects_street_beats_the_street_of_our_address(subject, sentence, park):
    body = (f"Hi\n\nBrygge Events ApS, CVR 29221359, Islands Brygge 43, 2300 København S, would like to hold "
            f"{sentence} on Saturday 19 June 2027.\n\nBest regards\nNina Krog\nBrygge Events ApS\n")
    found = values([("subject", subject), ("body", body)])
    assert found.get("activity_location") == park


def test_a_subjects_street_without_a_park_is_still_the_address():
    body = ("Hej\n\nVi åbner restaurant på Nørrebrogade 88, 2200 København N, og søger om udeservering foran fra "
            "1. maj 2027.\n\nMvh\nNina Krog\nKrog & Co ApS\n")
    found = values([("subject", "Udeservering på Nørrebrogade"), ("body", body)])
    assert found.get("activity_location") is None and found.get("address") == "Nørrebrogade 88"


# ---------------------------------------------------------------- a main contractor's own address after the client's

@pytest.mark.parametrize("client", [
    "Bygherre er Ejendomsselskabet Amager Strand P/S, Kalvebod Brygge 1, 1560 København V.",
    "The building owner is Nordhavn Ejendomme A/S, Sundkrogsgade 5, 2150 Nordhavn.",
    "The developer is Brygge Bolig K/S, Kalvebod Brygge 1, 1560 København V.",
])
def test_the_clients_address_told_in_a_sentence_is_not_the_contractors(client):
    body = ("Til Center for Miljøbeskyttelse\n\nVi søger om støjende arbejde på Ørestads Boulevard 73, "
            f"2300 København S, fra 7. juni til 20. august 2027.\n\n{client}\n\nHovedentreprenør er os: "
            "Holm & Kiær Entreprise A/S, Sydhavnsgade 14, 2450 København SV, CVR 37059943.\n\n"
            "Venlig hilsen\nCamilla Holm\n")
    found = values([("body", body)])
    assert (found.get("address"), found.get("postcode")) == ("Sydhavnsgade 14", "2450")


def test_a_client_who_is_ourselves_keeps_our_address():
    body = ("Hej\n\nVi søger om container ud for Istedgade 90 fra 1. til 5. marts 2027.\n\nBygherre er os selv: "
            "Krog & Co ApS, Istedgade 90, 1650 København V, CVR 29221359.\n\nMvh\nNina Krog\n")
    assert values([("body", body)]).get("address") == "Istedgade 90"


# ---------------------------------------------------------------- an area from a width and a length

@pytest.mark.parametrize("sentence, area", [
    ("fortov 1,2 m bred x 18 m", 21.6),
    ("The hoarding will be 2 m wide by 9 m.", 18),
    ("Skurvognen fylder 2,5 meter bred x 6 meter.", 15),
    ("Containeren er 6 m lang x 2,5 m.", 15),
])
def test_a_width_or_a_length_named_by_its_word_then_the_other_side_gives_the_area(sentence, area):
    body = f"Hej\n\nStillads ud for Classensgade 44, 2100 København Ø, 3. maj til 25. juni 2027.\n{sentence}{SIGNED}"
    assert values([("body", body)])["area_m2"] == area


def test_a_trenchs_width_by_its_depth_is_no_area():
    body = f"Hej\n\nGravearbejde i Classensgade 44 fra 3. til 7. maj 2027. Rende 0,5 m bred x 1 m dyb.{SIGNED}"
    assert values([("body", body)]).get("area_m2") is None


def test_sizes_with_side_words_repeated_at_length_are_read_quickly():
    text = "Hej\n\n" + "1,2 m bred x " * 30_000 + "18\n" + SIGNED
    started = time.perf_counter()
    values([("body", text)])
    assert time.perf_counter() - started < 10
