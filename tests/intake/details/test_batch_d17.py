"""Details in the voices of development batch d17: the activity's site beside the business's own address (a stretch
of a street between two house numbers, a square named in the subject before its days, an open area named by the place
it lies at, the company's office beside the premises it runs elsewhere), a CVR number written as "CVR-nummeret er" and
a postcode in brackets after the town."""

from __future__ import annotations

from datetime import date

import pytest

from intake.details import extract_details
from intake.details.addresses import ADDRESS

REF = date(2027, 1, 4)


def values(sources: list[tuple[str, str]], fields: dict[str, str] | None = None) -> dict:
    found = extract_details(sources, fields or {}, reference=REF, sender="x@example.dk")
    return {k: f.value for k, f in found.items()}


# ---------------------------------------------------------------- a stretch of a street

def test_a_stretch_between_two_house_numbers_is_labelled_by_the_street_and_its_numbers():
    text = ("Til Center for Trafik\n\nVi søger om gravetilladelse til nye kabler på strækningen af Amagerbrogade "
            "mellem nr. 20 og nr. 64 i perioden 3. maj til 28. maj 2027.\n\nMed venlig hilsen\nPer Kjær\n"
            "Kjær Kabel ApS\nCVR 12345674\nSydvestvej 12, 2600 Glostrup")
    found = values([("body", text)])
    assert found["activity_location"] == "Amagerbrogade 20-64"      # as people register it (session 26)
    assert found["address"] == "Sydvestvej 12"


def test_a_stretch_between_two_numbers_in_english_is_labelled_by_the_street_and_its_numbers():
    text = ("Hello,\n\nThe pavement of Tagensvej between no. 5 and no. 31 will be relaid in June 2027.\n\n"
            "Regards\nAnna Holm\nHolm Belægning ApS\nCVR 12345674\nHejrevej 30, 2400 København NV")
    assert values([("body", text)])["activity_location"] == "Tagensvej 5-31"


def test_a_site_field_naming_the_pavements_stretch_gives_the_street_and_its_numbers():
    fields = {"Ansøger": "Kabel Nord A/S", "Gravested": "Fortovsstrækningen på Nørre Allé fra nr. 2 til nr. 48"}
    assert values([], fields)["activity_location"] == "Nørre Allé 2-48"
    fields = {"Applicant": "Cable North A/S", "Location": "The stretch of Istedgade between no. 10 and no. 40"}
    assert values([], fields)["activity_location"] == "Istedgade 10-40"


# ---------------------------------------------------------------- days after a square's name

def test_days_of_a_month_after_a_street_are_no_house_number():
    assert ADDRESS.search("Julemarked Halmtorvet 4.-5. december") is None
    assert ADDRESS.search("Koncert Enghave Plads 12. juni") is None
    assert ADDRESS.search("Halmtorvet 4, 1700 København V").group("no") == "4"
    assert ADDRESS.search("Gothersgade 12. 2. sal").group("no") == "12"


def test_an_event_then_its_square_in_the_subject_is_the_site():
    body = ("Hej\n\nVi søger om tilladelse til vores festival de to dage med ca. 300 gæster.\n\n"
            "Kager og Kaffe ApS\nCVR 12345674\nNørregade 20, 3.\n1165 København K\n\nMvh\nLis")
    found = values([("body", body), ("subject", "Arrangement Sankt Hans Torv 19.-20. juni")])
    assert found["activity_location"] == "Sankt Hans Torv"
    assert found["address"] == "Nørregade 20, 3."


# ---------------------------------------------------------------- an open area named by the place it lies at

def test_the_quay_at_a_named_place_is_the_site():
    text = ("Hi,\n\nWe need to park a cherry picker on the quay at Den Gamle Toldbod to clean windows, "
            "2-3 May 2027.\n\n"
            "Best,\nOle Berg\nClean Glass ApS\nCVR 12345674\nVesterbrogade 10, 1620 København V")
    assert values([("body", text)])["activity_location"] == "Den Gamle Toldbod"


def test_the_square_by_a_station_is_the_site():
    text = ("hi\n\ni want to sell juice on the square by Østerport Station on saturdays in May 2027.\n\n"
            "my address is Ryesgade 3, 2200 København N\n\nthanks\nEmma Lund")
    found = values([("body", text)])
    assert found["activity_location"] == "Østerport Station"
    assert found["address"] == "Ryesgade 3"


def test_a_named_places_car_park_by_a_street_is_the_named_place():
    text = ("Dear City Life,\n\nWe would like to hold a fun run starting at the Bella Center car park by "
            "Center Boulevard on 5 June 2027.\n\nKind regards\nJens Lund\nRun Valby ApS\nCVR 12345674\n"
            "Toftegårds Allé 5, 2500 Valby")
    assert values([("body", text)])["activity_location"] == "Bella Center"


# ---------------------------------------------------------------- the company's office beside its premises

