"""Details in the voices of development batch d15 (events, markets, road space, outdoor serving, street trading,
digging and noise): a contractor's work at "vores kundes ejendom", a café or restaurant that lies on a corner (its
own place, no site), a street with a lower-case word in its name, a site named as such ("The site we apply for is
X"), a housing association's building as a contractor's site, and events named by their trade."""

from __future__ import annotations

from datetime import date

import pytest

from intake.details import extract_details

REF = date(2027, 2, 22)


def values(sources: list[tuple[str, str]], fields: dict[str, str] | None = None) -> dict:
    found = extract_details(sources, fields or {}, reference=REF, sender="x@example.dk")
    return {k: f.value for k, f in found.items()}


# ---------------------------------------------------------------- a customer's building is the site

@pytest.mark.parametrize("cue", ["foran vores kundes ejendom på", "ved vores kunders ejendom på",
                                 "foran min kundes hus på"])
def test_our_customers_building_is_the_site(cue):
    found = values([("body", f"Hej\n\nVi skal have stillet en container op {cue} Istedgade 71 i forbindelse med en "
                             "renovering.\n\nMalerfirmaet Kragh & Søn ApS\nCVR-nr. 29 54 17 87\n"
                             "Gammel Køge Landevej 55, 2500 Valby\n\nMvh\nTom Kragh")])
    assert found["address"] == "Gammel Køge Landevej 55"
    assert found["postcode"] == "2500"
    assert found["activity_location"].startswith("Istedgade 71")


# ---------------------------------------------------------------- premises on a corner

def test_our_cafe_on_a_corner_is_the_address():
    found = values([("body", "Hi,\n\nOur café sits on the corner of Istedgade and Gasværksvej (address Istedgade 47). "
                             "We'd like to put out 3 tables on the Gasværksvej side, around 7 m2, from 15 May to 15 "
                             "September.\n\nCompany: Café Corner Copenhagen ApS")])
    assert found["address"] == "Istedgade 47"
    assert "activity_location" not in found


def test_a_restaurant_that_lies_on_a_corner_names_no_site():
    found = values([("body", "Hej,\n\nRestaurant Hjørnet (Elmegade Spisehus ApS) ligger på hjørnet af Elmegade og "
                             "Sankt Hans Gade. Vi søger udeservering på fortovet, i alt 18 m2.\n\n"
                             "Adresse: Elmegade 30, st., 2200 København N")])
    assert found["address"] == "Elmegade 30, st."
    assert "activity_location" not in found


def test_a_stall_on_a_corner_is_still_the_site():
    found = values([("body", "Hello, I would love a pitch on the corner of Nørrebrogade and Fælledvej every Saturday "
                             "in June.\n\nIda Sørensen\nPetals by Ida, Jagtvej 10, 2200 København N")])
    assert found["activity_location"] == "Nørrebrogade and Fælledvej"
