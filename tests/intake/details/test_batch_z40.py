"""Details of the blind batch z40 (session 40), each worded here apart from the batch's mail: a direct line beside a
mobile, an audience counted as "publikummer", a landlord's address in brackets, premises held on a street and named
as the business, a name written longer elsewhere, every day applied for with a reserve day, a day corrected by its
number alone, a week narrowed to a day, a closing of one's own words, a named place with its address in brackets."""

from __future__ import annotations

import time
from datetime import date

import pytest

from tests.intake.details.reading import values_at

values = values_at(date(2026, 12, 5))


def body(text: str) -> dict:
    return values([("body", text)])


# ---------------------------------------------------------------- the phone

@pytest.mark.parametrize("line", ["Direkte: 33 21 47 60 | Mobil: 51 84 30 92",
                                  "Direct +45 33 21 47 60 · Mobile +45 51 84 30 92"])
def test_a_mobile_after_a_direct_line_labelled_so_is_the_phone(line):
    found = body(f"Hej\n\nVi søger om stillads på Nannasgade 14.\n\nMed venlig hilsen\nLene Kjær\nForvalter\n{line}\n")
    assert found["phone"] == "51843092"


def test_a_direct_line_with_an_unlabelled_number_after_it_stays():
    found = body("Hej\n\nVi søger om stillads på Nannasgade 14.\n\nMed venlig hilsen\nLene Kjær\n"
                 "Direkte: 33 21 47 60, 51 84 30 92\n")
    assert found["phone"] == "33214760"


# ---------------------------------------------------------------- the guests

def test_an_audience_counted_as_publikummer_are_the_guests():
    found = body("Hej\n\nForeningen har 35 medlemmer og spiller teater i Søndermarken lørdag den 7. august 2027. "
                 "Der er plads til 90 publikummer.\n\nMvh\nBirgitte Holm\n")
    assert found["guests"] == 90


# ---------------------------------------------------------------- whose place an address is

def test_a_landlords_address_in_brackets_is_neither_the_address_nor_the_site():
    found = body("Hello,\n\nWe have borrowed an empty shop for an exhibition from 19 February 2027. The landlord, "
                 "Nørrebro Ejendomme A/S (Blågårdsgade 2, 2200 København N), has agreed.\n\nAsh Collective I/S\n"
                 "CVR 43799843\nElmegade 5, 2200 København N\n\nThanks,\nNoor Haddad\n")
    assert "Blågårdsgade" not in str(found.get("address")) + str(found.get("activity_location"))


def test_a_street_where_our_premises_have_been_open_is_no_site():
    found = body("Hej\n\nVi har haft vores vinbar åben på Jægersborggade siden maj og vil gerne servere udenfor fra "
                 "1. april 2027.\n\nVinbaren Kork ApS\nJægersborggade 9, 2200 København N\n\nMvh\nRasmus Kjeldgaard\n")
    assert found.get("activity_location") is None


@pytest.mark.parametrize("sentence", ["the terrace in front of Hotel Nyhavn", "a table outside Hotel Nyhavn"])
def test_a_place_named_as_the_business_itself_is_no_site(sentence):
    found = body(f"Dear Byliv,\n\nWe apply for {sentence} from 1 April to 30 September 2027.\n\nHotel Nyhavn ApS\n"
                 "CVR 26477646\nNyhavn 40, 1051 København K\n\nBest regards,\nChloé Martin\n")
    assert found.get("activity_location") is None


def test_a_named_place_with_its_address_in_brackets_is_the_site():
    found = body("Hej\n\nVi vil gerne spille teater i gården ved Kulturhuset Sundby (Amagerbrogade 150) fra 5. til 15. "
                 "august 2027.\n\nForeningens oplysninger:\nTeaterforeningen Bagscenen\nCVR 33106335\n"
                 "Sundholmsvej 46, 2300 København S\n\nMvh\nKasper Winther\n")
    assert (found.get("address"), found.get("activity_location")) == ("Sundholmsvej 46", "Amagerbrogade 150")


# ---------------------------------------------------------------- the contact

def test_a_double_first_name_is_completed_from_the_name_written_in_full():
    found = body("Hej\n\nJeg skriver for min mor, Anne Marie Holt, som har Holts Blomster. Kontaktperson er min mor, "
                 "Anne Marie.\n\nVenlig hilsen\nAnne Marie\n")
    assert found["contact_name"] == "Anne Marie Holt"


