"""Details in the voices of development batch d39: international businesses and expats writing in English and simple
Danish (a foreign parent company beside the Danish branch, pipe and dot signatures, names from many cultures)."""

from __future__ import annotations

from datetime import date

from tests.intake.details.reading import body_at, values_at

REF = date(2027, 1, 15)
values = values_at(REF)
body = body_at(REF)


# ---------------------------------------------------------------- periods

def test_two_days_after_the_month_joined_by_and_are_a_period():
    found = body("Hi,\n\nWe'd like to hold a free outdoor concert on Israels Plads on June 18th and 19th, 2027, "
                 "from noon to 10 pm both days.\n\nBest,\nSven Lind\nNordlyd ApS\n")
    assert (found["period_from"], found["period_to"]) == ("2027-06-18", "2027-06-19")


def test_opening_day_after_an_address_with_its_floor_is_no_period():
    found = body("Hej\n\nVi åbner en restaurant på Nørre Farimagsgade 21, st. tv, 1364 København K, "
                 "den 1. marts 2027.\n\nVi skal have en ordning for erhvervsaffald: madaffald og pap.\n\n"
                 "Venlig hilsen\nTanaka Yuki\nSakura Dining ApS\n")
    assert "period_from" not in found and "period_to" not in found


# ---------------------------------------------------------------- sites

def test_town_of_a_foreign_parent_company_is_no_site():
    found = body("Hi,\n\nWe are the Danish subsidiary of Nordlyd AB in Stockholm, and this is our first event. "
                 "We'd like to hold a free outdoor concert on 18 June 2027.\n\nBest,\nSven Lind\n"
                 "Nordlyd Denmark ApS\nVesterbrogade 149, 1620 København V\n")
    assert found.get("activity_location") != "Stockholm"


def test_collection_address_of_a_removal_is_the_site():
    paper = ("Client: Holm & Reventlow Advokatpartnerselskab (relocating)\n"
             "Collection address: Sankt Annæ Plads 13, 1250 København K\n\nPeriod: 22/03/2027 – 26/03/2027\n")
    found = values([("body", "Dear Sir,\n\nThe details are in the attached document.\n\nKind regards,\nAnna Holm\n"
                             "Atlas Moves ApS\nKalkbrænderihavnsgade 2, 2100 København Ø\n"),
                    ("schedule.pdf", paper)])
    assert found["activity_location"].startswith("Sankt Annæ Plads 13")
    assert found["address"] == "Kalkbrænderihavnsgade 2"


def test_contact_on_site_names_a_person_not_a_place():
    paper = ("Equipment: a skip container in the parking lane\n"
             "Period: 22/03/2027 – 26/03/2027\n\nContact on site: Siobhán O'Donnell, +45 93 88 20 14\n")
    found = values([("body", "Dear Sir,\n\nSee the attached document.\n\nKind regards,\nSiobhán O'Donnell\n"
                             "Atlas Moves ApS\nKalkbrænderihavnsgade 2, 2100 København Ø\n"),
                    ("schedule.pdf", paper)])
    assert "O'Donnell" not in found.get("activity_location", "")


def test_capitalised_title_before_a_dash_and_the_company_is_no_label():
    paper = ("SITE AND SCHEDULE – Atlas Moves ApS\n\nCollection address: Sankt Annæ Plads 13, 1250 København K\n"
             "Period: 22/03/2027 – 26/03/2027\n")
    found = values([("body", "Dear Sir,\n\nSee the attached document.\n\nKind regards,\nAnna Holm\n"
                             "Atlas Moves ApS\nKalkbrænderihavnsgade 2, 2100 København Ø\n"),
                    ("schedule.pdf", paper)])
    assert found.get("activity_location") != "Atlas Moves ApS"


# ---------------------------------------------------------------- the business's own address

def test_company_address_and_postcode_joined_by_middle_dots_is_the_address():
    found = body("Dear Sir or Madam,\n\nWe are the earthworks contractor on the new day-care centre at "
                 "Sundholmsvej 40, 2300 Copenhagen S, and notify the removal of surplus soil.\n\nCompany details:\n"
                 "Terra Nordic ApS · Sluseholmen 2, 2nd floor · 2450 Copenhagen SV · VAT DK75491646\n\n"
                 "Kind regards\nAnke Müller\n")
    assert (found["address"], found["postcode"]) == ("Sluseholmen 2, 2.", "2450")
    assert found["activity_location"].startswith("Sundholmsvej 40")


# ---------------------------------------------------------------- names

def test_surname_with_an_elided_italian_particle():
    found = body("Buongiorno,\n\nI am Matteo dell'Acqua, manager of Gelato Galileo ApS. We would like to sell gelato "
                 "from a cart on Kongens Nytorv.\n\nGrazie!\n"
                 "Matteo dell'Acqua | Store Manager | Gelato Galileo ApS | +45 31 42 77 09\n")
    assert found["contact_name"] == "Matteo dell'Acqua"


# ---------------------------------------------------------------- areas

def test_length_along_the_facade_and_the_width_taken_of_the_pavement_give_the_area():
    found = body("Dear Sir or Madam,\n\nWe apply for a scaffold at Bredgade 36. The scaffold will run the full width "
                 "of the facade, 24 m, and will take up 1.5 m of the pavement.\n\nKind regards\nHans Storch\n"
                 "Hoffmann Facader ApS\n")
    assert found["area_m2"] == 36
