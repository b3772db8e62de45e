"""Details of the blind batch z43 (session 41), each worded here apart from the batch's mail: days with their weekday
shortened ("Sat 12 and Sun 13 June"), a month "the whole of" without another cue, and an architect's, a consultant's
or an adviser's office named after them (its CVR in brackets between), which is neither the address nor the site."""

from __future__ import annotations

from datetime import date

import pytest

from intake.details.periods import Period, find_period
from tests.intake.details.reading import values_at

REFERENCE = date(2027, 2, 8)
values = values_at(REFERENCE)


def body(text: str, **sender: str) -> dict:
    return values([("body", text)], **sender)


# ---------------------------------------------------------------- periods

@pytest.mark.parametrize("text", ["Crane lifts on Sat 12 and Sun 13 June, 07:00-17:00.",
                                  "Containeren står der lør. 12. og søn. 13. juni.",
                                  "We need the bay Sat. 12 and Sun. 13 June only."])
def test_two_days_with_their_weekday_shortened(text):
    assert find_period(text, REFERENCE) == Period(date(2027, 6, 12), date(2027, 6, 13))


def test_man_without_its_dot_is_no_weekday():
    # "man" is also the Danish pronoun: "hvor man 12. juni" is no shortened Monday inside a range
    assert find_period("Det er 12 og man 13 juni", REFERENCE) != Period(date(2027, 6, 12), date(2027, 6, 13))


@pytest.mark.parametrize("text", ["It will stand there the whole of August.",
                                  "The hut stays the whole of August 2027."])
def test_the_whole_of_a_month_is_the_month(text):
    assert find_period(text, REFERENCE) == Period(date(2027, 8, 1), date(2027, 8, 31))


def test_the_whole_of_the_summer_is_still_no_month():
    assert find_period("We will be busy the whole of the summer.", REFERENCE) == Period(None, None)


# ---------------------------------------------------------------- other parties' offices

def test_our_architects_office_is_no_site():
    found = body("Hi,\n\nBrygge Tech ApS (CVR 73694884) wants to build a mezzanine of 90 m² in our workshop at "
                 "Sundkrogsgade 9, 2150 Nordhavn. The drawings are made by our architects, Lind & Berg Arkitekter, "
                 "Bredgade 30, 1260 København K.\n\nBest,\nJohan Berg\n", sender="johan@bryggetech.dk")
    assert found.get("activity_location") is None
    assert found["address"].startswith("Sundkrogsgade 9")


def test_our_consultants_office_after_its_cvr_is_not_the_address():
    found = body("Dear Sir/Madam,\n\nWash & Go ApS, CVR 82669388, applies for a permit to discharge wastewater from "
                 "a new car wash at our premises, Gammel Køge Landevej 40, 2500 Valby.\n\nThe description is made by "
                 "our consultant, Vand Rådgivning ApS (CVR 89732778), Istedgade 120, 1650 København V.\n\n"
                 "Yours faithfully\nDaniel Holm\nWash & Go ApS\n", sender="daniel@washgo.dk")
    assert found["address"] == "Gammel Køge Landevej 40"
    assert found["postcode"] == "2500"


def test_our_environmental_advisers_office_is_not_the_address():
    found = body("Til Center for Miljøbeskyttelse\n\nLakværket ApS (CVR 19414337) flytter til nye lokaler på "
                 "Ellebjergvej 12, 2450 København SV.\n\nAnsøgningen laves af vores miljørådgiver, Frank Dal fra "
                 "Dal Miljø ApS (CVR 53326706), Gammel Kongevej 15, 1610 København V.\n\nMed venlig hilsen\n"
                 "Niels Holm\n", sender="niels@lakvaerket.dk")
    assert found["address"] == "Ellebjergvej 12"