def test_a_short_first_name_signed_is_the_full_first_name_written_with_the_same_surname():
    found = body("Hi!\n\nI run outdoor classes in Kongens Have from 1 June 2027.\n\nChris Outdoor v/ Christina Dahl\n"
                 "CVR 31605962\n\nThanks a lot,\nChris Dahl\n")
    assert found["contact_name"] == "Christina Dahl"


@pytest.mark.parametrize("closing", ["Namaste and thanks,", "Skål og tak!"])
def test_a_closing_of_ones_own_words_and_thanks_is_followed_by_the_signer(closing):
    text = ("Dear Byliv,\n\nWe would like to hold yoga in Nørrebroparken every Sunday in June 2027.\n\nYou can reach "
            f"me on 26 48 13 77.\n\n{closing}\nAmalie Krogh\nOwner, Lotus Yoga\n\n---\nLotus Yoga · Elmegade 14 · "
            "2200 Kbh N · lotusyoga.dk\nBook your next class at lotusyoga.dk/schedule\n")
    found = values([("body", text)], sender="info@lotusyoga.dk", sender_name="Lotus Yoga")
    assert found["contact_name"] == "Amalie Krogh"


# ---------------------------------------------------------------- the period

@pytest.mark.parametrize("text", [
    "Date: Tuesday 16 March, with Wednesday 17 March as a reserve day in case of wind. We apply for both days.",
    "Kranen står tirsdag den 16. marts, og onsdag den 17. marts er reservedag. Vi søger om begge dage.",
])
def test_a_reserve_day_applied_for_with_the_day_itself_ends_the_period(text):
    found = body(f"Hej\n\nMobilkran ud for Holsteinsgade 30.\n{text}\n\nMvh\nMikael Berg\n")
    assert (found.get("period_from"), found.get("period_to")) == ("2027-03-16", "2027-03-17")


@pytest.mark.parametrize("text", [
    "We need the kerb on Thursday 14 January.\n\nP.S. Sorry, the shoot is Thursday 21 January, not the 14th.",
    "Vi skal bruge pladserne torsdag den 14. januar.\n\nRettelse: det er torsdag den 21. januar, ikke den 14.",
])
def test_a_day_corrected_by_its_number_alone_is_replaced(text):
    found = body(f"Hi,\n\nParking outside Dronningensgade 30. {text}\n\nBest\nJohan Sandberg\n")
    assert (found.get("period_from"), found.get("period_to")) == ("2027-01-21", "2027-01-21")


@pytest.mark.parametrize("text", [
    "VVS'eren har planlagt tømning af tanken i uge 3, nærmere bestemt tirsdag d. 19. januar.",
    "The tank is emptied in week 3, more precisely on Tuesday 19 January.",
])
def test_a_week_narrowed_to_a_day_is_that_day(text):
    found = body(f"Hej\n\nVores olietank på Valby Langgade 88 skal sløjfes. {text}\n\nMvh\nHanne Skov\n")
    assert (found.get("period_from"), found.get("period_to")) == ("2027-01-19", "2027-01-19")


def test_a_week_told_as_its_days_is_still_the_days():
    found = body("Hej\n\nNedrivningen på Valby Langgade 88 forventes udført i uge 16, dvs. 19.-23. april 2027.\n\n"
                 "Mvh\nHanne Skov\n")
    assert (found.get("period_from"), found.get("period_to")) == ("2027-04-19", "2027-04-23")


@pytest.mark.parametrize("text", ["from mid-May until the end of August", "fra midt i maj til 31. august"])
def test_the_middle_of_a_month_starting_a_range_is_its_15th(text):
    found = body(f"Hi!\n\nI'd like to hold outdoor classes in Kongens Have {text}.\n\nThanks,\nJess Holm\n")
    assert (found.get("period_from"), found.get("period_to")) == ("2027-05-15", "2027-08-31")


def test_the_middle_of_a_month_at_both_ends_is_still_no_period():
    found = body("Hej\n\nVi graver i Kongens Have fra midt i maj til midt i juni.\n\nMvh\nJess Holm\n")
    assert "period_from" not in found and "period_to" not in found


# ---------------------------------------------------------------- hostile text

@pytest.mark.parametrize("filler", ["uge 3, nærmere bestemt ", "Namaste and thanks,\n", "not the 14th, ",
                                    "from mid-May ", "gården ved Kulturhuset Ab Cd (", "Direkte: 33 21 47 60 | "])
def test_the_new_patterns_read_long_repeated_text_quickly(filler):
    started = time.perf_counter()
    body("Hej\n\n" + filler * 20_000 + "\n\nMvh\nHanne Skov\n")
    assert time.perf_counter() - started < 10
