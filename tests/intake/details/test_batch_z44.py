"""Details of the blind batch z44 (session 42), each worded here apart from the batch's mail: a foreign company's
Danish branch registered with its parent's country; a length in working days, a length counted from its own date, a
day put right by its number alone, a range said "instead", the year before its months, an aside ("i øvrigt"), a move
into new offices and a meeting asked for; the number beside the contact's e-mail, a contact named as the one who
handles the contact or by a supervisor's title, and the property of the client an architect writes for."""

from __future__ import annotations

from datetime import date

import pytest

from intake.details.periods import Period, find_period
from tests.intake.details.reading import values_at

REFERENCE = date(2027, 2, 22)
values = values_at(REFERENCE)


def body(text: str, **sender: str) -> dict:
    return values([("body", text)], **sender)


# ---------------------------------------------------------------- names

@pytest.mark.parametrize("text, name", [
    ("Our branch is registered as Hoffmann Kaffee GmbH, filial af Hoffmann Kaffee GmbH, Tyskland, CVR 12345674.",
     "Hoffmann Kaffee GmbH, filial af Hoffmann Kaffee GmbH, Tyskland"),
    ("Filialen hedder Nordvik Bygg, filial af Nordvik Bygg AS, Norge (CVR 12345674).",
     "Nordvik Bygg, filial af Nordvik Bygg AS, Norge"),
    # a street after the comma is no country
    ("Ashby Events, filial af Ashby Events Ltd, Englandsvej 3, 2300 København S. CVR 12345674.",
     "Ashby Events, filial af Ashby Events Ltd"),
])
def test_a_branch_is_registered_with_its_parents_country(text, name):
    assert body(f"Hello\n\n{text}\n\nBest regards\nTom Fox")["company_name"] == name


# ---------------------------------------------------------------- periods

@pytest.mark.parametrize("text, start, end", [
    # Monday 12 April 2027 and ten working days: the Friday of the week after
    ("Vi regner med at arbejdet tager 10 arbejdsdage fra 12. april.", date(2027, 4, 12), date(2027, 4, 23)),
    ("The job takes 5 working days from Monday 7 June.", date(2027, 6, 7), date(2027, 6, 11)),
    # Maundy Thursday to Easter Monday 2027 (25-29 March) are no working days
    ("Opgaven varer 6 hverdage fra 22. marts.", date(2027, 3, 22), date(2027, 4, 1)),
])
def test_a_length_in_working_days(text, start, end):
    assert find_period(text, REFERENCE) == Period(start, end)


@pytest.mark.parametrize("text, start, end", [
    ("Der er taget prøver fra 2. februar. Selve nedrivningen tager tre uger fra 1. marts.",
     date(2027, 3, 1), date(2027, 3, 21)),
    ("The survey from 3 February is attached. The crane stays for two weeks from 10 May.",
     date(2027, 5, 10), date(2027, 5, 23)),
])
def test_a_length_counts_from_the_date_it_is_written_with(text, start, end):
    assert find_period(text, REFERENCE) == Period(start, end)


@pytest.mark.parametrize("text, start, end", [
    ("Vi søger om skurvogn fra den 13. oktober til og med fredag den 5. november.\n\nMvh\nBo\n\n"
     "P.S. undskyld, det er den 14., ikke den 13.", "2027-10-14", "2027-11-05"),
    ("We apply for the container from 3 May to 21 May.\n\nSorry, it's the 4th, not the 3rd.", "2027-05-04",
     "2027-05-21"),
])
def test_a_day_put_right_by_its_number_alone(text, start, end):
    found = body(text)
    assert (found.get("period_from"), found.get("period_to")) == (start, end)


def test_a_bare_day_put_right_of_two_dates_on_that_day_changes_neither():
    found = body("Vi søger fra den 13. maj til den 13. juni.\n\nP.S. det er den 14., ikke den 13.")
    assert (found.get("period_from"), found.get("period_to")) == ("2027-05-13", "2027-06-13")


@pytest.mark.parametrize("text, start, end", [
    ("Vi søgte om stillads i uge 37-38, men så det bliver uge 38-39 i stedet.", "2027-09-20", "2027-10-03"),
    ("We applied for 6-10 September, but we are late, so it will be 13-17 September instead.", "2027-09-13",
     "2027-09-17"),
])
def test_a_range_said_instead_of_the_earlier_one(text, start, end):
    found = values([("subject", "Stillads uge 37-38"), ("body", text)])
    assert (found.get("period_from"), found.get("period_to")) == (start, end)


def test_a_range_the_old_one_follows_stays_as_before():
    text = "Vi graver 8.-12. marts i stedet for 1.-5. marts."
    assert find_period(text, REFERENCE) == Period(date(2027, 3, 8), date(2027, 3, 12))


