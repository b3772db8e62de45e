"""Checklist rules from blind batch c21 (ordinary day-to-day mail): the soil's destination said as where it "skal
til" ("Det skal til Stigsnæs"); a start with its duration in the next sentence or line ("from 3 May 2027. Expected
duration 3 weeks.") is a period; "spildevand fra værksted" names the premises, not the wastewater; the business's
own address is not the site of an activity away on the road because the subject names its street ("Skurvogn
Amagerbrogade") or the text puts work in "the property" ("tagarbejde i ejendommen"), only by it ("ved
ejendommen")."""

from __future__ import annotations

import pytest

from intake.details.checklist import Evidence, check
from tests.intake.details.checklist_evidence import evidence

# ---------------------------------------------------------------- "Det skal til Stigsnæs"


@pytest.mark.parametrize("text", [
    "Vi skal køre noget jord væk fra en have hvor vi laver kloak. Det skal til Stigsnæs. Hvad gør vi?",
    "Jorden skal til Fakse Jordcenter.",
    "The soil is going to Stigsnæs.",
])
def test_where_the_soil_is_to_go_is_the_destination(catalogue, text):
    assert "destination" in check(catalogue.task("jordflytning"), evidence(text)).have


@pytest.mark.parametrize("text", [
    "Vi skal til Amager og grave ud for en ny kloak.",      # where the writer goes, not the soil
    "Hvor skal jorden til?",
    "Jorden skal til maj flyttes fra haven.",
])
def test_going_somewhere_else_is_no_destination(catalogue, text):
    assert "destination" in check(catalogue.task("jordflytning"), evidence(text)).missing


# ---------------------------------------------------------------- a start, and its duration in the next sentence


@pytest.mark.parametrize("text", [
    "We will be crushing concrete at Ørestads Boulevard 55 from 3 May 2027. Expected duration 3 weeks.",
    "Vi starter betonknusningen 3. maj 2027.\nVarighed: ca. 3 uger",
    "Vi går i gang 3. maj 2027. Arbejdet tager ca. 2 uger.",
])
def test_a_start_and_its_duration_in_the_next_sentence_are_the_period(catalogue, text):
    found = check(catalogue.task("stoej_byggeplads"), evidence(text, period_from="2027-05-03"))
    assert "period" in found.have


@pytest.mark.parametrize("text", [
    "We will be crushing concrete from 3 May 2027. We have 3 workers on site.",
    "We will be crushing concrete from 3 May 2027. How long depends on the weather.",
])
def test_a_start_with_no_duration_is_no_period(catalogue, text):
    found = check(catalogue.task("stoej_byggeplads"), evidence(text, period_from="2027-05-03"))
    assert "period" in found.missing


# ---------------------------------------------------------------- "Spildevand fra værksted"


@pytest.mark.parametrize(("subject", "body"), [
    ("Spildevand fra værksted", "Jeg har et lille bilværksted og skal vist have en tilladelse til at lede vand ud."),
    ("Wastewater from our new premises", "Hi, what do you need from us?"),
])
def test_wastewater_from_the_premises_does_not_say_what_it_is(catalogue, subject, body):
    found = check(catalogue.task("spildevand"), Evidence(texts=[("subject", subject), ("body", body)]))
    assert "wastewater" in found.missing


@pytest.mark.parametrize("body", [
    "Spildevand fra nyt bryggeri.",
    "Vandet fra hårvask går i kloakken.",
    "Spildevand fra vores værksted går gennem en olieudskiller.",
])
def test_wastewater_from_a_process_says_what_it_is(catalogue, body):
    found = check(catalogue.task("spildevand"), Evidence(texts=[("body", body)]))
    assert "wastewater" in found.have


# ---------------------------------------------------------------- the business's own address, and its street named


SIGNATURE = "Venlig hilsen\nKim Rasmussen\nRasmussen Tag ApS\nAmagerbrogade 201, 2300 København S\nCVR 27800068"


def test_the_street_of_the_own_address_in_the_subject_is_not_the_site(catalogue):
    found = check(catalogue.task("vejareal"), Evidence(
        details=evidence("", address="Amagerbrogade 201").details, signature=SIGNATURE,
        texts=[("subject", "Skurvogn Amagerbrogade"),
               ("body", "Jeg søger om at stille en skurvogn på vejen i forbindelse med tagarbejde.")]))
    assert "site" in found.missing


def test_work_in_the_property_is_not_at_the_own_premises(catalogue):
    body = "Jeg søger om at stille en skurvogn på vejen i forbindelse med tagarbejde i ejendommen."
    found = check(catalogue.task("vejareal"), evidence(body, signature=SIGNATURE, address="Amagerbrogade 201"))
    assert "site" in found.missing


@pytest.mark.parametrize("body", [
    "Vi vil stille en container på vejen foran vores butik.",
    "Vi skal have en lift stående ved ejendommen i februar.",
    "Vi vil stille en container ud for Amagerbrogade 201.",
])
def test_the_own_address_is_the_site_where_the_text_puts_it_there(catalogue, body):
    found = check(catalogue.task("vejareal"), evidence(body, signature=SIGNATURE, address="Amagerbrogade 201"))
    assert "site" in found.have
