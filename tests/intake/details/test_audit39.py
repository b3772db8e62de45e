"""Details of the audit mails of session 39, written blind in many voices: a firm's accountant and a tent supplier
named with their addresses, a residents' chair with his address in brackets, two days of a month after a street in
the subject. Each test words its case differently from the audit mail."""

from __future__ import annotations

from datetime import date

import pytest

from intake.details.sites import find_addresses
from tests.intake.details.reading import values_at

values = values_at(date(2026, 12, 7))

SIGNED = "\n\nMed venlig hilsen\nNina Krog\nKrog & Co ApS\n"


@pytest.mark.parametrize("sentence", [
    "Vores revisor, Tal & Tal Revision, Frederikssundsvej 70, 2400 København NV, betaler gebyret.",
    "My accountant, Holm Numbers ApS, Rentemestervej 8, 2400 København NV, pays the fee.",
    "Our lawyer, Juul Advokater, Amaliegade 12, 1256 København K, has read the lease.",
    "The stage is hired from Scenegrej ApS, Stamholmen 150, 2650 Hvidovre, with its crew.",
    "Telte og borde er lejet af Festudlejning Nord, Kirkebjerg Allé 88, 2605 Brøndby.",
])
def test_an_advisers_or_a_suppliers_address_is_neither_the_business_nor_the_site(sentence):
    body = ("Hej\n\nKrog & Co ApS, CVR 29221359, Istedgade 90, 1650 København V, søger om at holde gadefest på "
            f"Istedgade den 4. juni 2027. {sentence}{SIGNED}")
    found = values([("body", body)])
    assert (found.get("address"), found.get("postcode")) == ("Istedgade 90", "1650")
    assert "activity_location" not in found or "Istedgade" in found["activity_location"]


def test_our_own_office_hired_for_the_day_is_still_ours():
    """A control: the business's own address after "rent" wording that names no other party stays its own."""
    body = "Hej\n\nVi har lejet os ind på Blågårdsgade 4, 2200 København N, og søger om et skilt over døren." + SIGNED
    assert values([("body", body)])["address"] == "Blågårdsgade 4"


@pytest.mark.parametrize("sentence", [
    "Vi har talt med formanden for beboerforeningen, fru Ida Holm (Ryesgade 30), som bakker op.",
    "The residents' chair, Mr Per Holm (Ryesgade 30), supports it.",
    "Our neighbour Dr. Per Holm ( Ryesgade 30 ) has no objections.",
])
def test_a_titled_persons_address_in_brackets_is_that_persons_home(sentence):
    found = find_addresses(f"Hej\n\nVi søger om at holde gadefest den 3. juni 2027. {sentence}\n\nHilsen\nLis")
    assert "Ryesgade 30" not in (found.get("address"), found.get("activity_location"))


@pytest.mark.parametrize("subject, house", [
    ("Street party on Ryesgade 3-4 June", None),
    ("Street party on Ryesgade 12-13 September", None),
    ("Gadefest på Ryesgade 12-13 september", "Ryesgade 12"),     # Danish: a house and a day (batch d9)
    ("Scaffold at Ryesgade 30 - 4 June", "Ryesgade 30"),          # a house, then a day
    ("Facade work Ryesgade 30-34 in June", "Ryesgade 30-34"),    # a range of houses, then the month
])
def test_two_days_and_a_month_after_a_street_are_no_house_number(subject, house):
    found = find_addresses(subject)
    place = found.get("address") or found.get("activity_location")
    assert place == house if house else not any(c.isdigit() for c in place or "")
