"""Details in the voices of development batch d13: guests counted in words ("omkring to hundrede gæster"), litres
that are an amount per wash or per year, tents counted before their size, a contractor field that says "os selv",
a P-number in a form's table row, a serving place's address as the restaurant's own, a phone wrapped over two
lines of a PDF or given as a direct line beside the switchboard, a sole proprietorship named in English, and the
month a shop opens."""

from __future__ import annotations

from datetime import date

import pytest

from intake.details import extract_details
from intake.details.periods import find_period
from intake.privacy import find_cpr

REF = date(2027, 1, 25)


def values(sources: list[tuple[str, str]], fields: dict[str, str] | None = None) -> dict:
    found = extract_details(sources, fields or {}, reference=REF, sender="x@example.dk")
    return {k: f.value for k, f in found.items()}


# ---------------------------------------------------------------- guests in words

@pytest.mark.parametrize(("text", "guests"), [
    ("Vi forventer omkring to hundrede gæster i løbet af dagen.", 200),
    ("We expect about five hundred guests seated on blankets on the lawn.", 500),
    ("Vi forventer cirka otte hundrede gæster i løbet af dagen.", 800),
    ("We expect around twelve hundred guests per day.", 1200),
    ("Der kommer nok to tusind besøgende.", 2000),
])
def test_guests_counted_in_words(text, guests):
    assert values([("body", f"Hej\nVi søger om et arrangement på Israels Plads.\n{text}")])["guests"] == guests


def test_a_crew_counted_in_words_is_no_guests():
    assert "guests" not in values([("body", "Holdet er to hundrede personer fra firmaet.")])


# ---------------------------------------------------------------- litres that are no tank

@pytest.mark.parametrize("text", [
    "Forventet ca. 15.000 vaske om året, ca. 150 liter vand pr. vask.",
    "Vi forventer at bruge ca. 4.000 liter vandbaseret lak om året.",
    "We plan to scale up our micro-brewery to approx. 500,000 litres of beer per year.",
])
def test_litres_per_wash_or_per_year_are_no_tank(text):
    assert "litres" not in values([("body", text)])


def test_a_tank_in_the_yard_keeps_its_litres():
    assert values([("body", "Der står en nedgravet olietank på 1.200 l i gården.")])["litres"] == 1200


# ---------------------------------------------------------------- several pieces counted before their size

def test_tents_counted_before_their_size_are_no_area():
    text = "Forventet antal deltagere: ca. 1.500\nOpstilling: målportal, 3 telte 3x3 m, toiletvogn"
    assert "area_m2" not in values([("body", text)])


def test_one_pavilion_keeps_its_area():
    assert values([("body", "Der opstilles en pavillon på 6 x 8 meter på pladsen.")])["area_m2"] == 48


# ---------------------------------------------------------------- "Entreprenør: os selv"

def test_a_contractor_field_that_says_ourselves_names_no_company():
    text = ("Periode: 17.-28. maj 2027\nEntreprenør: os selv\nAfmærkningsplan følger\n\n"
            "Kloak & Rør Nord ApS\nTomsgårdsvej 19, 2400 København NV\nCVR 31558042\n\nMvh\nBjarne Holst")
    assert values([("body", text)])["company_name"] == "Kloak & Rør Nord ApS"


# ---------------------------------------------------------------- a P-number in a table row

def test_a_p_number_in_a_table_row_is_the_p_number_and_no_cpr():
    text = "Virksomhedens navn | Café Kanal ApS\nCVR-nummer | 32328768\nP-nummer | 1011223344\nBy | København K"
    found = values([("skema.docx", text)])
    assert found["p_number"] == "1011223344"
    assert "cpr_found" not in found
    assert find_cpr("P-nummer | 1011223344") == []
    assert find_cpr("Navn | 1011223344") != []          # a date-shaped number under another label is still a CPR


# ---------------------------------------------------------------- the serving place's address

def test_a_serving_place_address_is_the_restaurants_own_when_the_form_names_no_other():
    found = values([("form", "")], {"Virksomhedens navn": "Café Kanal ApS", "Serveringsstedets adresse":
                                    "Gammel Strand 42", "Postnummer": "1202", "Ønsket areal i m2": "24"})
    assert found["address"] == "Gammel Strand 42"
    assert found["postcode"] == "1202"
    assert "activity_location" not in found


# ---------------------------------------------------------------- phones