def test_an_architect_firm_writing_its_own_address_keeps_it():
    # the firm's own premises, not "our architects": the applicant is the architects
    found = body("Hej\n\nVi er en tegnestue og vil gerne have et skilt på facaden af vores kontor.\n\n"
                 "Med venlig hilsen\nLone Berg\nBerg Arkitekter ApS\nBredgade 30, 1260 København K\nCVR 12345678\n",
                 sender="lone@bergark.dk")
    assert found["address"] == "Bredgade 30"


# ---------------------------------------------------------------- the P-number of a named unit

@pytest.mark.parametrize("text", ["The hotel is run by Nordhus A/S (CVR 94464153), P-number of the hotel 1004218833.",
                                  "Vi har P-nr. for butikken 1004218833 og CVR 94464153."])
def test_a_p_number_after_the_unit_it_is_for(text):
    assert body(text).get("p_number") == "1004218833"


def test_a_p_number_for_an_address_with_a_house_number_is_not_read_as_its_digits():
    assert body("P-nummer for Amagerbrogade 150 kommer senere. CVR 94464153.").get("p_number") is None


# ---------------------------------------------------------------- the colleague who takes care of it

_HOLIDAY = ("Hej\n\nVi skal bruge stillads ved Nansensgade 40 i uge 23.\n\nJeg er på ferie, så min kollega Jonas Berg "
            "tager sig af det{dash}jonas@bergbyg.dk, tlf. 28 41 77 03.\n\nVenlig hilsen\nSusanne Berg\nBerg Byg ApS\n"
            "CVR 87491234\n")


@pytest.mark.parametrize("dash", [" – ", " - ", " — "])
def test_the_colleague_who_takes_care_of_it_before_a_dash_is_the_contact(dash):
    found = body(_HOLIDAY.format(dash=dash), sender="susanne@bergbyg.dk", sender_name="Susanne Berg")
    assert found["contact_name"] == "Jonas Berg"


def test_a_colleague_named_before_a_dash_for_another_reason_is_not_the_contact():
    found = body("Hej\n\nVi skal bruge stillads ved Nansensgade 40 i uge 23. Min kollega Jonas Berg har tegnet det – "
                 "flot.\n\nVenlig hilsen\nSusanne Berg\nBerg Byg ApS\nCVR 87491234\ntlf. 28 41 77 03\n",
                 sender="susanne@bergbyg.dk", sender_name="Susanne Berg")
    assert found["contact_name"] == "Susanne Berg"


# ---------------------------------------------------------------- premises looked at, a club by what it is

@pytest.mark.parametrize("text", [
    "Hello,\n\nI want to open a small café. I am looking at a space on Godsbanegade, but nothing is signed.\n\n"
    "What permits do I need?\n\nSofia Marques\n+45 91 64 28 30\n",
    "Hej\n\nVi kigger på et lokale på Godsbanegade til vores nye bageri, men intet er underskrevet. Hvad skal vi søge "
    "om?\n\nMvh\nAnna Holm\n"])
def test_premises_being_looked_at_are_no_site(text):
    assert body(text).get("activity_location") is None


def test_a_stall_being_considered_on_a_square_is_still_the_site():
    found = body("Hello,\n\nWe are considering a stall at Kultorvet on 3 June. What permits do we need?\n\nAnna\n")
    assert found["activity_location"] == "Kultorvet"


@pytest.mark.parametrize(("text", "name"), [
    ("Hi there,\n\nVesterbro Night Runners is a small non-profit running club. We would like to hold a run in "
     "Fælledparken on Sunday 3 October.\n\nCheers,\nMark Dunn\nChair\n", "Vesterbro Night Runners"),
    ("Hej\n\nNørrebro Vinterbadere er en lille forening for havbadere. Vi vil gerne holde et stævne på Amagertorv 3. "
     "juni.\n\nMvh\nAnna Holm\n", "Nørrebro Vinterbadere")])
def test_a_club_named_by_what_it_is(text, name):
    assert body(text)["company_name"] == name


