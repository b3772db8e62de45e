"""Details in the voices of development batch d14: a business named without its legal form in the signature, whose
name the sender's mail domain spells ("Moore Bikes" from daniel@moorebikes.dk), the site's contact named with a role
after "Kontaktperson er vores ...", and phones broken over a PDF's line or beside a company's registration number."""

from __future__ import annotations

from datetime import date

import pytest

from intake.details import extract_details

REF = date(2027, 3, 8)


def values(sources: list[tuple[str, str]], sender: str = "x@example.dk", sender_name: str = "") -> dict:
    found = extract_details(sources, {}, reference=REF, sender=sender, sender_name=sender_name)
    return {k: f.value for k, f in found.items()}


# ---------------------------------------------------------------- a business the sender's domain spells

@pytest.mark.parametrize(("body", "sender", "company"), [
    ("Hej\n\nVi skal sløjfe vores gamle olietank.\n\nHilsen\nBirgitte Skov\nBogbinderiet Skov & Søn\nFuglebakkevej 9\n"
     "2000 Frederiksberg", "birgitte@bogbinderiet-skov.dk", "Bogbinderiet Skov & Søn"),
    ("Hi,\n\nwe will demolish a small shed behind our shop.\n\nBest,\nPriya Nair\nAmager Garden Supply",
     "priya@amagergarden.dk", "Amager Garden Supply"),
    ("hi, when do we need to apply for a street party?\n\nthx\nMia Thorsen - Kbh Records", "mia@kbhrecords.dk",
     "Kbh Records"),
    ("hej\nmå vi sætte et stillads op ude ved en kunde?\n\n/Kim Larsen\nKL Facade", "kl.facade@gmail.com",
     "KL Facade"),
    ("I run a food truck selling Korean street food (Seoul Wheels) and would like a pitch.\n\nJi-woo Park",
     "jiwoo@seoulwheels.dk", "Seoul Wheels"),
])
def test_a_business_without_a_legal_form_that_the_sender_domain_spells(body, sender, company):
    assert values([("body", body)], sender)["company_name"] == company


@pytest.mark.parametrize(("body", "sender"), [
    ("Hej, kan man få lov at stå med en is-vogn ved Nyhavn?\n\nHilsen\nSofie Lykke", "sofie@sofielykke.dk"),
    ("Hi,\n\nwhat permits do we need?\n\nCheers,\nLiam Moore\nCopenhagen", "liam@moorebikes.dk"),
])
def test_no_business_from_the_domain_when_no_line_spells_it_or_only_the_person_does(body, sender):
    assert "company_name" not in values([("body", body)], sender)


# ---------------------------------------------------------------- the contact named with a role

@pytest.mark.parametrize(("text", "name"), [
    ("Kontaktperson er vores driftsleder Ole Berg, 40 11 22 33 - han er på pladsen dagligt.\n\nVenlig hilsen\n"
     "Susanne Dahl\nKontor", "Ole Berg"),
    ("Kontaktperson er vores pladsformand Jesper Winther, 30 55 71 20.\n\nMed venlig hilsen\nLouise Kjær\n"
     "Projektsekretær", "Jesper Winther"),
])
def test_kontaktperson_er_vores_role_name(text, name):
    assert values([("body", text)])["contact_name"] == name


# ---------------------------------------------------------------- phones

def test_a_labelled_phone_broken_over_a_pdf_line():
    text = ("Kastrup Marine Works A/S\nAmager Strandvej 390\n2770 Kastrup\nCompany reg. no. 40 50 36 84\n\n"
            "Please direct any questions to our project manager Henrik Thomsen on mobile +45 29\n50 41 83.\n")
    assert values([("letter.pdf", text)])["phone"] == "29504183"


def test_a_company_registration_number_is_no_phone():
    text = "Kastrup Marine Works A/S\nAmager Strandvej 390\n2770 Kastrup\nCompany reg. no. 40 50 36 84\n"
    assert "phone" not in values([("letter.pdf", text)])


@pytest.mark.parametrize(("text", "phone"), [
    ("Venlig hilsen\nPia Mortensen, klinikchef\nTlf.: 32 55 18 90\nMobil: 27 11 40 62\nklinik@tandamager.dk",
     "27114062"),
    ("Best regards,\nLukas Wiśniewski\nProject Coordinator\nT +45 43 62 90 00 | M +45 28 16 47 39", "28164739"),
    ("Kind regards\nMartin Olsen\nDispatcher\n+45 70 20 31 31 / +45 21 67 09 42", "21670942"),
    ("Med venlig hilsen\nMaria Lund\nMobil 28 44 19 07\nTlf. 33 14 52 60", "28441907"),    # the mobile first stays
    ("Venlig hilsen\nOle Hansen\nTlf. 33 14 52 60\n\nCVR 38145207", "33145260"),             # no second number
])
def test_the_own_mobile_right_after_the_switchboard(text, phone):
    assert values([("body", text)])["phone"] == phone


# ---------------------------------------------------------------- periods

@pytest.mark.parametrize(("text", "start", "end"), [
    ("Tanken tømmes og fyldes med sand af et autoriseret firma i uge 16, 19.-23. april 2027.", "2027-04-19",
     "2027-04-23"),
    ("I would like a pitch at Israels Plads on weekdays, 11:00-15:00, all of July 2027.", "2027-07-01", "2027-07-31"),
])
def test_periods(text, start, end):
    found = values([("body", text)])
    assert (found.get("period_from"), found.get("period_to")) == (start, end)


@pytest.mark.parametrize("text", [
    "hi, we are planning a small street party for our shop's anniversary sometime in september, how early do we "
    "need to apply?",
    "Vi har indtil nu haft en aftale gennem den gamle ejer, men den udløber 31. december 2027.",
])
def test_no_period_from_a_month_not_decided_on_or_an_agreement_that_expires(text):
    assert "period_from" not in values([("body", text)])


