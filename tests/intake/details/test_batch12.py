"""Details in the voices of the twelfth development batch and the thirteenth probe: a contact named apart from the
writer, a registered address beside the premises, letterheads, postboxes, "ud for nr. 12 på", companies after
"under navnet"."""

from __future__ import annotations

import time
from datetime import date

import pytest

from intake.details import extract_details
from intake.details.addresses import find_mentions
from intake.details.names import find_company, find_contact
from intake.details.sites import find_addresses

REF = date(2027, 1, 15)


def values(text: str) -> dict:
    return {k: f.value for k, f in extract_details([("body", text)], {}, reference=REF).items()}


# ---------------------------------------------------------------- who to contact

@pytest.mark.parametrize(("text", "contact"), [
    ("Henvendelser bedes rettet til direktør Klaus Oberdorf på telefon 33 12 45 67.\n\nMed højagtelse\n"
     "Anne-Mette Riis\n", "Klaus Oberdorf"),
    ("The branch manager, Jonas Eklund, will be the day-to-day contact.\n\nKind regards\nMaria Lindqvist\n",
     "Jonas Eklund"),
    ("Restaurantchef Camilla Juhl er daglig kontakt på 42 66 01 98.\n\nVenlig hilsen\nErik Sand\n", "Camilla Juhl"),
    ("Contact on the day: our crane operator Mads Vinther, mobile 61 70 44 21.\n\nRegards,\nHelle Strand\n",
     "Mads Vinther"),
    ("Jeg sender den for indehaveren, Lise Holt. Lise kan træffes på 27 18 55 02.\n\nVenlig hilsen\nPernille Aas\n",
     "Lise Holt"),
])
def test_a_person_named_as_the_contact_wins_over_the_one_who_signs(text, contact):
    assert find_contact(text) == contact


def test_the_signature_stays_the_contact_when_no_one_else_is_named_as_it():
    assert find_contact("Spørgsmål kan rettes til undertegnede.\n\nVenlig hilsen\nHenrik Dahl\n") == "Henrik Dahl"


# ---------------------------------------------------------------- companies

@pytest.mark.parametrize(("text", "company"), [
    ("som jeg nu vil sælge under navnet Svends Saft fra et lille bord. CVR 40977368.", "Svends Saft"),
    ("jeg har startet min egen lille forretning, Villads' Vafler, og vil gerne sælge vafler", "Villads' Vafler"),
    ("Jazzklubben Blå Tone (CVR 43103121) vil gerne holde en koncert.", "Jazzklubben Blå Tone"),
    ("Jeg er bogholder for Blomsterboden Lilje (CVR 35876715) og sender denne ansøgning.", "Blomsterboden Lilje"),
    ("Container i uge 38. Tømrer Bent Lund, CVR 37875813, tlf. 21 40 98 16.", "Tømrer Bent Lund"),
    ("We're Dumpling Bros ApS (CVR 39661144), a food truck start-up.", "Dumpling Bros ApS"),
    ("Vi på Öresunds Bygg AB (dansk filial, CVR 39276305) ska sätta upp byggehegn.", "Öresunds Bygg AB"),
    ("Jeg skriver for min mand, der ejer Café Sigurd på Vesterbrogade 141. CVR 42478423", "Café Sigurd"),
])
def test_a_company_in_these_voices_is_found(text, company):
    assert find_company(text, has_cvr=True) == company


def test_the_kind_of_business_in_brackets_is_no_part_of_a_labelled_name():
    assert values("Firma: Amiras Is (enkeltmandsvirksomhed)\nCVR: 36697024\n")["company_name"] == "Amiras Is"


def test_a_cvr_written_after_a_comma_is_read():
    assert values("Jeg har fået et CVR-nummer, 40977368.")["cvr"] == "40977368"


# ---------------------------------------------------------------- addresses and sites

def test_a_registered_address_is_the_address_and_the_premises_the_site():
    found = find_addresses("Vi driver Kælderbixen i kælderen på Jægersborggade 33 B, kl., 2200 København N.\n\n"
                           "Selskabets registrerede adresse er Bispebjerg Bakke 10, 2400 København NV.")
    assert (found["address"], found["postcode"]) == ("Bispebjerg Bakke 10", "2400")
    assert found["activity_location"].startswith("Jægersborggade 33B, kl.")


def test_a_head_office_in_the_signature_is_the_address_beside_a_branch():
    found = find_addresses("Vi søger på vegne af vores restaurant Tacos Loco, Nørrebrogade 19, 2200 København N.\n\n"
                           "Venlig hilsen\nErik Sand\nHovedkontor: Gammel Strand 48, 1202 København K\n")
    assert (found["address"], found["postcode"]) == ("Gammel Strand 48", "1202")
    assert found["activity_location"].startswith("Nørrebrogade 19")


def test_a_letterhead_address_is_the_business_s_own():
    found = find_addresses("Fakta Nord A/S\nRoskildevej 65, 2620 Albertslund\nCVR 39886006\nAnsøgning om skilt\n"
                           "Vi åbner en ny butik på Valby Langgade 111, 2500 Valby.")
    assert (found["address"], found["postcode"]) == ("Roskildevej 65", "2620")
    assert found["activity_location"].startswith("Valby Langgade 111")


