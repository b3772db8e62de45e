"""Company names announced for the future, named as the opening sentence's subject, and signed under a title."""

from __future__ import annotations

from datetime import date

import pytest

from intake.details import extract_details
from intake.details.names import find_company, signature_company

REF = date(2027, 1, 15)


def company(text: str) -> object:
    found = extract_details([("body", text)], {}, reference=REF)
    return found["company_name"].value if "company_name" in found else None


# ---------------------------------------------------------------- a name the business will have

@pytest.mark.parametrize(("text", "name"), [
    ("Hej\n\nJeg har købt den gamle frisørsalon på Amagerbrogade 101. Den skal hedde Saks & Sæbe, og CVR er "
     "50708047.\n\nMvh\nDitte Lund", "Saks & Sæbe"),
    ("Hej\n\nVi overtager en kaffebar i Valby til foråret. Det vil hedde Valby Bønne, når vi åbner.\n\nMvh\n"
     "Omar Aziz", "Valby Bønne"),
    ("Hej\n\nSalonen vil hedde Klip Klar, når vi åbner i marts.\n\nMvh\nKaren Bø", "Klip Klar"),
    ("Hello\n\nI have taken over the little shop on Istedgade 7. It is going to be called Harbour Hot Dogs, and we "
     "open in May.\n\nBest regards\nSam Reid", "Harbour Hot Dogs"),
    ("Hello\n\nOur new bakery is going to be called Rye Street Loaves. We would like two benches outside.\n\n"
     "Kind regards\nAnna Kell", "Rye Street Loaves"),
    ("Hello\n\nWe bought a kiosk at Nørreport. It will be called Night Owl Corner, CVR 50708047.\n\nBest\nLiam Hart",
     "Night Owl Corner"),
])
def test_a_name_announced_for_the_business_is_its_company(text, name):
    assert company(text) == name


@pytest.mark.parametrize("text", [
    "Hej\n\nVi kommer til at hedde noget andet senere, men vi vil gerne søge om en bod nu.\n\nMvh\nDitte Lund",
    # the name is an event's, and no business is named before "det"
    "Hej\n\nVi holder loppemarked i gården i juni. Det skal hedde Gårdens Dag, og alle er velkomne.\n\nMvh\nDitte Lund",
    "Hello\n\nThe festival will be called Summer Sounds and runs for two days.\n\nBest regards\nSam Reid",
])
def test_a_name_announced_for_no_business_is_no_company(text):
    assert find_company(text, has_cvr=False) is None


# ---------------------------------------------------------------- the opening sentence's subject

@pytest.mark.parametrize(("text", "name"), [
    ("Hej\n\nKiosk Lygtepælen ønsker at stille to bænke foran butikken på Nørrebrogade 12, 2200 København N.\n\n"
     "Mvh\nLone Berg\nKiosk Lygtepælen\n", "Kiosk Lygtepælen"),
    ("Hi,\n\nHarbour Lane Bakery would like to put two tables outside our shop on Vesterbrogade 40.\n\n"
     "Best regards\nTom Reid\nHarbour Lane Bakery\n", "Harbour Lane Bakery"),
    # an organisation of the one that signs: the parish council under its church
    ("Kære kommune\n\nSions Kirkes menighedsråd vil gerne holde koncert på pladsen foran kirken, og rådets CVR er "
     "50708047.\n\nMed venlig hilsen\nAnna Holm\nSognepræst, Sions Kirke\n", "Sions Kirkes menighedsråd"),
])
def test_the_opening_sentences_business_signed_again_is_the_company(text, name):
    assert company(text) == name


@pytest.mark.parametrize("text", [
    # not named again in the signature
    "Hej\n\nCafé Lyst og Leg vil gerne søge om udeservering.\n\nMvh\nLone Berg\n",
    # a person opens the sentence, no trade word
    "Hej\n\nLone Berg vil gerne søge om udeservering.\n\nMvh\nLone Berg\nLone Berg\n",
    # "Café" in a sentence, no name
    "Hej\n\nCafé og bar er ikke det, vi søger om; vi vil gerne stille en bænk ud.\n\nMvh\nLone Berg\nCafé\n",
])
def test_an_opening_sentence_without_a_confirmed_business_names_no_company(text):
    assert find_company(text, has_cvr=False) is None


# ---------------------------------------------------------------- a title on the signature's line

@pytest.mark.parametrize(("lines", "name"), [
    (["Mvh", "Jens Holm", "Sognepræst, Sions Kirke", "Tlf. 12 34 56 78"], "Sions Kirke"),
    (["Kind regards", "Mary Jones", "Volunteer coordinator, Amager Food Bank"], "Amager Food Bank"),
    (["Mvh", "Jens Holm", "Sions Kirke - kirkeværge"], "Sions Kirke"),
    (["Mvh", "Jens Holm", "Daglig leder, Valby Vaskeri"], "Valby Vaskeri"),
])
def test_the_signers_title_is_no_part_of_the_organisation(lines, name):
    assert signature_company(lines) == name


def test_a_title_alone_under_the_name_is_no_organisation():
    assert signature_company(["Mvh", "Jens Holm", "Kirkeværge", "Tlf. 12 34 56 78"]) is None


def test_a_signature_line_of_a_name_and_a_place_keeps_both():
    assert signature_company(["Mvh", "Jens Holm", "Blomster & Co, Valby"]) == "Blomster & Co, Valby"