def test_a_park_said_to_be_where_a_club_meets_is_no_club():
    found = body("Hi,\n\nFælledparken is a large park where our running club meets on 3 June.\n\nMark Dunn\n")
    assert found.get("company_name") is None


# ---------------------------------------------------------------- the base the work is run from

def test_the_branch_the_work_is_run_from_is_no_site():
    found = body("Til Center for Miljøbeskyttelse\n\nVi anmelder støjende arbejde på hjørnet af Jagtvej og "
                 "Nørrebrogade fra 3. maj til 14. maj 2027.\n\nArbejdet udføres fra vores afdeling i Valby, Toftegårds "
                 "Allé 9, men al post til undertegnede.\n\nMed venlig hilsen\nKasper Lind\n\nLind Byg A/S\n"
                 "Hovedsæde: Vermundsgade 40, 2100 København Ø\nCVR 61698965\n", sender="kl@lindbyg.dk")
    assert found["activity_location"] == "Jagtvej og Nørrebrogade"
    assert found["address"] == "Vermundsgade 40"


def test_work_done_at_an_address_not_our_own_base_stays_the_site():
    found = body("Til Center for Miljøbeskyttelse\n\nArbejdet udføres fra fortovet ud for Toftegårds Allé 9 fra 3. maj "
                 "til 14. maj 2027.\n\nMed venlig hilsen\nKasper Lind\n\nLind Byg A/S\n"
                 "Vermundsgade 40, 2100 København Ø\nCVR 61698965\n", sender="kl@lindbyg.dk")
    assert found["activity_location"] == "Toftegårds Allé 9"


def test_a_greeting_before_we_are_an_association_names_no_club():
    found = body("Kære Københavns Kommune. Vi er en lille forening, Kulturforeningen Vanløse, og vil gerne holde "
                 "loppemarked på Vanløse Torv søndag den 5. september 2027.\n\nVenlig hilsen\nLis Holm\n")
    assert found["company_name"] == "Kulturforeningen Vanløse"


# ---------------------------------------------------------------- premises in the signature over a registered office

def test_the_premises_in_the_signature_are_the_site_beside_a_registered_office():
    found = body("Dear Byliv,\n\nHotel Pier would like to renew its permit for outdoor serving on the quay in front of "
                 "the hotel, 10 tables on 24 m², from 1 April to 31 October.\n\nKind regards\nSara Holm\n"
                 "Food & Beverage Manager\nHotel Pier, Strandgade 20, 1401 København K\n+45 31 70 25 88\n\n"
                 "Pierhotels A/S · CVR 94464153 · Registered office: Bredgade 12, 1260 København K\n",
                 sender="sara@hotelpier.dk")
    assert found["address"] == "Bredgade 12"
    assert found["activity_location"].startswith("Strandgade 20")


def test_a_registered_office_alone_gives_no_site():
    found = body("Dear Byliv,\n\nWe would like a permit for outdoor serving in front of our café from 1 April to 31 "
                 "October.\n\nKind regards\nSara Holm\n\nPierhotels A/S · CVR 94464153 · Registered office: Bredgade "
                 "12, 1260 København K\n", sender="sara@hotelpier.dk")
    assert found["address"] == "Bredgade 12"
    assert found.get("activity_location") is None


# ---------------------------------------------------------------- the week of a day

@pytest.mark.parametrize("text", ["Installation is planned for the week of 8 March, but the day is not fixed yet.",
                                  "Vi monterer i ugen med den 8. marts."])
def test_the_day_that_names_a_week_is_no_day_applied_for(text):
    assert find_period(text, REFERENCE) == Period(None, None)


def test_a_week_with_its_start_and_end_written_keeps_them():
    text = "We'll truck it out in the week starting Monday 7 June 2027 and expect to be done by Friday 11 June."
    assert find_period(text, REFERENCE) == Period(date(2027, 6, 7), date(2027, 6, 11))