@pytest.mark.parametrize("text, start, end", [
    ("Vi vil gerne have udeservering foran caféen i 2027, april til og med september.", date(2027, 4, 1),
     date(2027, 9, 30)),
    ("We would like the terrace in 2027, May to August.", date(2027, 5, 1), date(2027, 8, 31)),
])
def test_the_year_then_its_months(text, start, end):
    assert find_period(text, REFERENCE) == Period(start, end)


@pytest.mark.parametrize("text, day", [
    ("Det foregår søndag den 26. september kl. 6-14. Butikken har i øvrigt en aftale med forsikringen fra den 2. "
     "september.", date(2027, 9, 26)),
    ("The lift is on Sunday 26 September. By the way, the shop's lease runs from 2 September.", date(2027, 9, 26)),
])
def test_a_date_in_an_aside_is_another_matter(text, day):
    assert find_period(text, REFERENCE) == Period(day, day)


@pytest.mark.parametrize("text", [
    "Pixelpeak ApS is moving into new offices on 1 November and needs a waste scheme.",
    "Vi flytter ind i nye lokaler 1. november og skal have en affaldsordning.",
    "Inden vi indsender ansøgningen, vil vi gerne høre, om I kan holde et forhåndsmøde – gerne i uge 6.",
])
def test_a_move_or_a_meeting_asked_for_is_no_period(text):
    assert find_period(text, REFERENCE) == Period(None, None)


def test_a_container_for_the_move_is_a_period():
    text = "We are moving into new offices on 1 November and need a container on 2 November."
    assert find_period(text, REFERENCE) == Period(date(2027, 11, 2), date(2027, 11, 2))


# ---------------------------------------------------------------- the contact and their phone

@pytest.mark.parametrize("text, phone", [
    ("Our foreman, Jonas Berg, is the contact person for this application and will be on site during the whole "
     "period: jonas.berg@byg.dk, +45 61 22 33 44.\n\n"
     "Best regards\nAnne Holm            Jonas Berg\n+45 33 11 22 00      +45 61 22 33 44", "61223344"),
    ("Any questions, please contact our lift planner Ole Vang at ov@kran.dk or 27 18 29 30.\n\nCheers\nOle Vang\n"
     "Office: +45 70 11 22 33", "27182930"),
    ("Jeg skriver for min chef, direktør Jakob Lund. Jakob tager sig af sagen, så ring direkte til ham på "
     "40 11 22 33 eller skriv til jl@firma.dk.\n\nMed venlig hilsen\nMaja Due\n"
     "tlf. 39 00 11 22", "40112233"),
])
def test_the_number_written_beside_the_contacts_email(text, phone):
    assert body(f"Hej\n\nVi søger om lift.\n\n{text}")["phone"] == phone


def test_a_switchboard_beside_the_email_does_not_win():
    text = ("Hej\n\nVi søger om lift.\n\nSkriv til info@firma.dk, omstilling 33 00 11 22.\n\nMvh\nBo Lund\n"
            "Mobil 22 33 44 55")
    assert body(text)["phone"] == "22334455"


@pytest.mark.parametrize("text, name", [
    ("Det er vores formand Grete Holm, der står for kontakten til kommunen, og hun kan fanges på grete@forening.dk.",
     "Grete Holm"),
    ("For practical questions please contact our site supervisor Piotr Zielinski (pz@lift.dk). I only handle the "
     "contract.", "Piotr Zielinski"),
])
def test_a_named_contact_over_the_writer(text, name):
    assert body(f"Hej\n\nVi søger om tilladelse.\n\n{text}\n\nVenlig hilsen\nAnders Bo")["contact_name"] == name


# ---------------------------------------------------------------- the client's property

def test_the_property_of_the_client_architects_write_for_is_its_address():
    text = ("Kære Center for Bygninger\n\nVi er arkitekter for Ejendomsselskabet Tagensvej 12 K/S (CVR 12345674), som "
            "ønsker at indrette tagboliger i tagetagen på Tagensvej 12, 2200 København N.\n\nVenlig hilsen\nEva Lund\n"
            "Tegnestuen Lund\nRyesgade 3, 2100 København Ø\nCVR 87654321")
    found = body(text)
    assert (found["company_name"], found["address"], found["postcode"]) == (
        "Ejendomsselskabet Tagensvej 12 K/S", "Tagensvej 12", "2200")
    assert "activity_location" not in found


def test_the_number_beside_another_persons_email_is_theirs():
    text = ("Hej\n\nVi søger om udeservering.\n\nKontakt: mig, Noah Berg, køkkenchef\nTelefon: +45 50 62 31 88\n"
            "Min medejer Freja Juul (freja@kok.dk, 28 77 05 12) tager sig af økonomien.\n\nMvh\nNoah")
    assert body(text, sender="noah@kok.dk")["phone"] == "50623188"
