"""Details in the voices of development batch d34: the business's own address written in many ways (footers with
dots or dashes between the parts, a name line above the address block, the English order "14 Refshalevej" with a
unit or a floor before it, a building between the address and its postcode, the town before the postcode, the
basement said in words)."""

from __future__ import annotations

from datetime import date

from tests.intake.details.reading import body_at, values_at

REF = date(2027, 1, 15)
values = values_at(REF)
body = body_at(REF)


# ---------------------------------------------------------------- the company in the business's own block

def test_footer_with_dots_between_its_parts_names_the_company():
    found = body("Hej\n\nVi søger om udeservering fra 1. maj til 30. september 2027, 8 m langs facaden og 2 m ud.\n\n"
                 "Venlig hilsen\nKaren Lund\n\n--\nRestaurant Søerne · Sortedam Dossering 7 · 2200 København N · "
                 "35 21 40 11 · CVR 31425366\n")
    assert found["company_name"] == "Restaurant Søerne"
    assert (found["address"], found["postcode"]) == ("Sortedam Dossering 7", "2200")


def test_footer_with_dashes_between_its_parts_names_the_company():
    found = body("Hej\n\nVi vil gerne have en container foran butikken i to uger.\n\nMvh Per Holm\n--\n"
                 "Isenkræmmeren Brønshøj - Frederikssundsvej 120 - 2700 Brønshøj - tlf 38 60 11 22 - CVR 28731460\n")
    assert found["company_name"] == "Isenkræmmeren Brønshøj"


def test_name_line_above_the_address_block_with_its_cvr_is_the_company():
    found = body("Hej\n\nJeg skal bruge en lift på fortovet ved Ryesgade 30 den 3. maj 2027.\n\n"
                 "Firmaets adresse er min privatadresse:\nTømrerfirma Ole Bak\nAmagerbrogade 200, 2. tv\n"
                 "2300 København S\nCVR 35829011\nMobil 40 11 22 33\n\nMvh Ole\n")
    assert found["company_name"] == "Tømrerfirma Ole Bak"


# ---------------------------------------------------------------- addresses written in the English order

def test_unit_before_an_english_address_is_left_out():
    found = body("Hi,\n\nWe would like to hold a small market in our yard on 6 June 2027.\n\n"
                 "Address: Unit 5, 22 Refshalevej, 1432 Copenhagen K\nDock Works ApS, CVR 31425366\n")
    assert (found["address"], found["postcode"]) == ("Refshalevej 22", "1432")


def test_floor_before_an_english_address_is_its_floor():
    found = body("Hello,\n\nWho do we ask about a food truck permit?\n\nBest regards,\nAnna Berg\nBerg Catering ApS\n"
                 "3rd floor, 12 Store Kongensgade\nDK-1264 Copenhagen K\nCompany reg. no. 31425366\n")
    assert (found["address"], found["postcode"]) == ("Store Kongensgade 12, 3.", "1264")


# ---------------------------------------------------------------- the postcode of the address

def test_building_between_the_address_and_its_postcode_keeps_the_postcode():
    found = body("Hej\n\nVi søger om at aflede skyllevand via en slamudskiller på 300 liter.\n\n"
                 "Keramikhuset ApS\nSnorresgade 22, Bygning 3\n2300 København S\nCVR 31425366\n\nMvh Eva Holm\n")
    assert (found["address"], found["postcode"]) == ("Snorresgade 22", "2300")


def test_town_written_before_the_postcode_gives_the_postcode():
    found = body("Hello,\n\nWe need collection of cardboard and food waste. The shop is at Njalsgade 21, ground floor "
                 "left, Copenhagen S, 2300.\n\nCompany: Njal Coffee ApS, CVR 31425366\n")
    assert (found["address"], found["postcode"]) == ("Njalsgade 21, st. tv", "2300")


# ---------------------------------------------------------------- the premises

def test_basement_said_in_words_before_the_address_is_its_floor():
    found = body("Dear City Life team,\n\nWe are a wine bar located in the basement of Larsbjørnsstræde 9 (1454 "
                 "Copenhagen K) and would like two tables on the pavement from 1 May to 30 September 2027.\n\n"
                 "Kind regards,\nLea Holm\nOwner, Vinkælder 9 ApS\n")
    assert found["address"] == "Larsbjørnsstræde 9, kl."


def test_the_part_of_town_a_venue_is_run_in_is_no_site():
    found = body("Hi,\n\nWe run a small event space on Refshaleøen and would like to hold a flea market in our yard "
                 "on Sunday 6 June 2027.\n\nAddress: Refshalevej 20, 1432 København K\nDock Works ApS, CVR 31425366\n")
    assert "activity_location" not in found


def test_site_of_papers_for_a_mail_about_our_brewery_is_the_address():
    mail = ("Hi,\n\nWe plan to build a steel mezzanine in our brewery hall. The drawings are attached.\n\n"
            "Cheers,\nOliver Holm\n+45 81 72 30 65\n")
    paper = ("Project: Mezzanine floor\nClient: Havn Brewing ApS, CVR 31425366\n"
             "Site: Sydhavns Plads 4, 2450 København SV\nDrawing A-101 Plan 1:100\n")
    found = values([("body", mail), ("drawings.pdf", paper)])
    assert (found.get("address"), found.get("postcode")) == ("Sydhavns Plads 4", "2450")
    assert "activity_location" not in found