def test_a_first_paragraph_that_is_a_sentence_is_no_letterhead():
    found = find_addresses("Vi er Hansen ApS, CVR 12345678, og bor på Ryesgade 3.\n\nVores butik ligger på "
                           "Nørrebrogade 56, 2200 København N.")
    assert found["address"] == "Ryesgade 3"


@pytest.mark.parametrize(("text", "site"), [
    ("en lille vogn på fortovet ud for nr. 12 på Ryesgade hele juli. Vi bor på Ryesgade 14, 2. th, 2200 kbh N.",
     "Ryesgade 12"),
    ("skurvogn på p-pladsen ud for nr. 12 i Rantzausgade i august. Vores adresse er Glentevej 70, 2400 København NV.",
     "Rantzausgade 12"),
])
def test_a_number_before_its_street_names_the_site(text, site):
    assert find_addresses(text)["activity_location"] == site


def test_an_event_in_front_of_a_named_building_is_there():
    found = find_addresses("Vi vil holde en koncert på pladsen foran Vor Frue Kirke. Adressen er Nørregade 7, st., "
                           "1165 København K.")
    assert found["activity_location"] == "Vor Frue Kirke"


def test_d_before_a_date_is_no_house_letter():
    assert [m.address for m in find_mentions("lift v. Amagerbrogade 62 d. 3/6-27 kl 7-15")] == ["Amagerbrogade 62"]


def test_a_postbox_with_its_postcode_is_an_address():
    found = find_mentions("Grundbyg A/S\nPostboks 2140, 1500 København V\nCVR 41613866")
    assert [(m.address, m.postcode) for m in found] == [("Postboks 2140", "1500")]


def test_a_postbox_between_the_street_and_the_postcode_is_skipped():
    found = find_mentions("Baldersbækvej 22, Postboks 61, 2635 Ishøj")
    assert [(m.address, m.postcode) for m in found] == [("Baldersbækvej 22", "2635")]


def test_postboxes_are_found_in_linear_time_on_a_megabyte():
    started = time.perf_counter()
    find_addresses("Postboks 12, Postboks " * 50_000)
    assert time.perf_counter() - started < 15.0  # linear: under a second when quiet; quadratic on a megabyte: hours


# ---------------------------------------------------------------- periods and counts

def test_the_day_a_business_opens_is_no_period():
    found = values("Jeg åbner frisørsalon den 1. august og vil gerne sætte et skilt på facaden.")
    assert "period_from" not in found


def test_an_opening_celebrated_on_the_street_is_the_period():
    found = values("Vi åbner ny butik den 2. oktober 2027 og vil have en DJ foran butikken. Vi venter 300 besøgende.")
    assert found["period_from"] == "2027-10-02"


def test_listeners_are_guests():
    assert values("Vi forventer 250 tilhørere til koncerten.")["guests"] == 250


# ---------------------------------------------------------------- probe 13

def test_a_title_before_a_labelled_contact_is_dropped():
    assert values("Kontaktperson: Hotelchef Lene Bak, 33 15 20 00\n")["contact_name"] == "Lene Bak"


def test_an_honorific_before_a_signed_name_is_dropped():
    assert find_contact("Thank you.\n\nYours faithfully,\nDr. Rajesh Iyer\nManaging Director\n") == "Rajesh Iyer"


def test_a_company_registration_number_is_a_cvr():
    assert values("Nordic Cloud ApS (company registration no. 36473339) applies.")["cvr"] == "36473339"


def test_a_business_name_is_x():
    assert find_company("we open a studio. business name is Black Lotus Tattoo, cvr 42130842.", True) == (
        "Black Lotus Tattoo")


def test_from_week_to_week_inclusive():
    found = values("Vi søger om en container fra og med uge 30 til og med uge 32 2027.")
    assert (found["period_from"], found["period_to"]) == ("2027-07-26", "2027-08-15")


def test_primo_to_ultimo_months():
    found = values("Vi søger for perioden primo maj til ultimo september 2027.")
    assert (found["period_from"], found["period_to"]) == ("2027-05-01", "2027-09-30")


def test_a_workshop_is_no_label_for_a_site():
    assert "activity_location" not in values("Cykelværksted - stativ på fortov")


# ---------------------------------------------------------------- hostile text

@pytest.mark.parametrize("text", [
    "Spørg formand Aa Bb, " * 50_000,
    "Henvendelser bedes rettet til " * 35_000,
    "Aa Bb will be the day-to-day contact " * 28_000,
    "Lise kan træffes på Lise " * 40_000,
    "spørg " + "a" * 1_000_000,
    "under navnet Aa Bb " * 50_000,
], ids=["title-cues", "henvendelser", "contact-after", "traeffes", "long-word", "under-navnet"])
def test_contact_and_company_cues_take_linear_time_on_a_megabyte(text):
    started = time.perf_counter()
    find_contact(text)
    find_company(text, has_cvr=True)
    # linear: 1.3-3.7 s when quiet (session 27), quadratic on a megabyte: hours; 15 s leaves room for a loaded machine
    assert time.perf_counter() - started < 15.0