def test_a_phone_wrapped_over_two_lines_of_a_pdf():
    text = ("Pizzeria Bella Vista ApS\nAmagerbrogade 45\n2300 København S\nCVR 43651498\n"
            "VVS-installatøren kan kontaktes gennem os. Skriv eller ring til undertegnede på 42 61\n70 98.\n"
            "Med venlig hilsen\nHüseyin Demir")
    assert values([("ansøgning.pdf", text)])["phone"] == "42617098"


def test_the_direct_line_beside_the_switchboard():
    text = ("Med venlig hilsen\n\nCaroline Worsaae\nAdvokat (H)\n\nWorsaae & Lind Advokatpartnerselskab\n"
            "Bredgade 25 B, 1260 København K\nT +45 33 12 40 00 | D +45 33 12 40 17\ncwo@worsaaelind.dk")
    assert values([("body", text)])["phone"] == "33124017"


# ---------------------------------------------------------------- a sole proprietorship named in English

def test_my_sole_proprietorship_is_names_the_business():
    text = ("I would like to apply for a market stall at Gråbrødretorv.\n\nMy sole proprietorship is Pastéis da Ana, "
            "CVR 27988431. I live at Bragesgade 14, st. tv, 2200 København N.\n\nThank you very much,\nAna Pereira")
    assert values([("stall.docx", text)])["company_name"] == "Pastéis da Ana"


# ---------------------------------------------------------------- the month a shop opens

def test_the_month_a_shop_opens_is_no_period():
    text = ("We are opening our first Danish store at Købmagergade 34, 1150 København K in April 2027 and would "
            "like to apply for a facade sign.")
    period = find_period(text, REF)
    assert period.start is None and period.end is None


def test_a_month_applied_for_stays_a_period():
    period = find_period("Vi søger om udeservering i maj 2027 foran caféen.", REF)
    assert (period.start, period.end) == (date(2027, 5, 1), date(2027, 5, 31))


# ---------------------------------------------------------------- where the business is, and its block

@pytest.mark.parametrize("text", [
    "I run a small coffee bar in Nørrebro and would love to put out two benches on the pavement.",
    "Vi har en lille café på Vesterbro og vil gerne have to borde ude foran.",
])
def test_the_part_of_town_the_business_lies_in_is_no_site(text):
    assert "activity_location" not in values([("body", text)])


def test_a_stall_at_a_named_place_stays_a_site():
    assert values([("body", "We run a food truck and want a stall at Kultorvet.")])["activity_location"] == "Kultorvet"


def test_an_address_under_the_company_name_with_an_aside_is_the_businesss_own():
    text = ("Attached is our application for noisy work at the quay in Nordhavn, Kalkbrænderiløbskaj 6.\n\n"
            "Marine Foundations Ltd. (Danish branch)\nHelsingørsgade 27, 1. th, 1303 København K\nCVR 28725191\n\n"
            "Kind regards\nIan McAllister")
    found = values([("body", text)])
    assert (found["address"], found["postcode"]) == ("Helsingørsgade 27, 1. th", "1303")
    assert found["activity_location"].startswith("Kalkbrænderiløbskaj 6")


# ---------------------------------------------------------------- a building on a street; a place put to use

def test_a_buildings_name_and_number_before_the_street_address_leaves_the_street_address():
    text = ("Nordic Tech Week ApS\nPakhus 48, Langeliniekaj 1\n2100 København Ø\nCVR 40496254\n\n"
            "To: City Life and Events, City of Copenhagen\n\nApplication for an outdoor conference day.")
    found = values([("application.pdf", text)])
    assert (found["address"], found["postcode"]) == ("Langeliniekaj 1", "2100")   # d16: the street and number only


@pytest.mark.parametrize(("text", "site"), [
    ("Nordic Tech Week ApS hereby applies for permission to use Ofelia Plads for the outdoor part.", "Ofelia Plads"),
    ("Vi søger om brug af Israels Plads til et loppemarked.", "Israels Plads"),
])
def test_a_place_applied_to_be_used_is_the_site(text, site):
    assert values([("body", text)])["activity_location"] == site


# ---------------------------------------------------------------- a mail written without capitals

def test_a_lower_case_street_with_its_number_and_postcode_is_the_address():
    text = ("hej jeg har en lille restaurant på blågårdsgade 14 2200 kbh n og vil gerne have 4 borde ude foran "
            "cvr 31145724 ring hvis der mangler noget\nmvh marco")
    found = values([("body", text)])
    assert (found["address"], found["postcode"]) == ("blågårdsgade 14", "2200")


def test_lower_case_words_without_a_postcode_after_them_are_no_address():
    assert "address" not in values([("body", "vi har 2 borde på fortovet ved vejen 12 stk stole")])
