"""Checklist rules from blind batch c22 (replies quoting the request, forwards, forms with blanks, bullet lists): a
document said not done past what it is of ("Kortlægningen af farlige stoffer er ikke lavet endnu") is not given; a
"Label: value" line whose answer is words that come back later ("- Adresse: står i vores lejekontrakt, vender
tilbage") is no address."""

from __future__ import annotations

import pytest

from intake.details.checklist import check
from intake.details.givens import implausible
from tests.intake.details.checklist_evidence import evidence


@pytest.mark.parametrize("text", [
    "I spurgte om hvornår: uge 36.\n\nKortlægningen af farlige stoffer er ikke lavet endnu, vi har bestilt den.",
    "The survey of hazardous materials is not finished yet.",
])
def test_a_survey_said_not_done_past_what_it_is_of_is_not_given(catalogue, text):
    assert "survey" in check(catalogue.task("nedrivning"), evidence(text)).missing


@pytest.mark.parametrize("text", [
    "Kortlægningen af bygningen viser ikke asbest.",
    "Kortlægning af PCB og asbest er udført, se rapporten.",
])
def test_a_survey_that_finds_nothing_is_given(catalogue, text):
    assert "survey" in check(catalogue.task("nedrivning"), evidence(text)).have


def test_an_address_answered_with_words_to_come_is_not_given(catalogue):
    body = ("Vi er et lille kontor.\n- CVR-nr.: 50 41 90 37\n- Affald: kontoraffald, papir\n"
            "- Adresse: står i vores lejekontrakt, vender tilbage")
    found = check(catalogue.task("erhvervsaffald"),
                  evidence(body, address="står i vores lejekontrakt, vender tilbage", cvr="50419037"))
    assert "address" in found.missing and "cvr" in found.have


@pytest.mark.parametrize(("value", "implausible_"), [
    ("står i vores lejekontrakt, vender tilbage", True),
    ("we will get back to you with it", True),
    ("Nørrebrogade 12, oplyses senere om opgang", False),     # a number: a place, whatever follows it
    ("Kulbanevej", False),
])
def test_a_place_that_says_it_comes_later_is_implausible(value, implausible_):
    assert implausible("address", value) is implausible_
