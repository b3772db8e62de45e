"""Details in the voices of development batch d47: closings in the writer's own language, a nickname signed with the
full name in brackets, "the contact person is me, X", a contact named by the first name alone, an initial signed
for the surname, the owner's home told aside, a stretch whose last house is included, a country one came from, and
an agent's form with the client's CVR and address on the lines under it."""

from __future__ import annotations

from datetime import date

from intake.details import extract_details
from tests.intake.details.reading import body_at, values_at

REF = date(2027, 1, 4)
body = body_at(REF)
values = values_at(REF)


# ---------------------------------------------------------------- contacts

def test_a_closing_in_another_language_after_a_slash_is_no_name():
    found = body("Hello\n\nWe need a container on the street for one week.\n\nKind regards / Pozdrawiam\n"
                 "Tomasz Lewandowski\nForeman\n")
    assert found["contact_name"] == "Tomasz Lewandowski"


def test_an_italian_closing_after_a_slash_is_no_name():
    found = body("Good morning\n\nWe would like a few tables outside the trattoria.\n\nBest wishes / Saluti\n"
                 "Alessandra Monti\n")
    assert found["contact_name"] == "Alessandra Monti"


def test_a_name_one_goes_by_then_the_full_name_in_brackets():
    found = body("Hej\n\nVi skal have en container i en uge.\n\nMvh\nKasia (Katarzyna Dąbrowska)\nKontor\n")
    assert found["contact_name"] == "Katarzyna Dąbrowska"


def test_a_full_name_then_a_nickname_in_brackets_stays_the_full_name():
    found = body("Hej\n\nVi skal have en container i en uge.\n\nMvh\nNguyễn Thị Mai (Mai)\n")
    assert found["contact_name"] == "Nguyễn Thị Mai"


def test_the_contact_person_is_me_then_the_name():
    found = body("Hello\n\nWe plan a street party on 3/7.\n\nThe contact person is me, Tran Van Duc (call me Danny), "
                 "phone 22 33 44 55.\n\nBest regards,\nDanny Tran\n")
    assert found["contact_name"] == "Tran Van Duc"


def test_a_contact_named_by_first_name_is_completed_from_the_text():
    found = body("Hej\n\nJeg hjælper min bror Bogdan Melnyk, som har firmaet Melnyk Byg ApS. Han skal stille et "
                 "stillads op.\n\nKontaktperson er Bogdan, tlf. 30 11 22 33.\n\nHilsen\nHalyna Melnyk\n")
    assert found["contact_name"] == "Bogdan Melnyk"


def test_an_initial_signed_for_the_surname_gives_way_to_the_from_name():
    found = extract_details([("body", "Hej\n\nVi søger om et skilt.\n\nHilsen\nEwa K.\n")], {}, reference=REF,
                            sender="ewa@example.dk", sender_name="Ewa Kowalczyk")
    assert found["contact_name"].value == "Ewa Kowalczyk"


def test_an_initial_of_another_surname_keeps_the_signed_name():
    found = extract_details([("body", "Hej\n\nVi søger om et skilt.\n\nHilsen\nEwa K.\n")], {}, reference=REF,
                            sender="ewa@example.dk", sender_name="Ewa Nowak")
    assert found["contact_name"].value == "Ewa K."


# ---------------------------------------------------------------- addresses and sites

def test_the_owners_home_told_aside_is_not_the_restaurants_address():
    found = body("Hello\n\nI own Osteria Luna ApS, a restaurant in Jægersborggade 12, 2200 København N. We need "
                 "waste collection.\n\nI live in Vanløse (Jernbane Allé 40, 2. tv) but I am mostly in the "
                 "restaurant.\n\nKind regards\nLuca Romano\n")
    assert found["address"] == "Jægersborggade 12"
    assert "activity_location" not in found


def test_a_home_with_no_word_of_the_premises_after_it_stays_the_address():
    found = body("Hej\n\nJeg bor på Tagensvej 120, 3. tv, 2200 København N, men butikken ligger på Nørrebrogade 56, "
                 "2200 København N.\n\nMvh\nAnne Holm\n")
    assert found["address"] == "Tagensvej 120, 3. tv"


def test_a_stretch_to_and_including_a_house():
    found = body("Hej\n\nVi skal grave for fjernvarme på Jagtvej fra nr. 20 til og med nr. 48.\n\nMvh\nOle Berg\n")
    assert found["activity_location"] == "Jagtvej 20-48"


def test_a_country_one_had_a_stall_in_is_no_site():
    found = body("Hi\n\nWe open a dumpling shop at Blågårdsgade 5, 2200 København N. Before we had a stall in "
                 "Thailand.\n\nBest,\nSuda Chai\n")
    assert "activity_location" not in found


def test_an_applicants_cvr_and_address_on_the_lines_under_it_in_an_agents_form():
    form = ("Ansøgning om råden over vejareal\nAnsøger (bygherre): Holm Ejendomme ApS\nCVR: 12345674\n"
            "Adresse: Strandboulevarden 40, 2100 København Ø\nArbejdssted: Willemoesgade 10, 2100 København Ø\n")
    mail = ("Hej\n\nPå vegne af vores kunde Holm Ejendomme ApS søger vi om en lift foran Willemoesgade 10. "
            "Detaljer i den vedhæftede ansøgning.\n\nMvh\nSara Lind\nLind Arkitekter\nBredgade 20, 1260 København K\n")
    found = values([("body", mail), ("ansoegning.pdf", form)])
    assert (found["address"], found["postcode"]) == ("Strandboulevarden 40", "2100")
