"""Details of the audit mails of session 38, written blind in many voices: a founder's "first restaurant", an
architect writing "for bygherren" who also gives the client's own address, a treasurer reached about payment only, a
sister's address to write to when the contact is away, a signer whose surname is "Gade". Each test words its case
differently from the audit mail."""

from __future__ import annotations

from datetime import date

import pytest

from intake.details.names import looks_like_person
from tests.intake.details.reading import values_at

values = values_at(date(2026, 12, 7))


@pytest.mark.parametrize("sentence", [
    "Our first shop is at Jægersborggade 31, 2200 København N, and we would like a sign over its door.",
    "We opened our first bakery at Jægersborggade 31, 2200 København N last spring and would like a sign.",
    "We run our first café at Jægersborggade 31, 2200 København N and would like a sign over the door.",
])
def test_the_first_of_a_businesss_places_is_where_it_is_now(sentence):
    """"first" was read as the first stage of a story ("first we were at X, then we moved"), and the address lost."""
    found = values([("body", f"Hello,\n\n{sentence}\n\nKind regards\nAyumi Sato\nSato Goods ApS\n")],
                   sender="ayumi@satogoods.dk")
    assert (found.get("address"), found.get("postcode")) == ("Jægersborggade 31", "2200")


def test_a_story_that_starts_at_first_still_is_one():
    body = ("Hej\n\nAt first we were at Blågårdsgade 4, 2200 København N, then we moved to Griffenfeldsgade 20, "
            "2200 København N, where we want a sign.\n\nBest\nTom Lund\n")
    assert values([("body", body)])["address"] == "Griffenfeldsgade 20"


@pytest.mark.parametrize("opening", [
    "Jeg er ingeniør for bygherren, Valby Udvikling ApS (CVR 29221359), som vil bygge et nyt lager på",
    "Vi skriver som arkitekter for bygherren, Valby Udvikling ApS, CVR 29221359, der vil opføre et lager på",
])
def test_an_adviser_for_the_client_gives_the_clients_own_address(opening):
    body = (f"Kære Københavns Kommune\n\n{opening} Gammel Køge Landevej 55, 2500 Valby. Bygherrens eget kontor "
            "ligger ikke der: bygherrens egen adresse er Vigerslev Allé 18, 2500 Valby.\n\nMed venlig hilsen\n"
            "Lone Berg\nIngeniør\nBerg Rådgivning ApS\nBredgade 20, 1260 København K\nTlf. 33 11 22 33\n")
    found = values([("body", body)], sender="lb@bergraad.dk")
    assert (found["company_name"], found["cvr"]) == ("Valby Udvikling ApS", "29221359")
    assert (found["address"], found["postcode"]) == ("Vigerslev Allé 18", "2500")


@pytest.mark.parametrize("sentence", [
    "Vores kasserer, Bo Krogh, kan træffes på bo@strandkoret.dk vedrørende betalingen.",
    "Our treasurer, Bo Krogh, can be reached at bo@strandkoret.dk regarding invoices.",
])
def test_a_person_reached_about_money_only_is_not_the_contact(sentence):
    body = (f"Hej\n\nStrandkoret (CVR 25216229) vil gerne synge på Islands Brygge søndag den 13. juni 2027. "
            f"{sentence}\n\nMange hilsner\nAnja Friis\nFormand\n")
    found = values([("body", body)], sender="formand@strandkoret.dk", sender_name="Anja Friis")
    assert (found["contact_name"], found["contact_email"]) == ("Anja Friis", "formand@strandkoret.dk")


def test_a_person_reached_about_the_event_is_the_contact():
    body = ("Hej\n\nStrandkoret vil gerne synge på Islands Brygge. Bo Krogh kan træffes på bo@strandkoret.dk "
            "vedrørende arrangementet.\n\nHilsen\nAnja Friis\n")
    found = values([("body", body)], sender="formand@strandkoret.dk", sender_name="Anja Friis")
    assert found["contact_email"] == "bo@strandkoret.dk"


@pytest.mark.parametrize("sentence", [
    "Hvis jeg ikke svarer, kan I skrive til min kollega på kollega@lundsblomster.dk.",
    "If I am away, please write to my partner at partner@lundsblomster.dk.",
    "I mit fravær kan I bruge butik@lundsblomster.dk.",
])
def test_an_address_for_when_the_contact_is_away_is_not_the_contact_email(sentence):
    body = (f"Hej\n\nVi søger om at stille blomsterspande ud foran Lunds Blomster. Jeg er kontaktperson. {sentence}\n\n"
            "Mvh\nEva Lund\n")
    found = values([("body", body)], sender="eva@lundsblomster.dk", sender_name="Eva Lund")
    assert found["contact_email"] == "eva@lundsblomster.dk"


@pytest.mark.parametrize("name, person", [("Ole Gade", True), ("Store Gade", False), ("Sankt Hans Gade", False),
                                          ("Nørre Gade", False), ("Istedgade", False)])
def test_gade_as_a_surname_is_a_name_and_as_a_street_is_not(name, person):
    assert looks_like_person(name) is person


def test_a_signer_named_gade_is_the_contact():
    body = ("Hej\n\nVi søger om byggetilladelse til en tilbygning.\n\nMed venlig hilsen\nOle Gade\nProjektchef\n"
            "Vestegnens Bolig ApS\n")
    assert values([("body", body)], sender="og@vbolig.dk")["contact_name"] == "Ole Gade"