def test_the_companys_address_at_its_office_is_the_address_and_the_premises_the_site():
    text = ("Goddag\n\nVi søger om udeservering foran vores restaurant på Nyhavn 12 fra 1. maj til 31. august 2027.\n\n"
            "Bemærk at selskabets adresse er vores kontor på Toldbodgade 9, 1253 København K.\n\n"
            "Med venlig hilsen\nBo Vang\nHavnens Pølser ApS")
    found = values([("body", text)])
    assert (found["address"], found["postcode"]) == ("Toldbodgade 9", "1253")
    assert found["activity_location"].startswith("Nyhavn 12")


def test_premises_named_only_in_the_attachment_beside_the_office_in_the_mail_are_the_site():
    body = ("Hej\n\nVi søger om udeservering foran vores café i Kødbyen. Selskabet er Kaffe & Kage ApS, CVR 12345674, "
            "med kontor på Nørregade 8, 1165 København K. Se vedhæftede beskrivelse.\n\nMvh Ida Holm")
    attachment = "Udeservering – Kaffe & Kage, Halmtorvet 11, 1700 København V\n\nAreal: 10 m2 langs facaden."
    found = values([("body", body), ("beskrivelse.pdf", attachment)])
    assert found["address"] == "Nørregade 8"
    assert found["activity_location"].startswith("Halmtorvet 11")


def test_an_attachment_repeating_the_office_gives_no_site():
    body = ("Hej\n\nVi søger om udeservering foran vores café. Vi har kontor på Nørregade 8, 1165 København K.\n\n"
            "Mvh Ida Holm\nKaffe & Kage ApS")
    attachment = "Udeservering – Kaffe & Kage, Nørregade 8, 1165 København K\n\nAreal: 10 m2."
    assert "activity_location" not in values([("body", body), ("beskrivelse.pdf", attachment)])


# ---------------------------------------------------------------- a CVR number in a sentence, a postcode in brackets

def test_a_cvr_number_in_a_sentence_is_no_phone():
    text = ("Kære Kommune\n\nJeg vil gerne stå med min bod på Halmtorvet om lørdagen i maj 2027.\n\n"
            "Mit CVR-nummer er 31 22 44 58.\n\nI kan ringe på 40 11 22 33 hvis der er spørgsmål.\n\nHilsen\nKaren")
    found = values([("body", text)])
    assert (found["cvr"], found["phone"]) == ("31224458", "40112233")
    text = "Hello\n\nOur CVR number is 31 22 44 58. Call me on 40 11 22 33.\n\nBest\nKaren"
    assert values([("body", text)])["phone"] == "40112233"


def test_a_postcode_in_brackets_after_its_town_is_the_postcode():
    text = ("Hej\n\nVi har vores lille bar på Valby Langgade 14 i Valby (2500) og vil gerne stille to borde ud.\n\n"
            "Firmaet hedder Druen ApS, CVR 12345674.\n\nVenlig hilsen\nCamilla")
    assert values([("body", text)])["postcode"] == "2500"
    text = "Hej\n\nVi har en butik på Vesterbrogade 14 i Aarhus (2500).\n\nMvh\nCamilla\nDruen ApS, CVR 12345674"
    assert "postcode" not in values([("body", text)])


# ---------------------------------------------------------------- months listed, and selling as a period's cue

@pytest.mark.parametrize(("text", "period"), [
    ("Jeg vil gerne sælge is i Fælledparken i juni, juli og august 2027.", ("2027-06-01", "2027-08-31")),
    ("We would like to sell coffee at the square in May, June and July.", ("2027-05-01", "2027-07-31")),
    ("Vi søger om udeservering i april, maj, juni og juli 2027.", ("2027-04-01", "2027-07-31")),
])
def test_months_listed_are_one_period_from_the_first_to_the_last(text, period):
    found = values([("body", text)])
    assert (found.get("period_from"), found.get("period_to")) == period


def test_months_listed_in_a_story_are_no_period():
    found = values([("body", "Vi åbnede butikken i juni, juli og august 2026 var travle. Nu vil vi have et skilt.")])
    assert "period_from" not in found


def test_a_stretch_between_two_cross_streets_is_the_street_alone():
    # near miss: no house numbers to keep
    text = ("Hej\n\nVi søger om gadefest på Nørrebrogade mellem Jagtvej og Nørrebros Runddel lørdag 4. september 2027."
            "\n\nMvh\nThor Mogensen\nNørrebrogade 180, 2200 København N")
    assert values([("body", text)])["activity_location"] == "Nørrebrogade"


def test_a_stretch_a_few_small_words_after_its_street_keeps_its_street_and_numbers():
    text = ("Hej\n\nVi vil gerne spærre Pilekrogen af for biler fra nr. 1 til nr. 31 lørdag den 21. august 2027.\n\n"
            "Mvh\nGrundejerforeningen Sløjfen\nSløjfen 17, 2700 Brønshøj")
    assert values([("body", text)])["activity_location"] == "Pilekrogen 1-31"
    fields = {"Ansøger": "Fibernet A/S", "Gravested": "Ellebjergvej, fortov i vestsiden fra nr. 2 til nr. 40"}
    assert values([], fields)["activity_location"] == "Ellebjergvej 2-40"
