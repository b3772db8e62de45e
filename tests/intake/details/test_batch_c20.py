"""Rules from blind batch c20: an address named as someone else's place (a neighbour's, the shop next door's, the
landlord's home) is neither the business's address nor the site; days of the week in a season without its year
("weekender om sommeren") are no period; a day and month after "FRA" in capitals before a full date start the period."""

from __future__ import annotations

from datetime import date

import pytest

from intake.details import extract_details
from intake.details.checklist import check
from intake.details.sites import find_addresses
from tests.intake.details.checklist_evidence import evidence

REF = date(2026, 11, 16)

# ---------------------------------------------------------------- someone else's address


@pytest.mark.parametrize("text", [
    "My neighbour at Gothersgade 14 has the same kind of awning, so I hope it is fine.",
    "The café next to ours at Amagerbrogade 31 did this last year.",
    "Naboen på Istedgade 12 har allerede klaget over larmen.",
    "Min udlejer bor på Frederiksvej 8, og han har sagt ok.",
    "Our landlord lives at Vesterbrogade 120 and asked me to write.",
])
def test_someone_elses_address_is_neither_the_address_nor_the_site(text):
    assert find_addresses(text) == {}


@pytest.mark.parametrize(("text", "site"), [
    ("Containeren skal stå foran naboen på Istedgade 56.", "Istedgade 56"),
    ("We will put the scaffold up at the neighbour at Gothersgade 14.", "Gothersgade 14"),
])
def test_a_place_at_the_neighbours_is_the_site(text, site):
    assert find_addresses(text).get("activity_location") == site


def test_a_neighbours_address_in_the_text_gives_no_address(catalogue):
    body = "I want a sign on my shop, 1 x 0.5 m. My neighbour at Gothersgade 14 has the same kind of sign."
    assert "address" in check(catalogue.task("skilte"), evidence(body)).missing
    body = "Vi vil fjerne en gammel olietank på 1000 liter. Min udlejer bor på Frederiksvej 8."
    assert "address" in check(catalogue.task("olietank"), evidence(body)).missing


def test_the_business_address_beside_a_neighbours_is_given(catalogue):
    body = "Vi vil sætte et skilt op på Blågårdsgade 3. Naboen på Blågårdsgade 5 har et lignende."
    assert "address" in check(catalogue.task("skilte"), evidence(body, address="Blågårdsgade 3")).have


# ---------------------------------------------------------------- weekends in a season without its year


@pytest.mark.parametrize(("text", "given"), [
    ("vi vil sælge kaffe fra en cykel, mest weekender om sommeren", False),
    ("We would sell ice cream on weekends in the summer.", False),
    ("We would sell ice cream on weekends in the summer 2027.", True),
    ("Vi vil sælge is i weekender i juni og juli 2027.", True),
])
def test_weekends_in_a_season_give_a_period_only_with_its_year(catalogue, text, given):
    found = check(catalogue.task("gadesalg"), evidence(text))
    assert ("period" in found.have) is given


# ---------------------------------------------------------------- "FRA 1.12 TIL 23.12.2027"


@pytest.mark.parametrize("text", [
    "SALG AF JULETRÆER FRA 1.12 TIL 23.12.2027.",
    "Salg af juletræer fra 1.12 til 23.12.2027.",
])
def test_a_day_and_month_before_a_full_date_start_the_period(text):
    found = extract_details([("body", text)], {}, reference=REF, sender="x@example.dk")
    assert (found["period_from"].value, found["period_to"].value) == ("2027-12-01", "2027-12-23")


def test_the_period_from_a_day_and_month_is_given(catalogue):
    text = "SALG AF JULETRÆER FRA 1.12 TIL 23.12.2027."
    found = check(catalogue.task("gadesalg"), evidence(text, period_from="2027-12-01", period_to="2027-12-23"))
    assert "period" in found.have
