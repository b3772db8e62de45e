"""Details in the voices of development batch d19: the business's own address given as "vores virksomhed på
adressen X", an event's day with its build-up and take-down dated apart, and a sole trader's name "X v/ Owner" that
opens a sentence after the kind of business in its definite form."""

from __future__ import annotations

from datetime import date

from intake.details import extract_details

REF = date(2027, 2, 22)


def values(sources: list[tuple[str, str]], fields: dict[str, str] | None = None, sender: str = "x@example.dk",
           sender_name: str = "") -> dict:
    found = extract_details(sources, fields or {}, reference=REF, sender=sender, sender_name=sender_name)
    return {k: f.value for k, f in found.items()}


# ---------------------------------------------------------------- the business's own address "på adressen"

def test_our_business_at_the_address_is_the_address_not_the_site():
    text = ("Hej\n\nVi skal rive et skur ned hos vores virksomhed på adressen Ved Stranden 8, 1061 København K, "
            "i april 2027.\n\nByg & Bo ApS, CVR 35297189\n\nMvh\nOle Berg")
    found = values([("body", text)])
    assert found["address"] == "Ved Stranden 8"
    assert found["postcode"] == "1061"
    assert "activity_location" not in found


def test_our_company_at_the_address_in_english_is_the_address():
    text = ("Dear team,\n\nWe want to demolish a shed at our company at the address Tagensvej 30, 2200 København N "
            "in April 2027.\n\nNord Byg ApS, CVR 35297189\n\nBest regards\nOle Berg")
    found = values([("body", text)])
    assert found["address"] == "Tagensvej 30"
    assert "activity_location" not in found


def test_a_customers_place_at_the_address_stays_the_site():
    text = ("Hej\n\nVi skal rive et skur ned hos vores kunde på adressen Ved Stranden 8, 1061 København K i april "
            "2027.\n\nByg & Bo ApS, CVR 35297189, Vesterbrogade 3, 1620 København V\n\nMvh\nOle Berg")
    found = values([("body", text)])
    assert found["address"] == "Vesterbrogade 3"
    assert found["activity_location"].startswith("Ved Stranden 8")


# ---------------------------------------------------------------- an event's day and its build-up dated apart

def test_a_build_up_day_dated_apart_opens_the_period():
    text = ("Hej\n\nVi søger om en koncert i Søndermarken lørdag den 14. august 2027 fra kl. 14 til 21. "
            "Opbygning af scene fredag 13. august.\n\nJazzklubben ApS, CVR 43067125")
    found = values([("body", text)])
    assert (found["period_from"], found["period_to"]) == ("2027-08-13", "2027-08-14")


def test_set_up_and_take_down_days_dated_apart_bound_the_period():
    text = ("Dear team,\n\nWe apply for a street food event on Israels Plads on Saturday 12 June 2027, 11:00-22:00. "
            "Set-up on 11 June, take-down the morning of 13 June.\n\nLoud Table ApS, CVR 79729884")
    found = values([("body", text)])
    assert (found["period_from"], found["period_to"]) == ("2027-06-11", "2027-06-13")


def test_a_take_down_day_after_the_event_closes_the_period():
    text = ("Hej\n\nVi holder koncert i Fælledparken lørdag den 14. august 2027. Nedtagning søndag den 15. august."
            "\n\nKoncertfolket ApS, CVR 43067125")
    found = values([("body", text)])
    assert (found["period_from"], found["period_to"]) == ("2027-08-14", "2027-08-15")


def test_a_build_up_weeks_before_the_event_is_no_part_of_its_period():
    text = ("Hej\n\nVi holder koncert i Fælledparken lørdag den 14. august 2027. Opbygning 1. august."
            "\n\nKoncertfolket ApS, CVR 43067125")
    found = values([("body", text)])
    assert (found.get("period_from"), found.get("period_to")) != ("2027-08-01", "2027-08-14")


# ---------------------------------------------------------------- "Frisørsalonen X v/ Owner" opening a sentence

def test_the_kind_of_business_opening_a_sentence_is_no_part_of_an_owned_name():
    text = ("Kære Center for Bygninger\n\nFrisørsalonen Klip & Krøller v/ Anne-Mette Skov ønsker at opsætte et "
            "facadeskilt på Amagerbrogade 171, 2300 København S.\n\nCVR-nr.: 22189077\n\nVenlig hilsen\n"
            "Anne-Mette Skov")
    assert values([("body", text)])["company_name"] == "Klip & Krøller v/ Anne-Mette Skov"


def test_an_owned_name_on_a_signature_line_keeps_its_first_word():
    text = ("Hej\n\nVi vil gerne have et udhængsskilt på Jagtvej 12, 2200 København N.\n\n"
            "Blomsterbutikken Rose & Ranke v/ Anne Holm\nCVR 22189077\n")
    assert values([("body", text)])["company_name"] == "Blomsterbutikken Rose & Ranke v/ Anne Holm"
