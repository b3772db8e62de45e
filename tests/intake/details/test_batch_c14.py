"""Checklist rules from blind batch c14: a round number of participants in words, the writer's role for another party
(its CVR, its place), a job at a customer's, a house number still being confirmed, a document the writer will send
later, and a quantity of last year."""

from __future__ import annotations

import pytest

from intake.details.checklist import check
from tests.intake.details.checklist_evidence import evidence

# ---------------------------------------------------------------- participants in words


@pytest.mark.parametrize("body", [
    "We expect a couple thousand runners along the harbour.",
    "We expect a couple of thousand runners along the harbour.",
])
def test_a_couple_thousand_participants_is_a_number(catalogue, body):
    assert "guests" in check(catalogue.task("arrangement"), evidence(body)).have


# ---------------------------------------------------------------- the writer's role for another party


@pytest.mark.parametrize("body", [
    "Som revisor for Nordhavn Metal ApS, CVR 64830872, fremsender vi hermed ansøgningen på klientens vegne.",
    "We are the accountants for Nordhavn Metal ApS (CVR 64830872) and apply on the company's behalf.",
])
def test_the_cvr_after_the_writers_role_for_a_company_is_the_companys(catalogue, body):
    assert "cvr" in check(catalogue.task("miljoegodkendelse"), evidence(body, cvr="64830872")).have


@pytest.mark.parametrize("body", [
    "Vores revisor er Bendtsen Revision, CVR 64830872.",
    "Som ejer af Nordhavn Metal ApS oplyser jeg revisor Bendtsen Revision, CVR 64830872.",
])
def test_the_cvr_of_an_adviser_named_as_such_is_still_another_partys(catalogue, body):
    assert "cvr" in check(catalogue.task("miljoegodkendelse"), evidence(body, cvr="64830872")).missing


_SIGN_ARCHITECT = "Venlig hilsen\nSara Hald\nHald & Skov Tegnestue\nVesterbrogade 149, 1620 København V"


@pytest.mark.parametrize("body", [
    "Vi er arkitekter for en ejer, der vil bygge en kvist på deres ejendom på Østerbro.",
    "We are the architects for a family who want a dormer on their house in Østerbro.",
    "Jeg er rådgiver for et lille autoværksted, der skal have ny olietank.",
])
def test_the_signature_of_a_writer_with_a_role_for_another_is_not_the_place(catalogue, body):
    found = check(catalogue.task("byggetilladelse"), evidence(body, _SIGN_ARCHITECT, address="Vesterbrogade 149"))
    assert "address" in found.missing


def test_the_signature_of_an_architect_building_for_itself_is_the_place(catalogue):
    body = "Vi er arkitekter og vil bygge en kvist på vores egen tegnestue."
    found = check(catalogue.task("byggetilladelse"), evidence(body, _SIGN_ARCHITECT, address="Vesterbrogade 149"))
    assert "address" in found.have


# ---------------------------------------------------------------- a tradesman's job at a customer's

_SIGN_PLUMBER = "mvh Bo\nBN VVS\nRoskildevej 300, 2610 Rødovre"


@pytest.mark.parametrize("body", [
    "ny tank 1200 liter skal sættes op hos kunde i næste uge. hvad skal i have?",
    "Vi skal sætte en ny tank på 1200 liter op hos en kunde i Valby.",
    "We are installing a 1,200 litre tank at a customer's house next week.",
])
def test_the_signature_of_a_tradesman_working_at_a_customers_is_not_the_place(catalogue, body):
    found = check(catalogue.task("olietank"), evidence(body, _SIGN_PLUMBER, address="Roskildevej 300"))
    assert "address" in found.missing


def test_the_signature_of_a_tradesman_with_his_own_tank_is_the_place(catalogue):
    body = "Vi skal have en ny tank på 1200 liter op hos os i gården; vores kunder mærker intet."
    found = check(catalogue.task("olietank"), evidence(body, _SIGN_PLUMBER, address="Roskildevej 300"))
    assert "address" in found.have


# ---------------------------------------------------------------- a house number still being confirmed


def test_a_street_whose_number_is_being_confirmed_is_not_the_address(catalogue):
    body = ("We are opening a car wash on Vasbygade in Sydhavnen (the exact number is being confirmed by the "
            "landlord).")
    found = check(catalogue.task("spildevand"), evidence(body, activity_location="Vasbygade"))
    assert "address" in found.missing


def test_the_exact_number_of_something_else_leaves_the_street(catalogue):
    body = "We are opening a car wash on Vasbygade in Sydhavnen; the exact number of bays is being decided."
    found = check(catalogue.task("spildevand"), evidence(body, activity_location="Vasbygade"))
    assert "address" in found.have


# ---------------------------------------------------------------- a document the writer will send later


@pytest.mark.parametrize("body", [
    "We will send the traffic management plan once it has been approved by the police.",
    "I'll forward the signage plan when the contractor has it ready.",
    "Vi eftersender afmærkningsplanen, når politiet har godkendt den.",
])
def test_a_document_the_writer_will_send_later_is_missing(catalogue, body):
    assert "traffic_plan" in check(catalogue.task("gravetilladelse"), evidence(body)).missing


@pytest.mark.parametrize("body", [
    "Vi sender hermed afmærkningsplanen, godkendt af politiet.",
    "We will send you the traffic management plan now: it was approved by the police on 2 November.",
])
def test_a_document_sent_now_is_given(catalogue, body):
    assert "traffic_plan" in check(catalogue.task("gravetilladelse"), evidence(body)).have


# ---------------------------------------------------------------- a quantity of last year


@pytest.mark.parametrize("body", [
    "se vedhæftede.\n(sidste år flyttede vi 150 tons fra samme grund, men det er en anden mængde i år)",
    "Last year we moved 150 tonnes from the same plot.",
])
def test_last_years_amount_is_not_this_applications(catalogue, body):
    assert "amount" in check(catalogue.task("jordflytning"), evidence(body)).missing


@pytest.mark.parametrize(("task", "item", "body", "values"), [
    ("jordflytning", "amount", "Sidste år flyttede vi 150 tons, i år bliver det ca. 200 tons.", {}),
    ("arrangement", "guests", "Last year we had 180 swimmers on 15 August 2026 and we expect the same this year.", {}),
    ("udeservering", "area", "4 borde ud foran igen til sommer, samme som sidste år (ca 10 kvm langs muren).",
     {"area_m2": 10}),
])
def test_a_quantity_said_again_for_this_year_is_given(catalogue, task, item, body, values):
    assert item in check(catalogue.task(task), evidence(body, **values)).have