# ---------------------------------------------------------------- P-numbers

def test_ten_digits_in_a_p_number_field_are_the_p_number_though_they_read_as_a_cpr_number():
    found = extract_details([("form", "")], {"Ansøger": "Kabelteam Sjælland A/S", "P-nummer": "1009134457"},
                            reference=REF, sender="x@example.dk")
    assert found["p_number"].value == "1009134457"
    assert "cpr_found" not in found


# ---------------------------------------------------------------- the own address and the site

def test_a_company_block_with_its_cvr_line_above_the_address_is_the_business_address():
    text = ("We apply for permission for noisy construction work (sheet pile driving) at Kalvebod Brygge 45, 1560 "
            "København V.\nPeriod: 1/3/2027 to 19/3/2027.\n\nContractor:\nHarbour Foundations A/S\nCVR: 35 88 84 38\n"
            "Sydvestvej 21, 2600 Glostrup\n\nContact person on site: Niels Eriksen, +45 20 63 88 14\n\nRegards,\n"
            "Sarah Jensen")
    found = values([("body", text)])
    assert (found["address"], found["postcode"]) == ("Sydvestvej 21", "2600")
    assert found["activity_location"].startswith("Kalvebod Brygge 45")


def test_on_behalf_of_our_own_shop_is_no_client():
    text = ("Vi skriver fra hovedkontoret i Kaffeværket A/S på vegne af vores butik Kaffeværket Jægersborggade, "
            "Jægersborggade 22, 2200 København N.\n\nMed venlig hilsen\n\nCamilla Brandt\n\nKaffeværket A/S\n"
            "CVR 44118718\nGammel Kongevej 60, 3.\n1850 Frederiksberg C")
    found = values([("body", text)])
    assert (found["address"], found["postcode"]) == ("Gammel Kongevej 60, 3.", "1850")
    assert found["activity_location"].startswith("Jægersborggade 22")


def test_classes_run_from_home_at_the_own_address_and_the_shop_to_rent_is_the_site():
    text = ("I have a sole trader business, Flow Yoga Copenhagen (CVR 30266315), and I'd like to rent the former shop "
            "at Godthåbsvej 44, st., 2000 Frederiksberg, for a yoga studio. I currently run classes from home at "
            "Tomsgårdsvej 11, 2. th, 2400 København NV.\n\nThank you,\nElena Rossi")
    found = values([("body", text)])
    assert (found["address"], found["postcode"]) == ("Tomsgårdsvej 11, 2. th", "2400")
    assert found["activity_location"].startswith("Godthåbsvej 44, st.")


def test_a_building_the_business_bought_is_its_own_address():
    text = ("Hi,\n\nWe bought the workshop building at Ålholmvej 25, 2500 Valby. There is an old 5,000 litre heating "
            "oil tank in the basement which we want removed.\n\nThanks,\nDaniel Moore")
    found = values([("body", text)])
    assert (found.get("address"), found.get("postcode")) == ("Ålholmvej 25", "2500")
    assert "activity_location" not in found


def test_the_address_in_a_forwarded_mails_subject_line_is_the_site():
    text = ("Hej\n\nVideresender lige nedenstående.\n\nMvh\nAnders Holt\nHolt Entreprise ApS\n\n"
            "---------- Videresendt meddelelse ----------\nFra: Anders Holt <ah@holt-entreprise.dk>\n"
            "Emne: Støjende arbejde - Tagensvej 120\n\nHej\n\nHolt Entreprise ApS (CVR 41780428) skal udføre "
            "nedbrydning ved renovering af Tagensvej 120, 2200 København N.\n\nAnders Holt\nHolt Entreprise ApS\n"
            "Hejrevej 30, 2. sal\n2400 København NV\nMobil 23 48 55 09")
    found = values([("body", text)])
    assert (found["address"], found["postcode"]) == ("Hejrevej 30, 2.", "2400")
    assert found["activity_location"].startswith("Tagensvej 120")


# ---------------------------------------------------------------- a trade's noun makes a business of a name

@pytest.mark.parametrize(("text", "company"), [
    ("Holms Maskinværksted\nv/ Kirsten Holm\nHerlev Hovedgade 155\n2730 Herlev\nCVR-nr. 39 04 12 78\n\n"
     "Til Center for Miljøbeskyttelse", "Holms Maskinværksted"),
    ("Jeg driver en lille kaffecykel som enkeltmandsvirksomhed (Rahimis Kaffecykel, CVR 41029536).",
     "Rahimis Kaffecykel"),
])
def test_a_name_ending_in_a_trade_noun_is_a_business(text, company):
    assert values([("letter.pdf", text)])["company_name"] == company


def test_two_parts_of_town_to_choose_between_are_no_site():
    text = ("My partner and I want to open a small specialty coffee bar, maybe in Nørrebro or Østerbro. What permits "
            "do we need?\n\nCheers,\nLiam O'Connor")
    assert "activity_location" not in values([("body", text)])


@pytest.mark.parametrize("text", [
    "Vi flytter vores autolakereri til nye lokaler. Driften skal gerne starte 1. oktober 2027.\n\nVirksomhed: "
    "Hvidovre Autolak ApS",
    "We are expanding the brewery. Production will start on 1 May 2027.",
])
def test_no_period_from_the_day_a_plant_begins_to_run(text):
    assert "period_from" not in values([("body", text)])


def test_a_start_of_production_field_is_no_period():
    fields = {"Company name": "Oat & Co. Foods ApS", "Start of production": "1 May 2027"}
    found = extract_details([("form", "")], fields, reference=REF, sender="x@example.dk")
    assert "period_from" not in found
