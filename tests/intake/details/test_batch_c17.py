"""Checklist rules from blind batch c17: the city itself named as where the place is ("tre butikker i København")
and the signature's town outside it (2600 Glostrup): the signature is the writer's office, not the place."""

from __future__ import annotations

import pytest

from intake.details.checklist import check
from intake.details.givens import district_elsewhere
from tests.intake.details.checklist_evidence import evidence

# ---------------------------------------------------------------- the city named, the signature outside it


def test_shops_in_the_city_and_a_signature_outside_it_give_no_address(catalogue):
    body = ("Vi har tre bagerbutikker i København og vil gerne samle affaldsordningen under én aftale. "
            "CVR-nr. 77224777. Det drejer sig primært om madaffald og pap.")
    signature = "Med venlig hilsen\nTove Rasmussen\nRasmussens Bageri A/S\nIndustrivej 4, 2600 Glostrup"
    found = check(catalogue.task("erhvervsaffald"), evidence(body, signature, address="Industrivej 4"))
    assert "address" in found.missing


def test_a_signature_in_the_city_named_is_the_place(catalogue):
    body = "Vi har en bagerbutik i København og vil gerne have en ny affaldsordning. Mest madaffald og pap."
    signature = "Med venlig hilsen\nTove Rasmussen\nRasmussens Bageri ApS\nIstedgade 90, 1650 København V"
    found = check(catalogue.task("erhvervsaffald"), evidence(body, signature, address="Istedgade 90"))
    assert "address" in found.have


@pytest.mark.parametrize(("text", "signature", "elsewhere"), [
    ("tre butikker i København", "Industrivej 4, 2600 Glostrup", True),
    ("three shops in Copenhagen", "Industrivej 4, 2600 Glostrup", True),
    ("en café i Københavns Kommune", "Hovedgaden 2, 2800 Kongens Lyngby", True),
    ("tre butikker i København", "Istedgade 90, 1650 København V", False),
    ("a shop in Copenhagen", "Gammel Kongevej 100, 1850 Frederiksberg C", False),
    ("a shop in Copenhagen", "Sønder Boulevard 12, 2450 Copenhagen SV", False),
    ("vores lager i Valby", "Vigerslevvej 7, 2500 Valby", False),
    ("et lager i København K", "Industrivej 4, 2600 Glostrup", False),  # a postal district, not the city
    ("ud til København", "Industrivej 4, 2600 Glostrup", False),  # no place named as in the city
])
def test_the_city_named_and_the_signatures_town(text, signature, elsewhere):
    assert district_elsewhere([text], signature) is elsewhere
